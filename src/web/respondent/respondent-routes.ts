import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { enterWithCode, type EntryProblem, type RespondentTicket } from '../../app/respondent/enter-with-code.ts';
import { PageSaveBatcher } from '../../app/respondent/page-save-batcher.ts';
import { completeSurvey, flowOf, loadSurvey, type Survey, type SurveyProblem } from '../../app/respondent/respondent-survey.ts';
import { SurveyStateCache } from '../../app/respondent/survey-state-cache.ts';
import type { DB } from '../../db/schema.ts';
import { previousPage, resumePage, stepOf } from '../../domain/respondent/page-flow.ts';
import { respondentTranslator, type RespondentLanguage } from '../i18n/respondent-translate.ts';
import type { RespondentKey } from '../i18n/respondent-nl.ts';
import { cookieOptions } from '../request-context.ts';
import { FailureLimiter } from './failure-limiter.ts';
import { attemptCounter } from '../../app/attempt-counter.ts';
import { doneCookie, openLinkRoutes } from './open-link-routes.ts';
import { checkPage, entryForm, messagePage, questionPage, type PageContext } from './respondent-pages.ts';
import { chosenLanguage, respondentLanguage, sendRespondentPage } from './respondent-reply.ts';
import { readRevision, readTicket, REVISION_COOKIE, signTicket, TICKET_COOKIE } from './respondent-ticket.ts';

export interface RespondentOptions {
  readonly db: Kysely<DB>;
  readonly secret: string;
  readonly secureCookies: boolean;
  /** Code attempts per client per minute. */
  readonly codeAttemptsPerClient: number;
  /** Failed code attempts per minute, all clients together. */
  readonly codeFailuresTotal: number;
  /** Responses this process saved or read lately (one per process; see SurveyStateCache). */
  readonly surveyStates: SurveyStateCache;
}

function thanksSignature(secret: string, organisationName: string): string {
  return createHmac('sha256', secret).update(`thanks:${organisationName}`).digest('base64url').slice(0, 22);
}

const entryMessages: Record<EntryProblem, RespondentKey> = {
  empty: 'entry.error.empty', length: 'entry.error.length', characters: 'entry.error.characters', check: 'entry.error.check',
  unknown: 'entry.error.unknown', completed: 'entry.error.completed', 'not-open': 'entry.error.notOpen',
};

