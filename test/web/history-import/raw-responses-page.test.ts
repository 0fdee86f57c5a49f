import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../../src/app/jobs/job-handlers.ts';
import { runJobsUntilIdle } from '../../../src/app/jobs/job-runner.ts';
import { withTenant } from '../../../src/db/tenant-transaction.ts';
import { Client, createTestApp, type TestApp } from '../../support/test-app.ts';
import { UploadClient } from '../fieldwork/upload-client.ts';

// /history/responses through HTTP: upload, link columns, recode, check, import; the upload is
// gone after the import; another organisation cannot reach it.

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t.close());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const ROWS = ['6;Eens;Jansen', '7;Zeer tevreden;De Vries', '8;Eens;Bakker', '9;Oneens;Smit', '7;Zeer tevreden;Visser'];
const CSV = ['Welk rapportcijfer geeft u de gemeente voor de hulp en service die u krijgt?;Q7;Naam', ...ROWS, ...ROWS, ...ROWS].join('\n');

async function researcher(): Promise<UploadClient> {
  const client = new UploadClient(t.app);
  await client.signIn('researcher@alfa.nl');
  await client.get('/history/responses');
  return client;
}

describe('adding an earlier round from a response file', () => {
  let mappingUrl = '';

  it('refuses an old .xls file and no file, with a message that says what to do', async () => {
    const client = await researcher();
    const xls = await client.upload('/history/responses', { name: 'kto.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), type: 'application/vnd.ms-excel' });
    expect(xls.statusCode).toBe(400);
    expect(text(xls.body)).toContain('Dit is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx of als CSV');
    expect((await client.upload('/history/responses', null)).statusCode).toBe(400);
  });

  it('keeps the file for the mapping page, with the mark column already linked by its question text', async () => {
    const client = await researcher();
    const uploaded = await client.upload('/history/responses', { name: 'kto-2021.csv', bytes: new TextEncoder().encode(CSV), type: 'text/csv' });
    expect(uploaded.statusCode).toBe(303);
    mappingUrl = String(uploaded.headers.location);
    expect(mappingUrl).toMatch(/^\/history\/responses\/[0-9a-f-]{36}$/);
    const page = await client.get(mappingUrl);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Het bestand heeft 15 rijen en 3 kolommen.');
    expect(page.body).toContain('<option value="algemeen.cijfer" selected>');
    expect(text(page.body)).toContain('Eens · Zeer tevreden · Oneens');
    const other = new Client(t.app);
    await other.signIn('researcher@beta.nl');
    expect((await other.get(mappingUrl)).statusCode).toBe(404);
  });

  it('lists cells it cannot read, reads them after recoding, and imports the linked columns only', async () => {
    const client = await researcher();
    const form = { name: 'KTO 2021', year: '2021', channel: 'paper', 'col-0': 'algemeen.cijfer', 'col-1': 'balie.bejegening', 'col-2': '', 'recode-0': '', 'recode-1': '', 'recode-2': '' };
    const refused = await client.post(mappingUrl, { ...form, action: 'check' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#recode-1">Kolom &quot;Q7&quot;: &quot;Zeer tevreden&quot; is geen antwoord op deze vraag. Zet de waarde om of laat onleesbare cellen leeg. (6×, rij 3, 6, 8, 11, 13 …)');
    const badRecoding = await client.post(mappingUrl, { ...form, 'recode-1': 'Zeer tevreden', action: 'check' });
    expect(text(badRecoding.body)).toContain('Schrijf elke omzetting als: waarde=nieuwe waarde. Niet te lezen: Zeer tevreden');
    const twice = await client.post(mappingUrl, { ...form, 'col-2': 'algemeen.cijfer', action: 'check' });
    expect(twice.body).toContain('href="#col-2">Deze vraag is al aan een andere kolom gekoppeld.');

    const checked = await client.post(mappingUrl, { ...form, 'recode-1': 'Zeer tevreden=5', action: 'check' });
    expect(checked.statusCode).toBe(200);
    expect(text(checked.body)).toContain('Klantstem leest 15 ingevulde vragenlijsten met samen 30 antwoorden.');
    expect(checked.body).toContain('value="import">Importeren (15 respondenten)');

    const imported = await client.post(mappingUrl, { ...form, 'recode-1': 'Zeer tevreden=5', action: 'import' });
    expect(imported.statusCode).toBe(303);
    const jobUrl = String(imported.headers.location);
    expect(jobUrl).toMatch(/^\/jobs\/[0-9a-f-]{36}$/);
    expect(text((await client.get(jobUrl)).body)).toContain('Taak: Oude ronde inlezen uit een antwoordbestand');
    await runJobsUntilIdle({ db: t.database.db, secret: 'test-secret', publicUrl: 'http://localhost', handlers: jobHandlers });
    const finished = await client.get(jobUrl);
    const roundLink = /href="(\/rounds\/[0-9a-f-]{36})">← /.exec(finished.body)?.[1];
    expect(text(finished.body)).toContain('15 van 15');
    expect(roundLink).toBeDefined();
    const roundId = roundLink!.slice('/rounds/'.length);
    const stored = await withTenant(t.database.db, t.orgA, async (tx) => ({
      round: await tx.selectFrom('rounds').select(['name', 'status']).where('id', '=', roundId).executeTakeFirstOrThrow(),
      answers: await tx.selectFrom('answers').select(['item_key', 'value_num', 'value_text']).where('round_id', '=', roundId).execute(),
      uploads: await tx.selectFrom('response_uploads').select('id').execute(),
    }));
    expect(stored.round).toEqual({ name: 'KTO 2021', status: 'closed' });
    expect(stored.answers).toHaveLength(30);
    expect(new Set(stored.answers.map((a) => a.item_key))).toEqual(new Set(['algemeen.cijfer', 'balie.bejegening']));
    expect(stored.answers.filter((a) => a.item_key === 'balie.bejegening' && a.value_num === 5)).toHaveLength(6);
    // The names in the unlinked column never entered the answers, and the file is gone.
    expect(stored.answers.some((a) => a.value_text !== null)).toBe(false);
    expect(stored.uploads).toEqual([]);
    expect((await client.get(mappingUrl)).statusCode).toBe(404);
  });

  it('offers a questionnaire imported from LimeSurvey, and then its questions', async () => {
    const { buildLss, encode } = await import('../../domain/history-import/lss-builder.ts');
    const client = await researcher();
    const lss = buildLss({ groups: [{ gid: 1, name: 'Contact' }], questions: [{ qid: 1, gid: 1, type: 'Y', code: 'tevreden', text: 'Bent u tevreden over het contact?' }] });
    await client.get('/questionnaire-imports');
    const lssUpload = await client.upload('/questionnaire-imports', { name: 'kto-2018.lss', bytes: encode(lss), type: 'application/xml' });
    const importId = String(lssUpload.headers.location).split('/').at(-1)!;
    await client.get('/history/responses');
    const uploaded = await client.upload('/history/responses', { name: 'kto-2018.csv', bytes: new TextEncoder().encode('tevreden\nJa\nNee\n'), type: 'text/csv' });
    const url = String(uploaded.headers.location);
    const standard = await client.get(url);
    expect(standard.body).toContain(`<option value="${importId}" >Geïmporteerd uit LimeSurvey: kto-2018.lss</option>`);
    expect(text(standard.body)).not.toContain('Bent u tevreden over het contact?');
    const chosen = await client.get(`${url}?questionnaire=${importId}`);
    expect(chosen.body).toContain(`<option value="${importId}" selected>`);
    expect(text(chosen.body)).toContain('Bent u tevreden over het contact?');
    expect(chosen.body).toContain(`<input type="hidden" name="questionnaire" value="${importId}">`);
  });
});
