import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { openAnswersOverview } from '../../app/open-answers/open-answer-coding.ts';
import { approveAnswersWithoutFindings, reviewAnswer, reviewView } from '../../app/open-answers/review-open-answers.ts';
import { modelEvaluationOf, trainCodingModel } from '../../app/open-answers/train-coding-model.ts';
import type { ReviewDecision } from '../../db/open-answer-store.ts';
import type { DB } from '../../db/schema.ts';
import { MIN_TRAINING_ANSWERS } from '../../domain/open-answers/suggest-codes.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import { page, type FieldError } from '../layout.ts';
import { openAnswersPage } from './open-answers-page.ts';
import { kindsText, reviewPage } from './review-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ITEM_KEY = /^[a-z0-9_.-]{1,100}$/i;
const DECISIONS: readonly ReviewDecision[] = ['approved', 'redacted', 'excluded'];

/** The open answers of a round: overview, training the suggestions, and the privacy review. */
export async function openAnswersRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  function send(request: FastifyRequest, reply: FastifyReply, member: Member, title: string, path: string, body: ReturnType<typeof openAnswersPage>, status = 200, notice?: string) {
    const { t, language, csrfToken } = request.ctx;
    return reply.code(status).type('text/html').send(page({ title, language, t, csrfToken, path, user: member.session, body, ...(notice ? { notice } : {}) }).value);
  }

  async function overview(request: FastifyRequest, reply: FastifyReply, member: Member, roundId: string, status = 200, notice?: string) {
    const { t, language, csrfToken } = request.ctx;
    const view = await openAnswersOverview(db, member.membership.organisationId, roundId);
    if (!view) return reply.callNotFound();
    const evaluation = await modelEvaluationOf(db, member.membership.organisationId);
    const body = openAnswersPage({ t, language, csrfToken, round: view.round, items: view.items, evaluation });
    return send(request, reply, member, t('openAnswers.title', { name: view.round.name }), `/rounds/${roundId}/open-answers`, body, status, notice);
  }

  app.get('/rounds/:id/open-answers', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = (request.params as { id: string }).id;
    if (!UUID.test(id)) return reply.callNotFound();
    const query = request.query as Record<string, string | undefined>;
    const notice = query.trained === '1' ? request.ctx.t('openAnswers.model.done') : query.undone === '0' ? request.ctx.t('coding.nothingToUndo') : undefined;
    return overview(request, reply, member, id, 200, notice);
  });

  app.post('/rounds/:id/open-answers/train', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = (request.params as { id: string }).id;
    if (!UUID.test(id) || !(await openAnswersOverview(db, member.membership.organisationId, id))) return reply.callNotFound();
    const trained = await trainCodingModel(db, member.membership.organisationId);
    if (!trained.ok) return overview(request, reply, member, id, 409, request.ctx.t('openAnswers.model.tooFew', { coded: trained.error.coded, min: MIN_TRAINING_ANSWERS }));
    return reply.redirect(`/rounds/${id}/open-answers?trained=1`, 303);
  });

  const itemParams = (request: FastifyRequest) => {
    const { id, item } = request.params as { id: string; item: string };
    return UUID.test(id) && ITEM_KEY.test(item) ? { roundId: id, itemKey: item } : undefined;
  };

  async function review(request: FastifyRequest, reply: FastifyReply, member: Member, roundId: string, itemKey: string, options: { showAll?: boolean; errors?: FieldError[]; typed?: { responseId: string; text: string }; notice?: string } = {}) {
    const { t, language, csrfToken } = request.ctx;
    const view = await reviewView(db, member.membership.organisationId, roundId, itemKey);
    if (!view) return reply.callNotFound();
    const errors = options.errors ?? [];
    const body = reviewPage({ t, language, csrfToken, round: view.round, item: view.item, answers: view.answers, showAll: options.showAll ?? false, errors, ...(options.typed ? { typed: options.typed } : {}) });
    return send(request, reply, member, t('review.title', { question: localize(view.item.text, language) }), `/rounds/${roundId}/open-answers/${itemKey}/review`, body, errors.length ? 400 : 200, options.notice);
  }

  app.get('/rounds/:id/open-answers/:item/review', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = itemParams(request);
    if (!p) return reply.callNotFound();
    const query = request.query as Record<string, string | undefined>;
    const notice = query.saved === '1' ? request.ctx.t('review.saved') : query.approved ? request.ctx.t('review.bulkDone', { count: Number(query.approved) || 0 }) : undefined;
    return review(request, reply, member, p.roundId, p.itemKey, { showAll: query.show === 'all', ...(notice ? { notice } : {}) });
  });

  app.post('/rounds/:id/open-answers/:item/review', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = itemParams(request);
    if (!p) return reply.callNotFound();
    const { t } = request.ctx;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const responseId = typeof body.responseId === 'string' && UUID.test(body.responseId) ? body.responseId : '';
    const decision = DECISIONS.find((d) => d === body.decision);
    const redactedText = typeof body.redactedText === 'string' ? body.redactedText.slice(0, 5000) : '';
    const field = `answer-${responseId}`;
    const typed = { responseId, text: redactedText };
    if (!decision) return review(request, reply, member, p.roundId, p.itemKey, { showAll: true, errors: [{ field, message: t('review.error.decision') }], typed });
    const actor = { organisationId: member.membership.organisationId, userId: member.session.userId };
    const saved = await reviewAnswer(db, actor, { ...p, responseId, decision, redactedText });
    if (!saved.ok) {
      if (saved.error.code === 'not-found') return reply.callNotFound();
      const message = saved.error.code === 'redaction-empty' ? t('review.error.redactionEmpty') : t('review.error.hasPersonalData', { kinds: kindsText(t, saved.error.findings) });
      return review(request, reply, member, p.roundId, p.itemKey, { showAll: true, errors: [{ field, message }], typed });
    }
    return reply.redirect(`/rounds/${p.roundId}/open-answers/${encodeURIComponent(p.itemKey)}/review?saved=1`, 303);
  });

  app.post('/rounds/:id/open-answers/:item/review/approve-clean', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = itemParams(request);
    if (!p) return reply.callNotFound();
    const approved = await approveAnswersWithoutFindings(db, { organisationId: member.membership.organisationId, userId: member.session.userId }, p.roundId, p.itemKey);
    if (approved === undefined) return reply.callNotFound();
    return reply.redirect(`/rounds/${p.roundId}/open-answers/${encodeURIComponent(p.itemKey)}/review?approved=${approved}`, 303);
  });
}
