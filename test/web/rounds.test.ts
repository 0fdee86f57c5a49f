import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function researcher(org = 'alfa'): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(`researcher@${org}.nl`);
  return client;
}

async function createRound(client: Client, form: Record<string, string | string[]> = {}): Promise<string> {
  await client.get('/rounds/new');
  const response = await client.post('/rounds', {
    name: 'KTO 2027', year: '2027', targetGroup: 'Alle klanten', fieldworkStart: '2027-03-01', fieldworkEnd: '2027-04-15',
    access: 'codes', modules: ['algemeen', 'eerste_contact', 'intake', 'inkomensconsulent', 'bejegening', 'open', 'achtergrond'],
    ...form,
  });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
  const match = /^\/rounds\/([0-9a-f-]{36})\?done=created$/.exec(String(response.headers.location));
  expect(match).not.toBeNull();
  return match![1]!;
}

describe('rounds', () => {
  it('creates a round from the standard questionnaire with modules switched off', async () => {
    const client = await researcher();
    const id = await createRound(client);
    const page = await client.get(`/rounds/${id}?done=created`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('De ronde is gemaakt.');
    expect(page.body).toContain('KTO 2027');
    const round = await t.database.db.selectFrom('rounds').select(['disabled_modules', 'status', 'organisation_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(round.status).toBe('draft');
    expect(round.organisation_id).toBe(t.orgA);
    expect([...round.disabled_modules].sort()).toEqual(['minima', 'schuldhulp', 'werk']);
    const preview = await client.get(`/rounds/${id}/preview`);
    expect(preview.body).toContain('algemeen.cijfer');
    expect(preview.body).not.toContain('werk.cijfer');
    expect(preview.body).toContain('intakegesprek');
  });

  it('validates the round form with an error summary and keeps what was typed', async () => {
    const client = await researcher();
    await client.get('/rounds/new');
    const response = await client.post('/rounds', { name: '', year: '1999', targetGroup: 'Iedereen', fieldworkStart: '2027-02-30', fieldworkEnd: '', access: 'codes', modules: ['algemeen'] });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#name">Vul een naam in voor de ronde.');
    expect(response.body).toContain('href="#year">Vul een jaar in tussen 2000 en 2100.');
    expect(response.body).toContain('href="#fieldworkStart">Vul een geldige datum in als jjjj-mm-dd.');
    expect(response.body).toContain('value="Iedereen"');
  });

  it('adds own items of every type with translations, and each change makes a new version', async () => {
    const client = await researcher();
    const id = await createRound(client);
    const items: Record<string, string>[] = [
      { key: 'parkeren', type: 'agree5', textNl: 'Ik kon makkelijk parkeren.', textEn: 'Parking was easy.' },
      { key: 'cijfer_app', type: 'mark', textNl: 'Welk cijfer geeft u de app?', textEn: 'What mark do you give the app?' },
      { key: 'folder', type: 'yesno', textNl: 'Heeft u de folder gelezen?', textEn: 'Did you read the leaflet?' },
      { key: 'vervoer', type: 'single', textNl: 'Hoe kwam u?', textEn: 'How did you come?', options: 'bus = Met de bus | By bus\nfiets = Op de fiets | By bike\nauto = Met de auto | By car' },
      { key: 'kanalen', type: 'multi', textNl: 'Hoe neemt u contact op?', textEn: 'How do you get in touch?', options: 'tel = Telefoon | Phone\nmail = E-mail | E-mail' },
      { key: 'bezoeken', type: 'number', textNl: 'Hoe vaak kwam u langs?', textEn: 'How often did you visit?' },
      { key: 'tip', type: 'open', textNl: 'Heeft u een tip?', textEn: 'Any tips?', showIf: 'situatie.intake = ja' },
    ];
    for (const item of items) {
      await client.get(`/rounds/${id}`);
      const response = await client.post(`/rounds/${id}/items`, { allowNotApplicable: 'on', ...item });
      expect(response.statusCode, `${item.key}: ${response.body.match(/ks-error-summary[\s\S]{0,600}/)?.[0]}`).toBe(303);
    }
    const versions = await t.database.db.selectFrom('questionnaire_versions').select('version').where('organisation_id', '=', t.orgA)
      .where('questionnaire_id', '=', (eb) => eb.selectFrom('questionnaires').select('id').where('key', '=', `round-${id}`)).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const preview = await client.get(`/rounds/${id}/preview`);
    for (const item of items) expect(preview.body).toContain(`eigen.${item.key}`);
    expect(preview.body).toContain('Met de bus');
    // own items come before the background questions
    expect(preview.body.indexOf('eigen.parkeren')).toBeLessThan(preview.body.indexOf('achtergrond.leeftijd'));
    const english = await client.get(`/rounds/${id}/preview?lang=en`);
    expect(english.body).toContain('By bus');
    expect(english.body).toContain('Parking was easy.');
  });

  it('rejects an own item with a bad routing expression and says why', async () => {
    const client = await researcher();
    const id = await createRound(client);
    await client.get(`/rounds/${id}`);
    const bad = await client.post(`/rounds/${id}/items`, { key: 'x', type: 'yesno', textNl: 'Vraag', textEn: 'Question', showIf: 'algemeen.cijfer = 11' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/href="#showIf">[^<]*11/);
    const unknown = await client.post(`/rounds/${id}/items`, { key: 'x', type: 'yesno', textNl: 'Vraag', textEn: 'Question', showIf: 'bestaat.niet = ja' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('bestaat.niet');
    const noOptions = await client.post(`/rounds/${id}/items`, { key: 'y', type: 'single', textNl: 'Vraag', textEn: 'Question', options: 'alleen een' });
    expect(noOptions.body).toContain('href="#options"');
  });

  it('removes an own item only after confirmation', async () => {
    const client = await researcher();
    const id = await createRound(client);
    await client.get(`/rounds/${id}`);
    await client.post(`/rounds/${id}/items`, { key: 'weg', type: 'yesno', textNl: 'Weg ermee?', textEn: 'Remove?' });
    const confirm = await client.get(`/rounds/${id}/items/eigen.weg/remove`);
    expect(confirm.body).toContain('Weet u zeker dat u de vraag');
    const removed = await client.post(`/rounds/${id}/items/eigen.weg/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/rounds/${id}?done=removed`);
    const page = await client.get(String(removed.headers.location));
    expect(page.body).toContain('De eigen vraag is verwijderd.');
    expect(page.body).not.toContain('Weg ermee?');
  });

  it('lets viewers read but not design, and hides other organisations', async () => {
    const client = await researcher();
    const id = await createRound(client, { name: 'Alleen van Alfa' });
    const viewer = new Client(t.app);
    await viewer.signIn('viewer@alfa.nl');
    expect((await viewer.get(`/rounds/${id}`)).statusCode).toBe(200);
    expect((await viewer.get('/rounds/new')).statusCode).toBe(403);
    const beta = await researcher('beta');
    const list = await beta.get('/rounds');
    expect(list.body).not.toContain('Alleen van Alfa');
    expect((await beta.get(`/rounds/${id}`)).statusCode).toBe(404);
    expect((await beta.get(`/rounds/${id}/preview`)).statusCode).toBe(404);
    await beta.get('/rounds');
    expect((await beta.post(`/rounds/${id}/items`, { key: 'z', type: 'yesno', textNl: 'a', textEn: 'b' })).statusCode).toBe(404);
  });

  it('shows the standard questionnaire with routing in words', async () => {
    const client = await researcher();
    const page = await client.get('/questionnaire');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Standaardvragenlijst');
    expect(page.body).toMatch(/alleen als[^<]*intakegesprek/i);
  });
});
