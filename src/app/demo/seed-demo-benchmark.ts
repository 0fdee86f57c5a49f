import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { referenceFigures, type BenchmarkParticipant } from '../../domain/benchmark/reference-figures.ts';
import { DEFAULT_REPORTING_THRESHOLDS, strictenThresholds } from '../../domain/statistics/reporting-thresholds.ts';
import { exportContribution } from '../benchmark/export-contribution.ts';
import { importReference } from '../benchmark/import-reference.ts';
import { joinBenchmark } from '../benchmark/set-up-benchmark.ts';
import { benchmarkKeyPairFromSeed, keyIdOf, readBenchmarkFile, signBenchmarkFile, type KeyPairPem } from '../benchmark/signed-file.ts';
import { demoOrganisationId, demoRoundId, type DemoOrganisation } from './demo-organisations.ts';
import { seededUuid } from './seeded-random.ts';

// The demo's 2025 benchmark: the eight demo organisations join it, export the contribution of
// their 2025 round and import the reference figures the organiser returned, so every 2025
// report shows its position. The organiser's side (reading the signed files, computing and
// signing the figures) runs here in memory, as an organiser's own installation would; its keys
// and every file id are derived from fixed seeds, so the demo has the same rows every time.

export const DEMO_BENCHMARK = { name: 'KTO-benchmark sociale diensten', year: 2025, questionnaireVersion: 'standaard-kto' } as const;
const CREATED_ON = '2025-12-15';

const keyOf = (party: string): KeyPairPem => benchmarkKeyPairFromSeed(createHash('sha256').update(`klantstem-demo-benchmark\u001f${party}`).digest());

export async function seedDemoBenchmark(db: Kysely<DB>, organisations: readonly DemoOrganisation[]): Promise<void> {
  const organiser = keyOf('organiser');
  const participants: (BenchmarkParticipant & { keyId: string; hideBelow: number })[] = [];
  for (const organisation of organisations) {
    const organisationId = demoOrganisationId(organisation.slug);
    const own = keyOf(organisation.slug);
    const joined = await joinBenchmark(db, organisationId, { ...DEMO_BENCHMARK, organiserPublicKey: organiser.publicKey, ownPublicKey: own.publicKey, id: seededUuid('benchmark', organisation.slug) });
    if (!joined.ok) throw new Error(`Demo benchmark: ${organisation.slug} could not join: ${joined.error}`);
    const exported = await exportContribution(db, organisationId, {
      benchmark: DEMO_BENCHMARK, roundId: demoRoundId(organisation.slug, DEMO_BENCHMARK.year), privateKeyPem: own.privateKey,
      today: CREATED_ON, fileId: seededUuid('benchmark-contribution', organisation.slug),
    });
    if (!exported.ok) throw new Error(`Demo benchmark: ${organisation.slug} could not export: ${exported.error}`);
    const keyId = keyIdOf(own.publicKey);
    const read = await readBenchmarkFile('contribution', exported.value.text, { registeredKeys: new Map([[keyId, own.publicKey]]), alreadyImported: () => false });
    if (!read.ok) throw new Error(`Demo benchmark: contribution of ${organisation.slug} refused: ${read.error.code}`);
    const { payload } = read.value;
    participants.push({ id: organisation.slug, sizeClass: payload.participant.sizeClass, region: payload.participant.region, contribution: payload.contribution, keyId, hideBelow: payload.hideBelow });
  }
  for (const participant of participants) {
    const thresholds = strictenThresholds(DEFAULT_REPORTING_THRESHOLDS, { hideBelow: participant.hideBelow }).thresholds;
    const figures = referenceFigures(participant.id, participants, {}, thresholds);
    if (!figures.ok) throw new Error(`Demo benchmark: no reference figures for ${participant.id}: ${figures.error.reason}`);
    const text = signBenchmarkFile('reference', {
      fileId: seededUuid('benchmark-reference', participant.id), createdOn: CREATED_ON, benchmark: DEMO_BENCHMARK,
      participantKeyId: participant.keyId, figures: figures.value,
    }, organiser.privateKey);
    const imported = await importReference(db, demoOrganisationId(participant.id), DEMO_BENCHMARK, text);
    if (!imported.ok) throw new Error(`Demo benchmark: ${participant.id} refused its reference figures: ${imported.error.code}`);
  }
}
