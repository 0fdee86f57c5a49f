import type { Kysely } from 'kysely';
import { countRecipients, hasActiveEmailJob, lastReminderNumber, type Mailing } from '../../db/email-store.ts';
import { getRound } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { getSmtpSettings } from '../../db/smtp-settings-store.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { todayInNetherlands } from '../today.ts';

// Starting a mailing: the page first shows how many people would get it (the plan), then asks
// for confirmation, then queues the job. The job itself decides again, per person, at sending.

export type MailingProblem = 'not-found' | 'not-in-fieldwork' | 'no-smtp-settings' | 'busy' | 'nobody';

export interface MailingPlan {
  readonly mailing: Mailing;
  readonly recipients: number;
  /** The server's allowance, for an estimate of the duration; null without settings. */
  readonly perMinute: number | null;
  /** Why it cannot start now, if it cannot. */
  readonly problem: MailingProblem | undefined;
}

export const DEFAULT_REMINDER_DAYS = 7;
export const MAX_REMINDER_DAYS = 90;

/** The date `days` before today, in the Netherlands. */
export function daysBefore(today: string, days: number): string {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

async function plan(tx: Tx, organisationId: string, roundId: string, mailing: Mailing): Promise<MailingPlan | undefined> {
  const round = await getRound(tx, organisationId, roundId);
  if (!round) return undefined;
  const recipients = await countRecipients(tx, roundId, mailing);
  const settings = await getSmtpSettings(tx, organisationId);
  const problem: MailingProblem | undefined = round.status !== 'fieldwork'
    ? 'not-in-fieldwork'
    : !settings
      ? 'no-smtp-settings'
      : (await hasActiveEmailJob(tx, roundId))
        ? 'busy'
        : recipients === 0 ? 'nobody' : undefined;
  return { mailing, recipients, perMinute: settings?.perMinute ?? null, problem };
}

async function reminderMailing(tx: Tx, roundId: string, days: number, now: Date): Promise<Mailing> {
  return { kind: 'reminder', reminderNumber: (await lastReminderNumber(tx, roundId)) + 1, invitedOnOrBefore: daysBefore(todayInNetherlands(now), days) };
}

export function invitationPlan(db: Kysely<DB>, organisationId: string, roundId: string): Promise<MailingPlan | undefined> {
  return withTenant(db, organisationId, (tx) => plan(tx, organisationId, roundId, { kind: 'invitation' }));
}

export function reminderPlan(db: Kysely<DB>, organisationId: string, roundId: string, days: number, now = new Date()): Promise<MailingPlan | undefined> {
  return withTenant(db, organisationId, async (tx) => plan(tx, organisationId, roundId, await reminderMailing(tx, roundId, days, now)));
}

/** Queues the mailing when it can start; the job id is for the progress page. */
export async function startMailing(
  db: Kysely<DB>,
  input: { organisationId: string; roundId: string; actorId: string | null; kind: 'invitation' | 'reminder'; days?: number; now?: Date },
): Promise<Result<{ jobId: string; mailing: Mailing; recipients: number }, MailingProblem>> {
  return withTenant(db, input.organisationId, async (tx) => {
    // One mailing at a time per round: take the round's row lock so two clicks cannot both queue.
    await tx.selectFrom('rounds').select('id').where('id', '=', input.roundId).forUpdate().execute();
    const mailing = input.kind === 'invitation'
      ? { kind: 'invitation' as const }
      : await reminderMailing(tx, input.roundId, input.days ?? DEFAULT_REMINDER_DAYS, input.now ?? new Date());
    const planned = await plan(tx, input.organisationId, input.roundId, mailing);
    if (!planned) return err('not-found' as const);
    if (planned.problem) return err(planned.problem);
    const jobId = await enqueueJob(tx, {
      organisationId: input.organisationId,
      roundId: input.roundId,
      kind: mailing.kind === 'invitation' ? 'email-invitations' : 'email-reminders',
      payload: mailing.kind === 'invitation' ? {} : { reminderNumber: mailing.reminderNumber, invitedOnOrBefore: mailing.invitedOnOrBefore, days: input.days ?? DEFAULT_REMINDER_DAYS },
      createdBy: input.actorId,
      total: planned.recipients,
    });
    return ok({ jobId, mailing, recipients: planned.recipients });
  });
}
