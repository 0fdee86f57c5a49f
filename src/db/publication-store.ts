// What an organisation chose to show of a round on its public results page. No row means the
// defaults (every module of the report, trend and reference shown, no introduction).

import type { Tx } from './tenant-transaction.ts';

export interface PublicationSettings {
  /** Module keys to show; null when nothing was chosen yet (then every module is shown). */
  readonly modules: readonly string[] | null;
  readonly showTrend: boolean;
  readonly showReference: boolean;
  readonly introduction: string;
}

export const DEFAULT_PUBLICATION: PublicationSettings = { modules: null, showTrend: true, showReference: true, introduction: '' };

export async function getPublicationSettings(tx: Tx, organisationId: string, roundId: string): Promise<PublicationSettings> {
  const row = await tx
    .selectFrom('publication_settings')
    .select(['modules', 'show_trend', 'show_reference', 'introduction'])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  if (!row) return DEFAULT_PUBLICATION;
  return { modules: row.modules, showTrend: row.show_trend, showReference: row.show_reference, introduction: row.introduction };
}

export async function savePublicationSettings(
  tx: Tx,
  organisationId: string,
  roundId: string,
  settings: PublicationSettings & { readonly modules: readonly string[] },
  userId: string | null,
): Promise<void> {
  const values = {
    modules: [...settings.modules],
    show_trend: settings.showTrend,
    show_reference: settings.showReference,
    introduction: settings.introduction,
    updated_by: userId,
    updated_at: new Date(),
  };
  await tx
    .insertInto('publication_settings')
    .values({ organisation_id: organisationId, round_id: roundId, ...values })
    .onConflict((oc) => oc.column('round_id').doUpdateSet(values))
    .execute();
}
