import type { Generated } from 'kysely';

export interface PublishedFiguresTable {
  organisation_id: string;
  round_id: string;
  item_key: string;
  n: number;
  mean: number | null;
  sd: number | null;
  share: number | null;
  source: Generated<string>;
}

export interface PublishedFiguresTables {
  published_figures: PublishedFiguresTable;
}
