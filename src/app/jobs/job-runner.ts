import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  claimNextJob, markCancelledJobStopped, markJobDone, markJobFailed, renewJob, requeueJob, type ClaimedJob,
} from '../../db/job-store.ts';
import type { DB } from '../../db/schema.ts';
import { withSystem } from '../../db/tenant-transaction.ts';
import type { JobContext, JobHandler } from './job-handler.ts';
import { safeJobError } from './safe-job-error.ts';

// Works the jobs table: claim one ready job, run its handler, record the outcome, repeat.
// Each instance works one job at a time; several instances on one PostgreSQL share the queue.

export const MAX_ATTEMPTS = 3;

export interface JobRunnerOptions {
  readonly db: Kysely<DB>;
  readonly secret: string;
  readonly publicUrl: string;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** Names this instance in jobs.locked_by; defaults to host, process id and a random part. */
  readonly instanceId?: string;
  /** How often to look for work when the queue is empty. */
  readonly pollMs?: number;
  /** How long a claim lasts without a sign of life before another instance may take the job. */
  readonly leaseMs?: number;
  /**
   * Claim only jobs of these kinds (the command line cannot print letters, which need the web
   * layer); by default every job is claimed and a kind without a handler fails.
   */
  readonly onlyKinds?: readonly string[];
  /** Wait before retrying a failed attempt: retryDelayMs × 4^(attempt−1). */
  readonly retryDelayMs?: number;
}

export interface JobRunner {
  /** Aborts the running handler, waits for it to stop and puts its job back to be resumed. */
  stop(): Promise<void>;
}

const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_POLL_MS = 1_000;
const DEFAULT_RETRY_DELAY_MS = 30_000;
/** Progress is written at most this often (plus always for the last item and new messages). */
const PROGRESS_WRITE_MS = 250;

function defaultInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

interface Settings {
  readonly db: Kysely<DB>;
  readonly secret: string;
  readonly publicUrl: string;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  readonly instanceId: string;
  readonly leaseMs: number;
  readonly retryDelayMs: number;
  readonly onlyKinds: readonly string[] | undefined;
}

function settingsOf(options: JobRunnerOptions): Settings {
  return {
    db: options.db,
    secret: options.secret,
    publicUrl: options.publicUrl,
    handlers: options.handlers,
    instanceId: options.instanceId ?? defaultInstanceId(),
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
    onlyKinds: options.onlyKinds,
  };
}

/** Claims and runs one job; false when none was ready. `stopping` aborts it for a shutdown. */
async function runOneJob(settings: Settings, stopping: AbortSignal): Promise<boolean> {
  const { db, instanceId, leaseMs } = settings;
  const job = await withSystem(db, (tx) => claimNextJob(tx, instanceId, leaseMs, settings.onlyKinds));
  if (!job) return false;
  await runClaimedJob(settings, job, stopping);
  return true;
}

