import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../src/app/create-organisation.ts';
import { enqueueJob, type NewJob } from '../../src/app/jobs/enqueue-job.ts';
import type { JobContext, JobHandler } from '../../src/app/jobs/job-handler.ts';
import { runJobsUntilIdle, startJobRunner } from '../../src/app/jobs/job-runner.ts';
import { connect, type Database } from '../../src/db/connect.ts';
import { cancelJob } from '../../src/db/job-store.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { createTestDatabase, testDatabaseKind } from '../support/test-database.ts';

let database: Database;
let orgId: string;
const secret = 'job-runner-test-secret-0123456789abcdef';
const publicUrl = 'https://kto.example.nl';

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await createOrganisation(database.db, { slug: 'jobs-alfa', name: 'Gemeente Alfa' });
  if (!created.ok) throw new Error(created.error);
  orgId = created.value.id;
});

afterAll(async () => {
  await database.close();
});

async function enqueue(kind: string, extra: Partial<NewJob> = {}): Promise<string> {
  return withTenant(database.db, orgId, (tx) =>
    enqueueJob(tx, { organisationId: orgId, roundId: null, kind, createdBy: null, ...extra }));
}

async function jobRow(id: string) {
  return withSystem(database.db, (tx) => tx.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

function run(handlers: Record<string, JobHandler>, extra: { retryDelayMs?: number; instanceId?: string } = {}) {
  return runJobsUntilIdle({ db: database.db, secret, publicUrl, handlers, ...extra });
}

describe('job runner', () => {
  it('runs a job, gives the handler its context and records progress and result', async () => {
    const id = await enqueue('count', { payload: { upTo: 5 }, total: 5 });
    const seen: JobContext['job'][] = [];
    const outcome = await run({
      count: async (context) => {
        seen.push(context.job);
        expect(context.secret).toBe(secret);
        expect(context.publicUrl).toBe(publicUrl);
        const upTo = context.job.payload.upTo as number;
        for (let i = 1; i <= upTo; i++) await context.progress(i, upTo, `Item ${i}`);
        return { counted: upTo };
      },
    });
    expect(outcome.ran).toBe(1);
    expect(seen).toEqual([{ id, organisationId: orgId, roundId: null, kind: 'count', payload: { upTo: 5 }, createdBy: null, attempt: 1 }]);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'done', progress: 5, total: 5, message: 'Item 5', result: { counted: 5 }, attempts: 1, locked_by: null });
    expect(row.started_at).toBeInstanceOf(Date);
    expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at!.getTime());
  });

  it('records the last progress even when it was reported faster than it is written', async () => {
    const id = await enqueue('fast');
    await run({
      fast: async (context) => {
        for (let i = 1; i <= 1000; i++) await context.progress(i);
      },
    });
    expect(await jobRow(id)).toMatchObject({ status: 'done', progress: 1000, result: null });
  });

  it('retries a handler that throws, and it succeeds on the third attempt', async () => {
    const id = await enqueue('flaky');
    const attempts: number[] = [];
    await run({
      flaky: async (context) => {
        attempts.push(context.job.attempt);
        if (context.job.attempt < 3) throw new Error(`Server busy (attempt ${context.job.attempt})`);
        return { ok: true };
      },
    }, { retryDelayMs: 0 });
    expect(attempts).toEqual([1, 2, 3]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 3, result: { ok: true } });
  });

  it('waits before a retry: a failed job is queued for later, not run again at once', async () => {
    const id = await enqueue('fails-once');
    let calls = 0;
    const outcome = await run({ 'fails-once': async () => { calls += 1; throw new Error('Temporarily unavailable'); } }, { retryDelayMs: 60_000 });
    expect(outcome.ran).toBe(1);
    expect(calls).toBe(1);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, message: 'Temporarily unavailable', locked_by: null });
    const delayed = await withSystem(database.db, (tx) =>
      sql<{ seconds: number }>`select extract(epoch from run_after - now())::float8 as seconds from jobs where id = ${id}`.execute(tx));
    expect(delayed.rows[0]!.seconds).toBeGreaterThan(50);
    await withSystem(database.db, (tx) => tx.updateTable('jobs').set({ status: 'cancelled' }).where('id', '=', id).execute());
  });

  it('fails a job after three failed attempts, with the message but without e-mail addresses', async () => {
    const id = await enqueue('broken');
    let calls = 0;
    await run({
      broken: async () => {
        calls += 1;
        throw new Error('550 Mailbox <jan.jansen@example.nl> unavailable');
      },
    }, { retryDelayMs: 0 });
    expect(calls).toBe(3);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.message).toBe('550 Mailbox <[e-mailadres]> unavailable');
    expect(row.finished_at).toBeInstanceOf(Date);
  });

  it('fails a job of an unknown kind with a clear message, without running anything', async () => {
    const id = await enqueue('no-such-kind');
    await run({});
    const row = await jobRow(id);
    expect(row.status).toBe('failed');
    expect(row.message).toContain('Unknown job kind "no-such-kind"');
  });

  it('with onlyKinds claims only those kinds and leaves the others queued (the CLI cannot print letters)', async () => {
    const a = await enqueue('cli-kind');
    const b = await enqueue('server-kind');
    const ran: string[] = [];
    await runJobsUntilIdle({ db: database.db, secret, publicUrl, handlers: { 'cli-kind': async (c) => { ran.push(c.job.kind); } }, onlyKinds: ['cli-kind'] });
    expect(ran).toEqual(['cli-kind']);
    expect((await jobRow(a)).status).toBe('done');
    expect((await jobRow(b)).status).toBe('queued');
    await withSystem(database.db, (tx) => tx.updateTable('jobs').set({ status: 'cancelled' }).where('id', '=', b).execute());
  });

  it('does not run a job before its run_after', async () => {
    const id = await enqueue('later', { runAfter: new Date(Date.now() + 3_600_000) });
    let calls = 0;
    expect((await run({ later: async () => { calls += 1; } })).ran).toBe(0);
    expect(calls).toBe(0);
    expect((await jobRow(id)).status).toBe('queued');
    await withSystem(database.db, (tx) => tx.updateTable('jobs').set({ status: 'cancelled' }).where('id', '=', id).execute());
  });

  it('resumes a job whose instance crashed (expired lease) as attempt 2, where it stopped', async () => {
    await withSystem(database.db, (tx) => sql`create table test_job_items (job_id uuid, item int, primary key (job_id, item))`.execute(tx));
    const id = await enqueue('items', { total: 10 });
    // The crashed instance had done items 1-4 and then died holding the job.
    await withSystem(database.db, async (tx) => {
      await sql`insert into test_job_items select ${id}::uuid, g from generate_series(1, 4) g`.execute(tx);
      await tx.updateTable('jobs').set({
        status: 'running', attempts: 1, progress: 4, locked_by: 'crashed-instance',
        locked_until: sql`now() - interval '1 second'`, started_at: sql`now() - interval '5 minutes'`,
      }).where('id', '=', id).execute();
    });
    const resumedFrom: number[] = [];
    let attempt = 0;
    await run({
      items: async (context) => {
        attempt = context.job.attempt;
        const done = await sql<{ last: number | null }>`select max(item) as last from test_job_items where job_id = ${context.job.id}`.execute(context.db);
        const from = (done.rows[0]!.last ?? 0) + 1;
        resumedFrom.push(from);
        for (let item = from; item <= 10; item++) {
          await sql`insert into test_job_items values (${context.job.id}, ${item})`.execute(context.db);
          await context.progress(item, 10);
        }
        return { items: 10 };
      },
    }, { instanceId: 'rescuer' });
    expect(attempt).toBe(2);
    expect(resumedFrom).toEqual([5]);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'done', attempts: 2, progress: 10, result: { items: 10 } });
    const items = await withSystem(database.db, (tx) => sql<{ n: number }>`select count(*)::int as n from test_job_items where job_id = ${id}`.execute(tx));
    expect(items.rows[0]!.n).toBe(10);
  });

  it('keeps the lease alive while a handler works without reporting progress', async () => {
    const id = await enqueue('slow');
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let started!: () => void;
    const isRunning = new Promise<void>((resolve) => { started = resolve; });
    const runner = startJobRunner({
      db: database.db, secret, publicUrl, pollMs: 20, leaseMs: 300, instanceId: 'slow-worker',
      handlers: { slow: async () => { started(); await released; return { slow: true }; } },
    });
    try {
      await isRunning;
      // Three lease periods later another instance still finds nothing to take over.
      await new Promise((resolve) => setTimeout(resolve, 900));
      let stolen = 0;
      expect((await run({ slow: async () => { stolen += 1; } }, { instanceId: 'thief' })).ran).toBe(0);
      expect(stolen).toBe(0);
      expect((await jobRow(id)).locked_by).toBe('slow-worker');
      release();
      for (let i = 0; i < 200 && (await jobRow(id)).status !== 'done'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 1, result: { slow: true } });
    } finally {
      release();
      await runner.stop();
    }
  });

  it('leaves a job with a live lease alone', async () => {
    const id = await enqueue('held');
    await withSystem(database.db, (tx) => tx.updateTable('jobs').set({
      status: 'running', attempts: 1, locked_by: 'other-instance', locked_until: sql`now() + interval '1 minute'`,
    }).where('id', '=', id).execute());
    let calls = 0;
    expect((await run({ held: async () => { calls += 1; } })).ran).toBe(0);
    expect(calls).toBe(0);
    await withSystem(database.db, (tx) => tx.updateTable('jobs').set({ status: 'cancelled' }).where('id', '=', id).execute());
  });

  it('aborts the handler at its next progress() once the job is cancelled', async () => {
    const id = await enqueue('long', { total: 1000 });
    let reached = 0;
    let abortedAt: number | undefined;
    await run({
      long: async (context) => {
        for (let i = 1; i <= 1000; i++) {
          if (context.signal.aborted) {
            abortedAt = i;
            return { stoppedAt: i };
          }
          if (i === 10) await withTenant(context.db, orgId, (tx) => cancelJob(tx, orgId, id));
          reached = i;
          await context.progress(i, 1000, `Item ${i}`);
        }
        return { all: true };
      },
    });
    expect(abortedAt).toBe(11);
    expect(reached).toBe(10);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'cancelled', result: null, locked_by: null });
    expect(row.finished_at).toBeInstanceOf(Date);
  });

  it('stop() aborts the running handler and leaves its job to be resumed', async () => {
    const id = await enqueue('waits');
    let started!: () => void;
    const isRunning = new Promise<void>((resolve) => { started = resolve; });
    let sawAbort = false;
    const runner = startJobRunner({
      db: database.db, secret, publicUrl, pollMs: 20,
      handlers: {
        waits: (context) => new Promise((_resolve, reject) => {
          started();
          context.signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(context.signal.reason as Error);
          });
        }),
      },
    });
    await isRunning;
    await runner.stop();
    expect(sawAbort).toBe(true);
    expect(await jobRow(id)).toMatchObject({ status: 'queued', attempts: 1, locked_by: null, message: null });

    const attempts: number[] = [];
    await run({ waits: async (context) => { attempts.push(context.job.attempt); } });
    expect(attempts).toEqual([2]);
    expect((await jobRow(id)).status).toBe('done');
  });

  it('the background runner picks up work queued while it waits', async () => {
    const ran: string[] = [];
    const runner = startJobRunner({
      db: database.db, secret, publicUrl, pollMs: 20,
      handlers: { note: async (context) => { ran.push(context.job.id); } },
    });
    try {
      const id = await enqueue('note');
      for (let i = 0; i < 200 && ran.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(ran).toEqual([id]);
    } finally {
      await runner.stop();
    }
  });
});

