import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterWithCode } from '../../src/app/respondent/enter-with-code.ts';
import { completeSurvey } from '../../src/app/respondent/respondent-survey.ts';
import { formatAccessCode } from '../../src/domain/access-code.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// Staff typing in returned paper forms: the response lands in the same tables as web answers,
// the code is spent, and double entry needs two people who agree (or settle the differences).

let t: TestApp;
let roundId: string;
let codes: string[];

beforeAll(async () => {
  t = await createTestApp();
  ({ roundId, codes } = await createFieldworkRound(t.database.db, t.orgA, { codes: 12 }));
}, 60_000);
afterAll(async () => t?.close());

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  await client.get('/rounds'); // a page of the signed-in session, for its CSRF token
  return client;
}

const situation = { 'situatie.intake': '0', 'situatie.inkomensconsulent': '0', 'situatie.werk': '0', 'situatie.schuldhulp': '1' };

/** Opens the form of a code and saves answers; returns the response to the save. */
async function enter(client: Client, code: string, answers: Record<string, string | string[]>, extra: Record<string, string> = {}) {
  await client.get(`/rounds/${roundId}/entry`);
  const opened = await client.post(`/rounds/${roundId}/entry`, { code, language: 'nl' });
  expect(opened.statusCode, opened.body.match(/error-summary[\s\S]{0,300}/)?.[0]).toBe(200);
  return client.post(`/rounds/${roundId}/entry/form`, { code, language: 'nl', ...answers, ...extra });
}

async function paperResponses() {
  const rows = await sql<{ id: string; channel: string; status: string; completed_on: string | null }>`
    select id, channel, status, completed_on::text from responses where round_id = ${roundId} and channel = 'paper' order by id`.execute(t.database.db);
  return rows.rows;
}

async function answersOf(responseId: string) {
  const rows = await sql<{ item_key: string; option_code: string; value_num: number | null; value_text: string | null; not_applicable: boolean }>`
    select item_key, option_code, value_num, value_text, not_applicable from answers where response_id = ${responseId} order by item_key, option_code`.execute(t.database.db);
  return rows.rows;
}

async function codeState(code: string): Promise<string> {
  const { hashAccessCode } = await import('../../src/app/access-code-hash.ts');
  const row = await sql<{ state: string }>`select state from access_codes where code_hash = ${hashAccessCode(code)}`.execute(t.database.db);
  return row.rows[0]!.state;
}

