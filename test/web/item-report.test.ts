import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../src/app/create-organisation.ts';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import type { Channel } from '../../src/db/schema.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The module and item views on a round with a previous round, five reference organisations,
// three channels, two languages, a background item and a carried variable.

let t: TestApp;
let current: string;

interface Spec { count: number; mark: number; channel?: Channel; language?: string; age?: string; district?: string }

async function addResponses(organisationId: string, roundId: string, specs: Spec[]): Promise<void> {
  const rows = specs.flatMap((s) => Array.from({ length: s.count }, () => ({ ...s, id: randomUUID() })));
  await withTenant(t.database.db, organisationId, (tx) => insertCompletedResponses(tx, organisationId, roundId, rows.map((r) => ({
    id: r.id, channel: r.channel ?? 'web', language: r.language ?? 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02',
    answers: [{ itemKey: 'algemeen.cijfer', valueNum: r.mark }, ...(r.age ? [{ itemKey: 'achtergrond.leeftijd', optionCode: r.age }] : [])] as AnswerInput[],
  }))));
  await withSystem(t.database.db, async (tx) => {
    for (const r of rows) if (r.district) await sql`update responses set carried = ${JSON.stringify({ district: r.district })}::jsonb where id = ${r.id}`.execute(tx);
  });
}

async function closedRound(organisationId: string, name: string, year: number, specs: Spec[]): Promise<string> {
  const { roundId } = await createFieldworkRound(t.database.db, organisationId, { name });
  await addResponses(organisationId, roundId, specs);
  await withSystem(t.database.db, (tx) => tx.updateTable('rounds').set({ status: 'closed', year }).where('id', '=', roundId).execute());
  return roundId;
}

beforeAll(async () => {
  t = await createTestApp();
  await closedRound(t.orgA, 'KTO 2025', 2025, [{ count: 30, mark: 7 }]);
  for (let i = 1; i <= 5; i++) {
    const created = await createOrganisation(t.database.db, { slug: `ref-${i}`, name: `Gemeente Ref ${i}` });
    if (!created.ok) throw new Error(created.error);
    await closedRound(created.value.id, `KTO ref ${i}`, 2026, [{ count: 20, mark: 7 }]);
  }
  current = (await createFieldworkRound(t.database.db, t.orgA, { name: 'KTO 2026' })).roundId;
  await addResponses(t.orgA, current, [
    { count: 20, mark: 8, age: '27-44', district: 'Noord' },
    { count: 5, mark: 6, age: '27-44', district: 'Zuid' },
    { count: 15, mark: 6, age: '45-54', district: 'Zuid' },
    { count: 12, mark: 9, channel: 'paper', age: '67plus' },
    { count: 3, mark: 2, channel: 'phone', language: 'en' },
  ]);
}, 120_000);
afterAll(async () => t.close());

async function signedIn(email = 'viewer@alfa.nl'): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

