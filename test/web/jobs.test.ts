import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../src/app/jobs/enqueue-job.ts';
import type { JobHandler } from '../../src/app/jobs/job-handler.ts';
import { runJobsUntilIdle } from '../../src/app/jobs/job-runner.ts';
import { saveJobFile } from '../../src/app/jobs/save-job-file.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { jobSummaryList } from '../../src/web/jobs/job-summary-list.ts';
import { translator } from '../../src/web/i18n/translate.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let roundId: string;
let lettersJob: string;
let runningJob: string;
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10_000, 7), Buffer.from('\n%%EOF\n')]);

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

async function enqueue(kind: string, total?: number): Promise<string> {
  return withTenant(t.database.db, t.orgA, (tx) =>
    enqueueJob(tx, { organisationId: t.orgA, roundId, kind, createdBy: null, ...(total !== undefined ? { total } : {}) }));
}

const letters: JobHandler = async (context) => {
  for (let done = 400; done <= 1200; done += 400) await context.progress(done, 1200, `${done} brieven gemaakt`);
  await withTenant(context.db, context.job.organisationId, (tx) =>
    // Small parts, so the download must put three of them together in order.
    saveJobFile(tx, { organisationId: context.job.organisationId, jobId: context.job.id, name: 'brieven-ronde 2026.pdf', contentType: 'application/pdf', bytes: pdf }, 4_000));
  return { letters: 1200 };
};

beforeAll(async () => {
  t = await createTestApp();
  roundId = (await createFieldworkRound(t.database.db, t.orgA)).roundId;
  lettersJob = await enqueue('letters', 1200);
  await runJobsUntilIdle({ db: t.database.db, secret: 'x'.repeat(32), publicUrl: 'https://kto.example.nl', handlers: { letters } });
  // A job that is half-way: as a runner would have left it between two progress reports.
  runningJob = await enqueue('email-invitations', 5000);
  await withSystem(t.database.db, (tx) => tx.updateTable('jobs').set({
    status: 'running', progress: 1200, attempts: 1, started_at: new Date(), locked_by: 'elsewhere', locked_until: new Date(Date.now() + 60_000),
    message: 'E-mails worden verstuurd',
  }).where('id', '=', runningJob).execute());
});

afterAll(async () => {
  await t.close();
});

