import type { ColumnType, Generated } from 'kysely';

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

/** A response file between upload and import (migration 0025). */
export interface ResponseUploadsTable {
  id: string;
  organisation_id: string;
  file_name: string;
  headers: ColumnType<string[], string, string>;
  rows: ColumnType<string[][], string, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface HistoricRoundTables {
  published_figures: PublishedFiguresTable;
  response_uploads: ResponseUploadsTable;
}