/** The text of the table whose caption contains `caption`, tags stripped. */
function tableText(body: string, caption: string): string {
  const start = body.indexOf(caption);
  expect(start, caption).toBeGreaterThan(-1);
  return body.slice(start, body.indexOf('</table>', start)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('module view', () => {
  it('lists the items with figure, previous round and reference, linking to each item', async () => {
    const client = await signedIn();
    const response = await client.get(`/rounds/${current}/report/modules/algemeen`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('Voorlopig');
    expect(body).toContain(`href="/rounds/${current}/report/items/algemeen.cijfer"`);
    // (20·8 + 20·6 + 12·9 + 3·2) / 55 = 394 / 55 = 7,16
    const text = body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('7,2');
    expect(text).toContain('7,0 (n = 30)');
    // Reference: five organisations × 20 answers of 7.
    expect(text).toContain('7,0 (n = 100)');
  });

  it('is reached from the report screen, whose item names link to the item view', async () => {
    const report = (await (await signedIn()).get(`/rounds/${current}/report`)).body;
    expect(report).toContain(`<a class="utrecht-link" href="/rounds/${current}/report/items/algemeen.cijfer">`);
  });
});

describe('item view', () => {
  it('shows the distribution, the trend and the reference group with both figures and both n', async () => {
    const body = (await (await signedIn()).get(`/rounds/${current}/report/items/algemeen.cijfer`)).body;
    const spread = tableText(body, 'Hoeveel klanten gaven welk antwoord');
    // 2: 3, 6: 20, 8: 20, 9: 12 of 55 → 5%, 36%, 36%, 22%
    expect(spread).toContain('2 3 5%');
    expect(spread).toContain('6 20 36%');
    expect(spread).toContain('9 12 22%');
    const trend = tableText(body, 'De uitkomst in elke ronde');
    expect(trend).toMatch(/KTO 2025 Jaar: 2025 Aantal \(n\): 30|KTO 2025 2025 30/);
    expect(trend).toContain('(deze ronde)');
    const text = body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Uw gemeente: 7,2 (n = 55)');
    expect(text).toContain('Andere gemeenten (2026): 7,0 (n = 100, 5 gemeenten)');
    expect(text).toMatch(/in lijn met andere gemeenten|significant (hoger|lager) dan andere gemeenten/);
  });

  it('breaks down by channel, hiding the small group and a complementary one', async () => {
    const body = (await (await signedIn()).get(`/rounds/${current}/report/items/algemeen.cijfer`)).body;
    const channel = tableText(body, 'Uitkomst naar kanaal');
    // web: 40 answers, (20·8 + 20·6)/40 = 7,0. phone has 3 (under 10): hidden; paper (12) hidden as its complement,
    // otherwise 55 − 40 − 12 = 3 would give the phone group back.
    expect(channel).toContain('Internet 40 7,0');
    expect(channel).toContain('Telefoon — niet getoond: te weinig antwoorden');
    expect(channel).toContain('Papier — niet getoond: anders terug te rekenen');
    expect(channel).not.toMatch(/ 12 | 3 /);
  });

  it('breaks down by background item and carried variable, with an "unknown" group', async () => {
    const body = (await (await signedIn()).get(`/rounds/${current}/report/items/algemeen.cijfer`)).body;
    const age = tableText(body, 'Uitkomst naar leeftijd');
    // 27-44: 25 answers, (20·8 + 5·6)/25 = 7,6; 45-54: 15 × 6 = 6,0; 67+: 12 (hidden as complement); unknown: 3 (hidden).
    expect(age).toContain('27 tot en met 44 jaar 25 indicatief 7,6');
    expect(age).toContain('45 tot en met 54 jaar 15 indicatief 6,0');
    expect(age).toContain('Onbekend of niet ingevuld — niet getoond: te weinig antwoorden');
    expect(age).toContain('67 jaar of ouder — niet getoond: anders terug te rekenen');
    const district = tableText(body, 'Uitkomst naar wijk');
    // Noord 20 × 8; Zuid 20 × 6; unknown 15: (12·9 + 3·2)/15 = 7,6.
    expect(district).toContain('Noord 20 indicatief 8,0');
    expect(district).toContain('Zuid 20 indicatief 6,0');
    expect(district).toContain('Onbekend of niet ingevuld 15 indicatief 7,6');
  });

  it('is only for the organisation itself, and 404 for an unknown item or module', async () => {
    const other = await signedIn('viewer@beta.nl');
    expect((await other.get(`/rounds/${current}/report/items/algemeen.cijfer`)).statusCode).toBe(404);
    expect((await other.get(`/rounds/${current}/report/modules/algemeen`)).statusCode).toBe(404);
    const own = await signedIn();
    expect((await own.get(`/rounds/${current}/report/items/bestaat.niet`)).statusCode).toBe(404);
    expect((await own.get(`/rounds/${current}/report/modules/bestaat-niet`)).statusCode).toBe(404);
    expect((await own.get(`/rounds/${current}/report/items/${encodeURIComponent('<script>')}`)).statusCode).toBe(404);
  });
});
