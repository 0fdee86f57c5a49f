import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../../src/app/create-organisation.ts';
import { emailInvitationsHandler } from '../../../src/app/email/email-job-handlers.ts';
import { optOutToken } from '../../../src/app/email/opt-out-token.ts';
import { optOut } from '../../../src/app/email/opt-out.ts';
import { MailServerUnavailable } from '../../../src/app/email/send-mailing.ts';
import { changeSmtpSettings, type SmtpSettingsForm } from '../../../src/app/email/smtp-settings.ts';
import { reminderPlan, startMailing } from '../../../src/app/email/start-mailing.ts';
import { enqueueJob } from '../../../src/app/jobs/enqueue-job.ts';
import type { JobContext } from '../../../src/app/jobs/job-handler.ts';
import { jobHandlers } from '../../../src/app/jobs/job-handlers.ts';
import { runJobsUntilIdle } from '../../../src/app/jobs/job-runner.ts';
import { enterWithCode } from '../../../src/app/respondent/enter-with-code.ts';
import type { Database } from '../../../src/db/connect.ts';
import { mailingCounts } from '../../../src/db/email-store.ts';
import { completeResponse } from '../../../src/db/respondent-store.ts';
import { setRoundStatus } from '../../../src/db/round-store.ts';
import { withSystem, withTenant } from '../../../src/db/tenant-transaction.ts';
import { formatAccessCode } from '../../../src/domain/access-code.ts';
import { createFieldworkRound } from '../../support/builders.ts';
import { addInvitees, type BuiltInvitee } from '../../support/invitee-builder.ts';
import { createTestDatabase } from '../../support/test-database.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp-test-server.ts';

const secret = 'email-test-secret-0123456789abcdefghij';
const publicUrl = 'https://kto.voorbeeldstad.nl';
let database: Database;
let orgId: string;
let server: TestSmtpServer;

const settings = (port: number, extra: Partial<SmtpSettingsForm> = {}): SmtpSettingsForm => ({
  host: '127.0.0.1', port: String(port), security: 'none', username: '', password: '',
  fromAddress: 'onderzoek@voorbeeldstad.nl', fromName: 'Gemeente Voorbeeldstad', replyTo: 'kto@voorbeeldstad.nl', perMinute: '10000', ...extra,
});

async function useServer(port: number, extra: Partial<SmtpSettingsForm> = {}) {
  const saved = await changeSmtpSettings(database.db, { actorId: null, organisationId: orgId, secret, form: settings(port, extra) });
  expect(saved.ok).toBe(true);
}

async function newRound(people: Parameters<typeof addInvitees>[1]['people']) {
  const { roundId } = await createFieldworkRound(database.db, orgId, { name: 'KTO 2026' });
  const invitees = await addInvitees(database.db, { secret, organisationId: orgId, roundId, people });
  return { roundId, invitees };
}

/** A job row (email_messages.job_id refers to it) and a context for calling the handler directly. */
async function context(roundId: string, kind: string, payload: Record<string, unknown> = {}, signal = new AbortController().signal, onProgress?: (done: number) => void): Promise<JobContext> {
  const id = await withTenant(database.db, orgId, (tx) => enqueueJob(tx, { organisationId: orgId, roundId, kind: 'test-' + kind, payload, createdBy: null }));
  await withSystem(database.db, (tx) => tx.updateTable('jobs').set({ status: 'running' }).where('id', '=', id).execute());
  return {
    db: database.db, secret, publicUrl, signal,
    job: { id, organisationId: orgId, roundId, kind, payload, createdBy: null, attempt: 1 },
    async progress(done) {
      onProgress?.(done);
    },
  };
}

async function runQueued() {
  return runJobsUntilIdle({ db: database.db, secret, publicUrl, handlers: jobHandlers, retryDelayMs: 0 });
}

async function messages(roundId: string) {
  return withSystem(database.db, (tx) => tx.selectFrom('email_messages').selectAll().where('round_id', '=', roundId).execute());
}

