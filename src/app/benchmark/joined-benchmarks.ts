// The participant's side in the browser: the benchmarks the organisation joined, and per
// benchmark the rounds that may take part and the reference figures imported last.

import type { Kysely } from 'kysely';
import { benchmarksOf, latestReferenceFigures, type Benchmark } from '../../db/benchmark-store.ts';
import { findSigningKey } from '../../db/benchmark-signing-key-store.ts';
import { listRounds } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import type { ReferenceFigures } from '../../domain/benchmark/reference-figures.ts';
import { keyIdOf } from './signed-file.ts';

export interface JoinedBenchmark {
  readonly benchmark: Benchmark;
  /** Closed or published rounds of the benchmark year (never a council's own survey). */
  readonly rounds: readonly { readonly id: string; readonly name: string }[];
  readonly reference: { readonly importedAt: Date; readonly organisations: number } | null;
  /** Whether the organisation's stored signing key is the one given when joining. */
  readonly keyMatches: boolean;
}

export function joinedBenchmarks(db: Kysely<DB>, organisationId: string): Promise<Benchmark[]> {
  return withTenant(db, organisationId, (tx) => benchmarksOf(tx, organisationId, 'participant'));
}

export function joinedBenchmark(db: Kysely<DB>, organisationId: string, benchmarkId: string): Promise<JoinedBenchmark | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const benchmark = (await benchmarksOf(tx, organisationId, 'participant')).find((b) => b.id === benchmarkId);
    if (!benchmark) return undefined;
    const rounds = (await listRounds(tx, organisationId))
      .filter((r) => r.year === benchmark.year && r.ownerKind !== 'council' && (r.status === 'closed' || r.status === 'published'))
      .map((r) => ({ id: r.id, name: r.name }));
    const latest = await latestReferenceFigures(tx, organisationId, benchmark.id);
    const key = await findSigningKey(tx, organisationId);
    return {
      benchmark,
      rounds,
      // Validated against the file schema when imported.
      reference: latest ? { importedAt: latest.importedAt, organisations: (latest.figures as ReferenceFigures).organisations } : null,
      keyMatches: key !== undefined && key.keyId === keyIdOf(benchmark.ownPublicKey!),
    };
  });
}
