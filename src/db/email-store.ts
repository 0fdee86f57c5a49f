import { sql } from 'kysely';
import type { Tx } from './tenant-transaction.ts';

// E-mail invitations and reminders (email_messages) and the invitee flags they read and set
// (opted_out, email_bounced, access_codes.delivered). A row is written with status 'intended'
// and committed before the message is sent; the unique index email_messages_once makes a
// second intent for the same invitee, kind and reminder number a no-op, so nobody gets a mail
// twice, even after a crash.

export interface Recipient {
  readonly inviteeId: string;
  readonly email: string;
  readonly language: string | null;
  readonly initials: string | null;
  readonly prefix: string | null;
  readonly surname: string | null;
  readonly codeSealed: string;
}

/** Which mailing: the invitation, or reminder number n (1, 2, …) sent to invitees invited on or before a date. */
export type Mailing =
  | { readonly kind: 'invitation' }
  | { readonly kind: 'reminder'; readonly reminderNumber: number; readonly invitedOnOrBefore: string };

function recipientsQuery(tx: Tx, roundId: string, mailing: Mailing) {
  let query = tx
    .selectFrom('invitees as i')
    .innerJoin('invitee_codes as ic', 'ic.invitee_id', 'i.id')
    .innerJoin('access_codes as ac', 'ac.id', 'ic.access_code_id')
    // Mail goes out only while the round is in fieldwork, checked again for every message.
    .innerJoin('rounds as r', 'r.id', 'i.round_id')
    .where('r.status', '=', 'fieldwork')
    .where('i.round_id', '=', roundId)
    .where('i.sampled', '=', true)
    .where('i.email', 'is not', null)
    .where('i.email', '<>', '')
    .where('i.opted_out', '=', false)
    .where('i.email_bounced', '=', false)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('email_messages as m').select('m.id').whereRef('m.invitee_id', '=', 'i.id')
        .where('m.kind', '=', mailing.kind)
        .where('m.reminder_number', '=', mailing.kind === 'reminder' ? mailing.reminderNumber : 0))));
  if (mailing.kind === 'reminder') {
    query = query
      .where('ac.state', '<>', 'completed')
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('email_messages as inv').select('inv.id').whereRef('inv.invitee_id', '=', 'i.id')
          .where('inv.kind', '=', 'invitation').where('inv.status', '=', 'sent').where('inv.sent_on', '<=', mailing.invitedOnOrBefore)));
  }
  return query;
}

/** Everyone who should get this mailing and has not had it (nor an interrupted attempt at it). */
export async function listRecipients(tx: Tx, roundId: string, mailing: Mailing): Promise<Recipient[]> {
  const rows = await recipientsQuery(tx, roundId, mailing)
    .select(['i.id as inviteeId', 'i.email', 'i.language', 'i.initials', 'i.prefix', 'i.surname', 'ic.code_sealed as codeSealed'])
    .orderBy('i.row_number')
    .orderBy('i.id')
    .execute();
  return rows.map((row) => ({ ...row, email: row.email ?? '' }));
}

