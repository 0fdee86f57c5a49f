import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRawResponsesImport, rawResponsesJob } from '../../src/app/history-import/raw-responses-job.ts';
import { uploadResponseFile } from '../../src/app/history-import/import-raw-responses.ts';
import type { JobContext } from '../../src/app/jobs/job-handler.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The background import of a large response file: 2,500 rows in batches of 1,000. Stopped after
// the first batch it resumes without doubling anything; stopped on its last attempt it removes
// the half-filled round.

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t.close());

const actor = () => ({ organisationId: t.orgA, userId: null });
const CSV = ['algemeen.cijfer', ...Array.from({ length: 2500 }, (_, i) => String(1 + (i % 10)))].join('\n');

async function queued(): Promise<{ id: string; payload: Record<string, unknown> }> {
  const upload = await uploadResponseFile(t.database.db, actor(), { fileName: 'groot.csv', bytes: Buffer.from(CSV) });
  if (!upload.ok) throw new Error('upload');
  const started = await startRawResponsesImport(t.database.db, actor(), {
    name: 'KTO 2019', year: 2019, uploadId: upload.value, channel: 'web', skipUnreadable: false,
    mapping: [{ column: 0, itemKey: 'algemeen.cijfer', recoding: new Map() }],
  });
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  const job = await withTenant(t.database.db, t.orgA, (tx) => tx.selectFrom('jobs').select(['id', 'payload', 'total']).where('id', '=', started.value.jobId).executeTakeFirstOrThrow());
  expect(job.total).toBe(2500);
  return { id: job.id, payload: job.payload as Record<string, unknown> };
}

/** A run of the job that stops with an error at the given progress report (never, by default). */
function context(job: { id: string; payload: Record<string, unknown> }, attempt: number, stopAt = Infinity): JobContext {
  let reports = 0;
  return {
    db: t.database.db, secret: 'test-secret', publicUrl: 'http://localhost', signal: new AbortController().signal,
    job: { id: job.id, organisationId: t.orgA, roundId: null, kind: 'raw-responses-import', payload: job.payload, createdBy: null, attempt },
    async progress() {
      if (++reports >= stopAt) throw new Error('the machine stopped');
    },
  };
}

const roundsNamed = (name: string) => withTenant(t.database.db, t.orgA, async (tx) => {
  const rounds = await tx.selectFrom('rounds').select(['id', 'status']).where('name', '=', name).execute();
  const responses = rounds.length ? await tx.selectFrom('responses').select((eb) => eb.fn.countAll<string>().as('n')).where('round_id', '=', rounds[0]!.id).executeTakeFirstOrThrow() : { n: '0' };
  return { rounds, responses: Number(responses.n) };
});

describe('the background import of a response file', () => {
  it('resumes after a stop without doubling a response, and closes the round at the end', async () => {
    const job = await queued();
    await expect(rawResponsesJob(context(job, 1, 2))).rejects.toThrow('the machine stopped');
    const halfway = await roundsNamed('KTO 2019');
    expect(halfway.rounds.map((r) => r.status)).toEqual(['draft']);
    expect(halfway.responses).toBe(1000);
    expect(await rawResponsesJob(context(job, 2))).toMatchObject({ responses: 2500 });
    const done = await roundsNamed('KTO 2019');
    expect(done.rounds.map((r) => r.status)).toEqual(['closed']);
    expect(done.responses).toBe(2500);
    const uploads = await withTenant(t.database.db, t.orgA, (tx) => tx.selectFrom('response_uploads').select('id').execute());
    expect(uploads).toEqual([]);
  });

  it('removes the half-filled round when its last attempt fails', async () => {
    await withTenant(t.database.db, t.orgA, (tx) => tx.updateTable('rounds').set({ name: 'KTO 2019 (eerder)' }).where('name', '=', 'KTO 2019').execute());
    const job = await queued();
    await expect(rawResponsesJob(context(job, 3, 2))).rejects.toThrow('the machine stopped');
    expect(await roundsNamed('KTO 2019')).toEqual({ rounds: [], responses: 0 });
  });
});
