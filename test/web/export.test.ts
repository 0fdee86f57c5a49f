import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundReport } from '../../src/app/round-report.ts';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';
import { parseCsv } from '../support/parse-csv.ts';
import { releaseOpenAnswers } from '../support/release-open-answers.ts';

let t: TestApp;
let roundId: string;
const responseIds: string[] = [];

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  roundId = (await createFieldworkRound(db, t.orgA, { name: 'KTO export', codes: 5 })).roundId;
  // 36 marks: 3×3, 6×5, 12×6, 9×7, 6×9 (mean 6,33; 25 % onvoldoende), plus two "niet van toepassing" and one unanswered.
  const marks = [...Array(3).fill(3), ...Array(6).fill(5), ...Array(12).fill(6), ...Array(9).fill(7), ...Array(6).fill(9)] as number[];
  const answers: AnswerInput[][] = marks.map((valueNum) => [{ itemKey: 'algemeen.cijfer', valueNum }]);
  answers.push([{ itemKey: 'algemeen.cijfer', notApplicable: true }], [{ itemKey: 'algemeen.cijfer', notApplicable: true }], []);
  answers[0]!.push({ itemKey: 'open.verbeterpunten', valueText: '=HYPERLINK("http://x", "klik")' });
  answers[1]!.push({ itemKey: 'open.pluspunten', valueText: 'Vriendelijk, "snel"\nen duidelijk' });
  await withTenant(db, t.orgA, async (tx) => {
    const responses = answers.map((list, index) => {
      const id = randomUUID();
      responseIds.push(id);
      return { id, channel: index % 2 === 0 ? ('web' as const) : ('paper' as const), language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-03', answers: list };
    });
    await insertCompletedResponses(tx, t.orgA, roundId, responses);
    // A response still in progress is not exported.
    const open = randomUUID();
    responseIds.push(open);
    await tx.insertInto('responses').values({ id: open, organisation_id: t.orgA, round_id: roundId, channel: 'web', language: 'nl', status: 'in_progress', started_on: '2026-11-04', completed_on: null }).execute();
    await tx.insertInto('answers').values({ organisation_id: t.orgA, round_id: roundId, response_id: open, item_key: 'algemeen.cijfer', value_num: 1 }).execute();
  });
  // Open answers leave the database only after the privacy review.
  await releaseOpenAnswers(db, t.orgA, roundId, 'researcher@alfa.nl');
});
afterAll(async () => t.close());

describe('raw-data export', () => {
  it('downloads a CSV whose figures match the report', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const response = await client.get(`/rounds/${roundId}/export.csv?values=codes&lang=nl`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="klantstem-2026-[0-9a-f]{8}\.csv"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    const text = response.body;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header!.slice(0, 4)).toEqual(['response', 'channel', 'language', 'completed_on']);
    expect(rows).toHaveLength(39);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 39 }, (_, i) => String(i + 1)));
    for (const r of rows) expect(r).toHaveLength(header!.length);

    const column = header!.indexOf('algemeen.cijfer');
    const cells = rows.map((r) => r[column]!);
    expect(cells.filter((c) => c === '98')).toHaveLength(2);
    expect(cells.filter((c) => c === '')).toHaveLength(1);
    const marks = cells.filter((c) => c !== '' && c !== '98').map(Number);
    const mean = marks.reduce((a, b) => a + b, 0) / marks.length;
    const insufficient = marks.filter((m) => m <= 5).length / marks.length;
    expect(marks).toHaveLength(36);
    expect(mean).toBeCloseTo(228 / 36, 10);
    expect(insufficient).toBeCloseTo(0.25, 10);

    const report = await roundReport(t.database.db, t.orgA, roundId);
    const overall = report!.report.overall!;
    expect(overall.n).toBe(36);
    expect(overall.notApplicable).toBe(2);
    expect(overall.figure!.value).toBeCloseTo(mean, 10);
    expect(overall.insufficient!.value).toBeCloseTo(insufficient, 10);

    const open = header!.indexOf('open.verbeterpunten');
    expect(rows.map((r) => r[open]).filter(Boolean)).toEqual([`'=HYPERLINK("http://x", "klik")`]);
    expect(rows.map((r) => r[header!.indexOf('open.pluspunten')]).filter(Boolean)).toEqual(['Vriendelijk, "snel" en duidelijk']); // one case per line, for SPSS
  });

  it('never contains a response id, and records the export in the audit log', async () => {
    const client = await signedIn('administrator@alfa.nl');
    for (const url of [`/rounds/${roundId}/export.csv`, `/rounds/${roundId}/export.csv?values=labels&lang=en`]) {
      const body = (await client.get(url)).body;
      for (const id of responseIds) expect(body).not.toContain(id);
      expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    }
    const log = await t.database.db.selectFrom('audit_log').select(['details', 'organisation_id']).where('action', '=', 'export').execute();
    const details = log.map((l) => (typeof l.details === 'string' ? JSON.parse(l.details) : l.details) as { roundId: string; format: string });
    expect(details).toContainEqual({ roundId, format: 'csv-labels' });
    expect(log.every((l) => l.organisation_id === t.orgA)).toBe(true);
  });

  it('writes labels on request', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const [header, ...rows] = parseCsv((await client.get(`/rounds/${roundId}/export.csv?values=labels&lang=nl`)).body.slice(1));
    const column = header!.indexOf('algemeen.cijfer');
    expect(rows.filter((r) => r[column] === 'niet van toepassing')).toHaveLength(2);
  });

  it('downloads SPSS syntax for the CSV', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const response = await client.get(`/rounds/${roundId}/export.sps`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="klantstem-2026-[0-9a-f]{8}\.sps"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toMatch(/\/FILE='klantstem-2026-[0-9a-f]{8}\.csv'/);
    expect(response.body).toContain('algemeen_cijfer F2.0');
    expect(response.body).toContain('MISSING VALUES');
  });

  it('links the exports from the report', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const body = (await client.get(`/rounds/${roundId}/report`)).body;
    expect(body).toContain(`/rounds/${roundId}/export.csv?values=codes&amp;lang=nl`);
    expect(body).toContain(`/rounds/${roundId}/export.sps?lang=nl`);
  });

  it('refuses viewers and councils, and does not find rounds of another organisation', async () => {
    for (const email of ['viewer@alfa.nl', 'council@alfa.nl']) {
      const client = await signedIn(email);
      expect((await client.get(`/rounds/${roundId}/export.csv`)).statusCode).toBe(403);
      expect((await client.get(`/rounds/${roundId}/export.sps`)).statusCode).toBe(403);
    }
    const other = await signedIn('researcher@beta.nl');
    expect((await other.get(`/rounds/${roundId}/export.csv`)).statusCode).toBe(404);
    expect((await other.get(`/rounds/${roundId}/export.sps`)).statusCode).toBe(404);
    expect((await other.get('/rounds/not-a-uuid/export.csv')).statusCode).toBe(404);
    const anonymous = await new Client(t.app).get(`/rounds/${roundId}/export.csv`);
    expect(anonymous.statusCode).toBe(303);
  });
});
