import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAccessCode } from '../../src/domain/access-code.ts';
import { build } from '../../src/web/build-server.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let codes: string[];
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ roundId, codes } = await createFieldworkRound(t.database.db, t.orgA, { codes: 20 }));
});
afterAll(async () => t.close());

async function enter(code: string, client = new Client(t.app)) {
  await client.get('/r');
  const response = await client.post('/r', { code });
  return { client, response };
}

/** Answers a page and returns where the form sends the respondent next. */
async function answer(client: Client, block: string, form: Record<string, string | string[]>): Promise<string> {
  await client.get(`/survey/${block}`);
  const response = await client.post(`/survey/${block}`, form);
  expect(response.statusCode, `${block}: ${response.body.match(/error-summary[\s\S]{0,400}/)?.[0]}`).toBe(303);
  return String(response.headers.location);
}

describe('entering with an access code', () => {
  it('explains a mistyped, unknown or malformed code before anything else', async () => {
    const wrongCheck = codes[0]!.slice(0, 11) + (codes[0]![11] === 'A' ? 'B' : 'A');
    expect((await enter(wrongCheck)).response.body).toContain('Deze code klopt niet. Misschien is er een teken verkeerd getypt.');
    expect((await enter('ABCD')).response.body).toContain('De code heeft 12 tekens.');
    expect((await enter('ABCD-EFGH-JK0O')).response.body).toContain('geen letters O, I of L');
    const unknown = await enter('ABCD-EFGH-JKMN'.replace('N', 'A'));
    expect(unknown.response.statusCode).toBe(400);
    expect(unknown.response.body).toMatch(/Wij kennen deze code niet|Deze code klopt niet/);
    expect(unknown.response.body).toContain('href="#code"');
  });

  it('accepts the code in any case with spaces, and by direct link', async () => {
    const { response } = await enter(` ${formatAccessCode(codes[1]!).toLowerCase().replace(/-/g, ' ')} `);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/survey');
    const viaLink = new Client(t.app);
    const link = await viaLink.get(`/r/${codes[2]}`);
    expect(link.headers.location).toBe('/survey');
    expect((await viaLink.get('/survey')).headers.location).toBe('/survey/algemeen');
  });
});

