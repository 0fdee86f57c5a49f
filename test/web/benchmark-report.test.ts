import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savePublicationSettings } from '../../src/db/publication-store.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { roundWithReference } from '../support/benchmark-reference.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The round report shows the organisation's position once it imported reference figures.

let t: TestApp;
let roundA: string;
let roundB: string;

beforeAll(async () => {
  t = await createTestApp();
  roundA = await roundWithReference(t.database.db, t.orgA);
  roundB = (await createFieldworkRound(t.database.db, t.orgB)).roundId;
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

  it('gives the position a chapter in the report document', async () => {
    const client = new Client(t.app);
    await client.signIn('viewer@alfa.nl');
    const response = await client.get(`/rounds/${roundA}/report/document?lang=en`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/<section class="ks-doc__chapter" aria-labelledby="benchmark-1">/);
    expect(response.body).toContain('Comparison with other organisations: KTO-benchmark 2026');
    expect(response.body).toContain('significantly higher than the reference group');
  });

  it('shows nothing of it to another organisation', async () => {
    const body = await reportOf('viewer@beta.nl', roundB);
    expect(body).not.toContain('Vergelijking met andere organisaties');
  });

  it('shows the position on the public page of a published round, unless comparisons are switched off', async () => {
    await withTenant(t.database.db, t.orgA, (tx) => setRoundStatus(tx, roundA, 'published'));
    const visitor = new Client(t.app);
    const shown = (await visitor.get(`/p/alfa/${roundA}`)).body;
    expect(shown).toContain('Vergelijking met andere organisaties: KTO-benchmark 2026');
    expect(shown.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain('1 van 6');
    await withTenant(t.database.db, t.orgA, (tx) => savePublicationSettings(tx, t.orgA, roundA, { modules: ['algemeen'], showTrend: true, showReference: false, introduction: '' }, null));
    expect((await visitor.get(`/p/alfa/${roundA}`)).body).not.toContain('Vergelijking met andere organisaties');
    await withTenant(t.database.db, t.orgA, (tx) => savePublicationSettings(tx, t.orgA, roundA, { modules: ['contact'], showTrend: true, showReference: true, introduction: '' }, null));
    // Only published questions: the overall mark's module is not published, so no benchmark row is left.
    expect((await visitor.get(`/p/alfa/${roundA}`)).body).not.toContain('Vergelijking met andere organisaties');
  });
});
