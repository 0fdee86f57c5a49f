import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { cancelJob } from '../../app/jobs/cancel-job.ts';
import { jobDownload, jobSummary, jobWithFiles } from '../../app/jobs/job-queries.ts';
import type { DB } from '../../db/schema.ts';
import { DESIGNERS, STAFF, requireRole, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { page } from '../layout.ts';
import { cancelPageBody, jobPageBody, jobTitle } from './job-page.ts';
import { jobIsActive, jobProgressText, jobStatusLabel } from './job-words.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const script = readFileSync(new URL('./job-progress.js', import.meta.url), 'utf8');

function uuidParam(request: FastifyRequest, name: string): string | undefined {
  const value = (request.params as Record<string, string>)[name];
  return value && UUID.test(value) ? value : undefined;
}

function send(request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, extraHead = '', notice?: string) {
  const { t, language, csrfToken } = request.ctx;
  const document = page({ title, language, t, csrfToken, path: request.url, user: member.session, body, notice }).value;
  // page() has no slot for head elements; the one this page may need is the opt-in reload.
  return reply
    .type('text/html')
    .header('cache-control', 'no-store')
    .send(extraHead ? document.replace('</head>', `${extraHead}\n</head>`) : document);
}

/** Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function jobRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  app.get('/jobs/job-progress.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(script));

  app.get('/jobs/:id', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = uuidParam(request, 'id');
    const found = id && (await jobWithFiles(db, member.membership.organisationId, id));
    if (!found) return reply.callNotFound();
    const { t, language } = request.ctx;
    const query = request.query as Record<string, string | undefined>;
    const autoRefresh = query.refresh === '2' && jobIsActive(found.job);
    const body = jobPageBody({
      job: found.job, files: found.files, canManage: DESIGNERS.includes(member.membership.role), autoRefresh, t, language,
    });
    const notice = query.done === 'cancelled' ? t('jobs.cancelled.notice') : undefined;
    return send(request, reply, member, jobTitle(found.job, t), body, autoRefresh ? '<meta http-equiv="refresh" content="2">' : '', notice);
  });

  app.get('/jobs/:id/progress.json', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = uuidParam(request, 'id');
    const job = id && (await jobSummary(db, member.membership.organisationId, id));
    if (!job) return reply.code(404).send({ error: 'not-found' });
    const { t, language } = request.ctx;
    return reply.header('cache-control', 'no-store').send({
      status: job.status,
      statusText: jobStatusLabel(job.status, t),
      progress: job.progress,
      total: job.total,
      countText: jobProgressText(job, t, language),
      message: job.message,
      active: jobIsActive(job),
    });
  });

  app.get('/jobs/:id/files/:fileId', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = uuidParam(request, 'id');
    const fileId = uuidParam(request, 'fileId');
    const download = id && fileId && (await jobDownload(db, member.membership.organisationId, id, fileId));
    if (!download) return reply.callNotFound();
    return reply
      .type(download.file.contentType)
      .header('content-disposition', attachment(download.file.name))
      .header('content-length', String(download.file.bytes))
      // Letters carry names and addresses: never keep a copy in a shared cache.
      .header('cache-control', 'private, no-store')
      .send(Readable.from(download.parts));
  });

  app.get('/jobs/:id/cancel', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = uuidParam(request, 'id');
    const job = id && (await jobSummary(db, member.membership.organisationId, id));
    if (!job) return reply.callNotFound();
    const { t, csrfToken } = request.ctx;
    reply.code(jobIsActive(job) ? 200 : 409);
    return send(request, reply, member, t('jobs.cancel.title'), cancelPageBody(job, csrfToken, t));
  });

  app.post('/jobs/:id/cancel', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = uuidParam(request, 'id');
    if (!id) return reply.callNotFound();
    const cancelled = await cancelJob(db, { organisationId: member.membership.organisationId, actorId: member.session.userId, jobId: id });
    if (!cancelled.ok) {
      if (cancelled.error === 'not-found') return reply.callNotFound();
      return reply.redirect(`/jobs/${id}/cancel`, 303);
    }
    return reply.redirect(`/jobs/${id}?done=cancelled`, 303);
  });
}
