import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit-store.ts';
import { cancelJob as cancelJobRow, findJob } from '../../db/job-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';

export type CancelJobProblem = 'not-found' | 'already-ended';

/**
 * Cancels a queued or running job. A running handler is told at its next progress report and
 * stops at a safe point; what it already did stays done.
 */
export async function cancelJob(
  db: Kysely<DB>, input: { organisationId: string; actorId: string | null; jobId: string },
): Promise<Result<void, CancelJobProblem>> {
  return withTenant(db, input.organisationId, async (tx) => {
    const job = await findJob(tx, input.organisationId, input.jobId);
    if (!job) return err('not-found' as const);
    if (!(await cancelJobRow(tx, input.organisationId, input.jobId))) return err('already-ended' as const);
    await recordAudit(tx, { organisationId: input.organisationId, userId: input.actorId, action: 'job-cancelled', details: { jobId: job.id, kind: job.kind } });
    return ok(undefined);
  });
}