export async function respondentRoutes(app: FastifyInstance, options: RespondentOptions): Promise<void> {
  const { db } = options;
  const failures = new FailureLimiter(options.codeFailuresTotal, attemptCounter(db, options.secret));
  const codeLimit = { rateLimit: { max: options.codeAttemptsPerClient, timeWindow: '1 minute' } };
  const states = options.surveyStates;
  const saves = new PageSaveBatcher(db, (responseId) => states.latest(responseId));

  /** Keeps a state this browser may be shown from memory, and tells the browser its revision. */
  function remember(request: FastifyRequest, reply: FastifyReply, survey: Survey, derived = false): void {
    states.put(survey, derived);
    if (readRevision(request.cookies[REVISION_COOKIE]) !== survey.response.revision) {
      reply.setCookie(REVISION_COOKIE, String(survey.response.revision), cookieOptions(options.secureCookies));
    }
  }

  function ctx(request: FastifyRequest, language: RespondentLanguage): PageContext {
    return { t: respondentTranslator(language), language, csrfToken: request.ctx.csrfToken };
  }

  function entryPage(request: FastifyRequest, reply: FastifyReply, code: string, problem?: RespondentKey, status = 200) {
    const language = respondentLanguage(request, reply);
    const t = respondentTranslator(language);
    return sendRespondentPage(request, reply, language, { title: t('entry.title'), body: entryForm(ctx(request, language), code, problem && t(problem)) }, status);
  }

  async function enter(request: FastifyRequest, reply: FastifyReply, code: string) {
    if (await failures.blocked()) return entryPage(request, reply, code, 'entry.error.busy', 429);
    const language = respondentLanguage(request, reply);
    const entered = await enterWithCode(db, { code, language });
    if (!entered.ok) {
      if (entered.error === 'unknown') await failures.recordFailure();
      return entryPage(request, reply, code, entryMessages[entered.error], entered.error === 'not-open' || entered.error === 'completed' ? 200 : 400);
    }
    reply.setCookie(TICKET_COOKIE, signTicket(options.secret, entered.value), cookieOptions(options.secureCookies));
    return reply.redirect('/survey', 303);
  }

  app.get('/r', async (request, reply) => entryPage(request, reply, ''));
  app.post('/r', { config: codeLimit }, async (request, reply) => enter(request, reply, String((request.body as Record<string, unknown>).code ?? '').slice(0, 100)));
  // Links in e-mails and QR codes on letters.
  app.get('/r/:code', { config: codeLimit }, async (request, reply) => enter(request, reply, (request.params as { code: string }).code.slice(0, 100)));

  app.get('/privacy', async (request, reply) => {
    const language = respondentLanguage(request, reply);
    const t = respondentTranslator(language);
    return sendRespondentPage(request, reply, language, {
      title: t('privacy.title'),
      body: messagePage(t('privacy.title'), [t('privacy.text1'), t('privacy.text2'), t('privacy.text3'), t('privacy.text4'), t('privacy.text5')], { href: '/survey', text: t('privacy.back') }),
    });
  });

  function problemPage(request: FastifyRequest, reply: FastifyReply, problem: SurveyProblem) {
    const language = respondentLanguage(request, reply);
    const t = respondentTranslator(language);
    if (problem === 'completed') {
      reply.clearCookie(TICKET_COOKIE, { path: '/' });
      return sendRespondentPage(request, reply, language, { title: t('thanks.title'), body: messagePage(t('thanks.title'), [t('entry.error.completed')]) });
    }
    if (problem === 'closed') return sendRespondentPage(request, reply, language, { title: t('gone.title'), body: messagePage(t('gone.title'), [t('closed.text')]) }, 410);
    return sendRespondentPage(request, reply, language, { title: t('gone.title'), body: messagePage(t('gone.title'), [t('gone.text')], { href: '/r', text: t('gone.again') }) }, 404);
  }

  /** The response, read from the database. */
  async function withSurvey(request: FastifyRequest, reply: FastifyReply, then: (ticket: RespondentTicket, survey: Survey, language: RespondentLanguage) => Promise<unknown>) {
    const ticket = readTicket(options.secret, request.cookies[TICKET_COOKIE]);
    if (!ticket) return problemPage(request, reply, 'gone');
    const loaded = await loadSurvey(db, ticket);
    if (!loaded.ok) {
      states.forget(ticket.responseId);
      return problemPage(request, reply, loaded.error);
    }
    remember(request, reply, loaded.value);
    return then(ticket, loaded.value, respondentLanguage(request, reply, loaded.value.response.language));
  }

  /** The response for showing a page: from memory when this process holds the revision the browser last saw. */
  async function viewSurvey(request: FastifyRequest, reply: FastifyReply, then: (survey: Survey, language: RespondentLanguage) => unknown) {
    const ticket = readTicket(options.secret, request.cookies[TICKET_COOKIE]);
    const known = ticket && states.get(ticket.responseId, readRevision(request.cookies[REVISION_COOKIE]));
    if (!known || known.response.organisationId !== ticket.organisationId) return withSurvey(request, reply, async (_t, survey, language) => then(survey, language));
    return then(known, respondentLanguage(request, reply, known.response.language));
  }

  app.get('/survey', async (request, reply) =>
    viewSurvey(request, reply, (survey) => {
      const flow = flowOf(survey);
      return reply.redirect(`/survey/${resumePage(survey.questionnaire, flow, survey.response.lastBlock)}`, 303);
    }));

  function renderCheck(request: FastifyRequest, reply: FastifyReply, survey: Survey, language: RespondentLanguage, missing: boolean) {
    const t = respondentTranslator(language);
    const flow = flowOf(survey);
    return sendRespondentPage(request, reply, language, {
      title: t('check.title'),
      organisationName: survey.organisationName,
      body: checkPage(ctx(request, language), { survey, pages: flow.pages, items: flow.items, step: stepOf(flow, 'check'), back: previousPage(survey.questionnaire, flow, 'check'), missing }),
    }, missing ? 400 : 200);
  }

  app.get('/survey/check', async (request, reply) => viewSurvey(request, reply, (survey, language) => renderCheck(request, reply, survey, language, false)));

  app.post('/survey/check', async (request, reply) =>
    withSurvey(request, reply, async (ticket, survey, language) => {
      const done = await completeSurvey(db, ticket);
      if (done.ok || done.error.kind !== 'missing') states.forget(ticket.responseId);
      if (done.ok) {
        reply.clearCookie(TICKET_COOKIE, { path: '/' });
        if (survey.access === 'open') reply.setCookie(doneCookie(survey.roundId), '1', cookieOptions(options.secureCookies, 365 * 86400));
        return reply.redirect(`/thanks?lang=${language}&org=${encodeURIComponent(survey.organisationName)}&sig=${thanksSignature(options.secret, survey.organisationName)}`, 303);
      }
      if (done.error.kind === 'missing') return renderCheck(request, reply, survey, language, true);
      return problemPage(request, reply, done.error.kind);
    }));

  app.get('/thanks', async (request, reply) => {
    const language = respondentLanguage(request, reply);
    const t = respondentTranslator(language);
    const query = request.query as Record<string, unknown>;
    // Only a name this server signed is shown, so nobody can send people a link that puts
    // words of their own on our thank-you page.
    const named = String(query.org ?? '').slice(0, 200);
    const organisation = query.sig === thanksSignature(options.secret, named) ? named : '';
    return sendRespondentPage(request, reply, language, { title: t('thanks.title'), organisationName: organisation || undefined, body: messagePage(t('thanks.title'), [t('thanks.text', { organisation: organisation || t('thanks.organisation') }), t('thanks.close')]) });
  });

  function renderQuestion(request: FastifyRequest, reply: FastifyReply, survey: Survey, language: RespondentLanguage, blockKey: string, read?: Parameters<typeof questionPage>[1]['read']) {
    const flow = flowOf(survey);
    const block = flow.pages.find((b) => b.key === blockKey);
    if (!block) return reply.redirect('/survey', 303);
    const t = respondentTranslator(language);
    const returnToCheck = (request.query as Record<string, unknown>).return === 'check' || (request.body as Record<string, unknown> | undefined)?.return === 'check';
    return sendRespondentPage(request, reply, language, {
      title: t("step", { number: stepOf(flow, block.key).number, of: stepOf(flow, block.key).of }),
      organisationName: survey.organisationName,
      body: questionPage(ctx(request, language), {
        survey, block, items: flow.items.filter((i) => block.items.includes(i)), step: stepOf(flow, block.key),
        back: previousPage(survey.questionnaire, flow, block.key), read, returnToCheck,
      }),
    }, read ? 400 : 200);
  }

  app.get('/survey/:block', async (request, reply) =>
    viewSurvey(request, reply, (survey, language) => renderQuestion(request, reply, survey, language, (request.params as { block: string }).block)));

  app.post('/survey/:block', async (request, reply) => {
    const ticket = readTicket(options.secret, request.cookies[TICKET_COOKIE]);
    if (!ticket) return problemPage(request, reply, 'gone');
    const blockKey = (request.params as { block: string }).block;
    const body = request.body as Record<string, unknown>;
    const saved = await saves.save({ ticket, blockKey, body, language: chosenLanguage(request, reply) });
    if (!saved.ok) {
      states.forget(ticket.responseId);
      return problemPage(request, reply, saved.error);
    }
    const outcome = saved.value;
    if (outcome.kind === 'off-route') return reply.redirect('/survey', 303);
    remember(request, reply, outcome.survey, outcome.fromMemory);
    const language = respondentLanguage(request, reply, outcome.survey.response.language);
    if (outcome.kind === 'invalid') return renderQuestion(request, reply, outcome.survey, language, blockKey, outcome.read);
    return reply.redirect(`/survey/${body.return === 'check' ? 'check' : outcome.next}`, 303);
  });

  await app.register(openLinkRoutes, { db, secret: options.secret, secureCookies: options.secureCookies, perClient: options.codeAttemptsPerClient });
}
