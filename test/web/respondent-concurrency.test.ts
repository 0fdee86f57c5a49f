import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('saving the same page twice at once', () => {
  it('runs the saves one after the other: no error, one answer row per item', async () => {
    const { codes } = await createFieldworkRound(t.database.db, t.orgA, { codes: 1 });
    const client = new Client(t.app);
    await client.get('/r');
    await client.post('/r', { code: codes[0]! });
    await client.get('/survey/algemeen');
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => client.post('/survey/algemeen', { 'algemeen.cijfer': String(3 + (i % 5)) }).then((r) => r.statusCode)),
    );
    expect(statuses).toEqual(Array(8).fill(303));
    const rows = await sql<{ n: number }>`select count(*) as n from answers where item_key = 'algemeen.cijfer'`.execute(t.database.db);
    expect(Number(rows.rows[0]!.n)).toBe(1);
  });
});