async function completeCode(code: string) {
  const entered = await enterWithCode(database.db, { code, language: 'nl' });
  if (!entered.ok) throw new Error(entered.error);
  await withTenant(database.db, orgId, (tx) => completeResponse(tx, { id: entered.value.responseId, keepItemKeys: [], today: '2026-11-20' }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await createOrganisation(database.db, { slug: 'voorbeeldstad', name: 'Gemeente Voorbeeldstad' });
  if (!created.ok) throw new Error(created.error);
  orgId = created.value.id;
});
afterAll(async () => database.close());
afterEach(async () => server?.close());

describe('e-mail invitations', () => {
  it('sends each sampled person with an address one invitation in their language, with code, link and opt-out link', async () => {
    server = await startSmtpServer({ refuse: ['weg@example.nl'] });
    await useServer(server.port);
    const { roundId, invitees } = await newRound([
      { email: 'jan@example.nl', initials: 'J.', prefix: 'de', surname: 'Vries', language: 'nl' },
      { email: 'Ann@Example.nl', initials: 'A.', surname: 'Smith', language: 'en' },
      { email: 'ayse@example.nl', initials: 'A.', surname: 'Yılmaz', language: 'tr' },
      { email: 'weg@example.nl', surname: 'Weg', street: null },
      { email: 'brief@example.nl', surname: 'Brief', street: 'Dorpsstraat', houseNumber: '1', postcode: '1234 AB', town: 'Voorbeeldstad' },
      { email: null, surname: 'Zonder' },
      { email: 'niet@example.nl', sampled: false },
    ]);
    const [jan, ann, ayse, weg, brief] = invitees as [BuiltInvitee, BuiltInvitee, BuiltInvitee, BuiltInvitee, BuiltInvitee];
    const started = await startMailing(database.db, { organisationId: orgId, roundId, actorId: null, kind: 'invitation' });
    expect(started.ok && started.value.recipients).toBe(5);
    expect((await runQueued()).ran).toBe(1);

    expect(server.mails.map((m) => m.to).sort()).toEqual(['ann@example.nl', 'ayse@example.nl', 'brief@example.nl', 'jan@example.nl']);
    const [toJan] = server.to('jan@example.nl');
    expect(toJan!.subject).toBe('Wat vindt u van Gemeente Voorbeeldstad? Vul de vragenlijst in');
    expect(toJan!.text).toContain('Geachte heer/mevrouw De Vries,');
    expect(toJan!.text).toContain(`${publicUrl}/r/${jan.code}`);
    expect(toJan!.text).toContain(`Ga dan naar ${publicUrl}/r en typ deze code in:\n${formatAccessCode(jan.code)}`);
    expect(toJan!.text).toContain(`Meld u dan af: ${publicUrl}/afmelden/${optOutToken(secret, jan.inviteeId)}`);
    expect(toJan!.text).toContain('tot en met 31 december 2026');
    expect(toJan!.headers.get('list-unsubscribe')).toBe(`<${publicUrl}/afmelden/${optOutToken(secret, jan.inviteeId)}>`);
    expect(toJan!.headers.get('from')).toBe('Gemeente Voorbeeldstad <onderzoek@voorbeeldstad.nl>');
    expect(toJan!.html).toContain(`<a href="${publicUrl}/r/${jan.code}">`);
    expect(toJan!.text).not.toContain(ann.code);

    const [toAnn] = server.to('ann@example.nl');
    expect(toAnn!.subject).toBe('What do you think of Gemeente Voorbeeldstad? Please fill in the questionnaire');
    expect(toAnn!.text).toContain('Dear Mr or Ms Smith,');
    expect(toAnn!.text).toContain(`${publicUrl}/r/${ann.code}`);
    // No Turkish text for this round: Dutch.
    expect(server.to('ayse@example.nl')[0]!.text).toContain('Geachte heer/mevrouw Yılmaz,');
    expect(server.to('ayse@example.nl')[0]!.text).toContain(formatAccessCode(ayse.code));

    const rows = await messages(roundId);
    const statusOf = (id: string) => rows.find((r) => r.invitee_id === id)?.status;
    expect([statusOf(jan.inviteeId), statusOf(ann.inviteeId), statusOf(weg.inviteeId), statusOf(brief.inviteeId)]).toEqual(['sent', 'sent', 'bounced', 'sent']);
    expect(rows.find((r) => r.invitee_id === weg.inviteeId)!.error).toBe('address 550');
    expect(rows.every((r) => r.kind === 'invitation' && (r.status !== 'sent' || (r.sent_at && r.sent_on)))).toBe(true);
    // Received by the server too: "brief" was accepted at RCPT.
    expect(server.to('brief@example.nl')).toHaveLength(1);
    const flags = await withSystem(database.db, (tx) => tx.selectFrom('invitees as i').innerJoin('invitee_codes as ic', 'ic.invitee_id', 'i.id')
      .innerJoin('access_codes as ac', 'ac.id', 'ic.access_code_id').select(['i.id', 'i.email_bounced', 'ac.delivered']).where('i.round_id', '=', roundId).execute());
    expect(flags.find((f) => f.id === weg.inviteeId)).toMatchObject({ email_bounced: true, delivered: false });
    expect(flags.find((f) => f.id === jan.inviteeId)).toMatchObject({ email_bounced: false, delivered: true });

    // Running the mailing again sends nothing more.
    const again = await startMailing(database.db, { organisationId: orgId, roundId, actorId: null, kind: 'invitation' });
    expect(again).toEqual({ ok: false, error: 'nobody' });
    expect(await emailInvitationsHandler(await context(roundId, 'email-invitations'))).toMatchObject({ sent: 0 });
    expect(server.mails).toHaveLength(4);
  });

  it('reminds only people who did not complete, did not opt out and did not bounce, and only after the chosen days', async () => {
    server = await startSmtpServer({ refuse: ['weg@example.nl'] });
    await useServer(server.port);
    const { roundId, invitees } = await newRound(['klaar', 'bezig', 'nog', 'af', 'weg'].map((name) => ({ email: `${name}@example.nl`, surname: name })));
    const [klaar, bezig, nog, af] = invitees as [BuiltInvitee, BuiltInvitee, BuiltInvitee, BuiltInvitee];
    await startMailing(database.db, { organisationId: orgId, roundId, actorId: null, kind: 'invitation' });
    await runQueued();
    expect(server.mails).toHaveLength(4);

    await completeCode(klaar.code);
    await enterWithCode(database.db, { code: bezig.code, language: 'nl' }); // started, not completed
    expect((await optOut(database.db, secret, optOutToken(secret, af.inviteeId))).ok).toBe(true);

    // Invited today: not yet 7 days ago.
    expect(await reminderPlan(database.db, orgId, roundId, 7)).toMatchObject({ recipients: 0, problem: 'nobody' });
    await withSystem(database.db, (tx) => tx.updateTable('email_messages').set({ sent_on: '2026-01-01' }).where('round_id', '=', roundId).execute());
    expect(await reminderPlan(database.db, orgId, roundId, 7)).toMatchObject({ recipients: 2, problem: undefined, mailing: { kind: 'reminder', reminderNumber: 1 } });

    const started = await startMailing(database.db, { organisationId: orgId, roundId, actorId: null, kind: 'reminder', days: 7 });
    expect(started.ok).toBe(true);
    await runQueued();
    const reminders = server.mails.filter((m) => m.subject.startsWith('Herinnering'));
    expect(reminders.map((m) => m.to).sort()).toEqual(['bezig@example.nl', 'nog@example.nl']);
    expect(server.to('nog@example.nl')[1]!.text).toContain(`${publicUrl}/r/${nog.code}`);
    expect(server.to('nog@example.nl')[1]!.text).toContain('Met dezelfde link gaat u verder');

    // A second reminder: numbered 2, again only to those still not done.
    await completeCode(bezig.code);
    const second = await startMailing(database.db, { organisationId: orgId, roundId, actorId: null, kind: 'reminder', days: 0 });
    expect(second.ok && second.value.mailing).toMatchObject({ kind: 'reminder', reminderNumber: 2 });
    await runQueued();
    expect(server.mails.filter((m) => m.subject.startsWith('Herinnering')).map((m) => m.to).sort()).toEqual(['bezig@example.nl', 'nog@example.nl', 'nog@example.nl']);
    const counts = await withTenant(database.db, orgId, (tx) => mailingCounts(tx, roundId));
    expect(counts).toEqual([
      { kind: 'invitation', reminderNumber: 0, state: 'bounced', count: 1 },
      { kind: 'invitation', reminderNumber: 0, state: 'sent', count: 4 },
      { kind: 'reminder', reminderNumber: 1, state: 'sent', count: 2 },
      { kind: 'reminder', reminderNumber: 2, state: 'sent', count: 1 },
    ]);
  });

  it('after a stop mid-batch, a second run sends the rest: every address exactly once', async () => {
    server = await startSmtpServer();
    await useServer(server.port);
    const { roundId, invitees } = await newRound(Array.from({ length: 10 }, () => ({})));
    const controller = new AbortController();
    const first = emailInvitationsHandler(await context(roundId, 'email-invitations', {}, controller.signal, (done) => {
      if (done === 3) controller.abort(new Error('The job runner is stopping.'));
    }));
    await expect(first).rejects.toThrow('stopping');
    expect(server.mails).toHaveLength(3);
    const result = await emailInvitationsHandler(await context(roundId, 'email-invitations'));
    expect(result).toMatchObject({ sent: 7, skipped: 0 });
    expect(server.mails.map((m) => m.to).sort()).toEqual(invitees.map((i) => i.email).sort());
    expect(new Set(server.mails.map((m) => m.to)).size).toBe(10);
  });

  it('never sends again a message whose intent was recorded before a crash, and reports it as interrupted', async () => {
    server = await startSmtpServer();
    await useServer(server.port);
    const { roundId, invitees } = await newRound([{}, {}, {}]);
    // A crash between recording the intent and marking it: the row stays 'intended'.
    await withSystem(database.db, (tx) => tx.insertInto('email_messages').values({
      id: randomUUID(), organisation_id: orgId, round_id: roundId, invitee_id: invitees[1]!.inviteeId, kind: 'invitation',
    }).execute());
    const result = await emailInvitationsHandler(await context(roundId, 'email-invitations'));
    expect(result).toMatchObject({ sent: 2 });
    expect(server.mails.map((m) => m.to).sort()).toEqual([invitees[0]!.email, invitees[2]!.email].sort());
    const counts = await withTenant(database.db, orgId, (tx) => mailingCounts(tx, roundId));
    expect(counts).toEqual([
      { kind: 'invitation', reminderNumber: 0, state: 'interrupted', count: 1 },
      { kind: 'invitation', reminderNumber: 0, state: 'sent', count: 2 },
    ]);
  });

  it('keeps to the messages per minute', async () => {
    server = await startSmtpServer();
    await useServer(server.port, { perMinute: '600' }); // one per 100 ms
    const { roundId } = await newRound(Array.from({ length: 6 }, () => ({})));
    const started = performance.now();
    await emailInvitationsHandler(await context(roundId, 'email-invitations'));
    const elapsed = performance.now() - started;
    const times = server.mails.map((m) => m.at).sort((a, b) => a - b);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    console.log(`throttle at 600/min: 6 messages in ${elapsed.toFixed(0)} ms, gaps ${gaps.map((g) => g.toFixed(0)).join(', ')} ms`);
    expect(times).toHaveLength(6);
    expect(times[5]! - times[0]!).toBeGreaterThanOrEqual(5 * 100 - 15);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(100 - 15);
  });

  it('stops without sending when the round is not in fieldwork, and withdraws the intent when the server is down', async () => {
    server = await startSmtpServer();
    const { roundId } = await newRound([{}, {}]);
    await withTenant(database.db, orgId, (tx) => setRoundStatus(tx, roundId, 'closed'));
    await useServer(server.port);
    expect(await emailInvitationsHandler(await context(roundId, 'email-invitations'))).toMatchObject({ sent: 0, stopped: 'round-not-in-fieldwork' });
    expect(await startMailing(database.db, { organisationId: orgId, roundId, actorId: null, kind: 'invitation' })).toEqual({ ok: false, error: 'not-in-fieldwork' });

    await withTenant(database.db, orgId, (tx) => setRoundStatus(tx, roundId, 'fieldwork'));
    const port = server.port;
    await server.close();
    await useServer(port);
    await expect(emailInvitationsHandler(await context(roundId, 'email-invitations'))).rejects.toThrow(MailServerUnavailable);
    expect(await messages(roundId)).toEqual([]);
    server = await startSmtpServer();
    await useServer(server.port);
    expect(await emailInvitationsHandler(await context(roundId, 'email-invitations'))).toMatchObject({ sent: 2 });
  });
});