describe('job page', () => {
  it('shows a finished job with its progress, times and the file as a download', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const page = await client.get(`/jobs/${lettersJob}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="utrecht-heading-1">Taak: Brieven maken</h1>');
    expect(page.body).toMatch(/<dd data-job-status>Klaar<\/dd>/);
    expect(page.body).toMatch(/<progress [^>]*max="1200" value="1200" aria-label="Voortgang van Brieven maken">/);
    expect(page.body).toContain('1.200 van 1.200');
    expect(page.body).toContain('1200 brieven gemaakt');
    expect(page.body).not.toContain('http-equiv="refresh"');
    expect(page.body).not.toContain('job-progress.js');
    expect(page.body).not.toContain(`/jobs/${lettersJob}/cancel`);
    const link = /href="(\/jobs\/[^"]+\/files\/[^"]+)" download>brieven-ronde 2026\.pdf downloaden \(10 kB\)</.exec(page.body);
    expect(link).not.toBeNull();

    const download = await client.get(link![1]!);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="brieven-ronde 2026.pdf"; filename*=UTF-8''brieven-ronde%202026.pdf`);
    expect(download.headers['cache-control']).toBe('private, no-store');
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('shows a running job as "1.200 van 5.000" with a reload link, live updates and a cancel button', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const page = await client.get(`/jobs/${runningJob}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Taak: Uitnodigingen e-mailen');
    expect(page.body).toMatch(/<dd data-job-status>Bezig<\/dd>/);
    expect(page.body).toMatch(/<progress [^>]*max="5000" value="1200"/);
    expect(page.body).toContain('1.200 van 5.000');
    expect(page.body).toContain('E-mails worden verstuurd');
    expect(page.body).toContain(`data-job-poll="/jobs/${runningJob}/progress.json"`);
    expect(page.body).toContain('<script src="/jobs/job-progress.js" defer></script>');
    expect(page.body).toContain(`href="/jobs/${runningJob}?refresh=2"`);
    expect(page.body).toContain(`href="/jobs/${runningJob}/cancel"`);
    expect(page.body).toContain('Deze taak heeft (nog) geen bestanden gemaakt.');

    const json = await client.get(`/jobs/${runningJob}/progress.json`);
    expect(json.json()).toEqual({
      status: 'running', statusText: 'Bezig', progress: 1200, total: 5000, countText: '1.200 van 5.000', message: 'E-mails worden verstuurd', active: true,
    });

    const script = await client.get('/jobs/job-progress.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.body).toContain('data-job-poll');
  });

  it('reloads itself every 2 seconds only when asked, and only while the job runs', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const auto = await client.get(`/jobs/${runningJob}?refresh=2`);
    expect(auto.body).toMatch(/<meta http-equiv="refresh" content="2">\s*<\/head>/);
    expect(auto.body).toContain('Stoppen met automatisch bijwerken');
    expect(auto.body).not.toContain('job-progress.js');
    const finished = await client.get(`/jobs/${lettersJob}?refresh=2`);
    expect(finished.body).not.toContain('http-equiv="refresh"');
  });

  it('speaks English when asked, with English number formatting', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const page = await client.get(`/jobs/${runningJob}?lang=en`);
    expect(page.body).toContain('Task: E-mail invitations');
    expect(page.body).toContain('1,200 of 5,000');
  });

  it('shows an unknown kind by its name', async () => {
    const id = await enqueue('count-sheep');
    const client = await signedIn('viewer@alfa.nl');
    const page = await client.get(`/jobs/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Taak: count-sheep');
    expect(page.body).toContain('Wacht op zijn beurt');
    expect(page.body).toContain('0 gedaan');
  });

  it('lets viewers see the page but not download files or cancel', async () => {
    const client = await signedIn('viewer@alfa.nl');
    const page = await client.get(`/jobs/${lettersJob}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('brieven-ronde 2026.pdf (10 kB)');
    expect(page.body).not.toContain('/files/');
    expect(page.body).toContain('Alleen onderzoekers en beheerders kunnen de bestanden downloaden.');
    const fileId = await withSystem(t.database.db, (tx) => tx.selectFrom('job_files').select('id').where('job_id', '=', lettersJob).where('part', '=', 0).executeTakeFirstOrThrow());
    expect((await client.get(`/jobs/${lettersJob}/files/${fileId.id}`)).statusCode).toBe(403);
    expect((await client.get(`/jobs/${runningJob}`)).body).not.toContain('/cancel');
    expect((await client.get(`/jobs/${runningJob}/cancel`)).statusCode).toBe(403);
  });

  it('gives another organisation a 404 for the page, the progress, the file and cancelling', async () => {
    const client = await signedIn('administrator@beta.nl');
    const fileId = await withSystem(t.database.db, (tx) => tx.selectFrom('job_files').select('id').where('job_id', '=', lettersJob).where('part', '=', 0).executeTakeFirstOrThrow());
    expect((await client.get(`/jobs/${lettersJob}`)).statusCode).toBe(404);
    expect((await client.get(`/jobs/${runningJob}/progress.json`)).statusCode).toBe(404);
    expect((await client.get(`/jobs/${lettersJob}/files/${fileId.id}`)).statusCode).toBe(404);
    expect((await client.get(`/jobs/${runningJob}/cancel`)).statusCode).toBe(404);
    await client.get('/rounds');
    expect((await client.post(`/jobs/${runningJob}/cancel`, {})).statusCode).toBe(404);
    const row = await withSystem(t.database.db, (tx) => tx.selectFrom('jobs').select('status').where('id', '=', runningJob).executeTakeFirstOrThrow());
    expect(row.status).toBe('running');
  });

  it('404s a file id of another job and ids that are not uuids', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const fileId = await withSystem(t.database.db, (tx) => tx.selectFrom('job_files').select('id').where('job_id', '=', lettersJob).where('part', '=', 0).executeTakeFirstOrThrow());
    expect((await client.get(`/jobs/${runningJob}/files/${fileId.id}`)).statusCode).toBe(404);
    expect((await client.get('/jobs/not-a-uuid')).statusCode).toBe(404);
    // The second part's id is not a file id.
    const second = await withSystem(t.database.db, (tx) => tx.selectFrom('job_files').select('id').where('job_id', '=', lettersJob).where('part', '=', 1).executeTakeFirstOrThrow());
    expect((await client.get(`/jobs/${lettersJob}/files/${second.id}`)).statusCode).toBe(404);
  });

  it('sends people who are not signed in to the sign-in page', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/jobs/${lettersJob}` });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/jobs/${lettersJob}`)}`);
  });

  it('cancels a running job after a confirmation page, and refuses a second time', async () => {
    const id = await enqueue('letters', 10);
    const client = await signedIn('researcher@alfa.nl');
    const confirm = await client.get(`/jobs/${id}/cancel`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Taak stoppen?');
    expect(confirm.body).toContain(`<form method="post" action="/jobs/${id}/cancel">`);
    const done = await client.post(`/jobs/${id}/cancel`, {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/jobs/${id}?done=cancelled`);
    const page = await client.get(`/jobs/${id}?done=cancelled`);
    expect(page.body).toContain('De taak is gestopt.');
    const logged = await t.database.db.selectFrom('audit_log').select(['details']).where('action', '=', 'job-cancelled').execute();
    expect(logged.map((l) => l.details)).toContainEqual(expect.objectContaining({ jobId: id }));
    expect(page.body).toMatch(/<dd data-job-status>Gestopt<\/dd>/);
    expect(page.body).not.toContain(`/jobs/${id}/cancel"`);
    const again = await client.post(`/jobs/${id}/cancel`, {});
    expect(again.headers.location).toBe(`/jobs/${id}/cancel`);
    const ended = await client.get(`/jobs/${id}/cancel`);
    expect(ended.statusCode).toBe(409);
    expect(ended.body).toContain('Deze taak is al afgelopen.');
    // The runner never starts a cancelled job.
    let ran = false;
    await runJobsUntilIdle({ db: t.database.db, secret: 'x'.repeat(32), publicUrl: 'https://kto.example.nl', handlers: { letters: async () => { ran = true; } } });
    expect(ran).toBe(false);
  });

  it('refuses a cancel without the form token', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const response = await client.post(`/jobs/${runningJob}/cancel`, {}, { csrf: null });
    expect(response.statusCode).toBe(403);
    const row = await withSystem(t.database.db, (tx) => tx.selectFrom('jobs').select('status').where('id', '=', runningJob).executeTakeFirstOrThrow());
    expect(row.status).toBe('running');
  });
});

describe('jobSummaryList', () => {
  it('lists kind (linked), status, progress and creation time', () => {
    const t = translator('nl');
    const list = jobSummaryList([{
      id: '00000000-0000-4000-8000-000000000001', organisationId: 'o', roundId: null, kind: 'address-import', status: 'running',
      progress: 1200, total: 5000, message: null, result: null, attempts: 1, createdAt: new Date('2026-11-02T09:30:00Z'), startedAt: null, finishedAt: null,
    }], t, 'nl').value;
    expect(list).toContain('<a class="utrecht-link" href="/jobs/00000000-0000-4000-8000-000000000001">Adresbestand inlezen</a>');
    expect(list).toContain('<td class="utrecht-table__cell">Bezig</td>');
    expect(list).toContain('max="5000" value="1200"');
    expect(list).toContain('1.200 van 5.000');
    expect(list).toContain('2 nov 2026, 10:30');
    expect(jobSummaryList([], t, 'nl').value).toContain('Er zijn nog geen taken.');
  });
});
