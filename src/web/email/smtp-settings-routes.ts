import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sendTestMessage } from '../../app/email/send-test-message.ts';
import type { SmtpFailureKind } from '../../app/email/smtp-failure.ts';
import { changeSmtpSettings, smtpSettingsView, type SmtpProblem } from '../../app/email/smtp-settings.ts';
import type { DB } from '../../db/schema.ts';
import { ADMINISTRATORS, requireRole, type Member } from '../guards.ts';
import type { Translate } from '../i18n/translate.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import { page, type FieldError } from '../layout.ts';
import { smtpSettingsPage, type SmtpFormValues, type TestOutcome } from './smtp-settings-page.ts';

const FAILURES: readonly SmtpFailureKind[] = ['connect', 'tls', 'auth', 'address', 'timeout', 'rejected', 'other'];

function problemErrors(t: Translate, problems: readonly SmtpProblem[]): FieldError[] {
  return problems.map((p) => ({ field: p.field === 'security' ? 'security-starttls' : p.field, message: t(`smtp.error.${p.field}.${p.problem}` as MessageKey) }));
}

/** The test result travels in the redirect as a category and a status code, never a text. */
function testOutcome(t: Translate, query: Record<string, string | undefined>): TestOutcome | undefined {
  if (query.test === 'ok') return { ok: true, message: t('smtp.test.ok') };
  if (query.test === 'no-settings') return { ok: false, message: t('smtp.test.noSettings') };
  const kind = FAILURES.find((f) => f === query.test);
  if (!kind) return undefined;
  const code = /^\d{3}$/.test(query.code ?? '') ? ` ${t('smtp.failure.code', { code: query.code! })}` : '';
  return { ok: false, message: `${t('smtp.test.failed')} ${t(`smtp.failure.${kind}`)}${code}` };
}

export async function smtpSettingsRoutes(app: FastifyInstance, options: { db: Kysely<DB>; secret: string }): Promise<void> {
  const { db } = options;

  async function render(
    request: FastifyRequest, reply: FastifyReply, member: Member,
    state: { values?: SmtpFormValues; errors?: FieldError[]; testErrors?: FieldError[]; testTo?: string; status?: number; notice?: string },
  ) {
    const { t, language, csrfToken } = request.ctx;
    const stored = await smtpSettingsView(db, member.membership.organisationId);
    const { configured: _c, passwordSet, ...storedValues } = stored;
    const body = smtpSettingsPage({
      values: state.values ?? storedValues,
      passwordSet,
      errors: state.errors ?? [],
      testErrors: state.testErrors ?? [],
      testTo: state.testTo ?? '',
      test: testOutcome(t, request.query as Record<string, string | undefined>),
      t,
      csrfToken,
    });
    reply.header('cache-control', 'no-store');
    return reply.code(state.status ?? 200).type('text/html').send(page({
      title: t('smtp.title'), language, t, csrfToken, path: '/settings/email', user: member.session, body, notice: state.notice,
    }).value);
  }

  app.get('/settings/email', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const saved = (request.query as Record<string, string | undefined>).done === 'saved';
    return render(request, reply, member, { notice: saved ? request.ctx.t('smtp.saved') : undefined });
  });

  app.post('/settings/email', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const body = request.body as Record<string, unknown>;
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const form = {
      host: field('host'), port: field('port'), security: field('security'), username: field('username'), password: field('password'),
      fromAddress: field('fromAddress'), fromName: field('fromName'), replyTo: field('replyTo'), perMinute: field('perMinute'),
    };
    const changed = await changeSmtpSettings(db, { organisationId: member.membership.organisationId, actorId: member.session.userId, secret: options.secret, form });
    if (!changed.ok) {
      const { password: _p, ...values } = form;
      return render(request, reply, member, { values, errors: problemErrors(request.ctx.t, changed.error), status: 400 });
    }
    return reply.redirect('/settings/email?done=saved', 303);
  });

  app.post('/settings/email/test', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const to = String((request.body as Record<string, unknown>).testTo ?? '').slice(0, 300);
    const sent = await sendTestMessage(db, { organisationId: member.membership.organisationId, secret: options.secret, to, organisationName: member.membership.name });
    if (sent.ok) return reply.redirect('/settings/email?test=ok', 303);
    if (sent.error.kind === 'bad-address') {
      return render(request, reply, member, { testTo: to, testErrors: [{ field: 'testTo', message: request.ctx.t('smtp.test.badAddress') }], status: 400 });
    }
    if (sent.error.kind === 'no-settings') return reply.redirect('/settings/email?test=no-settings', 303);
    const { kind, responseCode } = sent.error.failure;
    return reply.redirect(`/settings/email?test=${kind}${responseCode ? `&code=${responseCode}` : ''}`, 303);
  });
}
