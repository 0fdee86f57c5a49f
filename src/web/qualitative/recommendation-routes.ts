import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { addRecommendation, editRecommendation, removeRecommendation, type RecommendationError } from '../../app/qualitative/manage-recommendation.ts';
import type { StudyWorkspace } from '../../app/qualitative/study-workspace.ts';
import type { Recommendation } from '../../db/qualitative-study-store.ts';
import type { DB } from '../../db/schema.ts';
import { planLinkValue, type RecommendationProblem, type TypedRecommendation } from '../../domain/qualitative/recommendation-input.ts';
import { requireRole, STAFF, type Member } from '../guards.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import type { FieldError } from '../layout.ts';
import { recommendationForm } from './recommendation-pages.ts';
import { confirmPage } from './study-pages.ts';
import { actorOf, asList, idParam, refuse, sendPage, text, studyOfOwner } from './study-web.ts';

// Recommendations of a study: its owner adds, changes and removes them.

const MESSAGES: Record<string, MessageKey> = {
  'text:required': 'study.error.recommendationText', 'text:too-long': 'study.error.recommendationText', 'codes:invalid': 'study.error.recommendationCodes',
  'status:invalid': 'study.error.recommendationStatus', 'response:too-long': 'study.error.recommendationResponse', 'response:reason-required': 'study.error.recommendationReason',
  'planLink:invalid': 'study.error.planLink', 'planLink:link-required': 'study.error.planLinkRequired',
};

const typedRecommendation = (body: Record<string, unknown>): TypedRecommendation => ({
  text: text(body.text), codes: asList(body.codes), status: text(body.status), response: text(body.response), planLink: text(body.planLink),
});

const valuesOf = (r: Recommendation | undefined): TypedRecommendation => ({
  text: r?.text ?? '', codes: r?.codes ?? [], status: r?.status ?? 'open', response: r?.response ?? '',
  planLink: planLinkValue(r?.measureId ? { kind: 'measure', id: r.measureId } : r?.focusPointId ? { kind: 'focus', id: r.focusPointId } : null),
});

export async function recommendationRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;


  const showForm = (request: FastifyRequest, reply: FastifyReply, member: Member, workspace: StudyWorkspace, values: TypedRecommendation, editing: Recommendation | undefined, errors: FieldError[] = []) => {
    const { t, language, csrfToken } = request.ctx;
    const base = `/studies/${workspace.study.id}/recommendations`;
    const title = editing ? t('study.recommendation.editTitle', { number: editing.number }) : t('study.recommendation.newTitle', { title: workspace.study.title });
    const action = editing ? `${base}/${editing.id}` : `${base}/new`;
    const body = recommendationForm(workspace, values, {
      t, language, csrfToken, errors, title, action,
      ...(editing ? { deleteHref: { href: `${base}/${editing.id}/delete`, label: t('study.recommendation.delete', { number: editing.number }) } } : {}),
    });
    return sendPage(request, reply, member, title, body, { status: errors.length ? 400 : 200, path: action });
  };

  const onError = (request: FastifyRequest, reply: FastifyReply, member: Member, workspace: StudyWorkspace, error: RecommendationError, values: TypedRecommendation, editing?: Recommendation) => {
    if (typeof error === 'string') return refuse(request, reply, error);
    const errors = error.problems.map((p: RecommendationProblem) => ({ field: p.field, message: request.ctx.t(MESSAGES[`${p.field}:${p.code}`] ?? 'study.error.recommendationText') }));
    return showForm(request, reply, member, workspace, values, editing, errors);
  };

  const findRecommendation = (workspace: StudyWorkspace, request: FastifyRequest) => workspace.recommendations.find((r) => r.id === idParam(request, 'recommendationId'));

  app.get('/studies/:id/recommendations/new', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    return showForm(request, reply, member, workspace, valuesOf(undefined), undefined);
  });

  app.post('/studies/:id/recommendations/new', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    const values = typedRecommendation((request.body ?? {}) as Record<string, unknown>);
    const added = await addRecommendation(db, actorOf(member), workspace.study.id, values);
    return added.ok ? reply.redirect(`/studies/${workspace.study.id}?done=recommendation-saved`, 303) : onError(request, reply, member, workspace, added.error, values);
  });

  app.get('/studies/:id/recommendations/:recommendationId', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    const recommendation = findRecommendation(workspace, request);
    if (!recommendation) return reply.callNotFound();
    return showForm(request, reply, member, workspace, valuesOf(recommendation), recommendation);
  });

  app.post('/studies/:id/recommendations/:recommendationId', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    const recommendation = findRecommendation(workspace, request);
    if (!recommendation) return reply.callNotFound();
    const values = typedRecommendation((request.body ?? {}) as Record<string, unknown>);
    const edited = await editRecommendation(db, actorOf(member), workspace.study.id, recommendation.id, values);
    return edited.ok ? reply.redirect(`/studies/${workspace.study.id}?done=recommendation-saved`, 303) : onError(request, reply, member, workspace, edited.error, values, recommendation);
  });

  app.get('/studies/:id/recommendations/:recommendationId/delete', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    const recommendation = findRecommendation(workspace, request);
    if (!recommendation) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const title = t('study.recommendation.delete.title', { number: recommendation.number });
    const base = `/studies/${workspace.study.id}/recommendations/${recommendation.id}`;
    return sendPage(request, reply, member, title, confirmPage({
      t, language, csrfToken, errors: [], title, text: t('study.recommendation.delete.text'), action: `${base}/delete`,
      confirm: t('study.recommendation.delete.confirm'), cancel: base,
    }));
  });

  app.post('/studies/:id/recommendations/:recommendationId/delete', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = idParam(request, 'id');
    const recommendationId = idParam(request, 'recommendationId');
    if (!id || !recommendationId) return reply.callNotFound();
    const removed = await removeRecommendation(db, actorOf(member), id, recommendationId);
    return removed.ok ? reply.redirect(`/studies/${id}?done=recommendation-deleted`, 303) : refuse(request, reply, removed.error);
  });
}
