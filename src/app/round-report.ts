import type { Kysely } from 'kysely';
import { getRound, type Round } from '../db/round-store.ts';
import { getVersionOf } from '../db/questionnaire-store.ts';
import { reportData, trendRoundsOf } from '../db/report-queries.ts';
import { getReportSettings, type ReportSettings } from '../db/report-settings-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant-transaction.ts';
import { buildRoundReport, type RoundReport } from '../domain/report/build-round-report.ts';
import { isReportedItem, type ItemAnswerCounts } from '../domain/report/item-figures.ts';
import type { TrendRound } from '../domain/report/item-trend.ts';
import { itemsOf, type Questionnaire } from '../domain/questionnaire/questionnaire.ts';
import { DEFAULT_REPORTING_THRESHOLDS, strictenThresholds, type ReportingThresholds } from '../domain/statistics/reporting-thresholds.ts';

export interface RoundReportView {
  readonly round: Round;
  readonly report: RoundReport;
  /** The questionnaire the round used, for labels of the item and module views. */
  readonly questionnaire: Questionnaire;
}

/** The organisation's thresholds: its own choice, never looser than the product's defaults. */
export function organisationThresholds(settings: Pick<ReportSettings, 'hideBelow' | 'indicativeBelow'>): ReportingThresholds {
  return strictenThresholds(DEFAULT_REPORTING_THRESHOLDS, {
    ...(settings.hideBelow !== null ? { hideBelow: settings.hideBelow } : {}),
    ...(settings.indicativeBelow !== null ? { indicativeBelow: settings.indicativeBelow } : {}),
  }).thresholds;
}

/** Everything the report model needs, read in one tenant transaction. */
async function loadReport(tx: Tx, organisationId: string, round: Round, questionnaire: Questionnaire): Promise<RoundReport> {
  const thresholds = organisationThresholds(await getReportSettings(tx, organisationId));
  const rounds = await trendRoundsOf(tx, organisationId, round);
  // The previous round is the latest closed or published round of an earlier year: the trend has it.
  const before = rounds.filter((r) => r.id !== round.id && r.year < round.year).at(-1);
  const roundIds = [...new Set([...rounds.map((r) => r.id), round.id, ...(before ? [before.id] : [])])];
  const itemKeys = itemsOf(questionnaire).filter(isReportedItem).map((i) => i.key);
  const { counts, completed, reference, delivered } = await reportData(tx, organisationId, { roundId: round.id, roundIds, year: round.year, itemKeys });
  const none: ReadonlyMap<string, ItemAnswerCounts> = new Map();
  const trend: TrendRound[] = rounds.map((r) => ({ roundId: r.id, name: r.name, year: r.year, current: r.id === round.id, items: counts.get(r.id) ?? none }));
  return buildRoundReport({
    questionnaire,
    disabledModules: round.disabledModules,
    provisional: round.status === 'fieldwork',
    current: { completed: completed.get(round.id) ?? 0, items: counts.get(round.id) ?? none },
    delivered: round.access === 'codes' ? delivered : null,
    ...(before ? { previous: { completed: completed.get(before.id) ?? 0, items: counts.get(before.id) ?? none, year: before.year, name: before.name } } : {}),
    thresholds,
    reference,
    trend,
  });
}

/**
 * The report of one round of the organisation, compared with its previous round, its other
 * rounds (trend) and the reference group; undefined when the round is not the organisation's.
 * A round in fieldwork gives a provisional report.
 */
export async function roundReport(db: Kysely<DB>, organisationId: string, roundId: string): Promise<RoundReportView | undefined> {
  // One transaction for the round, its questionnaire and every count: the report is one snapshot.
  return withTenant(db, organisationId, async (tx) => {
    const round = await getRound(tx, organisationId, roundId);
    const version = round && (await getVersionOf(tx, organisationId, round.questionnaireVersionId));
    if (!round || !version) return undefined;
    const report = await loadReport(tx, organisationId, round, version.definition);
    return { round, report, questionnaire: version.definition };
  });
}
