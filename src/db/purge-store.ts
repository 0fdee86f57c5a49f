import { sql } from 'kysely';
import type { Tx } from './tenant-transaction.ts';

export interface PersonalDataHeld {
  /** Rows from the address file (names, addresses, e-mail addresses). */
  readonly invitees: number;
  /** Person <-> code links (with the sealed code). */
  readonly links: number;
  /** Uploaded address files not yet discarded. */
  readonly files: number;
  /** Generated files with names and addresses (letters PDFs). */
  readonly documents: number;
  /** Codes linked to an unfinished response. */
  readonly unfinishedLinks: number;
}

export async function personalDataHeld(tx: Tx, organisationId: string, roundId: string): Promise<PersonalDataHeld> {
  const row = await sql<{ invitees: number; links: number; files: number; documents: number; unfinished: number }>`
    select
      (select count(*) from invitees where organisation_id = ${organisationId} and round_id = ${roundId})::int as invitees,
      (select count(*) from invitee_codes l join invitees i on i.id = l.invitee_id
        where l.organisation_id = ${organisationId} and i.round_id = ${roundId})::int as links,
      (select count(*) from address_imports where organisation_id = ${organisationId} and round_id = ${roundId} and file is not null)::int as files,
      (select count(*) from job_files f join jobs j on j.id = f.job_id
        where f.organisation_id = ${organisationId} and j.round_id = ${roundId})::int as documents,
      (select count(*) from response_sessions s join access_codes c on c.id = s.access_code_id
        where s.organisation_id = ${organisationId} and c.round_id = ${roundId})::int as unfinished`.execute(tx);
  const r = row.rows[0]!;
  return { invitees: Number(r.invitees), links: Number(r.links), files: Number(r.files), documents: Number(r.documents), unfinishedLinks: Number(r.unfinished) };
}

/**
 * Destroys the personal data of a round's fieldwork: the address-file rows (and with them the
 * person <-> code links), uploaded files, generated letters, SMTP error texts (they may quote an
 * address), job payloads and messages, and the code <-> unfinished-response links. What remains:
 * anonymous responses and answers, code hashes with their state, and counts.
 */
export async function purgeRoundPersonalData(tx: Tx, organisationId: string, roundId: string): Promise<PersonalDataHeld> {
  const held = await personalDataHeld(tx, organisationId, roundId);
  await sql`delete from invitees where organisation_id = ${organisationId} and round_id = ${roundId}`.execute(tx);
  await sql`update address_imports set file = null where organisation_id = ${organisationId} and round_id = ${roundId}`.execute(tx);
  await sql`update email_messages set error = null where organisation_id = ${organisationId} and round_id = ${roundId} and error is not null`.execute(tx);
  await sql`delete from job_files where organisation_id = ${organisationId}
    and job_id in (select id from jobs where organisation_id = ${organisationId} and round_id = ${roundId})`.execute(tx);
  await sql`update jobs set payload = '{}'::jsonb, message = null
    where organisation_id = ${organisationId} and round_id = ${roundId} and kind <> 'purge-personal-data'`.execute(tx);
  await sql`delete from response_sessions where organisation_id = ${organisationId}
    and access_code_id in (select id from access_codes where organisation_id = ${organisationId} and round_id = ${roundId})`.execute(tx);
  await sql`update rounds set purged_at = now(), purge_due_on = null where organisation_id = ${organisationId} and id = ${roundId}`.execute(tx);
  return held;
}

export interface RetentionState {
  readonly purgeAfterDays: number;
  readonly purgeDueOn: string | null;
  readonly purgedAt: Date | null;
}

export async function getRetention(tx: Tx, organisationId: string, roundId: string): Promise<RetentionState | undefined> {
  return tx
    .selectFrom('rounds')
    .select(['purge_after_days as purgeAfterDays', 'purge_due_on as purgeDueOn', 'purged_at as purgedAt'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', roundId)
    .executeTakeFirst();
}

export async function setPurgeAfterDays(tx: Tx, organisationId: string, roundId: string, days: number): Promise<void> {
  await tx.updateTable('rounds').set({ purge_after_days: days }).where('organisation_id', '=', organisationId).where('id', '=', roundId).execute();
}

export async function setPurgeDueOn(tx: Tx, organisationId: string, roundId: string, dueOn: string | null): Promise<void> {
  await tx.updateTable('rounds').set({ purge_due_on: dueOn }).where('organisation_id', '=', organisationId).where('id', '=', roundId).execute();
}

/** Queued purges of a round are cancelled when it is reopened. */
export async function cancelQueuedPurges(tx: Tx, organisationId: string, roundId: string): Promise<void> {
  await tx
    .updateTable('jobs')
    .set({ status: 'cancelled', finished_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .where('kind', '=', 'purge-personal-data')
    .where('status', '=', 'queued')
    .execute();
}
