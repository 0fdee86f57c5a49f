import { isOwnRound } from '../../app/round-queries.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { emailOverview } from '../../app/email/email-overview.ts';
import { recordReportedBounces } from '../../app/email/record-bounces.ts';
import { DEFAULT_REMINDER_DAYS, invitationPlan, MAX_REMINDER_DAYS, reminderPlan, startMailing } from '../../app/email/start-mailing.ts';
import type { DB } from '../../db/schema.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { formatNumber } from '../i18n/translate.ts';
import { page, type FieldError } from '../layout.ts';
import { emailPage } from './email-page.ts';
import { mailingConfirmPage } from './mailing-confirm-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parseDays(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\s*\d{1,3}\s*$/.test(value)) return undefined;
  const days = Number(value.trim());
  return days <= MAX_REMINDER_DAYS ? days : undefined;
}

/** The round's e-mail page: what was sent, starting invitations and reminders, reported bounces. */
export async function emailRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  const roundId = (request: FastifyRequest): string | undefined => {
    const id = (request.params as { id: string }).id;
    return UUID.test(id) ? id : undefined;
  };

  function send(request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, status = 200, notice?: string) {
    const { t, language, csrfToken } = request.ctx;
    reply.header('cache-control', 'no-store');
    return reply.code(status).type('text/html').send(page({ title, language, t, csrfToken, path: request.url.split('?')[0]!, user: member.session, body, notice }).value);
  }

  async function mainPage(request: FastifyRequest, reply: FastifyReply, member: Member, id: string, state: { errors?: FieldError[]; days?: string; bounceText?: string; status?: number; notice?: string } = {}) {
    const organisationId = member.membership.organisationId;
    const overview = await emailOverview(db, organisationId, id);
    if (!overview) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const days = parseDays(state.days) ?? DEFAULT_REMINDER_DAYS;
    const plan = await reminderPlan(db, organisationId, id, days);
    const reminderNumber = plan?.mailing.kind === 'reminder' ? plan.mailing.reminderNumber : 1;
    const body = emailPage({
      overview,
      isAdministrator: member.membership.role === 'administrator',
      reminder: { days: state.days ?? String(DEFAULT_REMINDER_DAYS), count: plan?.recipients ?? 0, number: reminderNumber },
      errors: state.errors ?? [],
      bounceText: state.bounceText ?? '',
      t, language, csrfToken,
    });
    return send(request, reply, member, `${t('email.title')}: ${overview.round.name}`, body, state.status, state.notice);
  }

  app.get('/rounds/:id/email', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = roundId(request);
    if (!id) return reply.callNotFound();
    const query = request.query as Record<string, string | undefined>;
    const number = (name: string) => formatNumber(request.ctx.language, Number(/^\d{1,6}$/.test(query[name] ?? '') ? query[name] : 0));
    const notice = query.done === 'bounces'
      ? request.ctx.t('email.bounces.done', { marked: number('marked'), already: number('already'), unknown: number('unknown') })
      : undefined;
    return mainPage(request, reply, member, id, { notice });
  });

  async function confirmPage(request: FastifyRequest, reply: FastifyReply, member: Member, id: string, kind: 'invitation' | 'reminder', days: number) {
    const organisationId = member.membership.organisationId;
    const plan = kind === 'invitation' ? await invitationPlan(db, organisationId, id) : await reminderPlan(db, organisationId, id, days);
    const overview = plan && (await emailOverview(db, organisationId, id));
    if (!plan || !overview) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const body = mailingConfirmPage({ roundId: id, roundName: overview.round.name, plan, days, t, language, csrfToken });
    const title = plan.mailing.kind === 'reminder' ? t('email.remind.confirm.title', { number: plan.mailing.reminderNumber }) : t('email.invite.confirm.title');
    return send(request, reply, member, title, body, plan.problem ? 409 : 200);
  }

  app.get('/rounds/:id/email/invitations', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = roundId(request);
    if (!id) return reply.callNotFound();
    return confirmPage(request, reply, member, id, 'invitation', 0);
  });

  app.get('/rounds/:id/email/reminders', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = roundId(request);
    if (!id) return reply.callNotFound();
    const raw = (request.query as Record<string, unknown>).days;
    const days = parseDays(raw);
    if (days === undefined) {
      return mainPage(request, reply, member, id, { days: typeof raw === 'string' ? raw.slice(0, 20) : '', errors: [{ field: 'days', message: request.ctx.t('email.remind.error.days') }], status: 400 });
    }
    return confirmPage(request, reply, member, id, 'reminder', days);
  });

  for (const kind of ['invitation', 'reminder'] as const) {
    app.post(`/rounds/:id/email/${kind}s`, async (request, reply) => {
      const member = requireRole(request, reply, DESIGNERS);
      if (!member) return;
      const id = roundId(request);
      // Another organisation's round does not exist here, whatever else is wrong with the request.
      if (!id || !(await isOwnRound(db, member.membership.organisationId, id))) return reply.callNotFound();
      const days = kind === 'reminder' ? parseDays((request.body as Record<string, unknown>).days) : 0;
      if (days === undefined) return reply.redirect(`/rounds/${id}/email/reminders?days=`, 303);
      const started = await startMailing(db, { organisationId: member.membership.organisationId, roundId: id, actorId: member.session.userId, kind, days });
      if (!started.ok) {
        if (started.error === 'not-found') return reply.callNotFound();
        // The confirmation page explains why it cannot start now.
        return reply.redirect(kind === 'invitation' ? `/rounds/${id}/email/invitations` : `/rounds/${id}/email/reminders?days=${days}`, 303);
      }
      return reply.redirect(`/jobs/${started.value.jobId}`, 303);
    });
  }

  app.post('/rounds/:id/email/bounces', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = roundId(request);
    if (!id) return reply.callNotFound();
    const text = String((request.body as Record<string, unknown>).bounces ?? '');
    const recorded = await recordReportedBounces(db, { organisationId: member.membership.organisationId, roundId: id, text });
    if (!recorded.ok) {
      if (recorded.error === 'not-found') return reply.callNotFound();
      const message = request.ctx.t(recorded.error === 'empty' ? 'email.bounces.error.empty' : 'email.bounces.error.tooMany');
      return mainPage(request, reply, member, id, { bounceText: text, errors: [{ field: 'bounces', message }], status: 400 });
    }
    const { marked, alreadyMarked, unknown } = recorded.value;
    return reply.redirect(`/rounds/${id}/email?done=bounces&marked=${marked}&already=${alreadyMarked}&unknown=${unknown}`, 303);
  });
}