describe('answering', () => {
  it('routes both ways, resumes on another device, completes, and then the code is spent', async () => {
    const code = codes[3]!;
    const { client } = await enter(code);
    expect((await client.get('/survey')).headers.location).toBe('/survey/algemeen');
    const first = await client.get('/survey/algemeen');
    expect(first.body).toContain('Stap 1 van');
    expect(await answer(client, 'algemeen', { 'algemeen.cijfer': '8' })).toBe('/survey/situatie');
    // intake yes: the intake page follows after first contact
    expect(await answer(client, 'situatie', { 'situatie.intake': '1', 'situatie.inkomensconsulent': '0', 'situatie.werk': '0', 'situatie.schuldhulp': '0' })).toBe('/survey/contact');
    expect(await answer(client, 'contact', { 'balie.bejegening': '4', 'balie.wachttijd': 'na' })).toBe('/survey/informatie');
    expect(await answer(client, 'informatie', {})).toBe('/survey/intake');
    const intakePage = await client.get('/survey/intake');
    expect(intakePage.body).toMatch(/Stap 5 van (\d+)/);
    const withIntake = Number(intakePage.body.match(/Stap 5 van (\d+)/)![1]);
    expect(await answer(client, 'intake', { 'intake.rechten_plichten': '5', 'intake.cijfer': '9' })).toBe('/survey/bejegening');

    // leave, and resume with the same code on another device
    const { client: phone, response } = await enter(code.toLowerCase());
    expect(response.headers.location).toBe('/survey');
    expect((await phone.get('/survey')).headers.location).toBe('/survey/bejegening');
    const situatie = await phone.get('/survey/situatie');
    expect(situatie.body).toMatch(/value="1" checked/);

    // routing the other way: no intake after all
    expect(await answer(phone, 'situatie', { 'situatie.intake': '0', 'situatie.inkomensconsulent': '0', 'situatie.werk': '0', 'situatie.schuldhulp': '0' })).toBe('/survey/contact');
    const contact = await phone.get('/survey/contact');
    expect(Number(contact.body.match(/Stap 3 van (\d+)/)![1])).toBe(withIntake - 1);
    expect((await phone.get('/survey/intake')).headers.location).toBe('/survey');
    for (const block of ['bejegening', 'minima', 'open', 'achtergrond']) await answer(phone, block, block === 'open' ? { 'open.pluspunten': 'Vriendelijke mensen aan de balie.' } : {});
    const check = await phone.get('/survey/check');
    expect(check.body).toContain('Kijk uw antwoorden na');
    expect(check.body).toContain('Vriendelijke mensen aan de balie.');
    expect(check.body).not.toContain('/survey/intake');

    const sent = await phone.post('/survey/check', {});
    expect(sent.statusCode).toBe(303);
    expect(String(sent.headers.location)).toMatch(/^\/thanks/);
    const thanks = await phone.get(String(sent.headers.location));
    expect(thanks.body).toContain('Bedankt!');
    expect(thanks.body).toContain('Met uw antwoorden kan Gemeente Alfa de dienstverlening beter maken.');
    const forged = await phone.get('/thanks?org=Bel%20nu%200900-OPLICHTER&sig=forged');
    expect(forged.body).not.toContain('OPLICHTER');
    expect(forged.body).toContain('Met uw antwoorden kan de gemeente de dienstverlening beter maken.');

    // the code is spent; the answers cannot be read back from either device
    expect((await enter(code)).response.body).toContain('Met deze code is de vragenlijst al ingevuld.');
    const reread = await client.get('/survey/contact');
    expect(reread.body).not.toContain('checked');
    expect(reread.body).toContain('al ingevuld');

    const stored = await sql<{ status: string; completed_on: string; last_block: string | null; intake: number; answers: number; links: number; state: string }>`
      select r.status, r.completed_on, r.last_block,
        (select count(*) from answers a where a.response_id = r.id and a.item_key like 'intake.%') as intake,
        (select count(*) from answers a where a.response_id = r.id) as answers,
        (select count(*) from response_sessions s where s.response_id = r.id) as links,
        (select string_agg(state, ',') from access_codes c where c.round_id = r.round_id and c.state <> 'unused') as state
      from responses r where r.round_id = ${roundId} and r.status = 'completed'`.execute(t.database.db);
    expect(stored.rows).toHaveLength(1);
    const row = stored.rows[0]!;
    expect(row.status).toBe('completed');
    expect(row.completed_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.last_block).toBeNull();
    expect(Number(row.intake)).toBe(0);
    expect(Number(row.answers)).toBe(8); // 1 mark, 4 routing questions, 2 on first contact, 1 open answer
    expect(Number(row.links)).toBe(0);
    expect(row.state.split(',').sort()).toEqual(['completed', 'started', 'started']);
  });

  it('shows problems in an error summary, keeps valid answers, and refuses tampered values', async () => {
    const { client } = await enter(codes[4]!);
    await client.get('/survey/algemeen');
    const tampered = await client.post('/survey/algemeen', { 'algemeen.cijfer': '11' });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('id="error-summary"');
    expect(tampered.body).toMatch(/href="#q-algemeen-cijfer-0">[^<]*Kies een van de antwoorden/);
    expect(tampered.body).toContain('aria-invalid="true"');
    await answer(client, 'algemeen', { 'algemeen.cijfer': '6' });
    await client.get('/survey/contact');
    const mixed = await client.post('/survey/contact', { 'balie.bejegening': '2', 'balie.wachttijd': ['1', '2'] });
    expect(mixed.statusCode).toBe(400);
    const rows = await sql<{ item_key: string; value_num: number }>`select a.item_key, a.value_num from answers a join responses r on r.id = a.response_id
      where r.round_id = ${roundId} and a.item_key in ('balie.bejegening', 'balie.wachttijd', 'algemeen.cijfer') and r.status = 'in_progress' order by 1`.execute(t.database.db);
    expect(rows.rows).toEqual(expect.arrayContaining([{ item_key: 'algemeen.cijfer', value_num: 6 }, { item_key: 'balie.bejegening', value_num: 2 }]));
    expect(rows.rows.some((r) => r.item_key === 'balie.wachttijd')).toBe(false);
  });

  it('refuses a forged ticket and a form without its CSRF token', async () => {
    const forged = new Client(t.app);
    await forged.get('/r');
    const response = await t.app.inject({ url: '/survey/algemeen', headers: { cookie: `ks_r=${t.orgA}.00000000-0000-4000-8000-000000000000.AAAA` } });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Begin opnieuw met de code');
    const { client } = await enter(codes[5]!);
    await client.get('/survey/algemeen');
    expect((await client.post('/survey/algemeen', { 'algemeen.cijfer': '7' }, { csrf: 'wrong' })).statusCode).toBe(403);
  });

  it('speaks Arabic right to left, Turkish and Polish, with Dutch item text marked as Dutch', async () => {
    const { client } = await enter(codes[6]!);
    const arabic = await client.get('/survey/algemeen?lang=ar');
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toMatch(/<legend lang="nl" dir="ltr"><span class="ks-qnumber" dir="ltr">1.<\/span> Welk rapportcijfer/);
    const english = await client.get('/survey/algemeen?lang=en');
    expect(english.body).toContain('<html lang="en" dir="ltr">');
    expect(english.body).not.toContain('lang="nl" dir="ltr"');
    expect((await client.get('/survey/algemeen?lang=tr')).body).toContain('<html lang="tr" dir="ltr">');
    expect((await client.get('/survey/algemeen?lang=pl')).body).toContain('<html lang="pl" dir="ltr">');
  });
});

