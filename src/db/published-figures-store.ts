// The figures old reports published for rounds from before Klantstem (migration 0024).

import type { PublishedFigure } from '../domain/report/published-figure.ts';
import type { Tx } from './tenant-transaction.ts';

export type StoredPublishedFigure = PublishedFigure & { readonly roundId: string; readonly itemKey: string };

export async function insertPublishedFigures(
  tx: Tx,
  organisationId: string,
  roundId: string,
  figures: readonly (PublishedFigure & { readonly itemKey: string })[],
  source: string,
): Promise<void> {
  if (figures.length === 0) return;
  await tx
    .insertInto('published_figures')
    .values(figures.map((f) => ({ organisation_id: organisationId, round_id: roundId, item_key: f.itemKey, n: f.n, mean: f.mean, sd: f.sd, share: f.share, source })))
    .execute();
}

export async function publishedFiguresOf(tx: Tx, organisationId: string, roundIds: readonly string[]): Promise<StoredPublishedFigure[]> {
  if (roundIds.length === 0) return [];
  const rows = await tx
    .selectFrom('published_figures')
    .select(['round_id', 'item_key', 'n', 'mean', 'sd', 'share'])
    .where('organisation_id', '=', organisationId)
    .where('round_id', 'in', [...roundIds])
    .orderBy('item_key')
    .execute();
  return rows.map((r) => ({ roundId: r.round_id, itemKey: r.item_key, n: r.n, mean: r.mean, sd: r.sd, share: r.share }));
}
