import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from './tenant-transaction.ts';

// Letters: layout settings per round (letter_settings), who gets a letter (invitees with their
// sealed code), the record of each batch (letter_mailings) and the PDF it produced (job_files).

export interface LetterSettings {
  readonly senderName: string;
  readonly returnAddress: string;
  readonly signerName: string;
  readonly signerTitle: string;
  readonly logoDataUrl: string | null;
  readonly signatureDataUrl: string | null;
  readonly attachQuestionnaire: boolean;
}

export async function getLetterSettings(tx: Tx, roundId: string): Promise<LetterSettings | undefined> {
  return tx
    .selectFrom('letter_settings')
    .select([
      'sender_name as senderName', 'return_address as returnAddress', 'signer_name as signerName', 'signer_title as signerTitle',
      'logo_data_url as logoDataUrl', 'signature_data_url as signatureDataUrl', 'attach_questionnaire as attachQuestionnaire',
    ])
    .where('round_id', '=', roundId)
    .executeTakeFirst();
}

export async function saveLetterSettings(tx: Tx, organisationId: string, roundId: string, settings: LetterSettings): Promise<void> {
  const values = {
    sender_name: settings.senderName,
    return_address: settings.returnAddress,
    signer_name: settings.signerName,
    signer_title: settings.signerTitle,
    logo_data_url: settings.logoDataUrl,
    signature_data_url: settings.signatureDataUrl,
    attach_questionnaire: settings.attachQuestionnaire,
  };
  await tx
    .insertInto('letter_settings')
    .values({ organisation_id: organisationId, round_id: roundId, ...values })
    .onConflict((oc) => oc.column('round_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

export type LetterKind = 'invitation' | 'reminder';

export interface RecipientFilter {
  readonly kind: LetterKind;
  /** Invitations only: skip invitees who have an e-mail address (they are invited by e-mail). */
  readonly onlyWithoutEmail: boolean;
}

export interface LetterRecipient {
  readonly initials: string | null;
  readonly prefix: string | null;
  readonly surname: string | null;
  readonly street: string;
  readonly houseNumber: string | null;
  readonly houseNumberAddition: string | null;
  readonly postcode: string;
  readonly town: string;
  readonly language: string | null;
  readonly codeSealed: string;
}

/**
 * Sampled invitees with a postal address and a code. Reminders skip completed codes and people
 * who opted out. Ordered by postcode and house number, as mail houses sort for postage.
 */
function recipientQuery(tx: Tx, roundId: string, filter: RecipientFilter) {
  let query = tx
    .selectFrom('invitees as i')
    .innerJoin('invitee_codes as ic', 'ic.invitee_id', 'i.id')
    .innerJoin('access_codes as a', 'a.id', 'ic.access_code_id')
    .where('i.round_id', '=', roundId)
    .where('i.sampled', '=', true)
    .where(sql<boolean>`coalesce(trim(i.street), '') <> ''`)
    .where(sql<boolean>`coalesce(trim(i.postcode), '') <> ''`)
    .where(sql<boolean>`coalesce(trim(i.town), '') <> ''`)
    .where('ic.code_sealed', '<>', '');
  if (filter.kind === 'reminder') query = query.where('a.state', '<>', 'completed').where('i.opted_out', '=', false);
  else if (filter.onlyWithoutEmail) query = query.where(sql<boolean>`coalesce(trim(i.email), '') = ''`);
  return query;
}

export async function countLetterRecipients(tx: Tx, roundId: string, filter: RecipientFilter): Promise<number> {
  const row = await recipientQuery(tx, roundId, filter).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listLetterRecipients(tx: Tx, roundId: string, filter: RecipientFilter): Promise<LetterRecipient[]> {
  return recipientQuery(tx, roundId, filter)
    .select([
      'i.initials', 'i.prefix', 'i.surname', 'i.street as street', 'i.house_number as houseNumber',
      'i.house_number_addition as houseNumberAddition', 'i.postcode as postcode', 'i.town as town', 'i.language',
      'ic.code_sealed as codeSealed',
    ])
    .orderBy('i.postcode')
    .orderBy(sql`nullif(regexp_replace(coalesce(i.house_number, ''), '[^0-9]', '', 'g'), '')::integer nulls last`)
    .orderBy('i.house_number_addition')
    .orderBy('i.id')
    .execute() as Promise<LetterRecipient[]>;
}

export interface LetterMailing {
  readonly id: string;
  readonly jobId: string | null;
  readonly kind: LetterKind;
  readonly reminderNumber: number;
  readonly letters: number;
  readonly createdOn: string;
  /** Bytes of the stored PDF; 0 once the file is gone. */
  readonly bytes: number;
}

export async function listLetterMailings(tx: Tx, roundId: string): Promise<LetterMailing[]> {
  const rows = await tx
    .selectFrom('letter_mailings as m')
    .leftJoin('job_files as f', 'f.job_id', 'm.job_id')
    .leftJoin('jobs as j', 'j.id', 'm.job_id')
    .select(['m.id', 'm.job_id as jobId', 'm.kind', 'm.reminder_number as reminderNumber', 'm.letters', 'm.created_on as createdOn'])
    .select(sql<string>`coalesce(sum(octet_length(f.bytes)), 0)`.as('bytes'))
    .where('m.round_id', '=', roundId)
    .groupBy(['m.id', 'm.job_id', 'm.kind', 'm.reminder_number', 'm.letters', 'm.created_on', 'j.created_at'])
    // Newest first: several mailings are often made on one day, so the job's moment decides.
    .orderBy('m.created_on', 'desc')
    .orderBy(sql`j.created_at desc nulls last`)
    .orderBy('m.id')
    .execute();
  return rows.map((row) => ({ ...row, createdOn: String(row.createdOn).slice(0, 10), bytes: Number(row.bytes) }));
}

export interface LetterFile {
  readonly name: string;
  readonly parts: Buffer[];
}

/** The PDF of one mailing of this round, its parts in order. */
export async function getMailingFile(tx: Tx, roundId: string, mailingId: string): Promise<LetterFile | undefined> {
  const rows = await tx
    .selectFrom('letter_mailings as m')
    .innerJoin('job_files as f', 'f.job_id', 'm.job_id')
    .select(['f.name', 'f.bytes', 'f.part'])
    .where('m.round_id', '=', roundId)
    .where('m.id', '=', mailingId)
    .orderBy('f.part')
    .execute();
  if (rows.length === 0) return undefined;
  return { name: rows[0]!.name, parts: rows.map((r) => r.bytes) };
}

export interface NewMailing {
  readonly organisationId: string;
  readonly roundId: string;
  readonly jobId: string;
  readonly kind: LetterKind;
  readonly reminderNumber: number;
  readonly letters: number;
  readonly fileName: string;
  readonly parts: readonly Buffer[];
}

/**
 * Stores the PDF (in parts) and the mailing record in one go. A job that runs again after a
 * crash replaces what an earlier attempt stored, so a mailing is never counted twice.
 */
export async function recordMailing(tx: Tx, mailing: NewMailing): Promise<string> {
  await tx.deleteFrom('job_files').where('job_id', '=', mailing.jobId).where('name', '=', mailing.fileName).execute();
  await tx.deleteFrom('letter_mailings').where('job_id', '=', mailing.jobId).execute();
  for (const [part, bytes] of mailing.parts.entries()) {
    await tx.insertInto('job_files').values({
      id: randomUUID(), organisation_id: mailing.organisationId, job_id: mailing.jobId, part,
      name: mailing.fileName, content_type: 'application/pdf', bytes: Buffer.from(bytes),
    }).execute();
  }
  const id = randomUUID();
  await tx.insertInto('letter_mailings').values({
    id, organisation_id: mailing.organisationId, round_id: mailing.roundId, job_id: mailing.jobId,
    kind: mailing.kind, reminder_number: mailing.reminderNumber, letters: mailing.letters,
  }).execute();
  return id;
}

/** Letter jobs of this round that have not finished, newest first (shown as "in progress"). */
export async function listRunningLetterJobs(tx: Tx, roundId: string): Promise<{ id: string; progress: number; total: number | null }[]> {
  return tx
    .selectFrom('jobs')
    .select(['id', 'progress', 'total'])
    .where('round_id', '=', roundId)
    .where('kind', '=', 'letters')
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at', 'desc')
    .execute();
}
