import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { fieldworkMonitor } from '../../app/fieldwork-monitor.ts';
import { fieldworkOverview } from '../../app/fieldwork-overview.ts';
import { purgePersonalData } from '../../app/purge-personal-data.ts';
import { changeRetentionDays, parseRetentionDays, retentionView } from '../../app/retention-settings.ts';
import { roundWithQuestionnaire } from '../../app/round-queries.ts';
import type { Round } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../domain/statistics/reporting-thresholds.ts';
import { DESIGNERS, requireRole, STAFF, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { page, type FieldError } from '../layout.ts';
import { fieldworkPage } from './fieldwork-page.ts';
import { monitorPage } from './monitor-page.ts';
import { purgeConfirmPage, retentionPage } from './retention-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The fieldwork overview of a round, the response monitor and the retention of personal data. */
export async function fieldworkRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  const loadRound = async (request: FastifyRequest, member: Member): Promise<Round | undefined> => {
    const id = (request.params as { id: string }).id;
    if (!UUID.test(id)) return undefined;
    return (await roundWithQuestionnaire(db, member.membership.organisationId, id))?.round;
  };

  const send = (request: FastifyRequest, reply: FastifyReply, member: Member, title: string, path: string, body: Html, status = 200, notice?: string) => {
    const { t, language, csrfToken } = request.ctx;
    return reply.code(status).type('text/html').send(page({ title, language, t, csrfToken, path, user: member.session, body, ...(notice ? { notice } : {}) }).value);
  };

  app.get('/rounds/:id/fieldwork', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const round = await loadRound(request, member);
    const overview = round && (await fieldworkOverview(db, member.membership.organisationId, round.id));
    if (!round || !overview) return reply.callNotFound();
    const { t, language } = request.ctx;
    return send(request, reply, member, t('fieldwork.title', { name: round.name }), `/rounds/${round.id}/fieldwork`,
      fieldworkPage(round, overview, { t, language, canDesign: DESIGNERS.includes(member.membership.role) }));
  });

  app.get('/rounds/:id/monitor', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const round = await loadRound(request, member);
    if (!round) return reply.callNotFound();
    const monitor = await fieldworkMonitor(db, member.membership.organisationId, round.id);
    const { t, language } = request.ctx;
    return send(request, reply, member, t('monitor.title', { name: round.name }), `/rounds/${round.id}/monitor`,
      monitorPage(monitor, { t, language, roundName: round.name, provisional: round.status === 'fieldwork', minimum: DEFAULT_REPORTING_THRESHOLDS.hideBelow }));
  });

  const renderRetention = async (request: FastifyRequest, reply: FastifyReply, member: Member, round: Round, errors: FieldError[], days?: string, notice?: string) => {
    const view = await retentionView(db, member.membership.organisationId, round.id);
    if (!view) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    return send(request, reply, member, t('retention.title', { name: round.name }), `/rounds/${round.id}/retention`,
      retentionPage(round, view, { t, language, csrfToken, errors, days: days ?? String(view.retention.purgeAfterDays) }), errors.length ? 400 : 200, notice);
  };

  app.get('/rounds/:id/retention', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const round = await loadRound(request, member);
    if (!round) return reply.callNotFound();
    const done = (request.query as { done?: string }).done;
    const { t } = request.ctx;
    const notice = done === 'saved' ? t('retention.saved') : done && /^\d+$/.test(done) ? t('retention.done', { invitees: done }) : undefined;
    return renderRetention(request, reply, member, round, [], undefined, notice);
  });

  app.post('/rounds/:id/retention', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const round = await loadRound(request, member);
    if (!round) return reply.callNotFound();
    const raw = (request.body as Record<string, unknown> | undefined)?.days;
    const days = parseRetentionDays(raw);
    if (days === undefined) {
      return renderRetention(request, reply, member, round, [{ field: 'days', message: request.ctx.t('retention.days.error') }], typeof raw === 'string' ? raw : '');
    }
    const result = await changeRetentionDays(db, { organisationId: member.membership.organisationId, roundId: round.id, days });
    if (!result.ok) return reply.callNotFound();
    return reply.redirect(`/rounds/${round.id}/retention?done=saved`, 303);
  });

  app.get('/rounds/:id/retention/purge', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const round = await loadRound(request, member);
    const view = round && (await retentionView(db, member.membership.organisationId, round.id));
    if (!round || !view) return reply.callNotFound();
    if (round.status !== 'closed' && round.status !== 'published') return reply.redirect(`/rounds/${round.id}/retention`, 303);
    const { t, csrfToken } = request.ctx;
    return send(request, reply, member, t('retention.confirm.title'), `/rounds/${round.id}/retention/purge`, purgeConfirmPage(round, view, { t, csrfToken }));
  });

  app.post('/rounds/:id/retention/purge', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const round = await loadRound(request, member);
    if (!round) return reply.callNotFound();
    const result = await purgePersonalData(db, { organisationId: member.membership.organisationId, roundId: round.id, actorId: member.session.userId });
    if (!result.ok) return result.error === 'not-found' ? reply.callNotFound() : reply.redirect(`/rounds/${round.id}/retention`, 303);
    return reply.redirect(`/rounds/${round.id}/retention?done=${result.value.invitees}`, 303);
  });
}