/** How many would get it; with inviteeId, whether that one person still should (1 or 0). */
export async function countRecipients(tx: Tx, roundId: string, mailing: Mailing, inviteeId?: string): Promise<number> {
  let query = recipientsQuery(tx, roundId, mailing);
  if (inviteeId) query = query.where('i.id', '=', inviteeId);
  const row = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Highest reminder number sent (or attempted) for the round; 0 when none. */
export async function lastReminderNumber(tx: Tx, roundId: string): Promise<number> {
  const row = await tx
    .selectFrom('email_messages')
    .select((eb) => eb.fn.max('reminder_number').as('n'))
    .where('round_id', '=', roundId)
    .where('kind', '=', 'reminder')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface Intent {
  readonly id: string;
  readonly organisationId: string;
  readonly roundId: string;
  readonly inviteeId: string;
  readonly jobId: string | null;
  readonly kind: 'invitation' | 'reminder';
  readonly reminderNumber: number;
}

/** Records the intent to send; false when a row for this invitee and mailing already exists. */
export async function recordIntent(tx: Tx, intent: Intent): Promise<boolean> {
  const inserted = await tx
    .insertInto('email_messages')
    .values({
      id: intent.id,
      organisation_id: intent.organisationId,
      round_id: intent.roundId,
      invitee_id: intent.inviteeId,
      job_id: intent.jobId,
      kind: intent.kind,
      reminder_number: intent.reminderNumber,
    })
    .onConflict((oc) => oc.columns(['invitee_id', 'kind', 'reminder_number']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function markSent(tx: Tx, id: string, at: Date, on: string): Promise<void> {
  await tx.updateTable('email_messages').set({ status: 'sent', sent_at: at, sent_on: on, error: null }).where('id', '=', id).execute();
}

/** Withdraws an intent for a message that certainly did not leave (the server was unreachable). */
export async function deleteIntent(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('email_messages').where('id', '=', id).where('status', '=', 'intended').execute();
}

/** error is a category and SMTP status code only, never the server's text (it may hold the address). */
export async function markFailed(tx: Tx, id: string, error: string): Promise<void> {
  await tx.updateTable('email_messages').set({ status: 'failed', error }).where('id', '=', id).execute();
}

/**
 * The address does not exist: the message (or, when reported later, every sent message to the
 * invitee) is marked bounced, the invitee gets no more mail, and when e-mail was the only way to
 * reach them (no postal address) their code counts as not delivered for the response rate.
 */
export async function markBounced(tx: Tx, inviteeId: string, message?: { id: string; error: string }): Promise<void> {
  if (message) {
    await tx.updateTable('email_messages').set({ status: 'bounced', error: message.error }).where('id', '=', message.id).execute();
  } else {
    await tx.updateTable('email_messages').set({ status: 'bounced', error: 'reported' }).where('invitee_id', '=', inviteeId).where('status', '=', 'sent').execute();
  }
  await tx.updateTable('invitees').set({ email_bounced: true }).where('id', '=', inviteeId).execute();
  await tx
    .updateTable('access_codes')
    .set({ delivered: false })
    .where('id', 'in', (eb) =>
      eb.selectFrom('invitee_codes as ic').innerJoin('invitees as i', 'i.id', 'ic.invitee_id').select('ic.access_code_id')
        .where('i.id', '=', inviteeId)
        .where((w) => w.or([w(sql`coalesce(i.street, '')`, '=', ''), w(sql`coalesce(i.postcode, '')`, '=', '')])))
    .execute();
}

/** Sampled invitees of the round with one of these addresses (compared case-insensitively). */
export async function inviteesByEmail(tx: Tx, roundId: string, emails: readonly string[]): Promise<{ id: string; email: string; bounced: boolean }[]> {
  if (emails.length === 0) return [];
  const rows = await tx
    .selectFrom('invitees')
    .select(['id', 'email', 'email_bounced as bounced'])
    .where('round_id', '=', roundId)
    .where('sampled', '=', true)
    .where(sql<string>`lower(email)`, 'in', emails.map((e) => e.toLowerCase()))
    .execute();
  return rows.map((row) => ({ ...row, email: row.email ?? '' }));
}

export type MessageState = 'sent' | 'failed' | 'bounced' | 'sending' | 'interrupted';

export interface MailingCount {
  readonly kind: 'invitation' | 'reminder';
  readonly reminderNumber: number;
  readonly state: MessageState;
  readonly count: number;
}

/**
 * Counts per mailing and state. An 'intended' row whose job still runs is being sent; any other
 * was interrupted between recording and marking: whether it went out is unknown, and it is
 * never sent again.
 */
export async function mailingCounts(tx: Tx, roundId: string): Promise<MailingCount[]> {
  const rows = await tx
    .selectFrom('email_messages as m')
    .leftJoin('jobs as j', 'j.id', 'm.job_id')
    .select([
      'm.kind',
      'm.reminder_number as reminderNumber',
      sql<MessageState>`case when m.status <> 'intended' then m.status when j.status in ('queued', 'running') then 'sending' else 'interrupted' end`.as('state'),
      (eb) => eb.fn.countAll<string>().as('count'),
    ])
    .where('m.round_id', '=', roundId)
    .groupBy(['m.kind', 'm.reminder_number', 'state'])
    .orderBy('m.kind')
    .orderBy('m.reminder_number')
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

export interface EmailJob {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly progress: number;
  readonly total: number | null;
  readonly createdAt: Date;
}

export async function emailJobs(tx: Tx, roundId: string, limit = 10): Promise<EmailJob[]> {
  return tx
    .selectFrom('jobs')
    .select(['id', 'kind', 'status', 'progress', 'total', 'created_at as createdAt'])
    .where('round_id', '=', roundId)
    .where('kind', 'in', ['email-invitations', 'email-reminders'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Whether a job of this kind is queued or running for the round (one mailing at a time). */
export async function hasActiveEmailJob(tx: Tx, roundId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('jobs')
    .select('id')
    .where('round_id', '=', roundId)
    .where('kind', 'in', ['email-invitations', 'email-reminders'])
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return row !== undefined;
}

/** The organisation of an invitee, looked up before the tenant is known (opt-out link). */
export async function inviteeOrganisation(tx: Tx, inviteeId: string): Promise<string | undefined> {
  const row = await tx.selectFrom('invitees').select('organisation_id').where('id', '=', inviteeId).executeTakeFirst();
  return row?.organisation_id;
}

export async function optOutState(tx: Tx, inviteeId: string): Promise<{ optedOut: boolean; organisationName: string } | undefined> {
  return tx
    .selectFrom('invitees as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select(['i.opted_out as optedOut', 'o.name as organisationName'])
    .where('i.id', '=', inviteeId)
    .executeTakeFirst();
}

export async function setOptedOut(tx: Tx, inviteeId: string): Promise<void> {
  await tx.updateTable('invitees').set({ opted_out: true }).where('id', '=', inviteeId).execute();
}
