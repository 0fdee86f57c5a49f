import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { addAdvicePoint, adviceOf, MAX_CITATIONS, recordAdviceResponse, roundAdvices, sendAdvice, startAdvice, type RecordResponseProblem } from '../../app/council-advice.ts';
import { roundReport } from '../../app/round-report.ts';
import type { Citation } from '../../db/council-schema.ts';
import type { DB } from '../../db/schema.ts';
import { COUNCIL, DESIGNERS, requireRole, STAFF, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { page, type FieldError } from '../layout.ts';
import { advicePage, responsePage, timelinePage } from './advice-pages.ts';
import { citableFigures } from './citable-figures.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Body = Record<string, unknown>;
const text = (body: Body, name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => (typeof v === 'string' ? v : ''));

/**
 * The council's advice on a round: every staff role reads the timeline; only the council
 * writes and sends advice; only administrators and researchers record the organisation's
 * response. Another organisation's round does not exist (404).
 */
export async function adviceRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  const ids = (request: FastifyRequest): { id: string; adviceId?: string; pointId?: string } | undefined => {
    const p = request.params as { id: string; adviceId?: string; pointId?: string };
    return [p.id, p.adviceId, p.pointId].every((v) => v === undefined || UUID.test(v)) ? p : undefined;
  };

  const send = (request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, status = 200, notice?: string) => {
    const { t, language, csrfToken } = request.ctx;
    return reply.code(status).type('text/html').send(page({ title, language, t, csrfToken, path: request.url.split('?')[0]!, user: member.session, body, ...(notice ? { notice } : {}) }).value);
  };

  const renderTimeline = async (request: FastifyRequest, reply: FastifyReply, member: Member, roundId: string, errors: FieldError[] = [], values = { title: '', introduction: '' }) => {
    const found = await roundAdvices(db, member.membership.organisationId, roundId);
    if (!found) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const role = member.membership.role;
    const body = timelinePage(found.round, found.advices, { t, language, csrfToken, errors, values, canRespond: DESIGNERS.includes(role), canWrite: role === 'council' });
    const done = (request.query as { done?: string }).done;
    return send(request, reply, member, t('council.title', { name: found.round.name }), body, errors.length ? 400 : 200, done === 'sent' ? t('council.sent') : done === 'responded' ? t('council.response.saved', { number: (request.query as { point?: string }).point ?? '' }) : undefined);
  };

  app.get('/rounds/:id/council', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const p = ids(request);
    if (!p) return reply.callNotFound();
    return renderTimeline(request, reply, member, p.id);
  });

  app.post('/rounds/:id/council/advices', async (request, reply) => {
    const member = requireRole(request, reply, COUNCIL);
    if (!member) return;
    const p = ids(request);
    if (!p) return reply.callNotFound();
    const body = (request.body ?? {}) as Body;
    const values = { title: text(body, 'title'), introduction: text(body, 'introduction') };
    const started = await startAdvice(db, { organisationId: member.membership.organisationId, userId: member.session.userId }, p.id, values);
    if (started.ok) return reply.redirect(`/rounds/${p.id}/council/advices/${started.value}?done=created`, 303);
    if (started.error.includes('not-found')) return reply.callNotFound();
    const { t } = request.ctx;
    const errors = started.error.map((e): FieldError => (e === 'title' ? { field: 'title', message: t('council.error.title') } : { field: 'introduction', message: t('council.error.introduction') }));
    return renderTimeline(request, reply, member, p.id, errors, values);
  });

  /** The round's citable figures, printed as the report prints them now. */
  const figuresOf = async (request: FastifyRequest, member: Member, roundId: string): Promise<Citation[]> => {
    const view = await roundReport(db, member.membership.organisationId, roundId);
    return view ? citableFigures(view, request.ctx) : [];
  };

  const renderAdvice = async (request: FastifyRequest, reply: FastifyReply, member: Member, p: { id: string; adviceId: string }, errors: FieldError[] = [], values: { text: string; cite: string[] } = { text: '', cite: [] }, status?: number) => {
    const found = await adviceOf(db, member.membership.organisationId, p.id, p.adviceId);
    if (!found) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const figures = found.advice.status === 'draft' ? await figuresOf(request, member, p.id) : [];
    const body = advicePage(found.round, found.advice, { t, language, csrfToken, errors, figures, values });
    const done = (request.query as { done?: string; point?: string });
    const notice = done.done === 'created' ? t('council.created') : done.done === 'point' ? t('council.point.added', { number: done.point ?? '' }) : undefined;
    return send(request, reply, member, found.advice.title, body, status ?? (errors.length ? 400 : 200), notice);
  };

  app.get('/rounds/:id/council/advices/:adviceId', async (request, reply) => {
    const member = requireRole(request, reply, COUNCIL);
    if (!member) return;
    const p = ids(request);
    if (!p?.adviceId) return reply.callNotFound();
    return renderAdvice(request, reply, member, { id: p.id, adviceId: p.adviceId });
  });

  app.post('/rounds/:id/council/advices/:adviceId/points', async (request, reply) => {
    const member = requireRole(request, reply, COUNCIL);
    if (!member) return;
    const p = ids(request);
    if (!p?.adviceId) return reply.callNotFound();
    const where = { id: p.id, adviceId: p.adviceId };
    const body = (request.body ?? {}) as Body;
    const values = { text: text(body, 'text'), cite: list(body.cite).slice(0, MAX_CITATIONS) };
    const { t } = request.ctx;
    const figures = await figuresOf(request, member, p.id);
    const errors: FieldError[] = [];
    const citations: Citation[] = [];
    values.cite.forEach((key, index) => {
      if (key === '') return;
      const figure = figures.find((f) => f.itemKey === key);
      if (!figure) errors.push({ field: `cite-${index + 1}`, message: t('council.error.citation') });
      else if (!citations.some((c) => c.itemKey === key)) citations.push(figure);
    });
    if (values.text.trim() === '' || values.text.length > 5000) errors.unshift({ field: 'text', message: t('council.error.text') });
    if (errors.length) return renderAdvice(request, reply, member, where, errors, values);
    const added = await addAdvicePoint(db, { organisationId: member.membership.organisationId, userId: member.session.userId }, p.id, p.adviceId, { text: values.text, citations });
    if (added.ok) return reply.redirect(`/rounds/${p.id}/council/advices/${p.adviceId}?done=point&point=${added.value}`, 303);
    if (added.error === 'not-found') return reply.callNotFound();
    if (added.error === 'sent') return renderAdvice(request, reply, member, where, [{ field: 'main', message: t('council.error.sent') }], values, 409);
    return renderAdvice(request, reply, member, where, [{ field: 'text', message: t('council.error.text') }], values);
  });

  app.post('/rounds/:id/council/advices/:adviceId/send', async (request, reply) => {
    const member = requireRole(request, reply, COUNCIL);
    if (!member) return;
    const p = ids(request);
    if (!p?.adviceId) return reply.callNotFound();
    const sent = await sendAdvice(db, { organisationId: member.membership.organisationId, userId: member.session.userId }, p.id, p.adviceId);
    if (sent.ok) return reply.redirect(`/rounds/${p.id}/council?done=sent`, 303);
    if (sent.error === 'not-found') return reply.callNotFound();
    const { t } = request.ctx;
    return sent.error === 'sent'
      ? renderAdvice(request, reply, member, { id: p.id, adviceId: p.adviceId }, [{ field: 'main', message: t('council.error.sent') }], undefined, 409)
      : renderAdvice(request, reply, member, { id: p.id, adviceId: p.adviceId }, [{ field: 'text', message: t('council.error.noPoints') }]);
  });

  const renderResponse = async (request: FastifyRequest, reply: FastifyReply, member: Member, p: { id: string; adviceId: string; pointId: string }, errors: FieldError[] = [], typed?: { decision: string; reasons: string }) => {
    const found = await adviceOf(db, member.membership.organisationId, p.id, p.adviceId);
    const point = found?.advice.points.find((x) => x.id === p.pointId);
    if (!found || !point) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    if (found.advice.status !== 'sent') {
      errors = [{ field: 'main', message: t('council.response.error.notSent') }];
    }
    const values = typed ?? { decision: point.response?.decision ?? '', reasons: point.response?.reasons ?? '' };
    const body = responsePage(found.round, found.advice, point, { t, language, csrfToken, errors, values });
    return send(request, reply, member, t('council.response.title', { number: point.number }), body, found.advice.status !== 'sent' ? 409 : errors.length ? 400 : 200);
  };

  app.get('/rounds/:id/council/advices/:adviceId/points/:pointId/response', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = ids(request);
    if (!p?.adviceId || !p.pointId) return reply.callNotFound();
    return renderResponse(request, reply, member, { id: p.id, adviceId: p.adviceId, pointId: p.pointId });
  });

  app.post('/rounds/:id/council/advices/:adviceId/points/:pointId/response', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = ids(request);
    if (!p?.adviceId || !p.pointId) return reply.callNotFound();
    const where = { id: p.id, adviceId: p.adviceId, pointId: p.pointId };
    const body = (request.body ?? {}) as Body;
    const typed = { decision: text(body, 'decision'), reasons: text(body, 'reasons') };
    const saved = await recordAdviceResponse(db, { organisationId: member.membership.organisationId, userId: member.session.userId }, { roundId: p.id, adviceId: p.adviceId, pointId: p.pointId }, typed);
    if (saved.ok) {
      const found = await adviceOf(db, member.membership.organisationId, p.id, p.adviceId);
      const number = found?.advice.points.find((x) => x.id === p.pointId)?.number ?? '';
      return reply.redirect(`/rounds/${p.id}/council?done=responded&point=${number}`, 303);
    }
    if (saved.error.includes('not-found')) return reply.callNotFound();
    const { t } = request.ctx;
    const messages: Record<Exclude<RecordResponseProblem, 'not-found'>, FieldError> = {
      'not-sent': { field: 'main', message: t('council.response.error.notSent') },
      decision: { field: 'decision-adopted', message: t('council.response.error.decision') },
      'reasons-missing': { field: 'reasons', message: t('council.response.error.reasons') },
      'reasons-too-long': { field: 'reasons', message: t('council.response.error.tooLong') },
    };
    return renderResponse(request, reply, member, where, saved.error.map((e) => messages[e as Exclude<RecordResponseProblem, 'not-found'>]), typed);
  });
}
