import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { createStudy, editStudy, removeStudy, type StudyChangeError } from '../../app/qualitative/manage-study.ts';
import { studiesOf, studyRoundChoices, studyWorkspace } from '../../app/qualitative/study-workspace.ts';
import type { DB } from '../../db/schema.ts';
import { PARTICIPANT_KINDS } from '../../domain/qualitative/participant-kind.ts';
import type { StudyProblem, TypedStudy } from '../../domain/qualitative/study-input.ts';
import { isStudyResearcher, ownerFor } from '../../domain/qualitative/study-permissions.ts';
import { passagesCsv } from '../../domain/qualitative/passages-csv.ts';
import { requireRole, STAFF, type Member } from '../guards.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import type { FieldError } from '../layout.ts';
import { confirmPage, studyForm, studyListPage, studyPage, typedStudyOf } from './study-pages.ts';
import { actorOf, idParam, refuse, sendPage, studyOfOwner, text } from './study-web.ts';

const NOTICES: Record<string, MessageKey> = {
  created: 'study.created', saved: 'study.saved', deleted: 'study.deleted', 'conversation-saved': 'study.conversation.saved',
  'conversation-deleted': 'study.conversation.deleted', 'recommendation-saved': 'study.recommendation.saved',
  'recommendation-deleted': 'study.recommendation.deleted', reviewed: 'study.review.saved',
};

const PROBLEM_MESSAGES: Record<StudyProblem['field'], MessageKey> = {
  kind: 'study.error.kind', title: 'study.error.title', purpose: 'study.error.purpose', recruitment: 'study.error.recruitment',
  periodFrom: 'study.error.periodFrom', periodTo: 'study.error.periodTo', participants: 'study.error.participants', roundId: 'study.error.round',
};

function typedStudy(body: Record<string, unknown>): TypedStudy {
  return {
    kind: text(body.kind), title: text(body.title), purpose: text(body.purpose), periodFrom: text(body.periodFrom), periodTo: text(body.periodTo),
    recruitment: text(body.recruitment), roundId: text(body.roundId), onPublicPage: body.onPublicPage === 'yes',
    participants: Object.fromEntries(PARTICIPANT_KINDS.map((kind) => [kind, text(body[`participants-${kind}`])])),
  };
}

