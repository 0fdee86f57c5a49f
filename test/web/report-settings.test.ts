import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundReport } from '../../src/app/round-report.ts';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// Administrators set the reference-group consent and thresholds; thresholds only get stricter,
// and every figure then uses them.

let t: TestApp;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  roundId = (await createFieldworkRound(t.database.db, t.orgA)).roundId;
  // 12 answers: shown under the default (10), hidden under a threshold of 15.
  await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, roundId, Array.from({ length: 12 }, () => ({
    id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02', answers: [{ itemKey: 'algemeen.cijfer', valueNum: 7 }],
  }))));
});
afterAll(async () => t.close());

async function admin(): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn('administrator@alfa.nl');
  await client.get('/admin/report-settings');
  return client;
}

const stored = async () => (await sql<{ contributes_to_reference: boolean; report_hide_below: number | null; report_indicative_below: number | null }>`
  select contributes_to_reference, report_hide_below, report_indicative_below from organisations where id = ${t.orgA}`.execute(t.database.db)).rows[0]!;

describe('report settings', () => {
  it('are for administrators only, and contribute by default', async () => {
    const researcher = new Client(t.app);
    await researcher.signIn('researcher@alfa.nl');
    expect((await researcher.get('/admin/report-settings')).statusCode).toBe(403);
    const page = await (await admin()).get('/admin/report-settings');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/id="contributes" name="contributes" value="1" aria-describedby="contributes-hint" checked/);
    expect(page.body).toContain('href="/admin/report-settings"');
  });

  it('refuse a looser or malformed threshold with a message per field, keeping what was typed', async () => {
    const client = await admin();
    const refused = await client.post('/admin/report-settings', { contributes: '1', hideBelow: '5', indicativeBelow: 'veel' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#hide-below"');
    expect(refused.body).toContain('Dit mag niet lager zijn dan 10.');
    expect(refused.body).toContain('href="#indicative-below"');
    expect(refused.body).toContain('Vul een heel getal in van 1 tot en met 1000');
    expect(refused.body).toContain('value="veel"');
    expect(await stored()).toEqual({ contributes_to_reference: true, report_hide_below: null, report_indicative_below: null });
    const tooLowIndicative = await client.post('/admin/report-settings', { contributes: '1', hideBelow: '', indicativeBelow: '20' });
    expect(tooLowIndicative.body).toContain('Dit mag niet lager zijn dan 30.');
  });

  it('store a stricter threshold and the consent, and every figure uses it', async () => {
    const before = await roundReport(t.database.db, t.orgA, roundId);
    expect(before!.report.overall!.nClass).toBe('indicative');
    const client = await admin();
    const saved = await client.post('/admin/report-settings', { hideBelow: '15', indicativeBelow: '' });
    expect(saved.statusCode).toBe(303);
    expect((await client.get(String(saved.headers.location))).body).toContain('De instellingen zijn opgeslagen.');
    expect(await stored()).toEqual({ contributes_to_reference: false, report_hide_below: 15, report_indicative_below: null });
    const after = await roundReport(t.database.db, t.orgA, roundId);
    expect(after!.report.thresholds).toEqual({ hideBelow: 15, indicativeBelow: 30 });
    expect(after!.report.overall!.nClass).toBe('hidden');
    expect(after!.report.overall!.figure).toBeNull();
    const report = await client.get(`/rounds/${roundId}/report`);
    expect(report.body).toContain('Bij minder dan 15 antwoorden');
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where organisation_id = ${t.orgA} and action = 'report-settings-changed'`.execute(t.database.db);
    expect(audit.rows[0]!.n).toBe(1);
  });
});
