import type { Kysely } from 'kysely';
import type { Round } from '../db/round-store.ts';
import { deliveredCodes, previousRoundOf, roundAnswerCounts } from '../db/report-queries.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { buildRoundReport, type RoundReport } from '../domain/report/build-round-report.ts';
import { roundWithQuestionnaire } from './round-queries.ts';

export interface RoundReportView {
  readonly round: Round;
  readonly report: RoundReport;
}

/**
 * The report of one round of the organisation, compared with its previous round; undefined
 * when the round is not the organisation's. A round in fieldwork gives a provisional report.
 */
export async function roundReport(db: Kysely<DB>, organisationId: string, roundId: string): Promise<RoundReportView | undefined> {
  const found = await roundWithQuestionnaire(db, organisationId, roundId);
  if (!found) return undefined;
  const { round, version } = found;
  return withTenant(db, organisationId, async (tx) => {
    const current = await roundAnswerCounts(tx, organisationId, round.id);
    const delivered = await deliveredCodes(tx, organisationId, round.id);
    const before = await previousRoundOf(tx, organisationId, round.id, round.year);
    const previous = before ? { ...(await roundAnswerCounts(tx, organisationId, before.id)), year: before.year, name: before.name } : undefined;
    const report = buildRoundReport({
      questionnaire: version.definition,
      disabledModules: round.disabledModules,
      provisional: round.status === 'fieldwork',
      current,
      delivered: round.access === 'codes' ? delivered : null,
      ...(previous ? { previous } : {}),
    });
    return { round, report };
  });
}
