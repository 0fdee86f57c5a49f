import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Html } from '../html.ts';
import { pageBytes } from '../page-bytes.ts';
import { isRespondentLanguage, preferredLanguage, respondentTranslator, type RespondentLanguage } from '../i18n/respondent-translate.ts';
import { respondentPage } from './respondent-layout.ts';

// Language choice and page sending shared by the code-entry, open-link and survey routes.

const LANGUAGE_COOKIE = 'ks_rlang';

/** The language this browser chose (in the address or earlier), if it chose one. */
export function chosenLanguage(request: FastifyRequest, reply: FastifyReply): RespondentLanguage | undefined {
  const query = (request.query as Record<string, unknown>).lang;
  if (isRespondentLanguage(query)) {
    reply.setCookie(LANGUAGE_COOKIE, query, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 30 * 86400 });
    return query;
  }
  const cookie = request.cookies[LANGUAGE_COOKIE];
  return isRespondentLanguage(cookie) ? cookie : undefined;
}

export function respondentLanguage(request: FastifyRequest, reply: FastifyReply, fallback?: string): RespondentLanguage {
  const chosen = chosenLanguage(request, reply);
  if (chosen) return chosen;
  if (isRespondentLanguage(fallback)) return fallback;
  return preferredLanguage(request.headers['accept-language']) ?? 'nl';
}

export function sendRespondentPage(request: FastifyRequest, reply: FastifyReply, language: RespondentLanguage, props: { title: string; body: Html; organisationName?: string }, status = 200) {
  const path = request.url.split('?')[0]!;
  reply.header('cache-control', 'no-store');
  const page = respondentPage({ ...props, language, t: respondentTranslator(language), path }).value;
  return reply.code(status).type('text/html; charset=utf-8').send(pageBytes(page));
}

