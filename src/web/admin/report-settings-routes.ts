import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { changeReportSettings, reportSettingsOf } from '../../app/report-settings.ts';
import type { DB } from '../../db/schema.ts';
import { ADMINISTRATORS, requireRole, type Member } from '../guards.ts';
import { page, type FieldError } from '../layout.ts';
import { reportSettingsPage, reportSettingsValues, type ReportSettingsValues } from './report-settings-page.ts';

/** /admin/report-settings: administrators choose the reference-group consent and stricter thresholds. */
export async function reportSettingsRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  async function show(request: FastifyRequest, reply: FastifyReply, member: Member, values: ReportSettingsValues | null, errors: FieldError[], status = 200) {
    const { t, language, csrfToken } = request.ctx;
    const view = await reportSettingsOf(db, member.membership.organisationId);
    const body = reportSettingsPage(t, csrfToken, member.membership.name, view, values ?? reportSettingsValues(view), errors);
    const notice = (request.query as Record<string, string | undefined>).done === 'saved' ? t('settings.report.saved') : undefined;
    const markup = page({ title: t('settings.report.title'), language, t, csrfToken, path: '/admin/report-settings', user: member.session, body, notice });
    return reply.code(status).type('text/html').send(markup.value);
  }

  app.get('/admin/report-settings', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (member) return show(request, reply, member, null, []);
  });

  app.post('/admin/report-settings', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const body = request.body as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 20) : '');
    const values: ReportSettingsValues = { contributesToReference: body.contributes === '1', hideBelow: text(body.hideBelow), indicativeBelow: text(body.indicativeBelow) };
    const changed = await changeReportSettings(db, { organisationId: member.membership.organisationId, actorId: member.session.userId, form: values });
    if (!changed.ok) {
      const { t } = request.ctx;
      const errors = changed.error.map((p): FieldError => ({
        field: p.field === 'hideBelow' ? 'hide-below' : 'indicative-below',
        message: p.kind === 'looser' ? t('settings.report.error.looser', { minimum: p.minimum }) : t('settings.report.error.notWhole'),
      }));
      return show(request, reply, member, values, errors, 400);
    }
    return reply.redirect('/admin/report-settings?done=saved', 303);
  });
}
