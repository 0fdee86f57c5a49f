import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The hand-worked example of test/domain/report/weighted-figures.test.ts, through the pages:
// 20 respondents aged 18–26 (10 × mark 6, 10 × mark 8) and 80 aged 67 or older (40 × 7,
// 40 × 9); the population has 600 and 400 such clients. Unweighted mean 7,8; weighted 7,4 with
// n_eff 50 and interval 7,08 – 7,72; weights 3 and 0,5.

let t: TestApp;
let roundId: string;

const respondent = (age: string, mark: number): AnswerInput[] => [
  { itemKey: 'achtergrond.leeftijd', optionCode: age },
  { itemKey: 'algemeen.cijfer', valueNum: mark },
];

beforeAll(async () => {
  t = await createTestApp();
  roundId = (await createFieldworkRound(t.database.db, t.orgA, { name: 'Gewogen' })).roundId;
  const answers = [
    ...Array.from({ length: 10 }, () => respondent('18-26', 6)), ...Array.from({ length: 10 }, () => respondent('18-26', 8)),
    ...Array.from({ length: 40 }, () => respondent('67plus', 7)), ...Array.from({ length: 40 }, () => respondent('67plus', 9)),
  ];
  await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, roundId, answers.map((list) => ({
    id: randomUUID(), channel: 'web', language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02', answers: list,
  }))));
});
afterAll(async () => t.close());

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const url = () => `/rounds/${roundId}/report/weighting`;

describe('weighted results', () => {
  it('weights the mark to the population by the age question, next to the unweighted figure and n', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const first = await researcher.get(url());
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<option value="item:achtergrond.leeftijd"');
    expect(first.body).not.toContain('Aantallen opslaan');

    expect((await researcher.post(url(), { variable: 'item:bestaat.niet' })).statusCode).toBe(400);
    const chosen = await researcher.post(url(), { variable: 'item:achtergrond.leeftijd' });
    expect(chosen.headers.location).toBe(`${url()}?done=saved`);
    const groups = await researcher.get(url());
    expect(text(groups.body)).toContain('Vul de aantallen per groep in om gewogen uitkomsten te zien.');
    const strata = [...groups.body.matchAll(/name="stratum" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(strata).toEqual(['18-26', '27-44', '45-54', '55-66', '67plus']);

    const saved = await researcher.post(`/rounds/${roundId}/report/population`, { stratum: strata, count: ['600', '', '', '', '400'] });
    expect(saved.headers.location).toBe(`${url()}?done=saved`);
    const html = (await researcher.get(url())).body;
    expect(html).toMatch(/id="population-0" name="count" inputmode="numeric" value="600"/);
    expect(html).toMatch(/id="population-4" name="count" inputmode="numeric" value="400"/);
    const page = text(html);
    expect(page).toContain('18 tot en met 26 jaar 20 3,00');
    expect(page).toContain('67 jaar of ouder 80 0,50');
    expect(page).not.toContain('Hulp bij schulden'); // items nobody answered are left out
    expect(page).toContain('de 100 ingevulde vragenlijsten samen zo zwaar als 50 vragenlijsten');
    expect(page).toMatch(/Welk rapportcijfer geeft u de gemeente voor de hulp en service die u krijgt\? 100 7,8 7,4 7,1 – 7,7 50/);

    const log = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'weighting-changed').execute();
    expect(log).toHaveLength(2);
  });

  it('refuses a count that is not a whole number, says which group, and keeps the stored ones', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    await researcher.get(url());
    const refused = await researcher.post(`/rounds/${roundId}/report/population`, { stratum: ['18-26', '27-44', '45-54', '55-66', '67plus'], count: ['veel', '', '', '', '400'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#population-0"');
    expect(refused.body).toContain('Vul bij 18 tot en met 26 jaar een heel getal in');
    expect(refused.body).toContain('value="veel"');
    const stored = await t.database.db.selectFrom('round_population_counts').select(['value', 'count']).where('round_id', '=', roundId).orderBy('value').execute();
    expect(stored).toEqual([{ value: '18-26', count: 600 }, { value: '67plus', count: 400 }]);
    const nothing = await researcher.post(`/rounds/${roundId}/report/population`, { stratum: ['18-26', '67plus'], count: ['0', ''] });
    expect(nothing.body).toContain('Vul bij minstens één groep een aantal groter dan 0 in.');
  });

  it('lets viewers read but not change it, and shows other organisations nothing', async () => {
    const viewer = await signedIn('viewer@alfa.nl');
    const page = await viewer.get(url());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('7,4');
    expect(page.body).not.toContain('Aantallen opslaan');
    expect((await viewer.post(url(), { variable: '' })).statusCode).toBe(403);
    const beta = await signedIn('researcher@beta.nl');
    expect((await beta.get(url())).statusCode).toBe(404);
    expect((await beta.post(url(), { variable: '' })).statusCode).toBe(404);
    expect((await beta.post(`/rounds/${roundId}/report/population`, { stratum: ['18-26'], count: ['1'] })).statusCode).toBe(404);
  });
});
