import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import '@fastify/cookie';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { resolveSession, type SessionContext } from '../app/sign-in.ts';
import type { DB } from '../db/schema.ts';
import { renderError } from './error-pages.ts';
import { messageSignature } from './message-signature.ts';
import { isLanguage, translator, type Language, type Translate } from './i18n/translate.ts';

export const SESSION_COOKIE = 'ks_session';
const ANON_COOKIE = 'ks_anon';
const LANGUAGE_COOKIE = 'ks_lang';

export interface RequestContext {
  language: Language;
  t: Translate;
  session: SessionContext | undefined;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

export interface RequestContextOptions {
  readonly db: Kysely<DB>;
  readonly secret: string;
  readonly secureCookies: boolean;
}

export function cookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
}

function csrfTokenFor(secret: string, binding: string): string {
  return messageSignature(secret, `csrf:${binding}`);
}

function pickLanguage(request: FastifyRequest, session: SessionContext | undefined): Language {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLanguage(query)) return query;
  const cookie = request.cookies[LANGUAGE_COOKIE];
  if (isLanguage(cookie)) return cookie;
  if (session && isLanguage(session.language)) return session.language;
  return 'nl';
}

/**
 * Resolves language, session and CSRF token for every request, and refuses any form POST whose
 * _csrf field does not match: the token is an HMAC of the session (or of an anonymous cookie
 * before sign-in), so another site cannot forge it.
 */
export const requestContext = fp(async (app: FastifyInstance, options: RequestContextOptions) => {
  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(options.db, token) : undefined;
    if (token && !session) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    let binding = session?.sessionId;
    if (!binding) {
      binding = request.cookies[ANON_COOKIE];
      if (!binding || !/^[A-Za-z0-9_-]{20,64}$/.test(binding)) {
        binding = randomBytes(24).toString('base64url');
        reply.setCookie(ANON_COOKIE, binding, cookieOptions(options.secureCookies));
      }
    }
    const language = pickLanguage(request, session);
    const query = (request.query as Record<string, unknown> | undefined)?.lang;
    if (isLanguage(query)) reply.setCookie(LANGUAGE_COOKIE, query, { ...cookieOptions(options.secureCookies, 365 * 86400), httpOnly: false });
    request.ctx = { language, t: translator(language), session, csrfToken: csrfTokenFor(options.secret, binding) };
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.url.startsWith('/api/')) return;
    const body = request.body as Record<string, unknown> | undefined;
    const sent = typeof body?._csrf === 'string' ? Buffer.from(body._csrf) : Buffer.alloc(0);
    const expected = Buffer.from(request.ctx.csrfToken);
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
      return reply.code(403).type('text/html').send(renderError(request, 'csrf').value);
    }
  });
});
