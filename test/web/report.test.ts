import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let current: string;
let previous: string;

/** One completed response per entry; each entry lists the answers of that response. */
async function addResponses(organisationId: string, roundId: string, answers: AnswerInput[][]): Promise<void> {
  await withTenant(t.database.db, organisationId, (tx) =>
    insertCompletedResponses(tx, organisationId, roundId, answers.map((list) => ({
      id: randomUUID(), channel: 'web', language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02', answers: list,
    }))));
}

/** `count` responses each answering `itemKey` with `value`. */
const repeat = (count: number, itemKey: string, valueNum: number): AnswerInput[][] => Array.from({ length: count }, () => [{ itemKey, valueNum }]);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  previous = (await createFieldworkRound(db, t.orgA, { name: 'KTO vorig jaar' })).roundId;
  // Previous round: marks 5×10, 6×20, 7×10, mean 6,0 on n = 40.
  await addResponses(t.orgA, previous, [...repeat(10, 'algemeen.cijfer', 5), ...repeat(20, 'algemeen.cijfer', 6), ...repeat(10, 'algemeen.cijfer', 7)]);
  await db.updateTable('rounds').set({ year: 2025, status: 'closed' }).where('id', '=', previous).execute();

  current = (await createFieldworkRound(db, t.orgA, { name: 'KTO dit jaar', codes: 80 })).roundId;
  // Marks 6×10, 7×20, 8×10: mean 7,0, 95 % interval 6,8 – 7,2 (6,771 – 7,229); 0 % onvoldoende.
  // Welch against 6,0: t = 6,24, p ≈ 2e−8, so "significant hoger" even after Holm.
  const marks = [...repeat(10, 'algemeen.cijfer', 6), ...repeat(20, 'algemeen.cijfer', 7), ...repeat(10, 'algemeen.cijfer', 8)];
  // balie.bejegening answered by 9 (hidden), balie.wachttijd by 29 (indicative, all "eens": 100 %).
  marks.forEach((answers, index) => {
    if (index < 9) answers.push({ itemKey: 'balie.bejegening', valueNum: 5 });
    if (index < 29) answers.push({ itemKey: 'balie.wachttijd', valueNum: 4 });
  });
  await addResponses(t.orgA, current, marks);
});
afterAll(async () => t.close());

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

/** The table row that holds the text (tables only: the text may also stand above them). */
function row(body: string, text: string): string {
  const start = body.indexOf(text, body.indexOf('<table'));
  expect(start, text).toBeGreaterThan(-1);
  return body.slice(start, body.indexOf('</tr>', start)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('round report', () => {
  it('shows key figures, the mean with its interval and the comparison with last year', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const response = await client.get(`/rounds/${current}/report`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('Voorlopig');
    expect(body).toMatch(/Ingevulde vragenlijsten<\/dt><dd>40</);
    // 40 of 80 delivered codes.
    expect(body).toContain('50% (40 van 80 bezorgde uitnodigingen)');
    expect(body).toContain('<strong>7,0</strong> (n = 40; 95%-interval 6,8 – 7,2)');
    const mark = row(body, 'Welk rapportcijfer geeft u de gemeente');
    expect(mark).toContain('6,0 (n = 40)');
    expect(mark).toContain('significant hoger');
    expect(mark).toContain('0% onvoldoende');
    expect(body).toContain('<caption');
    expect(body).toContain('scope="col"');
    expect(body).toContain('vals alarm');
    // The only significant change (Welch, Holm) heads the report; the waiting time (100 %, 29
    // answers, no previous figure) is not a change.
    const changes = body.slice(body.indexOf('Wat is veranderd sinds KTO vorig jaar'), body.indexOf('</ul>', body.indexOf('Wat is veranderd')));
    expect(changes.replace(/<[^>]+>/g, '')).toContain('Welk rapportcijfer geeft u de gemeente voor de hulp en service die u krijgt: 6,0 → 7,0, significant hoger');
    expect(changes).not.toContain('wachten');
  });

  it('hides a figure under 10 answers and marks one under 30 indicative', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const body = (await client.get(`/rounds/${current}/report`)).body;
    const hidden = row(body, 'De medewerkers aan de balie zijn vriendelijk.');
    expect(hidden).toContain('te weinig antwoorden');
    expect(hidden).not.toContain('100%');
    const indicative = row(body, 'Ik hoef aan de balie niet lang te wachten.');
    expect(indicative).toContain('indicatief');
    expect(indicative).toContain('100%');
  });

  it('is readable by a viewer and a council member, in English on request', async () => {
    for (const role of ['viewer', 'council']) {
      const client = await signedIn(`${role}@alfa.nl`);
      expect((await client.get(`/rounds/${current}/report`)).statusCode).toBe(200);
    }
    const english = await (await signedIn('viewer@alfa.nl')).get(`/rounds/${current}/report?lang=en`);
    expect(english.body).toContain('<strong>7.0</strong>');
    expect(english.body).toContain('significantly higher');
  });

  it('gives another organisation a 404', async () => {
    const client = await signedIn('researcher@beta.nl');
    expect((await client.get(`/rounds/${current}/report`)).statusCode).toBe(404);
    expect((await client.get('/rounds/not-a-uuid/report')).statusCode).toBe(404);
  });

  it('links to the report from the round page', async () => {
    const client = await signedIn('viewer@alfa.nl');
    expect((await client.get(`/rounds/${current}`)).body).toContain(`href="/rounds/${current}/report"`);
  });
});
