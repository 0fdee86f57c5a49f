import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { optOutToken } from '../../../src/app/email/opt-out-token.ts';
import { jobHandlers } from '../../../src/app/jobs/job-handlers.ts';
import { runJobsUntilIdle } from '../../../src/app/jobs/job-runner.ts';
import { withSystem } from '../../../src/db/tenant-transaction.ts';
import { startSmtpServer, type TestSmtpServer } from '../../app/email/smtp-test-server.ts';
import { createFieldworkRound } from '../../support/builders.ts';
import { addInvitees, type BuiltInvitee } from '../../support/invitee-builder.ts';
import { Client, createTestApp, type TestApp } from '../../support/test-app.ts';

const SECRET = 'test-secret-test-secret-test-secret!'; // the one createTestApp builds with
const PUBLIC_URL = 'http://localhost:3000';
let t: TestApp;
let server: TestSmtpServer;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
afterEach(async () => server?.close());

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  await client.get('/rounds'); // the CSRF token of the signed-in session
  return client;
}

const settingsForm = (port: number, extra: Record<string, string> = {}) => ({
  host: '127.0.0.1', port: String(port), security: 'none', username: '', password: '',
  fromAddress: 'kto@alfa.nl', fromName: 'Gemeente Alfa', replyTo: '', perMinute: '6000', ...extra,
});

async function storedSettings() {
  return withSystem(t.database.db, (tx) => tx.selectFrom('smtp_settings').selectAll().where('organisation_id', '=', t.orgA).executeTakeFirst());
}

const runJobs = () => runJobsUntilIdle({ db: t.database.db, secret: SECRET, publicUrl: PUBLIC_URL, handlers: jobHandlers, retryDelayMs: 0 });

