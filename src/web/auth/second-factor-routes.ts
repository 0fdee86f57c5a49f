import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { membersOf } from '../../app/manage-members.ts';
import {
  answerChallenge,
  beginSecondFactorSetup,
  confirmSecondFactorSetup,
  pendingSecondFactor,
  resetSecondFactor,
  secondFactorState,
  turnOffSecondFactor,
  usersWithSecondFactor,
} from '../../app/second-factor.ts';
import { SESSION_HOURS } from '../../app/sign-in.ts';
import type { DB } from '../../db/schema.ts';
import { ADMINISTRATORS, requireRole, safeNext, STAFF, type Member } from '../guards.ts';
import { html, type Html } from '../html.ts';
import { csrfField, page, type FieldError } from '../layout.ts';
import { cookieOptions, SESSION_COOKIE } from '../request-context.ts';
import { accountBody, signInCodeBody, type AccountView } from './second-factor-pages.ts';

/** Holds the token of a sign-in whose password was right and whose code is still to come. */
export const CHALLENGE_COOKIE = 'ks_challenge';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface SecondFactorOptions {
  readonly db: Kysely<DB>;
  readonly secret: string;
  readonly secureCookies: boolean;
  readonly codeLimit: number;
}

export async function secondFactorRoutes(app: FastifyInstance, options: SecondFactorOptions): Promise<void> {
  const { db, secret } = options;

  function send(request: FastifyRequest, reply: FastifyReply, title: string, body: Html, status = 200, member?: Member, notice?: string) {
    const { t, language, csrfToken } = request.ctx;
    return reply.code(status).type('text/html').send(page({ title, language, t, csrfToken, path: request.url.split('?')[0]!, user: member?.session, body, notice }).value);
  }

  function backToSignIn(request: FastifyRequest, reply: FastifyReply, message: string) {
    reply.clearCookie(CHALLENGE_COOKIE, { path: '/' });
    const { t } = request.ctx;
    return send(request, reply, t('signInCode.title'), html`<div class="ks-narrow"><h1 class="utrecht-heading-1">${t('signInCode.title')}</h1>
<div class="utrecht-alert utrecht-alert--warning" role="alert"><p class="utrecht-paragraph">${message}</p></div>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/sign-in">${t('signInCode.back')}</a></p></div>`, 401);
  }

  app.get('/sign-in/code', async (request, reply) => {
    const { t, csrfToken } = request.ctx;
    if (!request.cookies[CHALLENGE_COOKIE]) return backToSignIn(request, reply, t('signInCode.expired'));
    const next = safeNext((request.query as Record<string, string | undefined>).next);
    return send(request, reply, t('signInCode.title'), signInCodeBody(t, csrfToken, next, []));
  });

  app.post('/sign-in/code', { config: { rateLimit: { max: options.codeLimit, timeWindow: '1 minute' } } }, async (request, reply) => {
    const { t, csrfToken } = request.ctx;
    const challengeToken = request.cookies[CHALLENGE_COOKIE];
    if (!challengeToken) return backToSignIn(request, reply, t('signInCode.expired'));
    const body = request.body as Record<string, string | undefined>;
    const next = safeNext(body.next);
    const code = (body.code ?? '').replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) {
      return send(request, reply, t('signInCode.title'), signInCodeBody(t, csrfToken, next, [{ field: 'code', message: t('account.error.codeFormat') }]), 400);
    }
    const answered = await answerChallenge(db, secret, { challengeToken, code });
    if (!answered.ok) {
      if (answered.error === 'wrong-code') {
        return send(request, reply, t('signInCode.title'), signInCodeBody(t, csrfToken, next, [{ field: 'code', message: t('account.error.codeWrong') }]), 401);
      }
      return backToSignIn(request, reply, t(answered.error === 'too-many' ? 'signInCode.tooMany' : 'signInCode.expired'));
    }
    reply.clearCookie(CHALLENGE_COOKIE, { path: '/' });
    reply.setCookie(SESSION_COOKIE, answered.value.token, cookieOptions(options.secureCookies, SESSION_HOURS * 3600));
    return reply.redirect(next, 303);
  });

  async function accountPage(request: FastifyRequest, reply: FastifyReply, member: Member, errors: FieldError[] = [], status = 200) {
    const { t, csrfToken } = request.ctx;
    const user = { userId: member.session.userId, email: member.session.email };
    const state = await secondFactorState(db, user.userId);
    const pending = state === 'being-set-up' ? await pendingSecondFactor(db, secret, user) : undefined;
    const view: AccountView = state === 'on' ? { kind: 'on' } : pending ? { kind: 'setting-up', ...pending } : { kind: 'off' };
    const done = (request.query as Record<string, string | undefined>).done;
    const notice = done === 'on' ? t('account.twoFactor.turnedOn') : done === 'off' ? t('account.twoFactor.turnedOff') : undefined;
    return send(request, reply, t('account.title'), await accountBody(t, csrfToken, view, errors), status, member, notice);
  }

  app.get('/account', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    return accountPage(request, reply, member);
  });

  app.post('/account/second-factor/setup', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    await beginSecondFactorSetup(db, secret, { userId: member.session.userId, email: member.session.email });
    return reply.redirect('/account', 303);
  });

  app.post('/account/second-factor/confirm', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const { t } = request.ctx;
    const code = String((request.body as Record<string, unknown>).code ?? '').replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) return accountPage(request, reply, member, [{ field: 'code', message: t('account.error.codeFormat') }], 400);
    const confirmed = await confirmSecondFactorSetup(db, secret, { userId: member.session.userId, organisationId: member.membership.organisationId, code });
    if (!confirmed.ok) {
      const message = t(confirmed.error === 'wrong-code' ? 'account.error.codeWrong' : 'account.error.notBeingSetUp');
      return accountPage(request, reply, member, [{ field: 'code', message }], 400);
    }
    return reply.redirect('/account?done=on', 303);
  });

  app.post('/account/second-factor/off', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const password = String((request.body as Record<string, unknown>).password ?? '');
    const turnedOff = await turnOffSecondFactor(db, { userId: member.session.userId, organisationId: member.membership.organisationId, password });
    if (!turnedOff.ok) return accountPage(request, reply, member, [{ field: 'password', message: request.ctx.t('account.error.passwordWrong') }], 400);
    return reply.redirect('/account?done=off', 303);
  });

  async function memberWithSecondFactor(member: Member, userId: string) {
    if (!UUID.test(userId)) return undefined;
    const target = (await membersOf(db, member.membership.organisationId)).find((m) => m.userId === userId);
    return target && (await usersWithSecondFactor(db, [userId])).has(userId) ? target : undefined;
  }

  app.get('/admin/users/:userId/second-factor', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const target = await memberWithSecondFactor(member, (request.params as { userId: string }).userId);
    if (!target) return reply.callNotFound();
    const { t, csrfToken } = request.ctx;
    return send(request, reply, t('users.twoFactor.resetTitle', { name: target.name }), html`<h1 class="utrecht-heading-1">${t('users.twoFactor.resetTitle', { name: target.name })}</h1>
<p class="utrecht-paragraph">${t('users.twoFactor.resetIntro', { name: target.name })}</p>
<form method="post" action="/admin/users/${target.userId}/second-factor">${csrfField(csrfToken)}
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action utrecht-button--danger" type="submit">${t('users.twoFactor.resetConfirm')}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/admin/users">${t('users.removeConfirm.no')}</a></div></form>`, 200, member);
  });

  app.post('/admin/users/:userId/second-factor', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const target = await memberWithSecondFactor(member, (request.params as { userId: string }).userId);
    if (!target) return reply.callNotFound();
    await resetSecondFactor(db, { organisationId: member.membership.organisationId, actorId: member.session.userId, userId: target.userId });
    return reply.redirect('/admin/users?done=secondFactorReset', 303);
  });
}
