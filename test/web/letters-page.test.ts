import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobsUntilIdle } from '../../src/app/jobs/job-runner.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { allJobHandlers } from '../../src/web/all-job-handlers.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createLetterInvitees, exampleInvitee } from '../support/letter-invitees.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The letters page over HTTP: settings with uploads, texts with placeholder checks, preview,
// confirmation and job, downloads, and tenant isolation.

const SECRET = 'test-secret-test-secret-test-secret!';
let t: TestApp;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ roundId } = await createFieldworkRound(t.database.db, t.orgA));
  await createLetterInvitees(t.database.db, {
    secret: SECRET, organisationId: t.orgA, roundId,
    invitees: [exampleInvitee(1), exampleInvitee(2, { email: 'twee@example.nl' }), exampleInvitee(3, { state: 'completed' })],
  });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

/** A multipart form post with the client's cookies and CSRF token. */
async function postMultipart(client: Client, url: string, fields: Record<string, string>, files: Record<string, { name: string; type: string; bytes: Buffer }>) {
  const boundary = '----klantstem-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries({ ...fields, _csrf: client.csrf })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const [name, file] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const cookie = (client as unknown as { cookieHeader(): string }).cookieHeader();
  return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) });
}

const settingsFields = { senderName: 'Gemeente Alfa', returnAddress: 'Postbus 1, 1000 AA Alfastad', signerName: 'B. Ondertekenaar', signerTitle: 'Afdelingshoofd', attachQuestionnaire: 'no' };

