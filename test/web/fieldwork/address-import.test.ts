import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../../src/app/jobs/job-handlers.ts';
import { runJobsUntilIdle } from '../../../src/app/jobs/job-runner.ts';
import { setRoundStatus } from '../../../src/db/round-store.ts';
import { withTenant } from '../../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../../support/builders.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { addressRecords, HEADERS, toCsv } from '../../fixtures/make-address-file.ts';
import { UploadClient } from './upload-client.ts';

const FIXTURE = fs.readFileSync(new URL('../../fixtures/address-file-2000.csv', import.meta.url));
const SECRET = 'test-secret-test-secret-test-secret!';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function researcher(email = 'researcher@alfa.nl'): Promise<UploadClient> {
  const client = new UploadClient(t.app);
  await client.signIn(email);
  return client;
}

const runJobs = () => runJobsUntilIdle({ db: t.database.db, secret: SECRET, publicUrl: 'http://localhost', handlers: jobHandlers });

/** Uploads and returns the import id from the redirect to the mapping page. */
async function upload(client: UploadClient, roundId: string, file: { name: string; bytes: Uint8Array }): Promise<string> {
  await client.get(`/rounds/${roundId}/addresses`);
  const response = await client.upload(`/rounds/${roundId}/addresses`, file);
  expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
  const match = /\/addresses\/([0-9a-f-]{36})\/mapping$/.exec(String(response.headers.location));
  expect(match).not.toBeNull();
  return match![1]!;
}

