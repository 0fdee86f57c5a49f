import type { Transaction } from 'kysely';
import type { Tx } from './tenant-transaction.ts';

// The organisation's report settings (columns added to organisations by
// migrations/0009-item-statistics.ts, typed here next to their only store): whether it
// contributes its aggregates to other organisations' reference groups, and its own, stricter
// reporting thresholds (null: the product's defaults).

interface OrganisationReportColumns {
  organisations: {
    id: string;
    contributes_to_reference: boolean;
    report_hide_below: number | null;
    report_indicative_below: number | null;
  };
}

const settings = (tx: Tx) => tx as unknown as Transaction<OrganisationReportColumns>;

export interface ReportSettings {
  readonly contributesToReference: boolean;
  readonly hideBelow: number | null;
  readonly indicativeBelow: number | null;
}

export async function getReportSettings(tx: Tx, organisationId: string): Promise<ReportSettings> {
  const row = await settings(tx)
    .selectFrom('organisations')
    .select(['contributes_to_reference as contributesToReference', 'report_hide_below as hideBelow', 'report_indicative_below as indicativeBelow'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row ?? { contributesToReference: true, hideBelow: null, indicativeBelow: null };
}

export async function setReportSettings(tx: Tx, organisationId: string, value: ReportSettings): Promise<void> {
  await settings(tx)
    .updateTable('organisations')
    .set({ contributes_to_reference: value.contributesToReference, report_hide_below: value.hideBelow, report_indicative_below: value.indicativeBelow })
    .where('id', '=', organisationId)
    .execute();
}
