import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { importContribution } from '../../src/app/benchmark/import-contribution.ts';
import { createBenchmark, registerParticipant } from '../../src/app/benchmark/set-up-benchmark.ts';
import { generateBenchmarkKeyPair, signBenchmarkFile } from '../../src/app/benchmark/signed-file.ts';
import type { DB } from '../../src/db/schema.ts';
import { buildContribution } from '../../src/domain/benchmark/contribution.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../src/domain/statistics/reporting-thresholds.ts';
import { countsOf, scaleItem } from '../domain/benchmark/benchmark-fixtures.ts';

/**
 * "KTO-benchmark 2026" organised by the organisation, with three participants: Gemeente Noord
 * (named) sent marks 20 × 7 and 20 × 8 (7,5), Gemeente Zuid (anonymous) 10 × 6 and 10 × 7 (6,5),
 * Gemeente Oost (named) nothing yet. Returns the benchmark's id.
 */
export async function organisedBenchmark(db: Kysely<DB>, organisationId: string): Promise<string> {
  const ref = { name: 'KTO-benchmark', year: 2026 };
  const created = await createBenchmark(db, organisationId, { ...ref, questionnaireVersion: 'standaard-kto 1' });
  if (!created.ok) throw new Error(created.error);
  const participants = [
    { name: 'Gemeente Noord', consent: 'named' as const, marks: [...Array(20).fill(7), ...Array(20).fill(8)] },
    { name: 'Gemeente Zuid', consent: 'anonymous' as const, marks: [...Array(10).fill(6), ...Array(10).fill(7)] },
    { name: 'Gemeente Oost', consent: 'named' as const, marks: null },
  ];
  for (const p of participants) {
    const keys = generateBenchmarkKeyPair();
    const registered = await registerParticipant(db, organisationId, ref, { name: p.name, publicKey: keys.publicKey, consent: p.consent, sizeClass: null, region: null });
    if (!registered.ok) throw new Error(registered.error);
    if (!p.marks) continue;
    const contribution = buildContribution([scaleItem('algemeen.cijfer', 'mark')], new Map([['algemeen.cijfer', countsOf(p.marks)]]), [], DEFAULT_REPORTING_THRESHOLDS);
    const file = signBenchmarkFile('contribution', {
      fileId: randomUUID(), createdOn: '2026-12-01', benchmark: { ...ref, questionnaireVersion: 'standaard-kto 1' },
      participant: { sizeClass: null, region: null }, hideBelow: 10, contribution,
    }, keys.privateKey);
    const imported = await importContribution(db, organisationId, ref, file);
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  }
  return created.value.id;
}
