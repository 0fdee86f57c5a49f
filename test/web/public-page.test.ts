import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The public results page: only published rounds, no sign-in, no small cells, no open answers
// or response ids, the organisation's choices respected; and the settings form behind it.

let t: TestApp;
let published: string;
let draft: string;
let previous: string;
const responseIds: string[] = [];
const OPEN = 'Mijn klantmanager Jan de Vries belde nooit terug';

async function fill(round: string, answers: AnswerInput[][]): Promise<void> {
  await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, round, answers.map((list) => {
    const id = randomUUID();
    responseIds.push(id);
    return { id, channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-03', answers: list };
  })));
}

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  previous = (await createFieldworkRound(db, t.orgA, { name: 'KTO 2025' })).roundId;
  await fill(previous, Array.from({ length: 40 }, () => [{ itemKey: 'algemeen.cijfer', valueNum: 6 }, { itemKey: 'balie.bejegening', valueNum: 3 }]));
  await withSystem(db, (tx) => sql`update rounds set year = 2025, status = 'closed' where id = ${previous}`.execute(tx));

  published = (await createFieldworkRound(db, t.orgA, { name: 'KTO 2026', codes: 100 })).roundId;
  // 40 responses: mark, desk agreement, age band (the 67plus band only 3 times); intake only
  // for 5 people (a small cell); open answers with a name in them.
  await fill(published, Array.from({ length: 40 }, (_, i): AnswerInput[] => [
    { itemKey: 'algemeen.cijfer', valueNum: 7 + (i % 3) },
    { itemKey: 'balie.bejegening', valueNum: 4 + (i % 2) },
    ...(i < 5 ? [{ itemKey: 'intake.cijfer', valueNum: 2 }, { itemKey: 'intake.tijd', valueNum: 1 }] : []),
    { itemKey: 'achtergrond.leeftijd', optionCode: i < 3 ? '67plus' : i % 2 ? '27-44' : '45-54' },
    ...(i === 0 ? [{ itemKey: 'open.verbeterpunten', valueText: OPEN }] : []),
  ]));
  draft = (await createFieldworkRound(db, t.orgA, { name: 'KTO concept' })).roundId;
  await fill(draft, Array.from({ length: 20 }, () => [{ itemKey: 'algemeen.cijfer', valueNum: 8 }]));
  await withTenant(db, t.orgA, (tx) => setRoundStatus(tx, published, 'published'));
});
afterAll(async () => t.close());

