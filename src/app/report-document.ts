import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import { reportMethodFigures, type ReportMethodFigures } from '../db/report-method-queries.ts';
import { roundsAnswerCounts } from '../db/report-queries.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { roundReport, type RoundReportView } from './round-report.ts';
import { benchmarkPositions, type BenchmarkPosition } from './benchmark/benchmark-position.ts';
import { studyChaptersOfRound } from './qualitative/study-workspace.ts';
import type { StudyChapter } from '../domain/qualitative/study-chapter.ts';

/** Answers 1–5 of an agreement item, counted: index 0 is "helemaal oneens". */
export type AgreementCounts = readonly [number, number, number, number, number];

export interface ChartedReport extends RoundReportView {
  /** Per agreement item: its answers counted per scale point, for the diverging bars. */
  readonly agreement: ReadonlyMap<string, AgreementCounts>;
}

export interface ReportDocumentData extends ChartedReport {
  readonly method: ReportMethodFigures;
  /** The organisation's position in the benchmarks of the round's year (imported figures). */
  readonly benchmarks: readonly BenchmarkPosition[];
  /** Qualitative studies beside the round: reviewed passages only. */
  readonly studies: readonly StudyChapter[];
}

/**
 * The round report plus what its charts need beyond the model: how the answers of each
 * agreement item spread over the five points. Undefined when the round is not the organisation's.
 */
export async function chartedRoundReport(db: Kysely<DB>, organisationId: string, roundId: string): Promise<ChartedReport | undefined> {
  const view = await roundReport(db, organisationId, roundId);
  if (!view) return undefined;
  const agreementKeys = new Set(view.report.modules.flatMap((m) => m.items).filter((i) => i.type === 'agree5').map((i) => i.key));
  const counts = await withTenant(db, organisationId, (tx) => roundsAnswerCounts(tx, organisationId, [view.round.id], [...agreementKeys]));
  const agreement = new Map<string, AgreementCounts>();
  for (const [key, item] of counts.get(view.round.id) ?? new Map()) {
    if (!agreementKeys.has(key)) continue;
    agreement.set(key, [1, 2, 3, 4, 5].map((v) => item.values.get(v) ?? 0) as unknown as AgreementCounts);
  }
  return { ...view, agreement };
}

/** Everything the report document prints: the charted report and the method chapter's counts. */
export async function reportDocumentData(db: Kysely<DB>, organisationId: string, roundId: string): Promise<ReportDocumentData | undefined> {
  const charted = await chartedRoundReport(db, organisationId, roundId);
  if (!charted) return undefined;
  const method = await withTenant(db, organisationId, (tx) => reportMethodFigures(tx, organisationId, roundId));
  const benchmarks = await benchmarkPositions(db, organisationId, charted.round.year);
  const studies = await studyChaptersOfRound(db, organisationId, roundId, { publicOnly: false });
  return { ...charted, method, benchmarks, studies };
}

/** A downloaded report PDF is an export of the round's figures: logged without personal data. */
export async function recordReportDownload(db: Kysely<DB>, entry: { organisationId: string; userId: string; roundId: string; language: string }): Promise<void> {
  await withTenant(db, entry.organisationId, (tx) => recordAudit(tx, {
    organisationId: entry.organisationId,
    userId: entry.userId,
    action: 'export',
    details: { roundId: entry.roundId, format: 'report-pdf', language: entry.language },
  }));
}
