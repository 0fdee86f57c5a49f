import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import { cancelQueuedPurges, purgeRoundPersonalData, setPurgeDueOn, type PersonalDataHeld } from '../db/purge-store.ts';
import { getRound } from '../db/round-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant-transaction.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { enqueueJob } from './jobs/enqueue-job.ts';
import type { JobHandler } from './jobs/job-handler.ts';

export const PURGE_JOB = 'purge-personal-data';

export type PurgeProblem = 'not-found' | 'not-closed';

/**
 * Deletes the personal data of a closed round at once (names, addresses, e-mail addresses, the
 * person <-> code links, address files and letters) and logs it. Safe to repeat.
 */
export async function purgePersonalData(
  db: Kysely<DB>,
  input: { organisationId: string; roundId: string; actorId: string | null },
): Promise<Result<PersonalDataHeld, PurgeProblem>> {
  return withTenant(db, input.organisationId, async (tx) => {
    const round = await getRound(tx, input.organisationId, input.roundId);
    if (!round) return err('not-found' as const);
    if (round.status !== 'closed' && round.status !== 'published') return err('not-closed' as const);
    const removed = await purgeRoundPersonalData(tx, input.organisationId, input.roundId);
    await cancelQueuedPurges(tx, input.organisationId, input.roundId);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      userId: input.actorId,
      action: 'personal-data-purged',
      details: { roundId: input.roundId, ...removed, scheduled: input.actorId === null },
    });
    return ok(removed);
  });
}

/** The scheduled purge, queued when the round closes. */
export const purgeJob: JobHandler = async (context) => {
  const { job } = context;
  if (!job.roundId) throw new Error('A purge job needs a round.');
  const result = await purgePersonalData(context.db, { organisationId: job.organisationId, roundId: job.roundId, actorId: null });
  if (!result.ok) return { skipped: result.error };
  await context.progress(1, 1);
  return { ...result.value };
};

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** On closing: the purge is due after the round's retention period, at night (03:00 in NL, about). */
export async function schedulePurge(tx: Tx, input: { organisationId: string; roundId: string; today: string; days: number; actorId: string | null }): Promise<string> {
  const due = addDays(input.today, input.days);
  await cancelQueuedPurges(tx, input.organisationId, input.roundId);
  await setPurgeDueOn(tx, input.organisationId, input.roundId, due);
  await enqueueJob(tx, {
    organisationId: input.organisationId,
    roundId: input.roundId,
    kind: PURGE_JOB,
    createdBy: input.actorId,
    runAfter: input.days === 0 ? new Date() : new Date(`${due}T02:00:00Z`),
  });
  return due;
}

/** On reopening: nothing is deleted while fieldwork goes on. */
export async function unschedulePurge(tx: Tx, organisationId: string, roundId: string): Promise<void> {
  await cancelQueuedPurges(tx, organisationId, roundId);
  await setPurgeDueOn(tx, organisationId, roundId, null);
}
