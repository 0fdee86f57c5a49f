import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

describe('round lifecycle in the web interface', () => {
  it('starts fieldwork after a confirmation, freezes the questionnaire, closes, publishes; only administrators reopen', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    await researcher.get('/rounds/new');
    const created = await researcher.post('/rounds', { name: 'Peiling', year: '2027', access: 'open', modules: ['algemeen'] });
    const id = String(created.headers.location).split('/')[2]!.split('?')[0]!;
    const draft = await researcher.get(`/rounds/${id}`);
    expect(draft.body).toContain(`href="/rounds/${id}/status/start-fieldwork"`);

    const confirm = await researcher.get(`/rounds/${id}/status/start-fieldwork`);
    expect(confirm.body).toContain('Na de start ligt de vragenlijst vast');
    const started = await researcher.post(`/rounds/${id}/status/start-fieldwork`, {});
    expect(started.headers.location).toBe(`/rounds/${id}?done=status`);
    const fieldwork = await researcher.get(`/rounds/${id}?done=status`);
    expect(fieldwork.body).toContain('De status van de ronde is nu: veldwerk.');
    expect(fieldwork.body).toContain(`/o/alfa/${id}`);
    expect(fieldwork.body).not.toContain('Eigen vraag toevoegen');
    const frozen = await researcher.post(`/rounds/${id}/items`, { key: 'laat', type: 'yesno', textNl: 'Te laat?', textEn: 'Too late?' });
    expect(frozen.statusCode).toBe(400);
    expect(frozen.body).toContain('Deze ronde is niet meer in concept');

    const respondent = new Client(t.app);
    await respondent.get(`/o/alfa/${id}`);
    expect((await respondent.post(`/o/alfa/${id}`, {})).headers.location).toBe('/survey');

    await researcher.get(`/rounds/${id}/status/close`);
    expect((await researcher.post(`/rounds/${id}/status/close`, {})).statusCode).toBe(303);
    expect((await respondent.get('/survey/algemeen')).statusCode).toBe(410);
    await researcher.get(`/rounds/${id}/status/publish`);
    await researcher.post(`/rounds/${id}/status/publish`, {});
    expect((await researcher.get(`/rounds/${id}/status/reopen`)).statusCode).toBe(409);
    expect((await researcher.post(`/rounds/${id}/status/reopen`, {})).headers.location).toBe(`/rounds/${id}/status/reopen`);

    const admin = await signedIn('administrator@alfa.nl');
    await admin.get(`/rounds/${id}/status/reopen`);
    expect((await admin.post(`/rounds/${id}/status/reopen`, {})).statusCode).toBe(303);
    const round = await t.database.db.selectFrom('rounds').select(['status', 'fieldwork_start', 'fieldwork_end']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(round.status).toBe('fieldwork');
    expect(round.fieldwork_start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const log = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'round-status-changed').orderBy('id').execute();
    expect(log.map((l) => (l.details as { to: string }).to)).toEqual(['fieldwork', 'closed', 'published', 'fieldwork']);

    const viewer = await signedIn('viewer@alfa.nl');
    expect((await viewer.get(`/rounds/${id}/status/close`)).statusCode).toBe(403);
    const beta = await signedIn('administrator@beta.nl');
    expect((await beta.get(`/rounds/${id}/status/close`)).statusCode).toBe(404);
    await beta.get('/rounds');
    expect((await beta.post(`/rounds/${id}/status/close`, {})).statusCode).toBe(404);
  });
});
