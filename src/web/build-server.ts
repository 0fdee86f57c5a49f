import { createRequire } from 'node:module';
import { attemptCounter } from '../app/attempt-counter.ts';
import { SurveyStateCache } from '../app/respondent/survey-state-cache.ts';
import { sharedRateLimitStore } from './shared-rate-limit-store.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { adminRoutes } from './admin/admin-routes.ts';
import { reportSettingsRoutes } from './admin/report-settings-routes.ts';
import { apiRoutes } from './api/api-routes.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { secondFactorRoutes } from './auth/second-factor-routes.ts';
import { codebookRoutes } from './open-answers/codebook-routes.ts';
import { codingRoutes } from './open-answers/coding-routes.ts';
import { openAnswersRoutes } from './open-answers/open-answers-routes.ts';
import { renderError } from './error-pages.ts';
import { emailPlugin } from './email/email-plugin.ts';
import { addressRoutes } from './fieldwork/address-routes.ts';
import { questionnaireImportRoutes } from './history-import/questionnaire-import-routes.ts';
import { publishedFiguresRoutes } from './history-import/published-figures-routes.ts';
import { rawResponsesRoutes } from './history-import/raw-responses-routes.ts';
import { organiserRoutes } from './benchmark/organiser-routes.ts';
import { participantRoutes } from './benchmark/participant-routes.ts';
import { signingKeyRoutes } from './benchmark/signing-key-routes.ts';
import { benchmarkRoutes } from './benchmark/benchmark-routes.ts';
import { sampleRoutes } from './fieldwork/sample-routes.ts';
import { requestContext } from './request-context.ts';
import { securityHeaders } from './security-headers.ts';
import { jobRoutes } from './jobs/job-routes.ts';
import { operationsRoutes } from './operations/operations-routes.ts';
import { paperRoutes } from './paper/paper-routes.ts';
import { lettersRoutes } from './letters/letters-routes.ts';
import { respondentRoutes } from './respondent/respondent-routes.ts';
import { questionnaireRoutes } from './research/questionnaire-routes.ts';
import { exportRoutes } from './research/export-routes.ts';
import { publicationRoutes } from './research/publication-routes.ts';
import { publicRoutes } from './public/public-routes.ts';
import { planRoutes } from './plan/plan-routes.ts';
import { fieldworkRoutes } from './fieldwork/fieldwork-routes.ts';
import { reportRoutes } from './research/report-routes.ts';
import { itemReportRoutes } from './research/item-report-routes.ts';
import { roundRoutes } from './research/round-routes.ts';
import { roundStatusRoutes } from './research/round-status-routes.ts';
import { councilRoutes } from './council/council-routes.ts';
import { conversationRoutes } from './qualitative/conversation-routes.ts';
import { passageRoutes } from './qualitative/passage-routes.ts';
import { recommendationRoutes } from './qualitative/recommendation-routes.ts';
import { studyRoutes } from './qualitative/study-routes.ts';