describe('typing in a paper form', () => {
  it('creates a completed paper response in the answers table, after pointing out answers the routing skips', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const page = await client.get(`/rounds/${roundId}/entry`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Papieren vragenlijsten invoeren');
    expect(page.body).toMatch(/id="code"[^>]*autofocus/);

    const code = codes[0]!;
    const opened = await client.post(`/rounds/${roundId}/entry`, { code: formatAccessCode(code).toLowerCase(), language: 'nl' });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain(`Formulier ${formatAccessCode(code)} invoeren`);
    expect(opened.body).toContain('<span class="pe-n">56</span> Welke taal spreekt u thuis het meest?');
    expect(opened.body).toMatch(/id="pe-algemeen-cijfer-input"[^>]*autofocus/);
    expect(opened.body).toContain('Beantwoord de vragen 17 tot en met 22 alleen als u bij vraag 2 ‘Ja’ heeft aangekruist.');

    const answers = {
      'algemeen.cijfer': '8', ...situation,
      'balie.bejegening': '4', 'balie.wachttijd': 'na', 'eerste_contact.cijfer.na': 'na',
      'intake.cijfer': '9', // on paper, although question 2 says no intake: skipped by routing
      'schuldhulp.snel': '5', 'schuldhulp.cijfer': '7',
      'open.verbeterpunten': 'Sneller terugbellen.',
      'achtergrond.leeftijd': '45-54', 'achtergrond.taal': '',
    };
    const warned = await client.post(`/rounds/${roundId}/entry/form`, { code, language: 'nl', ...answers });
    expect(warned.statusCode).toBe(200);
    expect(warned.body).toContain('Deze antwoorden worden niet bewaard');
    expect(warned.body).toContain('Vraag 22: Welk rapportcijfer geeft u voor het intakegesprek?');
    expect(warned.body).toContain('Opslaan zonder deze antwoorden');
    expect(warned.body).toMatch(/name="intake.cijfer" value="9"/);
    const token = /name="confirmSkips" value="([^"]*)"/.exec(warned.body)![1]!;
    expect(await paperResponses()).toEqual([]);

    const saved = await client.post(`/rounds/${roundId}/entry/form`, { code, language: 'nl', ...answers, confirmSkips: token });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/rounds/${roundId}/entry?done=saved&skipped=22&language=nl`);
    const confirmation = await client.get(String(saved.headers.location));
    expect(confirmation.body).toContain('Het formulier is opgeslagen als antwoord op papier.');
    expect(confirmation.body).toContain('Niet bewaard door de routing: vraag 22.');

    const responses = await paperResponses();
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ channel: 'paper', status: 'completed' });
    expect(responses[0]!.completed_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await answersOf(responses[0]!.id)).toEqual([
      { item_key: 'achtergrond.leeftijd', option_code: '45-54', value_num: null, value_text: null, not_applicable: false },
      { item_key: 'algemeen.cijfer', option_code: '', value_num: 8, value_text: null, not_applicable: false },
      { item_key: 'balie.bejegening', option_code: '', value_num: 4, value_text: null, not_applicable: false },
      { item_key: 'balie.wachttijd', option_code: '', value_num: null, value_text: null, not_applicable: true },
      { item_key: 'eerste_contact.cijfer', option_code: '', value_num: null, value_text: null, not_applicable: true },
      { item_key: 'open.verbeterpunten', option_code: '', value_num: null, value_text: 'Sneller terugbellen.', not_applicable: false },
      { item_key: 'schuldhulp.cijfer', option_code: '', value_num: 7, value_text: null, not_applicable: false },
      { item_key: 'schuldhulp.snel', option_code: '', value_num: 5, value_text: null, not_applicable: false },
      { item_key: 'situatie.inkomensconsulent', option_code: '', value_num: 0, value_text: null, not_applicable: false },
      { item_key: 'situatie.intake', option_code: '', value_num: 0, value_text: null, not_applicable: false },
      { item_key: 'situatie.schuldhulp', option_code: '', value_num: 1, value_text: null, not_applicable: false },
      { item_key: 'situatie.werk', option_code: '', value_num: 0, value_text: null, not_applicable: false },
    ]);
    expect(await codeState(code)).toBe('completed');
    const pending = await sql<{ n: number }>`select count(*)::int as n from pending_paper_entries`.execute(t.database.db);
    expect(pending.rows[0]!.n).toBe(0);

    // the code is spent: the respondent cannot answer online any more, nor can it be typed twice
    const respondent = new Client(t.app);
    await respondent.get('/r');
    const web = await respondent.post('/r', { code });
    expect(web.body).toContain('Met deze code is de vragenlijst al ingevuld.');
    const again = await client.post(`/rounds/${roundId}/entry`, { code, language: 'nl' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Deze code is al gebruikt: het formulier is al ingevoerd of online ingevuld.');
  });

  it('shows problems in an error summary and keeps what was typed', async () => {
    const client = await signedIn('administrator@alfa.nl');
    const response = await enter(client, codes[1]!, { 'algemeen.cijfer': '11', 'balie.bejegening': '4', 'achtergrond.leeftijd': 'x', 'eerste_contact.cijfer': '7', 'eerste_contact.cijfer.na': 'na' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Er is iets niet goed ingevuld');
    expect(response.body).toContain('href="#pe-algemeen-cijfer-input">Vraag 1: Vul een heel cijfer van 1 tot en met 10 in, of laat de vraag leeg.');
    expect(response.body).toContain('Vraag 53: Kies een van de antwoorden.');
    expect(response.body).toContain('Vraag 16: Vul een antwoord in of kies ‘niet van toepassing’, niet allebei.');
    expect(response.body).toMatch(/id="pe-algemeen-cijfer-input" name="algemeen.cijfer" value="11" aria-invalid="true" autofocus/);
    expect(await codeState(codes[1]!)).toBe('unused');
  });

  it('refuses codes already used online, of other rounds, and mistyped ones; a code started online is replaced', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const webCode = codes[2]!;
    const ticket = await enterWithCode(t.database.db, { code: webCode, language: 'nl' });
    expect(ticket.ok && (await completeSurvey(t.database.db, ticket.value)).ok).toBe(true);
    const used = await client.post(`/rounds/${roundId}/entry`, { code: webCode, language: 'nl' });
    expect(used.statusCode).toBe(400);
    expect(used.body).toContain('Deze code is al gebruikt');

    const other = await createFieldworkRound(t.database.db, t.orgA, { codes: 1 });
    expect((await client.post(`/rounds/${roundId}/entry`, { code: other.codes[0]!, language: 'nl' })).body).toContain('Deze code hoort niet bij deze ronde.');
    const typo = codes[3]!.slice(0, 11) + (codes[3]![11] === 'A' ? 'B' : 'A');
    expect((await client.post(`/rounds/${roundId}/entry`, { code: typo, language: 'nl' })).body).toContain('Misschien is er een teken verkeerd getypt.');

    const startedCode = codes[3]!;
    const started = await enterWithCode(t.database.db, { code: startedCode, language: 'nl' });
    expect(started.ok).toBe(true);
    const form = await client.post(`/rounds/${roundId}/entry`, { code: startedCode, language: 'nl' });
    expect(form.body).toContain('Met deze code is online begonnen, maar niet afgemaakt.');
    const saved = await client.post(`/rounds/${roundId}/entry/form`, { code: startedCode, language: 'nl', 'algemeen.cijfer': '6' });
    expect(saved.statusCode).toBe(303);
    const web = await sql<{ n: number }>`select count(*)::int as n from responses where id = ${started.ok ? started.value.responseId : ''}`.execute(t.database.db);
    expect(web.rows[0]!.n).toBe(0);
    expect(await codeState(startedCode)).toBe('completed');
  });

  it('is for researchers and administrators of the organisation only', async () => {
    for (const email of ['viewer@alfa.nl', 'council@alfa.nl']) {
      const client = await signedIn(email);
      expect((await client.get(`/rounds/${roundId}/entry`)).statusCode).toBe(403);
      expect((await client.post(`/rounds/${roundId}/entry`, { code: codes[4]!, language: 'nl' })).statusCode).toBe(403);
      expect((await client.post(`/rounds/${roundId}/entry/form`, { code: codes[4]!, 'algemeen.cijfer': '5' })).statusCode).toBe(403);
    }
    const foreign = await signedIn('researcher@beta.nl');
    expect((await foreign.get(`/rounds/${roundId}/entry`)).statusCode).toBe(404);
    expect((await foreign.post(`/rounds/${roundId}/entry`, { code: codes[4]!, language: 'nl' })).statusCode).toBe(404);
    expect((await foreign.post(`/rounds/${roundId}/entry/form`, { code: codes[4]!, 'algemeen.cijfer': '5' })).statusCode).toBe(404);
    expect((await foreign.post(`/rounds/${roundId}/entry/double`, { on: '1' })).statusCode).toBe(404);
    expect(await codeState(codes[4]!)).toBe('unused');
  });
});

describe('double entry', () => {
  it('needs a second, different person; equal entries make the response', async () => {
    const first = await signedIn('researcher@alfa.nl');
    await first.get(`/rounds/${roundId}/entry`);
    const switched = await first.post(`/rounds/${roundId}/entry/double`, { on: '1' });
    expect(switched.headers.location).toBe(`/rounds/${roundId}/entry?done=double`);
    expect((await first.get(String(switched.headers.location))).body).toContain('Dubbele invoer staat aan.');

    const code = codes[5]!;
    const answers = { 'algemeen.cijfer': '7', ...situation, 'schuldhulp.snel': '4', 'achtergrond.leeftijd': '27-44' };
    const before = (await paperResponses()).length;
    const firstEntry = await enter(first, code, answers);
    expect(firstEntry.headers.location).toBe(`/rounds/${roundId}/entry?done=first&language=nl`);
    expect(await paperResponses()).toHaveLength(before);
    expect(await codeState(code)).toBe('unused');

    const sameAgain = await first.post(`/rounds/${roundId}/entry`, { code, language: 'nl' });
    expect(sameAgain.statusCode).toBe(400);
    expect(sameAgain.body).toContain('U heeft de eerste invoer van dit formulier gedaan.');

    const second = await signedIn('administrator@alfa.nl');
    const opened = await second.post(`/rounds/${roundId}/entry`, { code, language: 'nl' });
    await second.get(`/rounds/${roundId}/entry`);
    expect(opened.body).toContain('Tweede invoer.');
    const secondEntry = await enter(second, code, answers);
    expect(secondEntry.headers.location).toBe(`/rounds/${roundId}/entry?done=agreed&language=nl`);
    const responses = await paperResponses();
    expect(responses).toHaveLength(before + 1);
    expect(await codeState(code)).toBe('completed');
  });

  it('lists the differences by question number and stores the chosen values', async () => {
    const first = await signedIn('researcher@alfa.nl');
    const second = await signedIn('administrator@alfa.nl');
    const code = codes[6]!;
    await enter(first, code, { 'algemeen.cijfer': '7', ...situation, 'balie.bejegening': '2', 'achtergrond.leeftijd': '27-44' });
    const differs = await enter(second, code, { 'algemeen.cijfer': '8', ...situation, 'balie.bejegening': '2', 'achtergrond.leeftijd': '45-54' });
    expect(differs.statusCode).toBe(200);
    expect(differs.body).toContain('Verschillen tussen de twee invoeren');
    expect(differs.body).toContain('De tweede invoer wijkt bij 2 vragen af van de eerste.');
    expect(differs.body).toContain('Vraag 1: Welk rapportcijfer geeft u de gemeente');
    expect(differs.body).toContain('Eerste invoer: 7');
    expect(differs.body).toContain('Tweede invoer: 8');
    expect(differs.body).toContain('Vraag 53: Hoe oud bent u?');
    expect(differs.body).toContain('Eerste invoer: 27 tot en met 44 jaar');
    expect(differs.body).toContain('Tweede invoer: 45 tot en met 54 jaar');
    expect(await codeState(code)).toBe('unused');

    // the first typist cannot settle it; a missing choice is an error
    expect((await first.post(`/rounds/${roundId}/entry/resolve`, { code, 'choice.algemeen.cijfer': 'first', 'choice.achtergrond.leeftijd': 'first' })).body).toContain('U heeft de eerste invoer');
    const incomplete = await second.post(`/rounds/${roundId}/entry/resolve`, { code, 'choice.algemeen.cijfer': 'first' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('Kies bij vraag 53 het antwoord van de eerste of de tweede invoer.');

    // coming back later with the code shows the same differences
    const later = await second.post(`/rounds/${roundId}/entry`, { code, language: 'nl' });
    expect(later.body).toContain('Verschillen tussen de twee invoeren');

    const resolved = await second.post(`/rounds/${roundId}/entry/resolve`, { code, 'choice.algemeen.cijfer': 'first', 'choice.achtergrond.leeftijd': 'second' });
    expect(resolved.headers.location).toBe(`/rounds/${roundId}/entry?done=resolved&language=nl`);
    const responses = await paperResponses();
    const rows = await Promise.all(responses.map((r) => answersOf(r.id)));
    const stored = rows.find((r) => r.some((a) => a.item_key === 'balie.bejegening' && a.value_num === 2))!;
    expect(stored.find((a) => a.item_key === 'algemeen.cijfer')!.value_num).toBe(7);
    expect(stored.find((a) => a.item_key === 'achtergrond.leeftijd')!.option_code).toBe('45-54');
    expect(await codeState(code)).toBe('completed');
    const pending = await sql<{ n: number }>`select count(*)::int as n from pending_paper_entries`.execute(t.database.db);
    expect(pending.rows[0]!.n).toBe(0);
  });
});
