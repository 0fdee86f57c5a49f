import type { Kysely } from 'kysely';
import { countLetterRecipients, type LetterKind } from '../../db/letter-store.ts';
import { getRound } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';

// Asking for a letters PDF: what the researcher chose becomes the payload of a 'letters' job.

/** 'invitee': each letter in the invitee's own language (Dutch when there is no text for it). */
export type LetterLanguageChoice = 'invitee' | 'nl' | 'en';

export interface LettersRequest {
  readonly kind: LetterKind;
  /** 0 for the invitation, 1, 2 … for reminders. */
  readonly reminderNumber: number;
  readonly language: LetterLanguageChoice;
  /** Invitations only: letters only for invitees without an e-mail address. */
  readonly onlyWithoutEmail: boolean;
}

export const MAX_REMINDERS = 5;

/** Reads a request from form fields or a stored job payload; undefined when it makes no sense. */
export function parseLettersRequest(input: Readonly<Record<string, unknown>>): LettersRequest | undefined {
  const kind = input.kind;
  if (kind !== 'invitation' && kind !== 'reminder') return undefined;
  const language = input.language ?? 'invitee';
  if (language !== 'invitee' && language !== 'nl' && language !== 'en') return undefined;
  const number = kind === 'reminder' ? Number(input.reminderNumber ?? 1) : 0;
  if (!Number.isInteger(number) || number < 0 || number > MAX_REMINDERS || (kind === 'reminder' && number < 1)) return undefined;
  const onlyWithoutEmail = kind === 'invitation' && (input.onlyWithoutEmail === true || input.onlyWithoutEmail === 'yes');
  return { kind, reminderNumber: number, language, onlyWithoutEmail };
}

export type StartLettersProblem = 'not-found' | 'round-closed' | 'no-recipients';

const canSendLetters = (status: string): boolean => status === 'draft' || status === 'fieldwork';

/** How many letters the request would print, for the confirmation page. */
export function countLetters(db: Kysely<DB>, input: { organisationId: string; roundId: string; request: LettersRequest }): Promise<Result<number, StartLettersProblem>> {
  return withTenant(db, input.organisationId, async (tx) => {
    const round = await getRound(tx, input.organisationId, input.roundId);
    if (!round) return err('not-found' as const);
    if (!canSendLetters(round.status)) return err('round-closed' as const);
    return ok(await countLetterRecipients(tx, round.id, input.request));
  });
}

/** Queues the letters job; only while the round is in draft or fieldwork. */
export function startLetters(
  db: Kysely<DB>,
  input: { organisationId: string; roundId: string; actorId: string | null; request: LettersRequest },
): Promise<Result<string, StartLettersProblem>> {
  return withTenant(db, input.organisationId, async (tx) => {
    const round = await getRound(tx, input.organisationId, input.roundId);
    if (!round) return err('not-found' as const);
    if (!canSendLetters(round.status)) return err('round-closed' as const);
    const total = await countLetterRecipients(tx, round.id, input.request);
    if (total === 0) return err('no-recipients' as const);
    const jobId = await enqueueJob(tx, {
      organisationId: input.organisationId, roundId: round.id, kind: 'letters',
      payload: { ...input.request }, createdBy: input.actorId, total,
    });
    return ok(jobId);
  });
}

export { canSendLetters };
