import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportContribution } from '../../../src/app/benchmark/export-contribution.ts';
import { exportReference } from '../../../src/app/benchmark/export-reference.ts';
import { importContribution } from '../../../src/app/benchmark/import-contribution.ts';
import { importReference } from '../../../src/app/benchmark/import-reference.ts';
import { createBenchmark, joinBenchmark, registerParticipant } from '../../../src/app/benchmark/set-up-benchmark.ts';
import { generateBenchmarkKeyPair, signBenchmarkFile } from '../../../src/app/benchmark/signed-file.ts';
import { createOrganisation } from '../../../src/app/create-organisation.ts';
import { findBenchmark, latestReferenceFigures } from '../../../src/db/benchmark-store.ts';
import type { Database } from '../../../src/db/connect.ts';
import { insertCompletedResponses } from '../../../src/db/response-store.ts';
import { setRoundStatus } from '../../../src/db/round-store.ts';
import { withTenant } from '../../../src/db/tenant-transaction.ts';
import type { ReferencePayload } from '../../../src/domain/benchmark/benchmark-file.ts';
import { buildContribution } from '../../../src/domain/benchmark/contribution.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../../src/domain/statistics/reporting-thresholds.ts';
import { createFieldworkRound } from '../../support/builders.ts';
import { createTestDatabase } from '../../support/test-database.ts';
import { countsOf, drawAnswers, scaleItem, seeded } from '../../domain/benchmark/benchmark-fixtures.ts';

// Two installations, two databases: a municipality that contributes and an organiser. Only the
// signed files pass between them.

const ref = { name: 'KTO-benchmark 2026', year: 2026 };
const questionnaireVersion = 'standaard-kto 1';
const participantKey = generateBenchmarkKeyPair();
const organiserKey = generateBenchmarkKeyPair();
const districts = [...Array(30).fill('Noord'), ...Array(26).fill('Zuid'), ...Array(4).fill('West')] as string[];
const marks = drawAnswers(seeded(7), 60, 1, 10, 0.5);

let municipality: Database;
let organiser: Database;
let municipalityId: string;
let organiserId: string;
let roundId: string;

beforeAll(async () => {
  [municipality, organiser] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  const m = await createOrganisation(municipality.db, { slug: 'noordstad', name: 'Gemeente Noordstad', inhabitants: 45_000, region: 'Noord' });
  const o = await createOrganisation(organiser.db, { slug: 'divosa', name: 'Benchmarkorganisatie', inhabitants: null, region: null });
  if (!m.ok || !o.ok) throw new Error('organisations');
  municipalityId = m.value.id;
  organiserId = o.value.id;
  ({ roundId } = await createFieldworkRound(municipality.db, municipalityId));
  await withTenant(municipality.db, municipalityId, (tx) => insertCompletedResponses(tx, municipalityId, roundId, marks.map((mark, i) => ({
    id: randomUUID(), channel: 'web', language: 'nl', startedOn: '2026-11-10', completedOn: '2026-11-10',
    carried: { district: districts[i]! },
    answers: [{ itemKey: 'algemeen.cijfer', valueNum: mark }, { itemKey: 'balie.bejegening', valueNum: 1 + (i % 5) }, { itemKey: 'situatie.intake', valueNum: i % 2 }, { itemKey: 'open.pluspunten', valueText: 'Vriendelijk' }],
  }))));
}, 120_000);
afterAll(async () => Promise.all([municipality?.close(), organiser?.close()]));

/** Another participant's file, made the same way its installation would. */
function otherContribution(seed: number, key: string): string {
  const random = seeded(seed);
  const contribution = buildContribution([scaleItem('algemeen.cijfer', 'mark'), scaleItem('balie.bejegening', 'agree5')], new Map([
    ['algemeen.cijfer', countsOf(drawAnswers(random, 50 + seed, 1, 10, 0))],
    ['balie.bejegening', countsOf(drawAnswers(random, 40, 1, 5, 0))],
  ]), [], DEFAULT_REPORTING_THRESHOLDS);
  return signBenchmarkFile('contribution', {
    fileId: randomUUID(), createdOn: '2026-12-01', benchmark: { ...ref, questionnaireVersion },
    participant: { sizeClass: '20000-50000', region: 'Zuid' }, hideBelow: 10, contribution,
  }, key);
}

