import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { SurveyStateCache } from '../../app/respondent/survey-state-cache.ts';
import { addCouncilQuestion, changeCouncilSurveyStatus, councilSurvey, councilSurveyReport, councilSurveys, createCouncilSurvey, type CouncilAction } from '../../app/council-survey.ts';
import { roundWithQuestionnaire } from '../../app/round-queries.ts';
import type { DB } from '../../db/schema.ts';
import { itemsOf } from '../../domain/questionnaire/questionnaire.ts';
import { COUNCIL, requireRole, STAFF, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { page, type FieldError } from '../layout.ts';
import { councilQuestionFromForm, councilQuestionValues, emptyCouncilQuestion, type CouncilQuestionValues } from './council-question-form.ts';
import { resultsPage, surveyPage, surveysPage } from './survey-pages.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The council's own surveys. A dedicated flow rather than the research pages: those ask for
 * item keys, answer codes, routing, modules and two languages, and would need a guard on every
 * route that a council member may only touch the council's rounds. Here the council types a
 * question and its answers, starts and closes; only council rounds are found (404 otherwise).
 * Everyone on the staff may read the results.
 */
export async function surveyRoutes(app: FastifyInstance, options: { db: Kysely<DB>; surveyStates: SurveyStateCache }): Promise<void> {
  const { db } = options;
  const actorOf = (member: Member) => ({ organisationId: member.membership.organisationId, userId: member.session.userId });
  const idOf = (request: FastifyRequest) => {
    const id = (request.params as { id: string }).id;
    return UUID.test(id) ? id : undefined;
  };
  const send = (request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, status = 200, notice?: string) => {
    const { t, language, csrfToken } = request.ctx;
    return reply.code(status).type('text/html').send(page({ title, language, t, csrfToken, path: request.url.split('?')[0]!, user: member.session, body, ...(notice ? { notice } : {}) }).value);
  };

  const renderList = async (request: FastifyRequest, reply: FastifyReply, member: Member, errors: FieldError[] = [], values = { name: '' }) => {
    const { t, language, csrfToken } = request.ctx;
    const surveys = await councilSurveys(db, member.membership.organisationId);
    return send(request, reply, member, t('councilSurvey.list.title'), surveysPage(surveys, { t, language, csrfToken, errors, values }), errors.length ? 400 : 200);
  };

  app.get('/council/surveys', async (request, reply) => {
    const member = requireRole(request, reply, COUNCIL);
    if (member) return renderList(request, reply, member);
  });

  app.post('/council/surveys', async (request, reply) => {
    const member = requireRole(request, reply, COUNCIL);
    if (!member) return;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (name === '' || name.length > 200) return renderList(request, reply, member, [{ field: 'name', message: request.ctx.t('councilSurvey.error.name') }], { name });
    const created = await createCouncilSurvey(db, actorOf(member), { name, year: new Date().getFullYear() });
    if (!created.ok) throw new Error(`council survey not created: ${created.error.kind}`);
    return reply.redirect(`/council/surveys/${created.value.id}?done=created`, 303);
  });

  const renderSurvey = async (request: FastifyRequest, reply: FastifyReply, member: Member, errors: FieldError[] = [], values: CouncilQuestionValues = emptyCouncilQuestion, status?: number) => {
    const id = idOf(request);
    const round = id && (await councilSurvey(db, member.membership.organisationId, id));
    const found = round && (await roundWithQuestionnaire(db, member.membership.organisationId, round.id));
    if (!found) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const openLink = `${request.protocol}://${request.host}/o/${member.membership.slug}/${found.round.id}`;
    const body = surveyPage(found.round, itemsOf(found.version.definition), { t, language, csrfToken, errors, values, openLink });
    const done = (request.query as { done?: string }).done;
    const notice = done === 'created' ? t('councilSurvey.created') : done === 'question' ? t('councilSurvey.question.added')
      : done === 'status' ? t('councilSurvey.status.done', { status: t(`status.${found.round.status}`).toLowerCase() }) : undefined;
    return send(request, reply, member, found.round.name, body, status ?? (errors.length ? 400 : 200), notice);
  };

  app.get('/council/surveys/:id', async (request, reply) => {
    const member = requireRole(request, reply, COUNCIL);
    if (member) return renderSurvey(request, reply, member);
  });

  app.post('/council/surveys/:id/questions', async (request, reply) => {
    const member = requireRole(request, reply, COUNCIL);
    if (!member) return;
    const id = idOf(request);
    const found = id && (await councilSurvey(db, member.membership.organisationId, id));
    if (!found) return reply.callNotFound();
    const values = councilQuestionValues((request.body ?? {}) as Record<string, unknown>);
    const number = found.ownBlocks.flatMap((b) => b.items).length + 1;
    const { item, errors } = councilQuestionFromForm(values, number, request.ctx.t);
    if (!item) return renderSurvey(request, reply, member, errors, values);
    const saved = await addCouncilQuestion(db, actorOf(member), found.id, item);
    if (!saved.ok) {
      if (saved.error.kind === 'not-found') return reply.callNotFound();
      return renderSurvey(request, reply, member, [{ field: 'text', message: request.ctx.t(saved.error.kind === 'not-draft' ? 'round.error.notDraft' : 'councilSurvey.error.text') }], values, saved.error.kind === 'not-draft' ? 409 : 400);
    }
    return reply.redirect(`/council/surveys/${found.id}?done=question`, 303);
  });

  app.post('/council/surveys/:id/status', async (request, reply) => {
    const member = requireRole(request, reply, COUNCIL);
    if (!member) return;
    const id = idOf(request);
    const found = id && (await councilSurvey(db, member.membership.organisationId, id));
    if (!found) return reply.callNotFound();
    const action = (request.body as Record<string, unknown> | undefined)?.action;
    const { t } = request.ctx;
    if (action !== 'start-fieldwork' && action !== 'close') return renderSurvey(request, reply, member, [{ field: 'main', message: t('councilSurvey.error.status') }], undefined, 400);
    if (action === 'start-fieldwork' && found.ownBlocks.every((b) => b.items.length === 0)) {
      return renderSurvey(request, reply, member, [{ field: 'text', message: t('councilSurvey.error.noQuestions') }], undefined, 409);
    }
    const changed = await changeCouncilSurveyStatus(db, actorOf(member), found.id, action as CouncilAction);
    if (!changed.ok) {
      if (changed.error === 'not-found') return reply.callNotFound();
      return renderSurvey(request, reply, member, [{ field: 'main', message: t('councilSurvey.error.status') }], undefined, 409);
    }
    options.surveyStates.forgetRound(found.id);
    return reply.redirect(`/council/surveys/${found.id}?done=status`, 303);
  });

  app.get('/council/surveys/:id/results', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = idOf(request);
    const view = id && (await councilSurveyReport(db, member.membership.organisationId, id));
    if (!view) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    return send(request, reply, member, t('councilSurvey.results.title', { name: view.round.name }), resultsPage(view, { t, language, csrfToken, errors: [] }));
  });
}