export interface BuildOptions {
  readonly db: Kysely<DB>;
  readonly secret: string;
  readonly secureCookies?: boolean;
  /** Address respondents use, for links in letters and e-mails; defaults to http://localhost:3000. */
  readonly publicUrl?: string;
  readonly logger?: FastifyServerOptions['logger'];
  /** Sign-in attempts per client per minute. */
  readonly signInLimit?: number;
  /**
   * How many reverse proxies in front of the server add X-Forwarded-For (0: none, the default).
   * Only those hops are believed: otherwise anyone could name their own address in the header
   * and step around the per-client rate limits.
   */
  readonly trustProxy?: number;
  /** Access-code attempts per client per minute, and failed attempts per minute in total. */
  readonly codeAttemptsPerClient?: number;
  readonly codeFailuresTotal?: number;
}

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** Builds the whole web application; never listens (main.ts does, tests use inject). */
export async function build(options: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // proxy-addr asks hop by hop, starting at the socket's peer: believe the first n of them.
    trustProxy: (_address: string, hop: number) => hop < (options.trustProxy ?? 0),
    bodyLimit: 1024 * 1024,
  });
  await app.register(securityHeaders);
  await app.register(cookie);
  await app.register(formbody);
  // Counted in the database, so the limits hold across every process of the installation.
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(attemptCounter(options.db, options.secret)) });
  await app.register(requestContext, {
    db: options.db,
    secret: options.secret,
    secureCookies: options.secureCookies ?? false,
  });

  const utrecht = require.resolve('@utrecht/component-library-css/dist/index.css');
  const tokens = require.resolve('@utrecht/design-tokens/dist/index.css');
  await app.register(fastifyStatic, { root: path.join(here, 'assets'), prefix: '/assets/', maxAge: '1h' });
  app.get('/assets/utrecht.css', (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').sendFile(path.basename(utrecht), path.dirname(utrecht)),
  );
  app.get('/assets/utrecht-tokens.css', (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').sendFile(path.basename(tokens), path.dirname(tokens)),
  );

  // What respondents saved or read lately, so a question page needs no query (one per process).
  const surveyStates = new SurveyStateCache();
  await app.register(operationsRoutes, { db: options.db });
  app.get('/', async (request, reply) => reply.redirect(request.ctx.session ? '/rounds' : '/sign-in', 303));
  await app.register(authRoutes, { db: options.db, secureCookies: options.secureCookies ?? false, signInLimit: options.signInLimit ?? 10, secret: options.secret });
  await app.register(secondFactorRoutes, { db: options.db, secret: options.secret, secureCookies: options.secureCookies ?? false, codeLimit: options.signInLimit ?? 10 });
  await app.register(roundRoutes, { db: options.db });
  await app.register(openAnswersRoutes, { db: options.db });
  await app.register(codingRoutes, { db: options.db });
  await app.register(codebookRoutes, { db: options.db });
  await app.register(roundStatusRoutes, { db: options.db, surveyStates });
  await app.register(reportRoutes, { db: options.db });
  await app.register(planRoutes, { db: options.db });
  await app.register(itemReportRoutes, { db: options.db });
  await app.register(exportRoutes, { db: options.db });
  await app.register(publicationRoutes, { db: options.db, publicUrl: options.publicUrl ?? 'http://localhost:3000' });
  await app.register(publicRoutes, { db: options.db });
  await app.register(fieldworkRoutes, { db: options.db });
  await app.register(addressRoutes, { db: options.db });
  await app.register(sampleRoutes, { db: options.db, secret: options.secret });
  await app.register(questionnaireRoutes, { db: options.db });
  await app.register(questionnaireImportRoutes, { db: options.db });
  await app.register(publishedFiguresRoutes, { db: options.db });
  await app.register(rawResponsesRoutes, { db: options.db });
  await app.register(benchmarkRoutes, { db: options.db });
  await app.register(signingKeyRoutes, { db: options.db, secret: options.secret });
  await app.register(organiserRoutes, { db: options.db, secret: options.secret });
  await app.register(participantRoutes, { db: options.db, secret: options.secret });
  await app.register(studyRoutes, { db: options.db });
  await app.register(conversationRoutes, { db: options.db });
  await app.register(passageRoutes, { db: options.db });
  await app.register(recommendationRoutes, { db: options.db });
  await app.register(adminRoutes, { db: options.db });
  await app.register(reportSettingsRoutes, { db: options.db });
  await app.register(paperRoutes, { db: options.db });
  await app.register(lettersRoutes, { db: options.db, publicUrl: options.publicUrl ?? 'http://localhost:3000' });
  await app.register(jobRoutes, { db: options.db });
  await app.register(emailPlugin, { db: options.db, secret: options.secret, publicUrl: options.publicUrl ?? 'http://localhost:3000' });
  await app.register(councilRoutes, { db: options.db, surveyStates });
  await app.register(apiRoutes, { db: options.db, prefix: '/api/v1' });
  await app.register(respondentRoutes, {
    db: options.db,
    secret: options.secret,
    secureCookies: options.secureCookies ?? false,
    codeAttemptsPerClient: options.codeAttemptsPerClient ?? 10,
    codeFailuresTotal: options.codeFailuresTotal ?? 100,
    surveyStates,
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: 'not-found' });
    return reply.code(404).type('text/html').send(renderError(request, 'notFound').value);
  });
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (request.url.startsWith('/api/')) {
      return reply.code(status).send({ error: status === 429 ? 'rate-limited' : status >= 500 ? 'server-error' : 'bad-request' });
    }
    const kind = status === 429 ? 'rateLimit' : status === 404 ? 'notFound' : status === 403 ? 'forbidden' : 'server';
    return reply.code(status).type('text/html').send(renderError(request, kind).value);
  });
  return app;
}
