import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The council writes an advice on a round with two points, one citing the overall mark; it
// sends it and can change nothing after; the organisation responds per point. The round has
// 12 responses: 6 × mark 7 and 6 × mark 8, so the mark is 7,5 on n = 12 (indicative, under 30);
// "Ik vind de folders duidelijk" has 4 answers only, so it is hidden and cannot be cited.

let t: TestApp;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  roundId = (await createFieldworkRound(t.database.db, t.orgA, { name: 'KTO 2026' })).roundId;
  const answers: AnswerInput[][] = Array.from({ length: 12 }, (_, i) => [{ itemKey: 'algemeen.cijfer', valueNum: i < 6 ? 7 : 8 }]);
  await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, roundId, answers.map((list) => ({
    id: randomUUID(), channel: 'web', language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02', answers: list,
  }))));
});
afterAll(async () => t.close());

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  await client.get('/rounds'); // a CSRF token of this session
  return client;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const timeline = () => `/rounds/${roundId}/council`;

describe('council advice', () => {
  let adviceUrl = '';

  it('lets the council write an advice with two points, one citing a figure as shown in the report', async () => {
    const council = await signedIn('council@alfa.nl');
    const page = await council.get(timeline());
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Er is nog geen advies verstuurd over deze ronde.');

    const missing = await council.post(`${timeline()}/advices`, { title: '', introduction: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#title">Geef het advies een titel van hoogstens 200 tekens.</a>');

    const started = await council.post(`${timeline()}/advices`, { title: 'Advies over het KTO 2026', introduction: 'De raad heeft de uitkomsten besproken.' });
    expect(started.statusCode).toBe(303);
    adviceUrl = String(started.headers.location).replace(/\?.*$/, '');
    expect(adviceUrl).toMatch(new RegExp(`^/rounds/${roundId}/council/advices/[0-9a-f-]{36}$`));

    const workspace = await council.get(adviceUrl);
    expect(workspace.body).toContain('<option value="algemeen.cijfer" >Welk rapportcijfer geeft u');
    expect(text(workspace.body)).toContain(' — 7,5 (n = 12, indicatief)');

    const empty = await council.post(`${adviceUrl}/points`, { text: ' ', cite: ['', ''] });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#text">Schrijf de tekst van het punt');
    const unknown = await council.post(`${adviceUrl}/points`, { text: 'Iets', cite: ['bestaat.niet', ''] });
    expect(unknown.body).toContain('href="#cite-1">Kies een cijfer uit de lijst.</a>');

    const first = await council.post(`${adviceUrl}/points`, { text: 'Houd het rapportcijfer minstens op dit niveau.', cite: ['algemeen.cijfer', ''] });
    expect(first.headers.location).toBe(`${adviceUrl}?done=point&point=1`);
    const second = await council.post(`${adviceUrl}/points`, { text: 'Maak de telefonische bereikbaarheid beter.', cite: ['', ''] });
    expect(second.headers.location).toBe(`${adviceUrl}?done=point&point=2`);

    const stored = await withTenant(t.database.db, t.orgA, (tx) => sql<{ number: number; citations: unknown }>`
      select number, citations from advice_points where organisation_id = ${t.orgA} order by number`.execute(tx));
    expect(stored.rows[0]!.citations).toEqual([{ itemKey: 'algemeen.cijfer', label: expect.stringContaining('rapportcijfer'), value: '7,5 (n = 12, indicatief)' }]);
    expect(stored.rows[1]!.citations).toEqual([]);
  });

  it('keeps a draft out of the timeline; after sending, the advice is read-only', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    expect(text((await researcher.get(timeline())).body)).toContain('Er is nog geen advies verstuurd');

    const council = await signedIn('council@alfa.nl');
    const sent = await council.post(`${adviceUrl}/send`, {});
    expect(sent.headers.location).toBe(`${timeline()}?done=sent`);
    const after = await council.get(adviceUrl);
    expect(text(after.body)).toContain('Een verstuurd advies kan niet meer worden gewijzigd.');
    expect(after.body).not.toContain('name="text"');
    const late = await council.post(`${adviceUrl}/points`, { text: 'Nog een punt', cite: ['', ''] });
    expect(late.statusCode).toBe(409);
    expect((await council.post(`${adviceUrl}/send`, {})).statusCode).toBe(409);
    const points = await withTenant(t.database.db, t.orgA, (tx) => sql<{ n: string }>`select count(*)::text as n from advice_points`.execute(tx));
    expect(points.rows[0]!.n).toBe('2');
  });

  it('lets the organisation respond per point, with reasons unless adopted', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const page = await researcher.get(timeline());
    const links = [...page.body.matchAll(/href="([^"]+\/response)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);

    const none = await researcher.post(links[0]!, { reasons: '' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('href="#decision-adopted">Kies of de organisatie het punt overneemt.</a>');
    const noReasons = await researcher.post(links[1]!, { decision: 'partly', reasons: '  ' });
    expect(noReasons.statusCode).toBe(400);
    expect(noReasons.body).toContain('href="#reasons">Leg uit waarom de organisatie het punt niet of gedeeltelijk overneemt.</a>');
    expect(noReasons.body).toContain('id="decision-partly" name="decision" value="partly" checked');

    expect((await researcher.post(links[0]!, { decision: 'adopted', reasons: '' })).headers.location).toBe(`${timeline()}?done=responded&point=1`);
    expect((await researcher.post(links[1]!, { decision: 'partly', reasons: 'Er komt een terugbelservice; meer telefonisten past niet in de begroting.' })).statusCode).toBe(303);

    const viewer = await signedIn('viewer@alfa.nl');
    const read = text((await viewer.get(timeline())).body);
    expect(read).toContain('Advies verstuurd: Advies over het KTO 2026');
    expect(read).toContain('Punt 1 Houd het rapportcijfer minstens op dit niveau. Aangehaalde cijfers');
    expect(read).toContain(' — 7,5 (n = 12, indicatief)');
    expect(read).toContain('Reactie van de organisatie op punt 1');
    expect(read).toContain('Overgenomen');
    expect(read).toContain('Gedeeltelijk overgenomen Er komt een terugbelservice; meer telefonisten past niet in de begroting.');
    expect(read.indexOf('Advies verstuurd')).toBeLessThan(read.indexOf('Reactie van de organisatie op punt 1'));
    expect(read.indexOf('op punt 1')).toBeLessThan(read.indexOf('op punt 2'));
  });

  it('refuses the council a response, the researcher the advice, and another organisation everything', async () => {
    const council = await signedIn('council@alfa.nl');
    const researcher = await signedIn('researcher@alfa.nl');
    const links = [...(await researcher.get(timeline())).body.matchAll(/href="([^"]+\/response)"/g)].map((m) => m[1]!);
    expect((await council.get(links[0]!)).statusCode).toBe(403);
    expect((await council.post(links[0]!, { decision: 'not_adopted', reasons: 'Nee' })).statusCode).toBe(403);
    expect((await researcher.post(`${timeline()}/advices`, { title: 'Van de onderzoeker' })).statusCode).toBe(403);
    expect((await researcher.get(adviceUrl)).statusCode).toBe(403);

    const other = await signedIn('researcher@beta.nl');
    expect((await other.get(timeline())).statusCode).toBe(404);
    expect((await other.post(links[0]!, { decision: 'adopted' })).statusCode).toBe(404);
    const otherCouncil = await signedIn('council@beta.nl');
    expect((await otherCouncil.get(adviceUrl)).statusCode).toBe(404);
    expect((await otherCouncil.post(`${timeline()}/advices`, { title: 'Inbraak' })).statusCode).toBe(404);
  });
});