describe.runIf(testDatabaseKind === 'postgres')('two instances on one PostgreSQL', () => {
  it('work 40 quick jobs concurrently, each exactly once', async () => {
    const name = await withSystem(database.db, (tx) => sql<{ name: string }>`select current_database() as name`.execute(tx));
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name.rows[0]!.name}`;
    const second = await connect({ databaseUrl: url.toString(), poolSize: 3 });
    try {
      await withSystem(database.db, (tx) => sql`create table test_job_runs (job_id uuid not null, instance text not null)`.execute(tx));
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) ids.push(await enqueue('quick', { payload: { i } }));
      const quick = (instance: string): JobHandler => async (context) => {
        await sql`insert into test_job_runs values (${context.job.id}, ${instance})`.execute(context.db);
        await new Promise((resolve) => setTimeout(resolve, 5));
      };
      const [a, b] = await Promise.all([
        runJobsUntilIdle({ db: database.db, secret, publicUrl, handlers: { quick: quick('a') }, instanceId: 'a' }),
        runJobsUntilIdle({ db: second.db, secret, publicUrl, handlers: { quick: quick('b') }, instanceId: 'b' }),
      ]);
      expect(a.ran + b.ran).toBe(40);
      // Both instances took part (each job sleeps, so neither can drain the queue alone).
      expect(a.ran).toBeGreaterThan(0);
      expect(b.ran).toBeGreaterThan(0);
      const runs = await withSystem(database.db, (tx) =>
        sql<{ job_id: string; n: number }>`select job_id, count(*)::int as n from test_job_runs group by job_id`.execute(tx));
      expect(runs.rows.length).toBe(40);
      expect(runs.rows.every((row) => row.n === 1)).toBe(true);
      expect(new Set(runs.rows.map((row) => row.job_id))).toEqual(new Set(ids));
      const statuses = await withSystem(database.db, (tx) =>
        tx.selectFrom('jobs').select('status').where('id', 'in', ids).execute());
      expect(statuses.every((row) => row.status === 'done')).toBe(true);
    } finally {
      await second.close();
    }
  });
});