/** Submits the mapping page as shown (its suggested or remembered choices). */
async function submitShownMapping(client: UploadClient, roundId: string, importId: string, change: Record<string, string> = {}) {
  const page = await client.get(`/rounds/${roundId}/addresses/${importId}/mapping`);
  const form: Record<string, string> = {};
  for (const select of page.body.matchAll(/<select[^>]*name="(col-\d+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    form[select[1]!] = /<option value="([^"]*)" selected>/.exec(select[2]!)?.[1] ?? '';
  }
  return { page, response: await client.post(`/rounds/${roundId}/addresses/${importId}/mapping`, { ...form, ...change }) };
}

async function inviteesOf(roundId: string) {
  return t.database.db.selectFrom('invitees').selectAll().where('round_id', '=', roundId).orderBy('row_number').execute();
}

describe('address file import', () => {
  it('imports the Windows-1252 fixture: mapping, check with 15 problems, error report, skip bad rows, job', async () => {
    const client = await researcher();
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'Adressen 1' });
    const importId = await upload(client, roundId, { name: 'klanten.csv', bytes: FIXTURE });

    const { page, response } = await submitShownMapping(client, roundId, importId);
    expect(page.body).toContain('windows-1252');
    expect(page.body).toMatch(/<label class="utrecht-form-label" for="col-3">Achternaam<\/label>/);
    expect(page.body).toMatch(/name="col-0">\s*<option value="" selected>|name="col-0">\s*<option value="">niet gebruiken/);
    expect(response.headers.location).toBe(`/rounds/${roundId}/addresses/${importId}/check`);

    const check = await client.get(`/rounds/${roundId}/addresses/${importId}/check`);
    expect(check.body).toContain('2.000 rijen: 1.985 goed, 15 met een fout.');
    expect(check.body).toContain('Dubbel met rij 102');
    expect(check.body).toContain('Geen geldige postcode');
    expect(check.body).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;klik&quot;)');

    const report = await client.get(`/rounds/${roundId}/addresses/${importId}/errors.csv`);
    expect(report.headers['content-type']).toContain('text/csv');
    const lines = report.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Rij,Kolom,Probleem,Waarde');
    expect(lines).toHaveLength(16);
    expect(lines).toContain('62,E-mailadres,Geen geldig e-mailadres,"\'=HYPERLINK(""http://x"",""klik"")"');
    expect(lines.some((l) => l.startsWith('1002,(hele rij),Dubbel met rij 102'))).toBe(true);

    // Nothing is imported while the file has bad rows and skipping was not chosen.
    const refused = await client.post(`/rounds/${roundId}/addresses/${importId}/import`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#skip"');
    const tampered = await client.post(`/rounds/${roundId}/addresses/${importId}/confirm`, { skip: 'no' });
    expect(tampered.statusCode).toBe(409);
    expect(await inviteesOf(roundId)).toHaveLength(0);

    const next = await client.post(`/rounds/${roundId}/addresses/${importId}/import`, { skip: 'yes' });
    expect(next.headers.location).toBe(`/rounds/${roundId}/addresses/${importId}/confirm?skip=yes`);
    const confirm = await client.get(String(next.headers.location));
    expect(confirm.body).toContain('Er worden 1.985 adressen ingelezen.');
    expect(confirm.body).toContain('15 foute rijen worden overgeslagen.');
    const queued = await client.post(`/rounds/${roundId}/addresses/${importId}/confirm`, { skip: 'yes', replace: 'no' });
    expect(String(queued.headers.location)).toMatch(/^\/jobs\/[0-9a-f-]{36}$/);
    expect((await client.get(`/rounds/${roundId}/addresses`)).body).toContain('Het inlezen van het adresbestand loopt nog.');

    expect((await runJobs()).ran).toBe(1);
    const job = await t.database.db.selectFrom('jobs').selectAll().where('id', '=', String(queued.headers.location).slice(6)).executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    expect(job.progress).toBe(1985);
    const invitees = await inviteesOf(roundId);
    expect(invitees).toHaveLength(1985);
    expect(invitees.some((i) => i.row_number === 62 || i.row_number === 1002)).toBe(false);
    expect(invitees.filter((i) => i.surname === 'Citroën').length).toBeGreaterThan(0);
    expect(invitees.find((i) => i.row_number === 1202)!.street).toBe('Laan van de Vrijheid; achteringang');
    expect(invitees.every((i) => i.postcode === null || /^[1-9]\d{3} [A-Z]{2}$/.test(i.postcode))).toBe(true);
    expect(invitees.every((i) => ['nl', 'en', 'ar', 'tr', 'pl'].includes(i.language!))).toBe(true);

    const stored = await t.database.db.selectFrom('address_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
    expect(stored.status).toBe('imported');
    expect(stored.file).toBeNull();
    expect([stored.rows_total, stored.rows_valid, stored.rows_invalid, stored.skipped_invalid]).toEqual([2000, 1985, 15, true]);
    const overview = await client.get(`/rounds/${roundId}/addresses`);
    expect(overview.body).toMatch(/Ingelezen adressen: 1\.985, waarvan \d\.\d{3} met e-mailadres\./);
  });

  it('remembers the mapping of the organisation for the next file with the same headers', async () => {
    const client = await researcher();
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'Adressen 2' });
    // Headers no suggestion knows: the researcher maps them by hand once.
    const headers = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'];
    const csv = Buffer.from(toCsv(addressRecords(30), ',', headers), 'utf8');
    const first = await upload(client, roundId, { name: 'x.csv', bytes: csv });
    const manual = Object.fromEntries(HEADERS.map((_, i) => [`col-${i}`, ['', 'initials', 'prefix', 'surname', 'street', 'house_number', 'house_number_addition', 'postcode', 'town', 'email', 'language', 'age_band', 'district', 'benefit_type'][i]!]));
    expect((await client.post(`/rounds/${roundId}/addresses/${first}/mapping`, manual)).statusCode).toBe(303);
    await client.post(`/rounds/${roundId}/addresses/${first}/confirm`, { skip: 'no', replace: 'no' });
    await runJobs();
    expect(await inviteesOf(roundId)).toHaveLength(30);

    // Next time the same headers come back mapped, and the new file replaces the old rows after confirmation.
    const second = await upload(client, roundId, { name: 'y.csv', bytes: Buffer.from(toCsv(addressRecords(20, { seed: 7 }), ',', headers), 'utf8') });
    const { page } = await submitShownMapping(client, roundId, second);
    expect(page.body).toMatch(/name="col-7">[\s\S]*?<option value="postcode" selected>/);
    expect(page.body).toMatch(/name="col-9">[\s\S]*?<option value="email" selected>/);
    const unconfirmed = await client.post(`/rounds/${roundId}/addresses/${second}/confirm`, { skip: 'no', replace: 'no' });
    expect(unconfirmed.headers.location).toBe(`/rounds/${roundId}/addresses/${second}/confirm`);
    const confirm = await client.get(`/rounds/${roundId}/addresses/${second}/confirm`);
    expect(confirm.body).toContain('De 30 adressen die nu zijn ingelezen worden vervangen.');
    await client.post(`/rounds/${roundId}/addresses/${second}/confirm`, { skip: 'no', replace: 'yes' });
    await runJobs();
    const invitees = await inviteesOf(roundId);
    expect(invitees).toHaveLength(20);
    expect(new Set(invitees.map((i) => i.import_id))).toEqual(new Set([second]));
  });

  it('refuses a mapping without any address, and asks to choose each field once', async () => {
    const client = await researcher();
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'Adressen 3' });
    const importId = await upload(client, roundId, { name: 'x.csv', bytes: Buffer.from(toCsv(addressRecords(5)), 'utf8') });
    await client.get(`/rounds/${roundId}/addresses/${importId}/mapping`);
    const none = await client.post(`/rounds/${roundId}/addresses/${importId}/mapping`, { 'col-3': 'surname' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Kies de kolommen voor straat, huisnummer, postcode en woonplaats, of de kolom met het e-mailadres.');
    const twice = await client.post(`/rounds/${roundId}/addresses/${importId}/mapping`, { 'col-9': 'email', 'col-4': 'email' });
    expect(twice.body).toContain('&quot;E-mailadres&quot; is gekozen bij meer dan één kolom.');
    expect(twice.body).toContain('href="#col-9"');
  });

  it('reads an XLSX made with exceljs: first sheet, cells as text (postcodes and leading zeros kept)', async () => {
    const client = await researcher();
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'Adressen XLSX' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Klanten');
    sheet.addRow(['Voorletters', 'Achternaam', 'Straat', 'Huisnummer', 'Postcode', 'Woonplaats', 'E-mail', 'Wijk']);
    sheet.addRow(['Z.', 'Citroën', 'Kerkstraat', 12, '3511ab', 'Voorbeeldstad', '', 'Noord']);
    sheet.addRow(['A.', 'Bakker', 'Molenweg', '7', '1234 SS', 'Voorbeeldstad', 'a.bakker@example.nl', 'Zuid']);
    sheet.addRow(['P.', 'Smit', '', '', '', '', { text: 'p.smit@example.nl', hyperlink: 'mailto:p.smit@example.nl' }, 'Oost']);
    workbook.addWorksheet('Tweede blad').addRow(['niet lezen']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const importId = await upload(client, roundId, { name: 'klanten.xlsx', bytes });
    const { page } = await submitShownMapping(client, roundId, importId);
    expect(page.body).toContain('Citroën');
    const check = await client.get(`/rounds/${roundId}/addresses/${importId}/check`);
    expect(check.body).toContain('3 rijen: 2 goed, 1 met een fout.');
    await client.post(`/rounds/${roundId}/addresses/${importId}/confirm`, { skip: 'yes', replace: 'no' });
    await runJobs();
    const invitees = await inviteesOf(roundId);
    expect(invitees.map((i) => [i.surname, i.house_number, i.postcode, i.email])).toEqual([
      ['Citroën', '12', '3511 AB', null],
      ['Smit', null, null, 'p.smit@example.nl'],
    ]);
  });

  it('refuses oversize, UTF-16 and binary files with a message and stores nothing', async () => {
    const client = await researcher();
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'Adressen fout' });
    await client.get(`/rounds/${roundId}/addresses`);
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 'a');
    const oversize = await client.upload(`/rounds/${roundId}/addresses`, { name: 'groot.csv', bytes: big });
    expect(oversize.statusCode).toBe(413);
    expect(oversize.body).toContain('Het bestand is groter dan 20 MB.');
    expect(oversize.body).toContain('href="#file"');

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Achternaam;Postcode\r\nJansen;1234 AB\r\n', 'utf16le')]);
    const refused = await client.upload(`/rounds/${roundId}/addresses`, { name: 'unicode.csv', bytes: utf16 });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Opslaan als &gt; CSV UTF-8');
    const binary = await client.upload(`/rounds/${roundId}/addresses`, { name: 'foto.csv', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2]) });
    expect(binary.body).toContain('Dit is geen CSV- of Excel-bestand.');
    const empty = await client.upload(`/rounds/${roundId}/addresses`, null);
    expect(empty.body).toContain('Kies een bestand om te uploaden.');
    const forged = await client.upload(`/rounds/${roundId}/addresses`, { name: 'x.csv', bytes: FIXTURE }, 'wrong-token');
    expect(forged.statusCode).toBe(403);
    expect(await t.database.db.selectFrom('address_imports').select('id').where('round_id', '=', roundId).execute()).toHaveLength(0);
  });

  it('accepts no addresses after closing, and keeps other organisations and viewers out', async () => {
    const client = await researcher();
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'Adressen dicht' });
    const importId = await upload(client, roundId, { name: 'x.csv', bytes: Buffer.from(toCsv(addressRecords(12)), 'utf8') });
    await submitShownMapping(client, roundId, importId);

    const beta = await researcher('researcher@beta.nl');
    for (const url of [`/rounds/${roundId}/addresses`, `/rounds/${roundId}/addresses/${importId}/mapping`, `/rounds/${roundId}/addresses/${importId}/check`, `/rounds/${roundId}/addresses/${importId}/errors.csv`, `/rounds/${roundId}/sample`]) {
      expect((await beta.get(url)).statusCode, url).toBe(404);
    }
    await beta.get('/rounds');
    expect((await beta.post(`/rounds/${roundId}/addresses/${importId}/confirm`, { skip: 'yes', replace: 'yes' })).statusCode).toBe(404);
    const viewer = await researcher('viewer@alfa.nl');
    expect((await viewer.get(`/rounds/${roundId}/addresses`)).statusCode).toBe(403);

    await withTenant(t.database.db, t.orgA, (tx) => setRoundStatus(tx, roundId, 'closed'));
    const closed = await client.post(`/rounds/${roundId}/addresses/${importId}/confirm`, { skip: 'no', replace: 'no' });
    expect(closed.statusCode).toBe(409);
    expect(closed.body).toContain('Deze ronde accepteert geen adressen meer');
    const page = await client.get(`/rounds/${roundId}/addresses`);
    expect(page.body).toContain('Deze ronde is gesloten.');
    expect(page.body).not.toContain('type="file"');
    expect(await t.database.db.selectFrom('jobs').select('id').where('round_id', '=', roundId).execute()).toHaveLength(0);
  });

  it('discards an upload: the file is deleted, the row says discarded', async () => {
    const client = await researcher();
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'Adressen weg' });
    const importId = await upload(client, roundId, { name: 'x.csv', bytes: Buffer.from(toCsv(addressRecords(3)), 'utf8') });
    await client.get(`/rounds/${roundId}/addresses`);
    const discarded = await client.post(`/rounds/${roundId}/addresses/${importId}/discard`, {});
    expect(discarded.headers.location).toBe(`/rounds/${roundId}/addresses?done=discarded`);
    const row = await t.database.db.selectFrom('address_imports').select(['status', 'file']).where('id', '=', importId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'discarded', file: null });
    expect((await client.get(`/rounds/${roundId}/addresses/${importId}/mapping`)).statusCode).toBe(404);
  });
});