describe('e-mail settings', () => {
  it('are for administrators only', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    expect((await researcher.get('/settings/email')).statusCode).toBe(403);
    expect((await researcher.post('/settings/email', settingsForm(25))).statusCode).toBe(403);
    expect(await storedSettings()).toBeUndefined();
  });

  it('explain each wrong field, keep what was typed, then save; the password is sealed and never shown', async () => {
    const admin = await signedIn('administrator@alfa.nl');
    const bad = await admin.post('/settings/email', settingsForm(25, { host: 'http://smtp.alfa.nl', port: '70000', fromAddress: 'geen-adres', perMinute: '0', fromName: 'Gemeente Alfa' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#host"');
    expect(bad.body).toContain('Vul een geldige servernaam in');
    expect(bad.body).toContain('Vul als poort een heel getal van 1 tot en met 65535 in.');
    expect(bad.body).toContain('Vul als afzender een geldig e-mailadres in');
    expect(bad.body).toContain('Vul bij berichten per minuut een heel getal');
    expect(bad.body).toContain('value="Gemeente Alfa"');
    expect(await storedSettings()).toBeUndefined();

    const saved = await admin.post('/settings/email', settingsForm(2525, { username: 'kto', password: 'geheim-wachtwoord-123', security: 'starttls' }));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/settings/email?done=saved');
    const stored = await storedSettings();
    expect(stored).toMatchObject({ host: '127.0.0.1', port: 2525, security: 'starttls', username: 'kto', per_minute: 6000 });
    const logged = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'smtp-settings-changed').execute();
    expect(logged.map((l) => l.details)).toEqual([{ host: '127.0.0.1', port: 2525, security: 'starttls', passwordChanged: true }]);
    expect(JSON.stringify(logged)).not.toContain('geheim');
    expect(stored!.password_sealed).toMatch(/^v1\./);
    expect(stored!.password_sealed).not.toContain('geheim');
    const shown = await admin.get('/settings/email?done=saved');
    expect(shown.body).toContain('De instellingen zijn opgeslagen.');
    expect(shown.body).toContain('Er is een wachtwoord opgeslagen.');
    expect(shown.body).not.toContain('geheim-wachtwoord-123');
    expect(shown.body).not.toContain(stored!.password_sealed!);

    // An empty password keeps the stored one.
    await admin.post('/settings/email', settingsForm(2526, { username: 'kto', security: 'starttls' }));
    expect((await storedSettings())!.password_sealed).toBe(stored!.password_sealed);
  });

  it('send a test message, and say in plain words why it failed with a wrong port or password', async () => {
    server = await startSmtpServer({ password: 'juist' });
    const admin = await signedIn('administrator@alfa.nl');
    await admin.post('/settings/email', settingsForm(server.port, { username: 'kto', password: 'juist' }));
    await admin.get('/settings/email');
    const sent = await admin.post('/settings/email/test', { testTo: 'beheer@alfa.nl' });
    expect(sent.headers.location).toBe('/settings/email?test=ok');
    expect((await admin.get(sent.headers.location as string)).body).toContain('Het testbericht is verstuurd.');
    expect(server.to('beheer@alfa.nl')).toHaveLength(1);
    expect(server.to('beheer@alfa.nl')[0]!.subject).toBe('Testbericht van Klantstem (Gemeente Alfa)');

    const badAddress = await admin.post('/settings/email/test', { testTo: 'niet goed' });
    expect(badAddress.statusCode).toBe(400);
    expect(badAddress.body).toContain('href="#testTo"');

    await admin.post('/settings/email', settingsForm(server.port, { username: 'kto', password: 'fout' }));
    const refused = await admin.post('/settings/email/test', { testTo: 'beheer@alfa.nl' });
    expect(refused.headers.location).toBe('/settings/email?test=auth&code=535');
    const refusedPage = await admin.get(refused.headers.location as string);
    expect(refusedPage.body).toContain('De mailserver weigert de gebruikersnaam of het wachtwoord.');
    expect(refusedPage.body).toContain('Foutcode van de mailserver: 535.');

    const port = server.port;
    await server.close();
    await admin.post('/settings/email', settingsForm(port));
    const started = Date.now();
    const down = await admin.post('/settings/email/test', { testTo: 'beheer@alfa.nl' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(down.headers.location).toBe('/settings/email?test=connect');
    expect((await admin.get('/settings/email?test=connect')).body).toContain('Klantstem kan geen verbinding maken met de mailserver. Controleer de naam van de server en de poort.');
    expect(server.mails).toHaveLength(1);
  });
});

describe('round e-mail pages', () => {
  let roundId: string;
  let people: BuiltInvitee[];

  beforeAll(async () => {
    ({ roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'KTO Alfa 2026' }));
    people = await addInvitees(t.database.db, {
      secret: SECRET, organisationId: t.orgA, roundId,
      people: [
        { email: 'jan@example.nl', surname: 'Jansen', language: 'nl' },
        { email: 'ann@example.nl', surname: 'Smith', language: 'en' },
        { email: 'weg@example.nl', surname: 'Weg', street: 'Dorpsstraat', postcode: '1234 AB' },
        { email: 'ook-weg@example.nl', surname: 'Ookweg' },
      ],
    });
  });

  it('are for researchers and administrators of the organisation only', async () => {
    expect((await (await signedIn('viewer@alfa.nl')).get(`/rounds/${roundId}/email`)).statusCode).toBe(403);
    expect((await (await signedIn('researcher@beta.nl')).get(`/rounds/${roundId}/email`)).statusCode).toBe(404);
    expect((await (await signedIn('researcher@beta.nl')).get(`/rounds/${roundId}/email/templates/email-invitation/nl`)).statusCode).toBe(404);
  });

  it('check placeholders on save, naming the unknown one, show a preview, and send the saved text in the invitee\'s language', async () => {
    server = await startSmtpServer();
    const admin = await signedIn('administrator@alfa.nl');
    await admin.post('/settings/email', settingsForm(server.port));
    const researcher = await signedIn('researcher@alfa.nl');
    const url = `/rounds/${roundId}/email/templates/email-invitation/en`;
    const form = await researcher.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Please fill in the questionnaire'); // the English default to start from

    const wrong = await researcher.post(url, { subject: 'Survey {organisatie}', body: 'Hello {naam}, go to {linkje}. {afmeldlink}', action: 'save' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Het woord {linkje} bestaat niet.');
    expect(wrong.body).toContain('Zet {link} of {code} in de tekst.');
    expect(wrong.body).toContain('Hello {naam}, go to {linkje}.'); // nothing typed is lost

    const preview = await researcher.post(url, { subject: 'Survey of {organisatie}', body: 'Hello {naam},\n\nStart here: {link}\n\nStop: {afmeldlink}', action: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Subject: Survey of Gemeente Alfa'.replace('Subject', 'Onderwerp'));
    expect(preview.body).toContain('Hello J. de Vries,');
    expect(preview.body).toContain(`Start here: ${PUBLIC_URL}/r/ABCDEFGHJK2M`);
    expect(preview.body).toContain('Dit voorbeeld is nog niet opgeslagen.');

    const saved = await researcher.post(url, { subject: 'Survey of {organisatie}', body: 'Hello {naam},\n\nStart here: {link}\n\nStop: {afmeldlink}', action: 'save' });
    expect(saved.statusCode).toBe(303);
    const page = await researcher.get(`/rounds/${roundId}/email`);
    expect(page.body).toMatch(/Uitnodiging<\/td>\s*<td class="utrecht-table__cell">Engels<\/td>\s*<td class="utrecht-table__cell">Eigen tekst/);
    expect(page.body).toContain('Aantal mensen uit de steekproef dat de uitnodiging krijgt: 4.');

    const confirm = await researcher.get(`/rounds/${roundId}/email/invitations`);
    expect(confirm.body).toContain('Ja, uitnodigingen versturen (4)');
    const started = await researcher.post(`/rounds/${roundId}/email/invitations`, {});
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toMatch(/^\/jobs\/[0-9a-f-]{36}$/);
    expect((await runJobs()).ran).toBe(1);
    expect(server.mails).toHaveLength(4);
    const toAnn = server.to('ann@example.nl')[0]!;
    expect(toAnn.subject).toBe('Survey of Gemeente Alfa');
    expect(toAnn.text).toBe(`Hello A. Smith,\n\nStart here: ${PUBLIC_URL}/r/${people[1]!.code}\n\nStop: ${PUBLIC_URL}/afmelden/${optOutToken(SECRET, people[1]!.inviteeId)}`);
    expect(server.to('jan@example.nl')[0]!.subject).toContain('Vul de vragenlijst in');

    const after = await researcher.get(`/rounds/${roundId}/email`);
    expect(after.body).toMatch(/Uitnodiging<\/th>\s*<td class="utrecht-table__cell utrecht-table__cell--numeric">4<\/td>/);
    expect((await researcher.post(`/rounds/${roundId}/email/invitations`, {})).headers.location).toBe(`/rounds/${roundId}/email/invitations`);
    expect((await researcher.get(`/rounds/${roundId}/email/invitations`)).body).toContain('Er is niemand om deze e-mail naartoe te sturen.');
  });

  it('mark bounces pasted from the mailbox; a code reachable only by e-mail no longer counts as delivered', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    await researcher.get(`/rounds/${roundId}/email`);
    const empty = await researcher.post(`/rounds/${roundId}/email/bounces`, { bounces: 'geen adressen hier' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Plak minstens één e-mailadres.');
    const done = await researcher.post(`/rounds/${roundId}/email/bounces`, { bounces: 'Weg <WEG@example.nl>\nook-weg@example.nl\nonbekend@example.nl\n' });
    expect(done.statusCode).toBe(303);
    expect((await researcher.get(done.headers.location as string)).body).toContain('Gemarkeerd als niet bezorgd: 2. Waren al gemarkeerd: 0. Horen niet bij deze ronde: 1.');
    const rows = await withSystem(t.database.db, (tx) => tx.selectFrom('invitees as i').innerJoin('invitee_codes as ic', 'ic.invitee_id', 'i.id')
      .innerJoin('access_codes as ac', 'ac.id', 'ic.access_code_id').leftJoin('email_messages as m', 'm.invitee_id', 'i.id')
      .select(['i.surname', 'i.email_bounced', 'ac.delivered', 'm.status']).where('i.round_id', '=', roundId).orderBy('i.surname').execute());
    expect(rows).toEqual([
      { surname: 'Jansen', email_bounced: false, delivered: true, status: 'sent' },
      { surname: 'Ookweg', email_bounced: true, delivered: false, status: 'bounced' },
      { surname: 'Smith', email_bounced: false, delivered: true, status: 'sent' },
      { surname: 'Weg', email_bounced: true, delivered: true, status: 'bounced' }, // has a postal address: the letter may still arrive
    ]);
  });

  it('show how many would get a reminder, confirm, then send it to those still wanted', async () => {
    server = await startSmtpServer();
    const admin = await signedIn('administrator@alfa.nl');
    await admin.post('/settings/email', settingsForm(server.port));
    const researcher = await signedIn('researcher@alfa.nl');
    expect((await researcher.get(`/rounds/${roundId}/email`)).body).toContain('Aantal ontvangers van herinnering 1 bij 7 dagen: 0.');
    const bad = await researcher.get(`/rounds/${roundId}/email/reminders?days=zeven`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vul bij dagen een heel getal van 0 tot en met 90 in.');
    const confirm = await researcher.get(`/rounds/${roundId}/email/reminders?days=0`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Herinnering 1 versturen?');
    expect(confirm.body).toContain('Ja, herinneringen versturen (2)');
    const started = await researcher.post(`/rounds/${roundId}/email/reminders`, { days: '0' });
    expect(started.headers.location).toMatch(/^\/jobs\//);
    await runJobs();
    expect(server.mails.map((m) => m.to).sort()).toEqual(['ann@example.nl', 'jan@example.nl']);
  });

  it('let a person opt out from the link without signing in, with CSRF, and say so kindly for unknown links', async () => {
    const visitor = new Client(t.app);
    const jan = people[0]!;
    const token = optOutToken(SECRET, jan.inviteeId);
    const shown = await visitor.get(`/afmelden/${token}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Wilt u geen e-mails meer krijgen over het onderzoek van Gemeente Alfa?');
    expect((await visitor.post(`/afmelden/${token}`, {}, { csrf: 'vals' })).statusCode).toBe(403);
    const optedOut = async () => (await withSystem(t.database.db, (tx) => tx.selectFrom('invitees').select('opted_out').where('id', '=', jan.inviteeId).executeTakeFirstOrThrow())).opted_out;
    expect(await optedOut()).toBe(false);
    const done = await visitor.post(`/afmelden/${token}`, {});
    expect(done.statusCode).toBe(303);
    expect(await optedOut()).toBe(true);
    expect((await visitor.get(`/afmelden/${token}`)).body).toContain('U bent afgemeld');

    const tampered = await visitor.get(`/afmelden/${jan.inviteeId}.${'A'.repeat(32)}`);
    expect(tampered.statusCode).toBe(404);
    expect(tampered.body).toContain('Deze link werkt niet');
    // Purged: the invitee is gone, the link is still genuine.
    const gone = people[3]!;
    await withSystem(t.database.db, (tx) => tx.deleteFrom('invitees').where('id', '=', gone.inviteeId).execute());
    const purged = await visitor.post(`/afmelden/${optOutToken(SECRET, gone.inviteeId)}`, {});
    expect(purged.statusCode).toBe(404);
    expect(purged.body).toContain('Misschien is het onderzoek al afgelopen');
  });
});