/** Studies: every staff role and the council read them; their owner changes them. */
export async function studyRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;
  const ctxOf = (request: FastifyRequest, errors: FieldError[] = []) => ({ t: request.ctx.t, language: request.ctx.language, csrfToken: request.ctx.csrfToken, errors });
  const roundsFor = (member: Member) => studyRoundChoices(db, member.membership.organisationId);
  const errorsOf = (request: FastifyRequest, problems: readonly StudyProblem[]): FieldError[] => problems.map((p) => ({
    field: p.field,
    message: request.ctx.t(p.code === 'period-order' ? 'study.error.periodOrder' : p.code === 'no-participants' ? 'study.error.noParticipants' : PROBLEM_MESSAGES[p.field]),
  }));

  app.get('/studies', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const studies = await studiesOf(db, member.membership.organisationId);
    const done = NOTICES[(request.query as { done?: string }).done ?? ''];
    return sendPage(request, reply, member, request.ctx.t('study.list.title'), studyListPage(studies, { ...ctxOf(request), canStart: ownerFor(member.membership.role) !== undefined }), done ? { notice: request.ctx.t(done) } : {});
  });

  const showForm = async (request: FastifyRequest, reply: FastifyReply, member: Member, values: TypedStudy, studyId: string | undefined, errors: FieldError[] = []) => {
    const { t } = request.ctx;
    const title = studyId ? t('study.form.editTitle', { title: values.title }) : t('study.form.newTitle');
    const body = studyForm(values, {
      ...ctxOf(request, errors), title, rounds: await roundsFor(member),
      action: studyId ? `/studies/${studyId}/edit` : '/studies/new', cancel: studyId ? `/studies/${studyId}` : '/studies',
    });
    return sendPage(request, reply, member, title, body, { status: errors.length ? 400 : 200, path: studyId ? `/studies/${studyId}/edit` : '/studies/new' });
  };

  const onError = (request: FastifyRequest, reply: FastifyReply, member: Member, error: StudyChangeError, values: TypedStudy, studyId?: string) =>
    typeof error === 'string' ? refuse(request, reply, error) : showForm(request, reply, member, values, studyId, errorsOf(request, error.problems));

  app.get('/studies/new', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    if (!ownerFor(member.membership.role)) return refuse(request, reply, 'forbidden');
    const latest = (await roundsFor(member))[0];
    return showForm(request, reply, member, { ...typedStudyOf(undefined), roundId: latest?.id ?? '' }, undefined);
  });

  app.post('/studies/new', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const values = typedStudy((request.body ?? {}) as Record<string, unknown>);
    const created = await createStudy(db, actorOf(member), values);
    return created.ok ? reply.redirect(`/studies/${created.value}?done=created`, 303) : onError(request, reply, member, created.error, values);
  });

  app.get('/studies/:id', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = idParam(request, 'id');
    const workspace = id && (await studyWorkspace(db, member.membership.organisationId, id));
    if (!workspace) return reply.callNotFound();
    const researcher = isStudyResearcher(member.membership.role, workspace.study.ownerKind);
    const query = request.query as { done?: string; count?: string };
    const done = NOTICES[query.done ?? ''];
    const notice = done ? request.ctx.t(done, { count: Number(query.count) || 0 }) : undefined;
    return sendPage(request, reply, member, workspace.study.title, studyPage(workspace, { ...ctxOf(request), researcher }), notice ? { notice } : {});
  });

  app.get('/studies/:id/passages.csv', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = idParam(request, 'id');
    const workspace = id && (await studyWorkspace(db, member.membership.organisationId, id));
    if (!workspace) return reply.callNotFound();
    const { t, language } = request.ctx;
    const numbers = new Map(workspace.conversations.map((c) => [c.id, c]));
    const labels = new Map(workspace.codebook.map((c) => [c.key, language === 'en' ? c.label.en : c.label.nl]));
    const csv = passagesCsv(workspace.passages.map((p) => ({ ...p, conversation: numbers.get(p.conversationId)!.number, participantKind: numbers.get(p.conversationId)!.participantKind })), {
      headers: t('study.export.headers').split(',') as unknown as readonly [string, string, string, string, string],
      participantKind: (kind) => t(`study.one.${kind as 'client'}`),
      code: (key) => labels.get(key) ?? key,
      review: (review) => (review ? t(`review.state.${review}`) : t('study.export.unreviewed')),
    });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="passages.csv"').header('cache-control', 'no-store').send(csv);
  });

  app.get('/studies/:id/edit', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    return showForm(request, reply, member, typedStudyOf(workspace.study), workspace.study.id);
  });

  app.post('/studies/:id/edit', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = idParam(request, 'id');
    if (!id) return reply.callNotFound();
    const values = typedStudy((request.body ?? {}) as Record<string, unknown>);
    const edited = await editStudy(db, actorOf(member), id, values);
    return edited.ok ? reply.redirect(`/studies/${id}?done=saved`, 303) : onError(request, reply, member, edited.error, values, id);
  });

  app.get('/studies/:id/delete', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    const { t } = request.ctx;
    const title = t('study.delete.title', { title: workspace.study.title });
    return sendPage(request, reply, member, title, confirmPage({
      ...ctxOf(request), title, action: `/studies/${workspace.study.id}/delete`, confirm: t('study.delete.confirm'), cancel: `/studies/${workspace.study.id}`,
      text: t('study.delete.text', { conversations: workspace.conversations.length, recommendations: workspace.recommendations.length }),
    }));
  });

  app.post('/studies/:id/delete', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = idParam(request, 'id');
    if (!id) return reply.callNotFound();
    const removed = await removeStudy(db, actorOf(member), id);
    return removed.ok ? reply.redirect('/studies?done=deleted', 303) : refuse(request, reply, removed.error);
  });
}
