import { sql } from 'kysely';
import type { JobStatus } from './fieldwork-schema.ts';
import type { Tx } from './tenant-transaction.ts';

// Durable jobs. The runner claims across organisations (withSystem); the pages read within a
// tenant (withTenant). All times come from the database clock, so instances with skewed clocks
// still agree on who holds a lease.

export interface ClaimedJob {
  readonly id: string;
  readonly organisationId: string;
  readonly roundId: string | null;
  readonly kind: string;
  readonly payload: Record<string, unknown>;
  readonly createdBy: string | null;
  /** Including this run: 1 on the first run. */
  readonly attempts: number;
  readonly progress: number;
  readonly total: number | null;
}

export interface JobView {
  readonly id: string;
  readonly organisationId: string;
  readonly roundId: string | null;
  readonly kind: string;
  readonly status: JobStatus;
  readonly progress: number;
  readonly total: number | null;
  readonly message: string | null;
  readonly result: Record<string, unknown> | null;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface JobFile {
  /** The id of the file's first part; used in download links. */
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly parts: number;
  readonly bytes: number;
}

const viewColumns = [
  'jobs.id',
  'jobs.organisation_id as organisationId',
  'jobs.round_id as roundId',
  'jobs.kind',
  'jobs.status',
  'jobs.progress',
  'jobs.total',
  'jobs.message',
  'jobs.result',
  'jobs.attempts',
  'jobs.created_at as createdAt',
  'jobs.started_at as startedAt',
  'jobs.finished_at as finishedAt',
] as const;

/**
 * Takes the next ready job of any organisation: queued and due, or running under an expired
 * lease (its instance died). SKIP LOCKED lets instances sharing one PostgreSQL claim in
 * parallel without ever taking the same row.
 */
export async function claimNextJob(
  tx: Tx, instanceId: string, leaseMs: number, onlyKinds?: readonly string[],
): Promise<ClaimedJob | undefined> {
  const kindFilter = onlyKinds ? sql`and kind = any(${[...onlyKinds]}::text[])` : sql``;
  const result = await sql<{
    id: string; organisation_id: string; round_id: string | null; kind: string;
    payload: Record<string, unknown>; created_by: string | null; attempts: number; progress: number; total: number | null;
  }>`
    update jobs set
      status = 'running',
      locked_by = ${instanceId},
      locked_until = now() + ${leaseMs} * interval '1 millisecond',
      attempts = attempts + 1,
      started_at = coalesce(started_at, now())
    where id = (
      select id from jobs
      where ((status = 'queued' and run_after <= now())
         or (status = 'running' and locked_until < now()))
      ${kindFilter}
      order by run_after, created_at
      limit 1
      for update skip locked
    )
    returning id, organisation_id, round_id, kind, payload, created_by, attempts, progress, total
  `.execute(tx);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    id: row.id, organisationId: row.organisation_id, roundId: row.round_id, kind: row.kind,
    payload: row.payload ?? {}, createdBy: row.created_by, attempts: row.attempts,
    progress: row.progress, total: row.total,
  };
}

export interface ProgressUpdate {
  readonly done?: number;
  readonly total?: number;
  readonly message?: string;
}

/**
 * Records progress and renews the lease, if this instance still holds the job. Returns the
 * job's status when it no longer does ('cancelled', or another status after a lost lease).
 */
