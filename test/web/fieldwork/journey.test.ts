import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobsUntilIdle } from '../../../src/app/jobs/job-runner.ts';
import { allJobHandlers } from '../../../src/web/all-job-handlers.ts';
import { startSmtpServer, type TestSmtpServer } from '../../app/email/smtp-test-server.ts';
import { allRows, linkedRows, type StoredRow } from '../../support/linked-rows.ts';
import { tablesContaining } from '../../support/tables-containing.ts';
import { Client, createTestApp, type TestApp } from '../../support/test-app.ts';
import { ADDRESS_FIXTURE, drawSample, roundWithAddresses, TEST_SECRET } from './fieldwork-steps.ts';
import { UploadClient } from './upload-client.ts';

// The whole fieldwork of one round through the pages, as a researcher does it, with the real job
// runner, a real SMTP server and real PDFs; then close, purge, and search every table for the
// people in the address file.

const PUBLIC_URL = 'https://kto.example.nl';
let t: TestApp;
let smtp: TestSmtpServer;

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const runJobs = () => runJobsUntilIdle({ db: t.database.db, secret: TEST_SECRET, publicUrl: PUBLIC_URL, handlers: allJobHandlers });

/** The fixture's rows as records (the file is Windows-1252, `;`-separated, with a header). */
function fixtureRows(): Record<string, string>[] {
  const [header, ...lines] = new TextDecoder('windows-1252').decode(ADDRESS_FIXTURE).trim().split(/\r?\n/);
  const names = header!.split(';');
  return lines.map((line) => Object.fromEntries(line.split(';').map((value, i) => [names[i]!, value])));
}

function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
}

/** Downloads the newest mailing's PDF from the letters page. */
async function newestLetters(client: UploadClient, roundId: string): Promise<Buffer> {
  const page = await client.get(`/rounds/${roundId}/letters`);
  const link = /href="(\/rounds\/[^"]+\/letters\/mailings\/[^"]+\.pdf)"/.exec(page.body)?.[1];
  expect(link).toBeDefined();
  const download = await client.get(link!);
  expect(download.statusCode).toBe(200);
  return download.rawPayload;
}

/** Answers the standard questionnaire with a code from a letter or an e-mail, as briefly as the form allows. */
async function respond(code: string, finish: boolean): Promise<void> {
  const client = new Client(t.app);
  expect((await client.get(`/r/${code}`)).headers.location).toBe('/survey');
  let next = String((await client.get('/survey')).headers.location);
  const forms: Record<string, Record<string, string>> = {
    algemeen: { 'algemeen.cijfer': '7' },
    situatie: { 'situatie.intake': '0', 'situatie.inkomensconsulent': '0', 'situatie.werk': '0', 'situatie.schuldhulp': '0' },
  };
  for (let pages = 0; next.startsWith('/survey/') && next !== '/survey/check'; pages++) {
    expect(pages).toBeLessThan(20);
    const block = next.slice('/survey/'.length);
    await client.get(next);
    const answered = await client.post(next, forms[block] ?? {});
    expect(answered.statusCode, `${block}: ${answered.body.slice(0, 300)}`).toBe(303);
    next = String(answered.headers.location);
    if (!finish) return;
  }
  expect(next).toBe('/survey/check');
  await client.get('/survey/check');
  expect(String((await client.post('/survey/check', {})).headers.location)).toMatch(/^\/thanks/);
}

const codeInText = (text: string) => [...text.matchAll(/\/r\/([A-Z0-9]{12})\b/g)].map((m) => m[1]!);
/** Codes as printed on letters: in groups of four under "Uw persoonlijke code". */
const codesInLetters = (text: string) => [...text.matchAll(/Uw persoonlijke code:\s+([A-Z0-9]{4})-([A-Z0-9]{4})-([A-Z0-9]{4})/g)].map((m) => m.slice(1).join(''));

