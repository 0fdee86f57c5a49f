import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { exportContribution } from '../../src/app/benchmark/export-contribution.ts';
import { importReference } from '../../src/app/benchmark/import-reference.ts';
import { joinBenchmark } from '../../src/app/benchmark/set-up-benchmark.ts';
import { generateBenchmarkKeyPair, keyIdOf, signBenchmarkFile } from '../../src/app/benchmark/signed-file.ts';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import type { DB } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import type { ContributionPayload } from '../../src/domain/benchmark/benchmark-file.ts';
import { buildContribution } from '../../src/domain/benchmark/contribution.ts';
import { referenceFigures } from '../../src/domain/benchmark/reference-figures.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../src/domain/statistics/reporting-thresholds.ts';
import { countsOf, scaleItem } from '../domain/benchmark/benchmark-fixtures.ts';
import { createFieldworkRound } from './builders.ts';

/**
 * A closed 2026 round of the organisation whose reference figures from "KTO-benchmark" were
 * imported: its marks are 20 × 8 and 20 × 9 (mean 8,5); five others each gave 10 × 5, 10 × 6
 * and 10 × 7 (mean 6,0). Returns the round id.
 */
export async function roundWithReference(db: Kysely<DB>, organisationId: string, name?: string): Promise<string> {
  const ref = { name: 'KTO-benchmark', year: 2026 };
  const { roundId } = await createFieldworkRound(db, organisationId, name ? { name } : {});
  await withTenant(db, organisationId, async (tx) => {
    await insertCompletedResponses(tx, organisationId, roundId, Array.from({ length: 40 }, (_, i) => ({
      id: randomUUID(), channel: 'web', language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02',
      answers: [{ itemKey: 'algemeen.cijfer', valueNum: i < 20 ? 8 : 9 }],
    })));
    await setRoundStatus(tx, roundId, 'closed');
  });
  const organiser = generateBenchmarkKeyPair();
  const own = generateBenchmarkKeyPair();
  const joined = await joinBenchmark(db, organisationId, { ...ref, questionnaireVersion: 'standaard-kto 1', organiserPublicKey: organiser.publicKey, ownPublicKey: own.publicKey });
  if (!joined.ok && joined.error !== 'exists') throw new Error(joined.error);
  const exported = await exportContribution(db, organisationId, { benchmark: ref, roundId, privateKeyPem: own.privateKey });
  if (!exported.ok) throw new Error(exported.error);
  const ownContribution = (JSON.parse(exported.value.text) as { payload: ContributionPayload }).payload.contribution;
  const others = Array.from({ length: 5 }, (_, i) => ({
    id: `other-${i}`, sizeClass: null, region: null,
    contribution: buildContribution([scaleItem('algemeen.cijfer', 'mark')], new Map([['algemeen.cijfer', countsOf([...Array(10).fill(5), ...Array(10).fill(6), ...Array(10).fill(7)])]]), [], DEFAULT_REPORTING_THRESHOLDS),
  }));
  const figures = referenceFigures('own', [{ id: 'own', sizeClass: null, region: null, contribution: ownContribution }, ...others], {}, DEFAULT_REPORTING_THRESHOLDS);
  if (!figures.ok) throw new Error(figures.error.reason);
  const file = signBenchmarkFile('reference', { fileId: randomUUID(), createdOn: '2026-12-20', benchmark: { ...ref, questionnaireVersion: 'standaard-kto 1' }, participantKeyId: keyIdOf(own.publicKey), figures: figures.value }, organiser.privateKey);
  const imported = await importReference(db, organisationId, ref, file);
  if (!imported.ok) throw new Error(imported.error.code);
  return roundId;
}