async function runClaimedJob(settings: Settings, job: ClaimedJob, stopping: AbortSignal): Promise<void> {
  const { db, instanceId, leaseMs } = settings;
  const handler = Object.hasOwn(settings.handlers, job.kind) ? settings.handlers[job.kind] : undefined;
  if (!handler) {
    await withSystem(db, (tx) => markJobFailed(tx, job.id, instanceId, `Unknown job kind "${job.kind}": this version of Klantstem cannot run it.`));
    return;
  }
  if (job.attempts > MAX_ATTEMPTS) {
    // Claimed again after its instance died each time: a job that kills its process must not
    // take down every instance in turn.
    await withSystem(db, (tx) => markJobFailed(tx, job.id, instanceId, `Stopped after ${MAX_ATTEMPTS} attempts that did not finish.`));
    return;
  }

  const controller = new AbortController();
  let lostBecause: 'cancelled' | 'lost' | undefined;
  const onStopping = () => controller.abort(new Error('The job runner is stopping.'));
  stopping.addEventListener('abort', onStopping);
  if (stopping.aborted) onStopping();

  let lastDone: number | undefined;
  let lastWrite = 0;
  let pending: { done?: number; total?: number; message?: string } = {};
  // One write at a time: progress() from a handler and the heartbeat share this chain.
  let writing: Promise<void> = Promise.resolve();
  const write = (update: typeof pending): Promise<void> => {
    writing = writing.then(async () => {
      if (lostBecause) return;
      const outcome = await withSystem(db, (tx) => renewJob(tx, job.id, instanceId, leaseMs, update));
      lastWrite = Date.now();
      if (!outcome.held) {
        lostBecause = outcome.status === 'cancelled' ? 'cancelled' : 'lost';
        controller.abort(new Error(lostBecause === 'cancelled' ? 'The job was cancelled.' : 'Another instance took over the job.'));
      }
    });
    return writing;
  };
  const heartbeat = setInterval(() => {
    const update = pending;
    pending = {};
    write(update).catch((error: unknown) => console.error(`Job ${job.id}: renewing the lease failed: ${safeJobError(error)}`));
  }, Math.max(50, Math.floor(leaseMs / 3)));

  const context: JobContext = {
    db,
    secret: settings.secret,
    publicUrl: settings.publicUrl,
    job: {
      id: job.id,
      organisationId: job.organisationId,
      roundId: job.roundId,
      kind: job.kind,
      payload: job.payload,
      createdBy: job.createdBy,
      attempt: job.attempts,
    },
    async progress(done, total, message) {
      lastDone = done;
      pending = {
        done,
        ...(total !== undefined ? { total } : pending.total !== undefined ? { total: pending.total } : {}),
        ...(message !== undefined ? { message } : pending.message !== undefined ? { message: pending.message } : {}),
      };
      const finished = total !== undefined && done >= total;
      if (message === undefined && !finished && Date.now() - lastWrite < PROGRESS_WRITE_MS) return;
      const update = pending;
      pending = {};
      await write(update);
    },
    signal: controller.signal,
  };

  let outcome: { ok: true; result: Record<string, unknown> | void } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, result: await handler(context) };
  } catch (error) {
    outcome = { ok: false, error };
  } finally {
    clearInterval(heartbeat);
    stopping.removeEventListener('abort', onStopping);
  }
  await writing.catch(() => undefined);

  await withSystem(db, async (tx) => {
    if (lostBecause === 'cancelled') return markCancelledJobStopped(tx, job.id, instanceId);
    if (lostBecause === 'lost') return;
    if (outcome.ok) {
      const stored = await markJobDone(tx, job.id, instanceId, outcome.result ?? null, lastDone);
      if (!stored) console.error(`Job ${job.id} (${job.kind}) finished but was no longer held by this instance.`);
      return;
    }
    if (stopping.aborted) {
      // Interrupted by a shutdown: due again at once, for this or another instance.
      return requeueJob(tx, job.id, instanceId, 0, null);
    }
    const message = safeJobError(outcome.error);
    console.error(`Job ${job.id} (${job.kind}) attempt ${job.attempts} failed: ${message}`);
    if (job.attempts < MAX_ATTEMPTS) {
      return requeueJob(tx, job.id, instanceId, settings.retryDelayMs * 4 ** (job.attempts - 1), message);
    }
    return markJobFailed(tx, job.id, instanceId, message);
  });
}

/** Claims and runs jobs until none is ready (jobs waiting for a later run_after are left). */
export async function runJobsUntilIdle(options: JobRunnerOptions): Promise<{ ran: number }> {
  const settings = settingsOf(options);
  const never = new AbortController().signal;
  let ran = 0;
  while (await runOneJob(settings, never)) ran += 1;
  return { ran };
}

/** Works the queue in the background until stop() is called. */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const settings = settingsOf(options);
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const stopping = new AbortController();
  let wake: (() => void) | undefined;

  const loop = async () => {
    while (!stopping.signal.aborted) {
      let ranOne = false;
      try {
        ranOne = await runOneJob(settings, stopping.signal);
      } catch (error) {
        // The database is unreachable or a bug in the runner: try again after a pause.
        console.error(`Job runner: ${safeJobError(error)}`);
      }
      if (ranOne || stopping.signal.aborted) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };
  const running = loop();

  return {
    async stop() {
      stopping.abort();
      wake?.();
      await running;
    },
  };
}