describe('fieldwork from address file to purge', () => {
  it('invites a sample by letter and e-mail, reminds only those who did not answer, and keeps no personal data after the purge', async () => {
    const admin = new UploadClient(t.app);
    await admin.signIn('administrator@alfa.nl');
    await admin.get('/settings/email');
    const settings = await admin.post('/settings/email', {
      host: '127.0.0.1', port: String(smtp.port), security: 'none', username: '', password: '',
      fromAddress: 'kto@alfa.nl', fromName: 'Gemeente Alfa', replyTo: '', perMinute: '6000',
    });
    expect(settings.statusCode).toBe(303);

    const researcher = new UploadClient(t.app);
    await researcher.signIn('researcher@alfa.nl');
    const roundId = await roundWithAddresses(t, researcher, 'Reis');
    const { drawn } = await drawSample(researcher, roundId, { method: 'simple', size: '40', seed: 'reis-2026', carried: ['district'] });
    expect(drawn.headers.location).toBe(`/rounds/${roundId}/sample?done=drawn`);
    const sampled = await t.database.db.selectFrom('invitees').select(['surname', 'email', 'street']).where('round_id', '=', roundId).where('sampled', '=', true).execute();
    expect(sampled).toHaveLength(40);
    // The whole file is the population the figures can later be weighted to: counts per district.
    const districts = await t.database.db.selectFrom('round_population_counts').select(['value', 'count']).where('round_id', '=', roundId).where('variable', '=', 'district').execute();
    expect(districts.reduce((total, d) => total + d.count, 0)).toBe(1985);
    const withEmail = sampled.filter((p) => p.email);
    expect(withEmail.length).toBeGreaterThan(5);

    // Letters to everyone in the sample, then e-mails to those with an address.
    await researcher.get(`/rounds/${roundId}/letters`);
    expect((await researcher.post(`/rounds/${roundId}/letters/jobs`, { kind: 'invitation', language: 'nl', onlyWithoutEmail: 'no' })).statusCode).toBe(303);
    expect(await runJobs()).toEqual({ ran: 1 });
    const letters = await newestLetters(researcher, roundId);
    expect((await PDFDocument.load(letters)).getPageCount()).toBeGreaterThanOrEqual(40);
    const letterText = pdfText(letters);
    for (const person of sampled) expect(letterText).toContain(person.surname);
    const letterCodes = codesInLetters(letterText);
    expect(new Set(letterCodes).size).toBe(40);

    await researcher.get(`/rounds/${roundId}/email`);
    expect((await researcher.post(`/rounds/${roundId}/email/invitations`, {})).statusCode).toBe(303);
    expect(await runJobs()).toEqual({ ran: 1 });
    expect(smtp.mails.map((m) => m.to).sort()).toEqual(withEmail.map((p) => p.email!.toLowerCase()).sort());
    const emailCodes = new Map(smtp.mails.map((m) => [m.to, codeInText(m.text)[0]!]));
    for (const code of emailCodes.values()) expect(letterCodes).toContain(code);

    // Two answer after the e-mail, one after the letter, one starts and stops halfway.
    const [firstMail, secondMail, halfway] = [...emailCodes.keys()];
    await respond(emailCodes.get(firstMail!)!, true);
    await respond(emailCodes.get(secondMail!)!, true);
    const letterOnly = letterCodes.find((code) => ![...emailCodes.values()].includes(code))!;
    await respond(letterOnly, true);
    await respond(emailCodes.get(halfway!)!, false);

    const monitor = await researcher.get(`/rounds/${roundId}/monitor`);
    expect(monitor.statusCode).toBe(200);
    expect(monitor.body).toMatch(/>3<\/td>|>3 </);

    // The reminder goes to every e-mail address except the two who completed; the one halfway gets it.
    smtp.mails.length = 0;
    await researcher.get(`/rounds/${roundId}/email/reminders?days=0`);
    expect((await researcher.post(`/rounds/${roundId}/email/reminders`, { days: '0' })).statusCode).toBe(303);
    await runJobs();
    const reminded = smtp.mails.map((m) => m.to).sort();
    expect(reminded).toEqual([...emailCodes.keys()].filter((to) => to !== firstMail && to !== secondMail).sort());
    expect(reminded).toContain(halfway);

    // Reminder letters: nobody who completed, everyone else.
    await researcher.get(`/rounds/${roundId}/letters`);
    await researcher.post(`/rounds/${roundId}/letters/jobs`, { kind: 'reminder', reminderNumber: '1', language: 'nl', onlyWithoutEmail: 'no' });
    await runJobs();
    const reminderCodes = new Set(codesInLetters(pdfText(await newestLetters(researcher, roundId))));
    expect(reminderCodes.size).toBe(37);
    for (const done of [emailCodes.get(firstMail!)!, emailCodes.get(secondMail!)!, letterOnly]) expect(reminderCodes.has(done)).toBe(false);

    // Unlinkable during fieldwork already: from a completed response no chain of shared identifiers
    // (ids, hashes, timestamps) leads to a person, a code or an e-mail. From the response still
    // being filled in there is one, through the session that lets its code resume it: proof that
    // the search finds such chains.
    const rows = await allRows(t.database.db);
    const hubTables = new Set(['organisations', 'rounds', 'users', 'memberships', 'questionnaires', 'questionnaire_versions']);
    const hubs = new Set(rows.filter((r) => hubTables.has(r.table)).map((r) => String(r.row['id']).toLowerCase()));
    const responsesWith = (status: string) => (r: StoredRow) => r.table === 'responses' && r.row['round_id'] === roundId && r.row['status'] === status;
    const fromCompleted = new Set(linkedRows(rows, responsesWith('completed'), hubs).map((r) => r.table));
    expect([...fromCompleted].sort()).toEqual(['answers', 'responses']);
    const fromUnfinished = new Set(linkedRows(rows, responsesWith('in_progress'), hubs).map((r) => r.table));
    for (const table of ['response_sessions', 'access_codes', 'invitee_codes', 'invitees', 'email_messages']) expect(fromUnfinished, table).toContain(table);

    // What to look for afterwards: names (long enough not to occur inside ordinary words), streets,
    // e-mail addresses and codes; before the purge each is found among the invitees, so the search works.
    const people = fixtureRows().filter((row) => (row['Achternaam'] ?? '').length >= 6);
    const names = [...sampled.map((p) => p.surname).filter((name): name is string => !!name && name.length >= 6), ...people.slice(0, 25).map((row) => row['Achternaam']!)];
    const streets = sampled.map((p) => p.street).filter((s): s is string => !!s && s.length >= 8).slice(0, 10);
    const needles = [...new Set([...names, ...streets, ...withEmail.map((p) => p.email!)])];
    expect(needles.length).toBeGreaterThan(40);
    for (const needle of needles) expect(await tablesContaining(t.database.db, needle), needle).toContain('invitees');

    // Close and purge now.
    await researcher.get(`/rounds/${roundId}`);
    expect((await researcher.post(`/rounds/${roundId}/status/close`, {})).statusCode).toBe(303);
    await researcher.get(`/rounds/${roundId}/retention/purge`);
    expect((await researcher.post(`/rounds/${roundId}/retention/purge`, {})).statusCode).toBe(303);
    await runJobs();

    // Nobody of the file can be found anywhere, neither in the sample nor outside it.
    for (const needle of needles) expect(await tablesContaining(t.database.db, needle), needle).toEqual([]);
    for (const code of [...emailCodes.values(), letterOnly]) expect(await tablesContaining(t.database.db, code), code).toEqual([]);

    // The answers stay: three completed responses, still counted on the report.
    const completed = await t.database.db.selectFrom('responses').select('id').where('round_id', '=', roundId).where('status', '=', 'completed').execute();
    expect(completed).toHaveLength(3);
  }, 240_000);
});