export async function renewJob(
  tx: Tx, jobId: string, instanceId: string, leaseMs: number, update: ProgressUpdate,
): Promise<{ held: true } | { held: false; status: JobStatus | undefined }> {
  const renewed = await tx
    .updateTable('jobs')
    .set({
      locked_until: sql`now() + ${leaseMs} * interval '1 millisecond'`,
      ...(update.done !== undefined ? { progress: update.done } : {}),
      ...(update.total !== undefined ? { total: update.total } : {}),
      ...(update.message !== undefined ? { message: update.message } : {}),
    })
    .where('id', '=', jobId)
    .where('locked_by', '=', instanceId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (Number(renewed.numUpdatedRows) > 0) return { held: true };
  const row = await tx.selectFrom('jobs').select('status').where('id', '=', jobId).executeTakeFirst();
  return { held: false, status: row?.status };
}

export async function markJobDone(
  tx: Tx, jobId: string, instanceId: string, result: Record<string, unknown> | null, done: number | undefined,
): Promise<boolean> {
  const updated = await tx
    .updateTable('jobs')
    .set({
      status: 'done',
      result: result === null ? null : JSON.stringify(result),
      progress: done === undefined ? sql`coalesce(total, progress)` : done,
      locked_by: null,
      locked_until: null,
      finished_at: sql`now()`,
    })
    .where('id', '=', jobId)
    .where('locked_by', '=', instanceId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export async function markJobFailed(tx: Tx, jobId: string, instanceId: string, message: string): Promise<void> {
  await tx
    .updateTable('jobs')
    .set({ status: 'failed', message, locked_by: null, locked_until: null, finished_at: sql`now()` })
    .where('id', '=', jobId)
    .where('locked_by', '=', instanceId)
    .where('status', '=', 'running')
    .execute();
}

/** Puts the job back in the queue, due after delayMs (a retry, or 0 when this instance stops). */
export async function requeueJob(tx: Tx, jobId: string, instanceId: string, delayMs: number, message: string | null): Promise<void> {
  await tx
    .updateTable('jobs')
    .set({
      status: 'queued',
      run_after: sql`now() + ${delayMs} * interval '1 millisecond'`,
      locked_by: null,
      locked_until: null,
      ...(message !== null ? { message } : {}),
    })
    .where('id', '=', jobId)
    .where('locked_by', '=', instanceId)
    .where('status', '=', 'running')
    .execute();
}

/** A cancelled job that was running: record when its handler actually stopped. */
export async function markCancelledJobStopped(tx: Tx, jobId: string, instanceId: string): Promise<void> {
  await tx
    .updateTable('jobs')
    .set({ locked_by: null, locked_until: null, finished_at: sql`now()` })
    .where('id', '=', jobId)
    .where('locked_by', '=', instanceId)
    .where('status', '=', 'cancelled')
    .execute();
}

/** Cancels a queued or running job of the tenant; false when it had already ended. */
export async function cancelJob(tx: Tx, organisationId: string, jobId: string): Promise<boolean> {
  const updated = await tx
    .updateTable('jobs')
    .set({ status: 'cancelled', finished_at: sql`now()` })
    .where('id', '=', jobId)
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export async function findJob(tx: Tx, organisationId: string, jobId: string): Promise<JobView | undefined> {
  const row = await tx
    .selectFrom('jobs')
    .select(viewColumns)
    .where('jobs.id', '=', jobId)
    .where('jobs.organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row as JobView | undefined;
}

export async function jobsOfRound(tx: Tx, organisationId: string, roundId: string, limit = 50): Promise<JobView[]> {
  const rows = await tx
    .selectFrom('jobs')
    .select(viewColumns)
    .where('jobs.organisation_id', '=', organisationId)
    .where('jobs.round_id', '=', roundId)
    .orderBy('jobs.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows as JobView[];
}

export async function recentJobs(tx: Tx, organisationId: string, limit = 50): Promise<JobView[]> {
  const rows = await tx
    .selectFrom('jobs')
    .select(viewColumns)
    .where('jobs.organisation_id', '=', organisationId)
    .orderBy('jobs.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows as JobView[];
}

/** For the CLI (withSystem): the latest jobs of every organisation, with its slug. */
export async function recentJobsOfAllOrganisations(tx: Tx, limit = 50): Promise<(JobView & { organisationSlug: string })[]> {
  const rows = await tx
    .selectFrom('jobs')
    .innerJoin('organisations', 'organisations.id', 'jobs.organisation_id')
    .select([...viewColumns, 'organisations.slug as organisationSlug'])
    .orderBy('jobs.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows as (JobView & { organisationSlug: string })[];
}

/** The files a job produced, one entry per name however many parts it was stored in. */
export async function jobFiles(tx: Tx, organisationId: string, jobId: string): Promise<JobFile[]> {
  const rows = await tx
    .selectFrom('job_files')
    .select([
      'name',
      sql<string>`(array_agg(id order by part))[1]`.as('id'),
      sql<string>`(array_agg(content_type order by part))[1]`.as('contentType'),
      sql<number>`count(*)::int`.as('parts'),
      sql<number>`sum(octet_length(bytes))::bigint`.as('bytes'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('job_id', '=', jobId)
    .groupBy('name')
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ ...row, bytes: Number(row.bytes) }));
}

/** The file whose first part has this id, if it belongs to the job. */
export async function findJobFile(tx: Tx, organisationId: string, jobId: string, fileId: string): Promise<JobFile | undefined> {
  const files = await jobFiles(tx, organisationId, jobId);
  return files.find((file) => file.id === fileId);
}

/** The ids of a file's parts in order, so they can be streamed one at a time. */
export async function jobFilePartIds(tx: Tx, organisationId: string, jobId: string, name: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('job_files')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('job_id', '=', jobId)
    .where('name', '=', name)
    .orderBy('part')
    .execute();
  return rows.map((row) => row.id);
}

export async function jobFilePart(tx: Tx, organisationId: string, partId: string): Promise<Buffer | undefined> {
  const row = await tx
    .selectFrom('job_files')
    .select('bytes')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', partId)
    .executeTakeFirst();
  return row?.bytes;
}

/** Replaces a job's file of this name with the given parts (idempotent when a job is re-run). */
export async function replaceJobFile(
  tx: Tx,
  file: { organisationId: string; jobId: string; name: string; contentType: string; parts: readonly { id: string; bytes: Buffer }[] },
): Promise<void> {
  await tx.deleteFrom('job_files').where('job_id', '=', file.jobId).where('name', '=', file.name).execute();
  for (const [part, { id, bytes }] of file.parts.entries()) {
    await tx
      .insertInto('job_files')
      .values({ id, organisation_id: file.organisationId, job_id: file.jobId, part, name: file.name, content_type: file.contentType, bytes })
      .execute();
  }
}
