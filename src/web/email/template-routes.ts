import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { composeEmail } from '../../app/email/compose-email.ts';
import { EMAIL_TEMPLATE_KINDS, isEmailLanguage, type EmailLanguage, type EmailTemplateKind, type EmailText } from '../../app/email/default-email-templates.ts';
import { emailOverview } from '../../app/email/email-overview.ts';
import { checkEmailText, exampleValues, saveEmailTemplate, type TemplateProblem } from '../../app/email/email-templates.ts';
import type { DB } from '../../db/schema.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { Translate } from '../i18n/translate.ts';
import { page, type FieldError } from '../layout.ts';
import { templatePage, templateTitle } from './template-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function problemMessage(t: Translate, problem: TemplateProblem): string {
  switch (problem.problem) {
    case 'unknown': return t('email.template.error.unknown', { placeholder: `{${problem.placeholder}}` });
    case 'unclosed': return t('email.template.error.unclosed', { placeholder: `{${problem.placeholder}` });
    case 'missing': return t(problem.field === 'subject' ? 'email.template.error.subjectMissing' : 'email.template.error.bodyMissing');
    case 'too-long': return t(problem.field === 'subject' ? 'email.template.error.subjectLong' : 'email.template.error.bodyLong');
    case 'no-link': return t('email.template.error.noLink');
    case 'no-opt-out': return t('email.template.error.noOptOut');
  }
}

/** Editing the invitation and reminder text of a round, per language, with a preview. */
export async function templateRoutes(app: FastifyInstance, options: { db: Kysely<DB>; publicUrl: string }): Promise<void> {
  const { db } = options;

  const params = (request: FastifyRequest): { id: string; kind: EmailTemplateKind; language: EmailLanguage } | undefined => {
    const { id, kind, language } = request.params as { id: string; kind: string; language: string };
    const knownKind = EMAIL_TEMPLATE_KINDS.find((k) => k === kind);
    return UUID.test(id) && knownKind && isEmailLanguage(language) ? { id, kind: knownKind, language } : undefined;
  };

  async function render(
    request: FastifyRequest, reply: FastifyReply, member: Member, p: NonNullable<ReturnType<typeof params>>,
    state: { text?: EmailText; errors?: FieldError[]; unsaved?: boolean; status?: number; notice?: string },
  ) {
    const overview = await emailOverview(db, member.membership.organisationId, p.id);
    if (!overview) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const current = overview.templates.find((v) => v.kind === p.kind && v.language === p.language)!;
    // A language without its own text shows the Dutch one to start from.
    const text = state.text ?? { subject: current.subject, body: current.body };
    const errors = state.errors ?? [];
    const values = exampleValues({
      language: p.language, publicUrl: options.publicUrl, organisationName: member.membership.name,
      roundName: overview.round.name, fieldworkEnd: overview.round.fieldworkEnd,
    });
    const preview = errors.length === 0 ? composeEmail(text, values, p.language) : undefined;
    const body = templatePage({
      roundId: p.id, roundName: overview.round.name, kind: p.kind, language: p.language, subject: text.subject, body: text.body,
      errors, preview, previewUnsaved: state.unsaved ?? false, t, csrfToken,
    });
    reply.header('cache-control', 'no-store');
    return reply.code(state.status ?? 200).type('text/html').send(page({
      title: templateTitle(t, p.kind, p.language), language, t, csrfToken, path: request.url.split('?')[0]!, user: member.session, body, notice: state.notice,
    }).value);
  }

  app.get('/rounds/:id/email/templates/:kind/:language', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = params(request);
    if (!p) return reply.callNotFound();
    const done = (request.query as Record<string, string | undefined>).done;
    const notice = done === 'saved' ? request.ctx.t('email.template.saved') : done === 'reset' ? request.ctx.t('email.template.reset') : undefined;
    return render(request, reply, member, p, { notice });
  });

  app.post('/rounds/:id/email/templates/:kind/:language', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = params(request);
    if (!p) return reply.callNotFound();
    const form = request.body as Record<string, unknown>;
    const text = { subject: String(form.subject ?? ''), body: String(form.body ?? '') };
    const toErrors = (problems: readonly TemplateProblem[]): FieldError[] => problems.map((problem) => ({ field: problem.field, message: problemMessage(request.ctx.t, problem) }));
    if (form.action === 'preview') {
      const problems = checkEmailText(text);
      return render(request, reply, member, p, { text, errors: toErrors(problems), unsaved: true, status: problems.length > 0 ? 400 : 200 });
    }
    const saved = await saveEmailTemplate(db, { organisationId: member.membership.organisationId, roundId: p.id, kind: p.kind, language: p.language, ...text });
    if (!saved.ok) {
      if (saved.error === 'not-found') return reply.callNotFound();
      return render(request, reply, member, p, { text, errors: toErrors(saved.error), status: 400 });
    }
    return reply.redirect(`/rounds/${p.id}/email/templates/${p.kind}/${p.language}?done=${saved.value}`, 303);
  });
}
