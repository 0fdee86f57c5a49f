import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { createRound } from '../../src/app/round-design.ts';
import { roundReport } from '../../src/app/round-report.ts';
import { ensureStandardQuestionnaire } from '../../src/app/ensure-standard-questionnaire.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The council's own survey, by hand: 48 members answer the multiple-choice question "Hoe voelt
// het contact?" (12 × Onderdrukkend, 30 × Professioneel, 18 × Gelijkwaardig: 25 %, 62,5 → 63 %
// and 37,5 → 38 %, together 126 %); 40 answer yes/no (30 yes = 75 %, 10 no = 25 %); only 6
// answer the single-choice question, under the threshold of 10, so it is not shown at all.

let t: TestApp;

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t.close());

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  await client.get('/rounds'); // a CSRF token of this session
  return client;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('council survey', () => {
  let url = '';

  it('lets the council make a survey with labelled answers, and checks the form', async () => {
    const council = await signedIn('council@alfa.nl');
    expect((await council.post('/council/surveys', { name: '' })).body).toContain('href="#name">Geef het onderzoek een naam');
    const created = await council.post('/council/surveys', { name: 'Ledenpeiling 2026' });
    url = String(created.headers.location).replace(/\?.*$/, '');
    expect(url).toMatch(/^\/council\/surveys\/[0-9a-f-]{36}$/);

    const bad = await council.post(`${url}/questions`, { text: '', type: 'multi', options: 'Alleen één' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#text">Schrijf de vraag');
    expect(bad.body).toContain('href="#options">Zet 2 tot 12 verschillende antwoorden');
    expect(text((await council.post(`${url}/questions`, { text: 'Iets' })).body)).toContain('Kies de soort antwoord.');

    expect((await council.post(`${url}/status`, { action: 'start-fieldwork' })).statusCode).toBe(409);
    for (const question of [
      { text: 'Hoe voelt het contact met uw klantmanager?', type: 'multi', options: 'Onderdrukkend\nProfessioneel\nGelijkwaardig' },
      { text: 'Weet u waar u met een klacht terecht kunt?', type: 'yesno', options: '' },
      { text: 'Hoe vaak heeft u contact?', type: 'single', options: 'Elke week\nElke maand\nMinder vaak' },
    ]) expect((await council.post(`${url}/questions`, question)).statusCode).toBe(303);
    const page = text((await council.get(url)).body);
    expect(page).toContain('Hoe voelt het contact met uw klantmanager? (Meer antwoorden kiezen) Onderdrukkend Professioneel Gelijkwaardig');

    expect((await council.post(`${url}/status`, { action: 'start-fieldwork' })).headers.location).toBe(`${url}?done=status`);
    const started = await council.get(url);
    expect(started.body).toMatch(new RegExp(`/o/alfa/${url.split('/').at(-1)}`));
    expect(started.body).not.toContain('name="options"');

    const round = url.split('/').at(-1)!;
    // A member answers through the open link and sees the council's question.
    const member = new Client(t.app);
    expect((await member.get(`/o/alfa/${round}`)).statusCode).toBe(200);
    let answer = await member.post(`/o/alfa/${round}`, {});
    for (let hops = 0; answer.statusCode === 303 && hops < 4; hops++) answer = await member.get(String(answer.headers.location));
    expect(answer.statusCode).toBe(200);
    expect(text(answer.body)).toContain('Hoe voelt het contact met uw klantmanager?');
    expect(text(answer.body)).toContain('Gelijkwaardig');

    const owner = await withTenant(t.database.db, t.orgA, (tx) => sql<{ owner_kind: string; access: string }>`select owner_kind, access from rounds where id = ${round}`.execute(tx));
    expect(owner.rows[0]).toEqual({ owner_kind: 'council', access: 'open' });
  });

  it('shows counts and percentages on a stated base, and hides a small group', async () => {
    const round = url.split('/').at(-1)!;
    const answers: AnswerInput[][] = Array.from({ length: 48 }, (_, i) => {
      const list: AnswerInput[] = [];
      if (i < 12) list.push({ itemKey: 'eigen.raad_1', optionCode: 'a1' });
      if (i >= 12 && i < 42) list.push({ itemKey: 'eigen.raad_1', optionCode: 'a2' });
      if (i >= 30) list.push({ itemKey: 'eigen.raad_1', optionCode: 'a3' });
      if (i < 40) list.push({ itemKey: 'eigen.raad_2', valueNum: i < 30 ? 1 : 0 });
      if (i < 6) list.push({ itemKey: 'eigen.raad_3', optionCode: 'a1' });
      return list;
    });
    await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, round, answers.map((list) => ({
      id: randomUUID(), channel: 'web', language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02', answers: list,
    }))));
    const council = await signedIn('council@alfa.nl');
    expect((await council.post(`${url}/status`, { action: 'close' })).statusCode).toBe(303);

    const viewer = await signedIn('viewer@alfa.nl');
    const results = await viewer.get(`${url}/results`);
    expect(results.statusCode).toBe(200);
    const page = text(results.body);
    expect(page).toContain('48 mensen hebben de vragenlijst ingevuld.');
    expect(page).toContain('n = 48 leden die de vraag beantwoordden; percentages van dit aantal. Meer antwoorden mogelijk: de percentages tellen op tot meer dan 100.');
    expect(page).toContain('Onderdrukkend 12 25% Professioneel 30 63% Gelijkwaardig 18 38%');
    expect(page).toContain('n = 40 leden die de vraag beantwoordden; percentages van dit aantal. Antwoord Aantal Percentage Ja 30 75% Nee 10 25%');
    expect(page).toContain('Hoe vaak heeft u contact? Te weinig antwoorden om te tonen (minder dan 10).');
    expect(page).not.toContain('Elke week');
  });

  it('is not the previous round of the organisation\'s next round', async () => {
    const standard = await ensureStandardQuestionnaire(t.database.db);
    const id = randomUUID();
    const year = new Date().getFullYear() + 1;
    const created = await createRound(t.database.db, { organisationId: t.orgA, actorId: null, id, sourceVersionId: standard.id, design: {
      name: 'KTO volgend jaar', year, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: null, fieldworkEnd: null, access: 'codes',
    } });
    expect(created.ok).toBe(true);
    const view = await roundReport(t.database.db, t.orgA, id);
    expect(view!.report.previousRound).toBeNull();
    // Without the owner filter the closed council survey of this year would be the previous round.
    const council = await withTenant(t.database.db, t.orgA, (tx) => sql<{ n: string }>`select count(*)::text as n from rounds where owner_kind = 'council' and status = 'closed' and year < ${year}`.execute(tx));
    expect(council.rows[0]!.n).toBe('1');
  });

  it('takes an optional English translation of a question, and shows it to members who read English', async () => {
    const council = await signedIn('council@alfa.nl');
    const created = await council.post('/council/surveys', { name: 'Peiling in twee talen' });
    const councilUrl = String(created.headers.location).replace(/\?.*$/, '');
    const question = { text: 'Hoe vaak gaat u naar het spreekuur?', type: 'single', options: 'Vaak\nSoms\nNooit', textEn: 'How often do you visit the consultation hour?' };
    const mismatch = await council.post(`${councilUrl}/questions`, { ...question, optionsEn: 'Often\nNever' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('href="#optionsEn">Zet bij de Engelse antwoorden evenveel regels als bij de Nederlandse (3), of laat het veld leeg.');
    expect(mismatch.body).toContain('<details class="ks-details" open>');
    expect((await council.post(`${councilUrl}/questions`, { ...question, optionsEn: 'Often\nSometimes\nNever' })).statusCode).toBe(303);
    expect((await council.post(`${councilUrl}/questions`, { text: 'Alleen in het Nederlands?', type: 'yesno', options: '' })).statusCode).toBe(303);
    expect((await council.post(`${councilUrl}/status`, { action: 'start-fieldwork' })).statusCode).toBe(303);

    const member = new Client(t.app);
    const round = councilUrl.split('/').at(-1)!;
    expect((await member.get(`/o/alfa/${round}?lang=en`)).statusCode).toBe(200);
    let page = await member.post(`/o/alfa/${round}?lang=en`, {});
    for (let hops = 0; page.statusCode === 303 && hops < 4; hops++) page = await member.get(String(page.headers.location));
    const shown = text(page.body);
    expect(shown).toContain('How often do you visit the consultation hour?');
    expect(shown).toContain('Often Sometimes Never');
    expect(shown).toContain('Alleen in het Nederlands?');
  });

  it('lets staff publish a council survey, but not change its questions or run its fieldwork', async () => {
    const council = await signedIn('council@alfa.nl');
    const created = await council.post('/council/surveys', { name: 'Peiling vervoer' });
    const councilUrl = String(created.headers.location).replace(/\?.*$/, '');
    const round = councilUrl.split('/').at(-1)!;
    expect((await council.post(`${councilUrl}/questions`, { text: 'Kunt u het kantoor goed bereiken?', type: 'yesno', options: '' })).statusCode).toBe(303);
    const statusOf = async () => (await withTenant(t.database.db, t.orgA, (tx) => sql<{ status: string; name: string }>`select status, name from rounds where id = ${round}`.execute(tx))).rows[0];

    const researcher = await signedIn('researcher@alfa.nl');
    const list = text((await researcher.get('/rounds')).body);
    expect(list).toContain('Peiling vervoer Cliëntenraad');
    const roundPage = await researcher.get(`/rounds/${round}`);
    expect(text(roundPage.body)).toContain('Dit onderzoek is van de cliëntenraad. De raad stelt de vragen en start en sluit het onderzoek zelf.');
    expect(roundPage.body).not.toContain(`/rounds/${round}/edit`);
    expect(roundPage.body).not.toContain(`/rounds/${round}/status/start-fieldwork`);
    expect(roundPage.body).not.toContain('name="textNl"');

    const refusal = 'Dit is het eigen onderzoek van de cliëntenraad. Alleen de raad kan de vragen veranderen';
    const edit = await researcher.post(`/rounds/${round}/edit`, { name: 'Overgenomen', year: '2026', targetGroup: '', fieldworkStart: '', fieldworkEnd: '', access: 'open' });
    expect(edit.statusCode).toBe(400);
    expect(text(edit.body)).toContain(refusal);
    const item = await researcher.post(`/rounds/${round}/items`, { key: 'extra', type: 'yesno', textNl: 'Een vraag van de gemeente', textEn: '' });
    expect(item.statusCode).toBe(400);
    expect(text(item.body)).toContain(refusal);
    const confirm = await researcher.get(`/rounds/${round}/status/start-fieldwork`);
    expect(confirm.statusCode).toBe(409);
    expect(text(confirm.body)).toContain(refusal);
    expect((await researcher.post(`/rounds/${round}/status/start-fieldwork`, {})).headers.location).toBe(`/rounds/${round}/status/start-fieldwork`);
    expect(await statusOf()).toEqual({ status: 'draft', name: 'Peiling vervoer' });
    const questions = await withTenant(t.database.db, t.orgA, (tx) => sql<{ n: number }>`select jsonb_array_length(own_blocks->0->'items')::int as n from rounds where id = ${round}`.execute(tx));
    expect(questions.rows[0]!.n).toBe(1);

    // The council runs it; staff publish the result.
    expect((await council.post(`${councilUrl}/status`, { action: 'start-fieldwork' })).statusCode).toBe(303);
    expect((await researcher.post(`/rounds/${round}/status/close`, {})).headers.location).toBe(`/rounds/${round}/status/close`);
    expect((await council.post(`${councilUrl}/status`, { action: 'close' })).statusCode).toBe(303);
    expect((await researcher.get(`/rounds/${round}`)).body).toContain(`/rounds/${round}/status/publish`);
    expect((await researcher.post(`/rounds/${round}/status/publish`, {})).headers.location).toBe(`/rounds/${round}?done=status`);
    expect((await statusOf())!.status).toBe('published');
  });

  it('keeps a council survey to the council (results to its organisation)', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    expect((await researcher.get(url)).statusCode).toBe(403);
    expect((await researcher.post('/council/surveys', { name: 'Niet van mij' })).statusCode).toBe(403);
    const other = await signedIn('council@beta.nl');
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await other.get(`${url}/results`)).statusCode).toBe(404);
    expect((await other.post(`${url}/status`, { action: 'close' })).statusCode).toBe(404);
    expect(text((await other.get('/council/surveys')).body)).toContain('De cliëntenraad heeft nog geen eigen onderzoek.');
  });
});