describe('public results page', () => {
  it('shows a published round without sign-in, cacheable and without cookies', async () => {
    const response = await get(`/p/alfa/${published}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=60');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['content-language']).toBe('nl');
    const body = response.body;
    expect(body).toContain('<html lang="nl"');
    expect(body).toContain('Gemeente Alfa');
    expect(body).toContain('Resultaten klantonderzoek 2026');
    expect(body).toContain('40 van de 100 klanten die een uitnodiging kregen, vulden de vragenlijst in. Dat is 40%.');
    // (14×7 + 13×8 + 13×9) / 40 = 7,975 → 8,0
    expect(body).toContain('Klanten geven de dienstverlening gemiddeld een 8,0.');
    expect(body).toContain('Dat is hoger dan in KTO 2025: toen was het een 6,0.');
    expect(body).not.toContain('Inloggen</button>');
    const css = await get('/p/public.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
  });

  it('leaves out small cells, open answers and response ids', async () => {
    const body = (await get(`/p/alfa/${published}`)).body;
    expect(body).not.toContain('Intake');
    expect(body).not.toMatch(/intake\.(cijfer|tijd)/);
    expect(body).not.toContain('module-intake');
    expect(body).not.toContain(OPEN);
    expect(body).not.toContain('Jan de Vries');
    for (const id of responseIds) expect(body).not.toContain(id);
    // The age band 67plus was chosen 3 times: left out, with a note.
    expect(body).toContain('module-achtergrond');
    expect(body).not.toMatch(/67 jaar of ouder|67plus/);
    expect(body).toContain('27 tot en met 44 jaar: 48%');
    expect(body).toContain('Antwoorden die minder dan 10 keer zijn gegeven, staan er niet bij.');
    // The staff report's "hidden" wording never appears: hidden rows are simply not there.
    expect(body).not.toContain('niet getoond');
    // Charts come with their table; the small intake module has none.
    expect(body).toContain('<figure class="ks-chart" id="chart-algemeen-mean">');
    expect(body).toContain('<figure class="ks-chart" id="chart-eerste_contact-share">');
    expect(body).toMatch(/<svg[^>]*role="img"/);
    expect(body).not.toContain('chart-intake');
  });

  it('is in English with ?lang=en', async () => {
    const response = await get(`/p/alfa/${published}?lang=en`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.body).toContain('<html lang="en"');
    expect(response.body).toContain('On average, clients give the service a 8.0.');
    expect(response.body).toContain(`href="/p/alfa/${published}?lang=nl"`);
  });

  it('answers 404 for unpublished rounds, unknown slugs and other organisations', async () => {
    for (const url of [`/p/alfa/${draft}`, `/p/alfa/${previous}`, `/p/beta/${published}`, `/p/gamma/${published}`, '/p/alfa/not-a-round', `/p/alfa/${randomUUID()}`, `/p/ALFA%27--/${published}`]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('respects the publication choices', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const form = await client.get(`/rounds/${published}/publication`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`http://localhost:3000/p/alfa/${published}`);
    // Every reportable module is offered and ticked by default; open answers are not a choice.
    expect(form.body).toMatch(/id="modules" name="modules" value="algemeen"\s+checked/);
    expect(form.body).not.toContain('value="open"');

    const saved = await client.post(`/rounds/${published}/publication`, { modules: ['eerste_contact'], introduction: 'In 2026 vroegen we 100 klanten naar hun ervaring.\n\nDank aan iedereen die meedeed.' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/rounds/${published}/publication?done=saved`);
    expect((await client.get(saved.headers.location as string)).body).toContain('De keuzes voor de openbare pagina zijn opgeslagen.');

    const body = (await get(`/p/alfa/${published}`)).body;
    expect(body).toContain('<p class="utrecht-paragraph">In 2026 vroegen we 100 klanten naar hun ervaring.</p>');
    expect(body).toContain('<p class="utrecht-paragraph">Dank aan iedereen die meedeed.</p>');
    expect(body).toContain('module-eerste_contact');
    expect(body).not.toContain('module-algemeen');
    expect(body).not.toContain('module-achtergrond');
    expect(body).not.toContain('gemiddeld een 8,0');
    // No trend chosen: no previous round, no verdict.
    expect(body).not.toContain('KTO 2025');
    expect(body).not.toContain('vorige ronde');

    await client.post(`/rounds/${published}/publication`, { modules: ['algemeen', 'eerste_contact'], showTrend: 'yes' });
    const withTrend = (await get(`/p/alfa/${published}`)).body;
    expect(withTrend).toContain('KTO 2025');
    expect(withTrend).toContain('hoger dan vorige ronde');
    expect(withTrend).toContain('Het gemiddelde rapportcijfer per ronde');
    expect(body).not.toContain('Het gemiddelde rapportcijfer per ronde');
    const rows = await withTenant(t.database.db, t.orgA, (tx) => tx.selectFrom('publication_settings').selectAll().execute());
    expect(rows).toHaveLength(1);
    expect(rows[0]!.modules).toEqual(['algemeen', 'eerste_contact']);
    expect(rows[0]!.show_trend).toBe(true);
    expect(rows[0]!.show_reference).toBe(false);
  });

  it('refuses bad input with a clear message and keeps what was typed', async () => {
    const client = await signedIn('administrator@alfa.nl');
    await client.get(`/rounds/${published}/publication`);
    const long = 'x'.repeat(2001);
    const response = await client.post(`/rounds/${published}/publication`, { modules: ['algemeen', 'hacked'], introduction: long, showTrend: 'yes' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="error-summary"');
    expect(response.body).toContain('href="#modules"');
    expect(response.body).toContain('Kies alleen onderdelen uit de lijst.');
    expect(response.body).toContain('href="#introduction"');
    expect(response.body).toContain('Maak de inleiding korter: hoogstens 2000 tekens. Nu zijn het er 2001.');
    expect(response.body).toContain(long);
    // Nothing stored was lost.
    const rows = await withTenant(t.database.db, t.orgA, (tx) => tx.selectFrom('publication_settings').select('modules').execute());
    expect(rows[0]!.modules).toEqual(['algemeen', 'eerste_contact']);
    expect((await client.post(`/rounds/${published}/publication`, { modules: 'algemeen' }, { csrf: 'forged' })).statusCode).toBe(403);
  });

  it('lets only researchers and administrators of the organisation change it', async () => {
    for (const email of ['viewer@alfa.nl', 'council@alfa.nl']) {
      const client = await signedIn(email);
      expect((await client.get(`/rounds/${published}/publication`)).statusCode).toBe(403);
    }
    const other = await signedIn('researcher@beta.nl');
    expect((await other.get(`/rounds/${published}/publication`)).statusCode).toBe(404);
    expect((await other.post(`/rounds/${published}/publication`, { modules: 'algemeen' })).statusCode).toBe(404);
    expect((await new Client(t.app).get(`/rounds/${published}/publication`)).statusCode).toBe(303);
  });
});
