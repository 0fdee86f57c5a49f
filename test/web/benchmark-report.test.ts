import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportContribution } from '../../src/app/benchmark/export-contribution.ts';
import { importReference } from '../../src/app/benchmark/import-reference.ts';
import { joinBenchmark } from '../../src/app/benchmark/set-up-benchmark.ts';
import { generateBenchmarkKeyPair, keyIdOf, signBenchmarkFile } from '../../src/app/benchmark/signed-file.ts';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import type { ContributionPayload } from '../../src/domain/benchmark/benchmark-file.ts';
import { buildContribution } from '../../src/domain/benchmark/contribution.ts';
import { referenceFigures } from '../../src/domain/benchmark/reference-figures.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../src/domain/statistics/reporting-thresholds.ts';
import { countsOf, scaleItem } from '../domain/benchmark/benchmark-fixtures.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The round report shows the organisation's position once it imported reference figures.

let t: TestApp;
let roundA: string;
let roundB: string;
const ref = { name: 'KTO-benchmark', year: 2026 };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  roundA = (await createFieldworkRound(db, t.orgA)).roundId;
  roundB = (await createFieldworkRound(db, t.orgB)).roundId;
  // Marks: 20 × 8 and 20 × 9, mean 8,5 — well above the others' 6,0.
  await withTenant(db, t.orgA, async (tx) => {
    await insertCompletedResponses(tx, t.orgA, roundA, Array.from({ length: 40 }, (_, i) => ({
      id: randomUUID(), channel: 'web', language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02',
      answers: [{ itemKey: 'algemeen.cijfer', valueNum: i < 20 ? 8 : 9 }],
    })));
    await setRoundStatus(tx, roundA, 'closed');
  });
  const organiser = generateBenchmarkKeyPair();
  const own = generateBenchmarkKeyPair();
  expect((await joinBenchmark(db, t.orgA, { ...ref, questionnaireVersion: 'standaard-kto 1', organiserPublicKey: organiser.publicKey, ownPublicKey: own.publicKey })).ok).toBe(true);
  const exported = await exportContribution(db, t.orgA, { benchmark: ref, roundId: roundA, privateKeyPem: own.privateKey });
  if (!exported.ok) throw new Error(exported.error);
  const ownContribution = (JSON.parse(exported.value.text) as { payload: ContributionPayload }).payload.contribution;
  // Five others: marks 5, 6 and 7, 10 each (mean 6,0).
  const others = Array.from({ length: 5 }, (_, i) => ({
    id: `other-${i}`, sizeClass: null, region: null,
    contribution: buildContribution([scaleItem('algemeen.cijfer', 'mark')], new Map([['algemeen.cijfer', countsOf([...Array(10).fill(5), ...Array(10).fill(6), ...Array(10).fill(7)])]]), [], DEFAULT_REPORTING_THRESHOLDS),
  }));
  const figures = referenceFigures('own', [{ id: 'own', sizeClass: null, region: null, contribution: ownContribution }, ...others], {}, DEFAULT_REPORTING_THRESHOLDS);
  if (!figures.ok) throw new Error(figures.error.reason);
  const file = signBenchmarkFile('reference', { fileId: randomUUID(), createdOn: '2026-12-20', benchmark: { ...ref, questionnaireVersion: 'standaard-kto 1' }, participantKeyId: keyIdOf(own.publicKey), figures: figures.value }, organiser.privateKey);
  expect((await importReference(db, t.orgA, ref, file)).ok).toBe(true);
}, 120_000);
afterAll(async () => t.close());

async function reportOf(email: string, roundId: string): Promise<string> {
  const client = new Client(t.app);
  await client.signIn(email);
  const response = await client.get(`/rounds/${roundId}/report`);
  expect(response.statusCode).toBe(200);
  return response.body;
}

describe('the benchmark in the round report', () => {
  it('shows the reference mean with its interval, the range, the rank and the verdict', async () => {
    const body = await reportOf('viewer@alfa.nl', roundA);
    expect(body).toContain('Vergelijking met andere organisaties: KTO-benchmark 2026');
    const start = body.indexOf('<table', body.indexOf('Vergelijking met andere organisaties'));
    const rowText = body.slice(start, body.indexOf('</tr>', body.indexOf('<tbody', start))).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    // Own 8,5 on 40; reference 6,0 on 150 from 5 organisations, all with mean 6,0; first of 6.
    expect(rowText).toContain('8,5 (n = 40)');
    expect(rowText).toMatch(/6,0 \(5,9 – 6,1\) \(n = 150; 5 organisaties\)/);
    expect(rowText).toContain('6,0 – 6,0');
    expect(rowText).toContain('1 van 6');
    expect(rowText).toContain('significant hoger dan de referentiegroep');
  });

  it('shows nothing of it to another organisation', async () => {
    const body = await reportOf('viewer@beta.nl', roundB);
    expect(body).not.toContain('Vergelijking met andere organisaties');
  });
});
