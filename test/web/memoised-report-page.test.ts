import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The report body is reused only for exactly the same inputs: a new response changes it at once.

let t: TestApp;
let roundId: string;

async function addMarks(marks: number[]): Promise<void> {
  await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, roundId, marks.map((valueNum) => ({
    id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02', answers: [{ itemKey: 'algemeen.cijfer', valueNum }],
  }))));
}

beforeAll(async () => {
  t = await createTestApp();
  roundId = (await createFieldworkRound(t.database.db, t.orgA, { name: 'Herhaald' })).roundId;
  await addMarks(Array.from({ length: 40 }, (_, i) => 6 + (i % 3)));
});
afterAll(async () => t.close());

const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));

describe('report page reuse', () => {
  it('gives the same page for the same figures, and new figures as soon as a response arrives', async () => {
    const researcher = new Client(t.app);
    await researcher.signIn('researcher@alfa.nl');
    const first = main((await researcher.get(`/rounds/${roundId}/report`)).body);
    const again = main((await researcher.get(`/rounds/${roundId}/report`)).body);
    expect(again).toBe(first);
    expect(first).toContain('(n = 40;');
    // A viewer may not export: a different page from the same figures.
    const viewer = new Client(t.app);
    await viewer.signIn('viewer@alfa.nl');
    const viewed = main((await viewer.get(`/rounds/${roundId}/report`)).body);
    expect(viewed).not.toContain('export.csv');
    expect(first).toContain('export.csv');

    await addMarks([10]);
    const after = main((await researcher.get(`/rounds/${roundId}/report`)).body);
    expect(after).toContain('(n = 41;');
    const english = main((await researcher.get(`/rounds/${roundId}/report?lang=en`)).body);
    expect(english).toContain('Report');
    expect(english).not.toBe(after);
  });
});
