// The organiser's dashboard: its benchmarks, and per benchmark who contributed and the spread
// of the organisations' figures per question (src/domain/benchmark/benchmark-overview.ts).

import type { Kysely } from 'kysely';
import { benchmarksOf, latestContributions, participantsOf, type Benchmark } from '../../db/benchmark-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { benchmarkOverview, type BenchmarkOverview } from '../../domain/benchmark/benchmark-overview.ts';
import type { Contribution } from '../../domain/benchmark/contribution.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../domain/statistics/reporting-thresholds.ts';
import { itemsOf, type Item } from '../../domain/questionnaire/questionnaire.ts';
import { ensureStandardQuestionnaire } from '../ensure-standard-questionnaire.ts';

export interface DashboardParticipant {
  readonly id: string;
  readonly name: string;
  readonly named: boolean;
  readonly sizeClass: string | null;
  readonly region: string | null;
  /** When its latest contribution was imported; null before any. */
  readonly contributedAt: Date | null;
}

export interface BenchmarkDashboard {
  readonly benchmark: Benchmark;
  /** The standard questionnaire's questions, for their texts. */
  readonly items: ReadonlyMap<string, Item>;
  readonly participants: readonly DashboardParticipant[];
  readonly overview: BenchmarkOverview;
}

export function organisedBenchmarks(db: Kysely<DB>, organisationId: string): Promise<Benchmark[]> {
  return withTenant(db, organisationId, (tx) => benchmarksOf(tx, organisationId, 'organiser'));
}

export async function benchmarkDashboard(db: Kysely<DB>, organisationId: string, benchmarkId: string): Promise<BenchmarkDashboard | undefined> {
  const standard = await ensureStandardQuestionnaire(db);
  const items = new Map(itemsOf(standard.definition).map((i) => [i.key, i]));
  return withTenant(db, organisationId, async (tx) => {
    const benchmark = (await benchmarksOf(tx, organisationId, 'organiser')).find((b) => b.id === benchmarkId);
    if (!benchmark) return undefined;
    const rows = await participantsOf(tx, organisationId, benchmark.id);
    const contributions = new Map((await latestContributions(tx, organisationId, benchmark.id)).map((c) => [c.participantId, c]));
    const participants = rows.map((p): DashboardParticipant => ({
      id: p.id, name: p.name, named: p.consent === 'named', sizeClass: p.sizeClass, region: p.region,
      contributedAt: contributions.get(p.id)?.importedAt ?? null,
    }));
    const overview = benchmarkOverview(rows.map((p) => ({
      id: p.id, name: p.name, named: p.consent === 'named',
      // Validated against the file schema and checked for consistency when imported.
      contribution: (contributions.get(p.id)?.aggregates as Contribution | undefined) ?? null,
    })), DEFAULT_REPORTING_THRESHOLDS);
    return { benchmark, items, participants, overview };
  });
}
