import type { FastifyInstance } from 'fastify';
import { sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setRoundStatus } from '../../src/db/round-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { build } from '../../src/web/build-server.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// Question pages are shown from the state this process saved or read last, when the browser
// names that revision; every save goes to the database, grouped with the saves of others that
// arrived at the same moment. Two processes on one database, like two-instances.test.ts.

const SECRET = 'state-in-memory-secret-state-in-memory-secret';
let t: TestApp;
let a: FastifyInstance;
let b: FastifyInstance;
let codes: string[];
let roundId: string;
let statements = 0;
const counting: KyselyPlugin = {
  transformQuery: (args) => {
    statements++;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

beforeAll(async () => {
  t = await createTestApp();
  ({ codes, roundId } = await createFieldworkRound(t.database.db, t.orgA, { codes: 30 }));
  const options = { db: t.database.db.withPlugin(counting), secret: SECRET, codeAttemptsPerClient: 1000 };
  a = await build(options);
  b = await build(options);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await t.close();
});

async function respondent(app: FastifyInstance, code: string): Promise<Client> {
  const client = new Client(app);
  await client.get('/r');
  expect((await client.post('/r', { code })).statusCode).toBe(303);
  return client;
}

const checked = (body: string, name: string) => new RegExp(`name="${name.replace('.', '\\.')}" value="([^"]*)" checked`).exec(body)?.[1];

describe('question pages from memory', () => {
  it('show the page after a save without asking the database', async () => {
    const client = await respondent(a, codes[0]!);
    expect((await client.get('/survey/algemeen')).statusCode).toBe(200);
    expect((await client.post('/survey/algemeen', { 'algemeen.cijfer': '8' })).statusCode).toBe(303);
    const before = statements;
    const back = await client.get('/survey/algemeen');
    expect(back.statusCode).toBe(200);
    expect(checked(back.body, 'algemeen.cijfer')).toBe('8');
    const check = await client.get('/survey/check');
    expect(check.statusCode).toBe(200);
    expect(statements - before).toBe(0);
  });

  it('read the database when the browser saved on another process since', async () => {
    const client = await respondent(a, codes[1]!);
    await client.get('/survey/algemeen'); // process a keeps revision 0
    expect((await client.via(b).post('/survey/algemeen', { 'algemeen.cijfer': '6' })).statusCode).toBe(303);
    const before = statements;
    const page = await client.via(a).get('/survey/algemeen');
    expect(checked(page.body, 'algemeen.cijfer')).toBe('6');
    expect(statements - before).toBeGreaterThan(0);
    // …and from then on a holds the new revision.
    const again = statements;
    expect(checked((await client.get('/survey/algemeen')).body, 'algemeen.cijfer')).toBe('6');
    expect(statements - again).toBe(0);
  });

  it('never let a page from memory store anything the database no longer allows', async () => {
    const other = await createFieldworkRound(t.database.db, t.orgA, { codes: 1, name: 'Andere ronde' });
    const phone = await respondent(a, other.codes[0]!);
    expect((await phone.post('/survey/algemeen', { 'algemeen.cijfer': '7' })).statusCode).toBe(303);
    // Another process closes the fieldwork (here: straight in the database, as it would).
    await withTenant(t.database.db, t.orgA, (tx) => setRoundStatus(tx, other.roundId, 'closed'));
    // This process may show the page from memory for a while (at most a minute)…
    expect((await phone.get('/survey/algemeen')).statusCode).toBe(200);
    // …but the save reads the database: refused, and nothing changed.
    const save = await phone.post('/survey/algemeen', { 'algemeen.cijfer': '1' });
    expect(save.statusCode).toBe(410);
    const stored = await sql<{ value_num: number }>`select a.value_num from answers a where a.round_id = ${other.roundId} and a.item_key = 'algemeen.cijfer'`.execute(t.database.db);
    expect(stored.rows.map((r) => Number(r.value_num))).toEqual([7]);
    // Afterwards the page is not shown from memory any more.
    expect((await phone.get('/survey/algemeen')).statusCode).toBe(410);
  });

  it('write the saves of many respondents that arrive together in a few transactions, each to its own response', async () => {
    const clients = await Promise.all(codes.slice(10, 30).map((code) => respondent(a, code)));
    for (const client of clients) await client.get('/survey/algemeen');
    const before = statements;
    const statuses = await Promise.all(clients.map((client, i) => client.post('/survey/algemeen', { 'algemeen.cijfer': String(1 + (i % 10)) }).then((r) => r.statusCode)));
    expect(statuses).toEqual(Array(20).fill(303));
    // One transaction per save would be 20 × (tenant, lock, delete, insert, update) = 100 statements.
    expect(statements - before).toBeLessThan(50);
    for (const [i, client] of clients.entries()) expect(checked((await client.get('/survey/algemeen')).body, 'algemeen.cijfer')).toBe(String(1 + (i % 10)));
    const rows = await sql<{ n: number; total: number }>`select count(*) as n, sum(a.value_num) as total from answers a
      join responses r on r.id = a.response_id where r.round_id = ${roundId} and a.item_key = 'algemeen.cijfer' and r.status = 'in_progress'`.execute(t.database.db);
    // codes[0] (8) and codes[1] (6) are in progress too.
    expect(Number(rows.rows[0]!.n)).toBe(22);
    expect(Number(rows.rows[0]!.total)).toBe(8 + 6 + 2 * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10));
  });

  it('fill in an earlier open answer escaped', async () => {
    const client = await respondent(a, codes[3]!);
    await client.get('/survey/open');
    const text = 'Snel geholpen <b>"echt"</b> & vriendelijk';
    expect((await client.post('/survey/open', { 'open.pluspunten': text })).statusCode).toBe(303);
    const page = await client.get('/survey/open');
    expect(page.body).toContain('Snel geholpen &lt;b&gt;&quot;echt&quot;&lt;/b&gt; &amp; vriendelijk</textarea>');
    expect(page.body).not.toContain('<b>"echt"</b>');
  });
});
