import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { createUser } from '../../app/create-user.ts';
import { auditOf, changeRole, isRole, membersOf, removeMember } from '../../app/manage-members.ts';
import { usersWithSecondFactor } from '../../app/second-factor.ts';
import type { DB } from '../../db/schema.ts';
import { ADMINISTRATORS, requireRole, type Member } from '../guards.ts';
import { html, type Html } from '../html.ts';
import { csrfField, page, type FieldError } from '../layout.ts';
import { auditTable, membersTable, newUserForm, type NewUserValues } from './admin-pages.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function adminRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  function send(request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, status = 200, notice?: string) {
    const { t, language, csrfToken } = request.ctx;
    return reply.code(status).type('text/html').send(page({ title, language, t, csrfToken, path: request.url.split('?')[0]!, user: member.session, body, notice }).value);
  }

  async function usersPage(request: FastifyRequest, reply: FastifyReply, member: Member, values: NewUserValues, errors: FieldError[], status = 200) {
    const { t, csrfToken } = request.ctx;
    const members = await membersOf(db, member.membership.organisationId);
    const twoStep = await usersWithSecondFactor(db, members.map((m) => m.userId));
    const done = (request.query as Record<string, string | undefined>).done;
    const notices = { added: 'users.added', role: 'users.roleChanged', removed: 'users.removed', secondFactorReset: 'users.twoFactor.resetDone' } as const;
    const notice = done && done in notices ? t(notices[done as keyof typeof notices]) : undefined;
    return send(request, reply, member, t('users.title'), html`<h1 class="utrecht-heading-1">${t('users.title')}</h1>
<p class="utrecht-paragraph">${t('users.intro', { organisation: member.membership.name })}</p>
${membersTable(members, member.session.userId, twoStep, t, csrfToken)}
${newUserForm(values, errors, t, csrfToken)}`, status, notice);
  }

  const empty: NewUserValues = { name: '', email: '', role: 'researcher' };

  app.get('/admin/users', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (member) return usersPage(request, reply, member, empty, []);
  });

  app.post('/admin/users', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const { t } = request.ctx;
    const body = request.body as Record<string, string | undefined>;
    const values: NewUserValues = { name: (body.name ?? '').trim(), email: (body.email ?? '').trim(), role: isRole(body.role) ? body.role : 'researcher' };
    const created = await createUser(db, {
      ...values, password: body.password ?? '', organisationId: member.membership.organisationId, actorId: member.session.userId,
    });
    if (!created.ok) {
      const errors: Record<typeof created.error, FieldError> = {
        'email-invalid': { field: 'new-email', message: t('users.error.email') },
        'name-missing': { field: 'new-name', message: t('users.error.name') },
        'too-short': { field: 'new-password', message: t('users.error.passwordShort') },
        'too-long': { field: 'new-password', message: t('users.error.passwordLong') },
        'too-common': { field: 'new-password', message: t('users.error.passwordCommon') },
      };
      return usersPage(request, reply, member, values, [errors[created.error]], 400);
    }
    return reply.redirect('/admin/users?done=added', 303);
  });

  app.post('/admin/users/:userId/role', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const userId = (request.params as { userId: string }).userId;
    const role = (request.body as Record<string, unknown>).role;
    if (!UUID.test(userId) || !isRole(role)) return reply.callNotFound();
    const changed = await changeRole(db, { organisationId: member.membership.organisationId, actorId: member.session.userId, userId, role });
    if (!changed.ok) {
      if (changed.error === 'not-member') return reply.callNotFound();
      return usersPage(request, reply, member, empty, [{ field: `role-${userId}`, message: request.ctx.t('users.error.lastAdmin') }], 409);
    }
    return reply.redirect('/admin/users?done=role', 303);
  });

  app.get('/admin/users/:userId/remove', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const userId = (request.params as { userId: string }).userId;
    const target = (await membersOf(db, member.membership.organisationId)).find((m) => m.userId === userId);
    if (!target) return reply.callNotFound();
    const { t, csrfToken } = request.ctx;
    return send(request, reply, member, t('users.removeConfirm.title'), html`<h1 class="utrecht-heading-1">${t('users.removeConfirm.title')}</h1>
<p class="utrecht-paragraph">${t('users.removeConfirm.text', { name: target.name, email: target.email, organisation: member.membership.name })}</p>
<form method="post" action="/admin/users/${userId}/remove">${csrfField(csrfToken)}
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action utrecht-button--danger" type="submit">${t('users.removeConfirm.yes')}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/admin/users">${t('users.removeConfirm.no')}</a></div></form>`);
  });

  app.post('/admin/users/:userId/remove', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const userId = (request.params as { userId: string }).userId;
    if (!UUID.test(userId)) return reply.callNotFound();
    const removed = await removeMember(db, { organisationId: member.membership.organisationId, actorId: member.session.userId, userId });
    if (!removed.ok) {
      if (removed.error === 'not-member') return reply.callNotFound();
      const message = request.ctx.t(removed.error === 'self' ? 'users.error.self' : 'users.error.lastAdmin');
      return usersPage(request, reply, member, empty, [{ field: `role-${userId}`, message }], 409);
    }
    return reply.redirect('/admin/users?done=removed', 303);
  });

  app.get('/admin/audit', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const { t, language } = request.ctx;
    const rows = await auditOf(db, member.membership.organisationId);
    return send(request, reply, member, t('audit.title'), html`<h1 class="utrecht-heading-1">${t('audit.title')}</h1>
<p class="utrecht-paragraph">${t('audit.intro', { organisation: member.membership.name })}</p>
${auditTable(rows, t, language)}`);
  });

}
