import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/tenant-transaction.ts';

export interface NewJob {
  readonly organisationId: string;
  readonly roundId: string | null;
  readonly kind: string;
  readonly payload?: Record<string, unknown>;
  readonly createdBy: string | null;
  /** Not before this moment (a purge scheduled after the retention period). */
  readonly runAfter?: Date;
  /** Items to do, when known up front; shown as "0 of N" until the job starts. */
  readonly total?: number;
}

/** Queues a job inside the caller's tenant transaction, so it exists only if that commits. */
export async function enqueueJob(tx: Tx, job: NewJob): Promise<string> {
  const id = randomUUID();
  await tx
    .insertInto('jobs')
    .values({
      id,
      organisation_id: job.organisationId,
      round_id: job.roundId,
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      created_by: job.createdBy,
      total: job.total ?? null,
      ...(job.runAfter ? { run_after: job.runAfter } : {}),
    })
    .execute();
  return id;
}