describe('letters page', () => {
  it('shows default texts, settings and the preview to researchers and administrators only', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const page = await researcher.get(`/rounds/${roundId}/letters`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Wat vindt u van onze hulp?');
    expect(page.body).toContain('Herinnering: wat vindt u van onze hulp?');
    expect(page.body).toContain(`/rounds/${roundId}/letters/preview.pdf?kind=invitation&amp;language=nl`);
    expect((await (await signedIn('administrator@alfa.nl')).get(`/rounds/${roundId}/letters`)).statusCode).toBe(200);
    expect((await (await signedIn('viewer@alfa.nl')).get(`/rounds/${roundId}/letters`)).statusCode).toBe(403);
    const preview = await researcher.get(`/rounds/${roundId}/letters/preview?kind=reminder&language=en`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(preview.body).toContain('Dear Sir or Madam Van der Berg-Schoonhoven');
    expect(preview.body).toContain('5211 AB');
  });

  it('refuses an unknown or unclosed placeholder and keeps what was typed, saving nothing', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const form = Object.fromEntries([...(await client.get(`/rounds/${roundId}/letters`)).body.matchAll(/<(?:input|textarea)[^>]*name="((?:invitation|reminder)-(?:nl|en)-(?:subject|body))"[^>]*>/g)].map((m) => [m[1]!, '']));
    expect(Object.keys(form)).toHaveLength(8);
    const page = await client.get(`/rounds/${roundId}/letters`);
    for (const name of Object.keys(form)) {
      const value = new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page.body)?.[1] ?? new RegExp(`name="${name}"[^>]*>([^<]*)</textarea>`).exec(page.body)?.[1] ?? '';
      form[name] = value.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    }
    form['invitation-nl-body'] = 'Beste {naaam}, doe mee met code {code}.';
    form['reminder-en-subject'] = 'Reminder {organisatie';
    const response = await client.post(`/rounds/${roundId}/letters/texts`, form);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#invitation-nl-body"');
    expect(response.body).toContain('{naaam} bestaat niet');
    expect(response.body).toContain('href="#reminder-en-subject"');
    expect(response.body).toContain('ontbreekt het haakje');
    expect(response.body).toContain('Beste {naaam}, doe mee met code {code}.');
    expect((await client.get(`/rounds/${roundId}/letters`)).body).not.toContain('Beste {naaam}');

    form['reminder-en-subject'] = 'Reminder from {organisatie}';
    form['invitation-nl-body'] = `${'Dit is een hele lange zin die de brief vult. '.repeat(60)}`;
    const tooLong = await client.post(`/rounds/${roundId}/letters/texts`, form);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('past zo niet op één pagina');

    form['invitation-nl-body'] = '{aanhef},\n\nDoe mee aan ons onderzoek, {naam}. Uw code is {code}.';
    const saved = await client.post(`/rounds/${roundId}/letters/texts`, form);
    expect(saved.statusCode).toBe(303);
    expect((await client.get(`/rounds/${roundId}/letters?done=texts`)).body).toContain('De teksten van de brief zijn opgeslagen.');
    const preview = await client.get(`/rounds/${roundId}/letters/preview?kind=invitation&language=nl`);
    expect(preview.body).toContain('Doe mee aan ons onderzoek, J.M. van der Berg-Schoonhoven.');
    expect(preview.body).toContain('Geachte heer/mevrouw Van der Berg-Schoonhoven,');
  }, 60_000);

  it('refuses a file that is no image, or too large, with a message, and keeps the stored logo', async () => {
    const client = await signedIn('researcher@alfa.nl');
    await client.get(`/rounds/${roundId}/letters`);
    const png = await QRCode.toBuffer('logo', { type: 'png' });
    const ok = await postMultipart(client, `/rounds/${roundId}/letters/settings`, settingsFields, { logo: { name: 'logo.png', type: 'image/png', bytes: png } });
    expect(ok.statusCode).toBe(303);
    const withLogo = await client.get(`/rounds/${roundId}/letters`);
    expect(withLogo.body).toContain(`src="data:image/png;base64,${png.toString('base64')}"`);

    const notImage = await postMultipart(client, `/rounds/${roundId}/letters/settings`, { ...settingsFields, senderName: 'Nieuwe naam' }, { logo: { name: 'logo.png', type: 'image/png', bytes: Buffer.from('dit is tekst, geen plaatje') } });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.body).toContain('href="#logo"');
    expect(notImage.body).toContain('dit bestand is geen PNG- of JPEG-afbeelding');
    expect(notImage.body).toContain('value="Nieuwe naam"');

    const big = Buffer.concat([png, Buffer.alloc(600 * 1024)]);
    const tooLarge = await postMultipart(client, `/rounds/${roundId}/letters/settings`, settingsFields, { signature: { name: 'handtekening.png', type: 'image/png', bytes: big } });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.body).toContain('groter dan 500 kB');

    const huge = await postMultipart(client, `/rounds/${roundId}/letters/settings`, settingsFields, { signature: { name: 'foto.jpg', type: 'image/jpeg', bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(3 * 1024 * 1024)]) } });
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain('groter dan 500 kB');

    const after = await client.get(`/rounds/${roundId}/letters`);
    expect(after.body).toContain('value="Gemeente Alfa"');
    expect(after.body).toContain(`src="data:image/png;base64,${png.toString('base64')}"`);

    const missing = await postMultipart(client, `/rounds/${roundId}/letters/settings`, { ...settingsFields, returnAddress: ' ' }, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#returnAddress"');
  });

  it('makes a preview PDF of one letter with example data', async () => {
    const client = await signedIn('administrator@alfa.nl');
    const response = await client.get(`/rounds/${roundId}/letters/preview.pdf?kind=reminder&language=nl`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect((await PDFDocument.load(response.rawPayload)).getPageCount()).toBe(1);
  }, 60_000);

  it('confirms, queues the letters job and offers the finished PDF for download', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const confirm = await client.get(`/rounds/${roundId}/letters/confirm?kind=reminder&reminderNumber=2&language=invitee`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('U maakt 2 brieven.');
    const noEmail = await client.get(`/rounds/${roundId}/letters/confirm?kind=invitation&onlyWithoutEmail=yes&language=nl`);
    expect(noEmail.body).toContain('U maakt 2 brieven.');
    const started = await client.post(`/rounds/${roundId}/letters/jobs`, { kind: 'reminder', reminderNumber: '2', language: 'invitee', onlyWithoutEmail: 'no' });
    expect(started.statusCode).toBe(303);
    const jobId = /^\/jobs\/([0-9a-f-]{36})$/.exec(String(started.headers.location))?.[1];
    expect(jobId).toBeDefined();
    const job = await withTenant(t.database.db, t.orgA, (tx) => tx.selectFrom('jobs').selectAll().where('id', '=', jobId!).executeTakeFirstOrThrow());
    expect(job.kind).toBe('letters');
    expect(job.total).toBe(2);
    expect(job.payload).toEqual({ kind: 'reminder', reminderNumber: 2, language: 'invitee', onlyWithoutEmail: false });

    // the real runner with every handler, as main.ts runs it
    expect(await runJobsUntilIdle({ db: t.database.db, secret: SECRET, publicUrl: 'https://kto.example.nl', handlers: allJobHandlers })).toEqual({ ran: 1 });
    const jobPage = await client.get(`/jobs/${jobId}`);
    expect(jobPage.statusCode).toBe(200);
    const jobFileLink = /href="(\/jobs\/[^"]+\/files\/[^"]+)"/.exec(jobPage.body)?.[1];
    expect(jobFileLink).toBeDefined();
    const fromJobPage = await client.get(jobFileLink!.replace(/&amp;/g, '&'));
    expect(fromJobPage.statusCode).toBe(200);
    expect((await PDFDocument.load(fromJobPage.rawPayload)).getPageCount()).toBe(2);
    const page = await client.get(`/rounds/${roundId}/letters`);
    expect(page.body).toContain('Herinnering 2');
    const link = /href="(\/rounds\/[^"]+\/letters\/mailings\/[^"]+\.pdf)"/.exec(page.body)?.[1];
    expect(link).toBeDefined();
    const download = await client.get(link!);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('herinneringsbrieven-2-2026.pdf');
    expect((await PDFDocument.load(download.rawPayload)).getPageCount()).toBe(2);

    // another organisation sees none of it
    const beta = await signedIn('researcher@beta.nl');
    for (const url of [`/rounds/${roundId}/letters`, `/rounds/${roundId}/letters/preview`, `/rounds/${roundId}/letters/preview.pdf`, `/rounds/${roundId}/letters/confirm?kind=invitation`, link!]) {
      expect((await beta.get(url)).statusCode, url).toBe(404);
    }
    expect((await beta.post(`/rounds/${roundId}/letters/jobs`, { kind: 'invitation', language: 'nl' })).statusCode).toBe(404);
    expect((await beta.post(`/rounds/${roundId}/letters/texts`, {})).statusCode).toBe(404);
  }, 60_000);

  it('refuses to make letters once the round is closed', async () => {
    const { roundId: closed } = await createFieldworkRound(t.database.db, t.orgA, { name: 'Dicht' });
    await withTenant(t.database.db, t.orgA, (tx) => tx.updateTable('rounds').set({ status: 'closed' }).where('id', '=', closed).execute());
    const client = await signedIn('researcher@alfa.nl');
    const page = await client.get(`/rounds/${closed}/letters`);
    expect(page.body).toContain('Brieven maken kan alleen als de ronde in concept of in veldwerk is.');
    expect((await client.get(`/rounds/${closed}/letters/confirm?kind=invitation`)).statusCode).toBe(409);
    const post = await client.post(`/rounds/${closed}/letters/jobs`, { kind: 'invitation', language: 'nl' });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toContain('/letters/confirm');
  });
});