describe('guessing codes', () => {
  it('is limited per client and, for failures, in total', async () => {
    const limited = await build({ db: t.database.db, secret: 'rate-limit-secret-rate-limit-secret', codeAttemptsPerClient: 3, codeFailuresTotal: 5 });
    const attempt = (ip: string) => limited.inject({ method: 'GET', url: '/r/ABCDEFGHJKMN', remoteAddress: ip });
    const one = [await attempt('10.0.0.1'), await attempt('10.0.0.1'), await attempt('10.0.0.1'), await attempt('10.0.0.1')];
    expect(one.map((r) => r.statusCode)).toEqual([400, 400, 400, 429]);
    // a well-formed but unknown code counts as a failure for everyone
    const unknownCode = (await import('../../src/app/access-code-hash.ts')).newAccessCode();
    const spread = [];
    for (let i = 0; i < 7; i++) spread.push((await limited.inject({ method: 'GET', url: `/r/${unknownCode}`, remoteAddress: `10.0.1.${i}` })).statusCode);
    expect(spread.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(spread.slice(5)).toEqual([429, 429]);
    const busy = await limited.inject({ method: 'GET', url: `/r/${codes[7]}`, remoteAddress: '10.0.2.1' });
    expect(busy.body).toContain('Het is nu erg druk');
    await limited.close();
  });

  it('does not let a client name its own address, unless a proxy in front is configured', async () => {
    const direct = await build({ db: t.database.db, secret: 'rate-limit-secret-rate-limit-secret', codeAttemptsPerClient: 2 });
    // Without TRUST_PROXY a made-up X-Forwarded-For changes nothing: one client, one limit.
    const spoofed = [];
    for (let i = 0; i < 3; i++) spoofed.push((await direct.inject({ method: 'GET', url: '/r/ABCDEFGHJKMN', remoteAddress: '10.0.3.1', headers: { 'x-forwarded-for': `192.0.2.${i}` } })).statusCode);
    expect(spoofed).toEqual([400, 400, 429]);
    await direct.close();
    // Behind one proxy, the address the proxy adds (the last one) is the client; whatever the
    // client wrote in front of it is not.
    const proxied = await build({ db: t.database.db, secret: 'rate-limit-secret-rate-limit-secret', codeAttemptsPerClient: 2, trustProxy: 1 });
    const viaProxy = (client: string, claimed: string) => proxied.inject({ method: 'GET', url: '/r/ABCDEFGHJKMN', remoteAddress: '10.0.0.254', headers: { 'x-forwarded-for': `${claimed}, ${client}` } });
    const sameClient = [];
    for (let i = 0; i < 3; i++) sameClient.push((await viaProxy('198.51.100.7', `192.0.2.${i}`)).statusCode);
    expect(sameClient).toEqual([400, 400, 429]);
    expect((await viaProxy('198.51.100.8', '192.0.2.1')).statusCode).toBe(400);
    await proxied.close();
  });
});

describe('open-link rounds', () => {
  it('start without a code, ignore bots that fill the honeypot, and take one response per browser', async () => {
    const open = await createFieldworkRound(t.database.db, t.orgA, { access: 'open', name: 'Peiling cliëntenraad' });
    const url = `/o/alfa/${open.roundId}`;
    const bot = new Client(t.app);
    await bot.get(url);
    await bot.post(url, { website: 'http://spam.example' });
    const person = new Client(t.app);
    const intro = await person.get(url);
    expect(intro.body).toContain('Peiling cliëntenraad');
    const started = await person.post(url, { website: '' });
    expect(started.headers.location).toBe('/survey');
    await answer(person, 'algemeen', { 'algemeen.cijfer': '7' });
    await person.get('/survey/check');
    expect((await person.post('/survey/check', {})).statusCode).toBe(303);
    expect((await person.get(url)).body).toContain('U heeft deze vragenlijst al ingevuld.');
    const responses = await sql<{ status: string }>`select status from responses where round_id = ${open.roundId}`.execute(t.database.db);
    expect(responses.rows).toEqual([{ status: 'completed' }]);
    expect((await person.get(`/o/beta/${open.roundId}`)).statusCode).toBe(404);
  });

  it('closed rounds take no answers', async () => {
    const closed = await createFieldworkRound(t.database.db, t.orgB, { codes: 1 });
    await sql`update rounds set status = 'closed' where id = ${closed.roundId}`.execute(t.database.db);
    expect((await enter(closed.codes[0]!)).response.body).toContain('Het onderzoek is gesloten of nog niet begonnen.');
  });
});