describe('benchmark round trip between two installations', () => {
  it('exports a closed round only, signed with the key registered at joining', async () => {
    expect((await joinBenchmark(municipality.db, municipalityId, { ...ref, questionnaireVersion, organiserPublicKey: organiserKey.publicKey, ownPublicKey: participantKey.publicKey })).ok).toBe(true);
    const early = await exportContribution(municipality.db, municipalityId, { benchmark: ref, roundId, privateKeyPem: participantKey.privateKey });
    expect(early).toEqual({ ok: false, error: 'round-not-closed' });
    await withTenant(municipality.db, municipalityId, (tx) => setRoundStatus(tx, roundId, 'closed'));
    const wrongKey = await exportContribution(municipality.db, municipalityId, { benchmark: ref, roundId, privateKeyPem: organiserKey.privateKey });
    expect(wrongKey).toEqual({ ok: false, error: 'key-mismatch' });
  });

  it('carries aggregates of the standard scale items and the large enough carried cells', async () => {
    const exported = await exportContribution(municipality.db, municipalityId, { benchmark: ref, roundId, privateKeyPem: participantKey.privateKey });
    if (!exported.ok) throw new Error(exported.error);
    const file = JSON.parse(exported.value.text) as { payload: { participant: unknown; contribution: { items: Record<string, { n: number; sum: number }>; cells: { variable: string; value: string; items: Record<string, { n: number }> }[] } } };
    const { items, cells } = file.payload.contribution;
    expect(Object.keys(items).sort()).toEqual(['algemeen.cijfer', 'balie.bejegening', 'situatie.intake']);
    expect(items['algemeen.cijfer']).toMatchObject({ n: 60, sum: marks.reduce((a, b) => a + b, 0) });
    expect(file.payload.participant).toEqual({ sizeClass: '20000-50000', region: 'Noord' });
    // West (4) is too small; Zuid is hidden with it, or West would be total − Noord.
    expect(cells.map((c) => `${c.variable}=${c.value}`)).toEqual(['district=Noord']);
    expect(exported.value.text).not.toContain('Vriendelijk');
  });

  it('the organiser imports six contributions, refuses strangers and duplicates, and returns signed reference figures', async () => {
    expect((await createBenchmark(organiser.db, organiserId, { ...ref, questionnaireVersion })).ok).toBe(true);
    const register = (name: string, publicKey: string) => registerParticipant(organiser.db, organiserId, ref, { name, publicKey, consent: 'anonymous', sizeClass: null, region: null });
    expect((await register('Gemeente Noordstad', participantKey.publicKey)).ok).toBe(true);
    const exported = await exportContribution(municipality.db, municipalityId, { benchmark: ref, roundId, privateKeyPem: participantKey.privateKey });
    if (!exported.ok) throw new Error(exported.error);
    expect(await importContribution(organiser.db, organiserId, ref, exported.value.text)).toMatchObject({ ok: true, value: { participant: 'Gemeente Noordstad' } });
    expect(await importContribution(organiser.db, organiserId, ref, exported.value.text)).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    const stranger = generateBenchmarkKeyPair();
    expect(await importContribution(organiser.db, organiserId, ref, otherContribution(1, stranger.privateKey))).toMatchObject({ ok: false, error: { code: 'unknown-key' } });

    for (let i = 1; i <= 4; i++) {
      const key = generateBenchmarkKeyPair();
      expect((await register(`Gemeente ${i}`, key.publicKey)).ok).toBe(true);
      expect((await importContribution(organiser.db, organiserId, ref, otherContribution(i, key.privateKey))).ok).toBe(true);
    }
    const tooFew = await exportReference(organiser.db, organiserId, { benchmark: ref, participant: 'Gemeente Noordstad', filter: {}, privateKeyPem: organiserKey.privateKey });
    expect(tooFew).toEqual({ ok: false, error: { reason: 'too-few-organisations', organisations: 4 } });
    const fifth = generateBenchmarkKeyPair();
    await register('Gemeente 5', fifth.publicKey);
    expect((await importContribution(organiser.db, organiserId, ref, otherContribution(5, fifth.privateKey))).ok).toBe(true);

    const reference = await exportReference(organiser.db, organiserId, { benchmark: ref, participant: 'Gemeente Noordstad', filter: {}, privateKeyPem: organiserKey.privateKey });
    if (!reference.ok) throw new Error(reference.error.reason);
    const forOther = await exportReference(organiser.db, organiserId, { benchmark: ref, participant: 'Gemeente 5', filter: {}, privateKeyPem: organiserKey.privateKey });
    if (!forOther.ok) throw new Error(forOther.error.reason);

    expect(await importReference(municipality.db, municipalityId, ref, forOther.value.text)).toMatchObject({ ok: false, error: { code: 'other-participant' } });
    expect(await importReference(municipality.db, municipalityId, ref, reference.value.text)).toEqual({ ok: true, value: { fileId: reference.value.fileId, organisations: 5 } });
    expect(await importReference(municipality.db, municipalityId, ref, reference.value.text)).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    const stored = await withTenant(municipality.db, municipalityId, async (tx) => {
      const benchmark = await findBenchmark(tx, municipalityId, ref.name, ref.year);
      return latestReferenceFigures(tx, municipalityId, benchmark!.id);
    });
    const figures = stored!.figures as ReferencePayload['figures'];
    expect(figures.items.find((i) => i.itemKey === 'algemeen.cijfer')).toMatchObject({ status: 'shown', own: { n: 60 }, reference: { organisations: 5, n: 51 + 52 + 53 + 54 + 55 } });
    // Only Noordstad asked about the intake: nobody to compare with.
    expect(figures.items.find((i) => i.itemKey === 'situatie.intake')).toEqual({ itemKey: 'situatie.intake', kind: 'yesno', status: 'hidden', organisations: 0 });
  });
});
