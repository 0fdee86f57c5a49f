import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { attemptCounter } from '../../app/attempt-counter.ts';
import { normaliseEmail } from '../../app/create-user.ts';
import { CHALLENGE_MINUTES, SESSION_HOURS, signIn, signOut, switchOrganisation } from '../../app/sign-in.ts';
import type { DB } from '../../db/schema.ts';
import { html } from '../html.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, page, type FieldError } from '../layout.ts';
import { cookieOptions, SESSION_COOKIE } from '../request-context.ts';
import { requireRole, safeNext, STAFF } from '../guards.ts';
import { CHALLENGE_COOKIE } from './second-factor-routes.ts';

interface AuthOptions {
  readonly db: Kysely<DB>;
  readonly secureCookies: boolean;
  readonly signInLimit: number;
  readonly secret: string;
}

/**
 * Lock-out per account on top of the per-client limit: after this many failed sign-ins on one
 * address within the window, that address is refused (even with the right password) until the
 * window ends, whichever client tries. Counted for unknown addresses too, so the lock-out does
 * not tell which addresses exist.
 */
export const ACCOUNT_FAILURES_ALLOWED = 10;
export const ACCOUNT_LOCK_MS = 15 * 60_000;

function signInPage(request: FastifyRequest, form: { email: string; next: string }, errors: FieldError[], notice?: string) {
  const { t, language, csrfToken } = request.ctx;
  return page({
    title: t('signIn.title'),
    language,
    t,
    csrfToken,
    path: '/sign-in',
    notice,
    body: html`<div class="ks-narrow">
<h1 class="utrecht-heading-1">${t('signIn.title')}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('signIn.intro')}</p>
<form method="post" action="/sign-in" novalidate>
  ${csrfField(csrfToken)}
  <input type="hidden" name="next" value="${form.next}">
  <div class="utrecht-form-field ${errors.some((e) => e.field === 'email') ? 'utrecht-form-field--invalid' : ''}">
    <label class="utrecht-form-label" for="email">${t('signIn.email')}</label>
    ${fieldError(errors, 'email')}
    <input class="utrecht-textbox utrecht-textbox--html-input" id="email" name="email" type="email" autocomplete="username" spellcheck="false" value="${form.email}" ${describedBy(errors, 'email')} ${invalid(errors, 'email')}>
  </div>
  <div class="utrecht-form-field ${errors.some((e) => e.field === 'password') ? 'utrecht-form-field--invalid' : ''}">
    <label class="utrecht-form-label" for="password">${t('signIn.password')}</label>
    ${fieldError(errors, 'password')}
    <input class="utrecht-textbox utrecht-textbox--html-input" id="password" name="password" type="password" autocomplete="current-password" ${describedBy(errors, 'password')} ${invalid(errors, 'password')}>
  </div>
  <button class="utrecht-button utrecht-button--primary-action" type="submit">${t('signIn.submit')}</button>
</form>
<p class="utrecht-paragraph ks-respondent-hint"><a class="utrecht-link" href="/r">${t('signIn.respondent')}</a></p>
</div>`,
  }).value;
}

function sendHtml(reply: FastifyReply, body: string, status = 200) {
  return reply.code(status).type('text/html').send(body);
}

export async function authRoutes(app: FastifyInstance, options: AuthOptions): Promise<void> {
  const attempts = attemptCounter(options.db, options.secret);
  app.get('/sign-in', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    if (request.ctx.session) return reply.redirect(safeNext(query.next), 303);
    const notice = query.signedOut === '1' ? request.ctx.t('signedOut') : undefined;
    return sendHtml(reply, signInPage(request, { email: '', next: safeNext(query.next) }, [], notice));
  });

  app.post(
    '/sign-in',
    { config: { rateLimit: { max: options.signInLimit, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { t } = request.ctx;
      const body = request.body as Record<string, string | undefined>;
      const email = (body.email ?? '').trim();
      const password = body.password ?? '';
      const next = safeNext(body.next);
      const errors: FieldError[] = [];
      if (email === '') errors.push({ field: 'email', message: t('signIn.emailMissing') });
      if (password === '') errors.push({ field: 'password', message: t('signIn.passwordMissing') });
      if (errors.length) return sendHtml(reply, signInPage(request, { email, next }, errors), 400);
      const accountKey = `sign-in-account:${normaliseEmail(email) ?? email.toLowerCase()}`;
      const failures = await attempts.read(accountKey, ACCOUNT_LOCK_MS);
      if (failures.count >= ACCOUNT_FAILURES_ALLOWED) {
        const minutes = String(Math.max(1, Math.ceil(failures.ttlMs / 60_000)));
        return sendHtml(reply.header('retry-after', String(Math.ceil(failures.ttlMs / 1000))), signInPage(request, { email, next }, [{ field: 'password', message: t('signIn.locked', { minutes }) }]), 429);
      }
      const result = await signIn(options.db, { email, password, replacesSessionId: request.ctx.session?.sessionId });
      if (!result.ok) {
        await attempts.count(accountKey, ACCOUNT_LOCK_MS);
        return sendHtml(reply, signInPage(request, { email, next }, [{ field: 'email', message: t('signIn.invalid') }]), 401);
      }
      if (result.value.kind === 'second-factor') {
        reply.setCookie(CHALLENGE_COOKIE, result.value.challengeToken, cookieOptions(options.secureCookies, CHALLENGE_MINUTES * 60));
        return reply.redirect(`/sign-in/code?next=${encodeURIComponent(next)}`, 303);
      }
      reply.setCookie(SESSION_COOKIE, result.value.token, cookieOptions(options.secureCookies, SESSION_HOURS * 3600));
      return reply.redirect(next, 303);
    },
  );

  app.post('/sign-out', async (request, reply) => {
    if (request.ctx.session) await signOut(options.db, request.ctx.session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in?signedOut=1', 303);
  });

  app.get('/organisations', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const { t, language, csrfToken } = request.ctx;
    return sendHtml(
      reply,
      page({
        title: t('organisations.title'),
        language,
        t,
        csrfToken,
        path: '/organisations',
        user: member.session,
        body: html`<h1 class="utrecht-heading-1">${t('organisations.title')}</h1>
<ul class="ks-card-list">${member.session.memberships.map(
          (m) => html`<li><form method="post" action="/organisations">${csrfField(csrfToken)}
<input type="hidden" name="organisationId" value="${m.organisationId}">
<p class="utrecht-paragraph"><strong>${m.name}</strong> · ${t(`role.${m.role}`)}</p>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('organisations.choose')}<span class="ks-visually-hidden">: ${m.name}</span></button></form></li>`,
        )}</ul>`,
      }).value,
    );
  });

  app.post('/organisations', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const organisationId = String((request.body as Record<string, unknown>).organisationId ?? '');
    const switched = await switchOrganisation(options.db, member.session, organisationId);
    return reply.redirect(switched ? '/rounds' : '/organisations', 303);
  });
}
