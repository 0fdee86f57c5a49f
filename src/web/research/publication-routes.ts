import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { changePublication, publicationOf, type PublicationView } from '../../app/publication-settings.ts';
import type { DB } from '../../db/schema.ts';
import type { PublicationProblem } from '../../domain/publication/public-report.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../domain/statistics/reporting-thresholds.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { Translate } from '../i18n/translate.ts';
import { page, type FieldError } from '../layout.ts';
import { publicationPage, type PublicationFormValues } from './publication-page.ts';
import { INTRODUCTION_MAX } from '../../domain/publication/public-report.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}

function fieldErrors(t: Translate, problems: readonly PublicationProblem[]): FieldError[] {
  return problems.map((problem) => problem.field === 'modules'
    ? { field: 'modules', message: t('publish.error.modules') }
    : { field: 'introduction', message: t('publish.error.introduction', { max: INTRODUCTION_MAX, count: problem.count }) });
}

/**
 * /rounds/:id/publication: researchers and administrators choose what the public results page
 * of the round shows. POST → validate → 303 → GET; a bad form is shown again with what was typed.
 */
export async function publicationRoutes(app: FastifyInstance, options: { db: Kysely<DB>; publicUrl: string }): Promise<void> {
  const { db } = options;

  function render(request: FastifyRequest, reply: FastifyReply, member: Member, view: PublicationView, values: PublicationFormValues, errors: FieldError[], notice?: string) {
    const { t, language, csrfToken } = request.ctx;
    const publicUrl = `${options.publicUrl.replace(/\/$/, '')}/p/${member.membership.slug}/${view.round.id}`;
    const body = publicationPage({ t, language, csrfToken, publicUrl, hideBelow: DEFAULT_REPORTING_THRESHOLDS.hideBelow }, view, values, errors);
    const title = t('publish.settings.title', { name: view.round.name });
    const markup = page({ title: errors.length ? `${t('error.summary')}: ${title}` : title, language, t, csrfToken, path: `/rounds/${view.round.id}/publication`, user: member.session, body, ...(notice ? { notice } : {}) });
    return reply.code(errors.length ? 400 : 200).type('text/html').header('cache-control', 'no-store').send(markup.value);
  }

  async function load(request: FastifyRequest, reply: FastifyReply): Promise<{ member: Member; view: PublicationView } | undefined> {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return undefined;
    const id = (request.params as { id: string }).id;
    const view = UUID.test(id) ? await publicationOf(db, member.membership.organisationId, id) : undefined;
    if (!view) {
      void reply.callNotFound();
      return undefined;
    }
    return { member, view };
  }

  app.get('/rounds/:id/publication', async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const { settings, modules } = found.view;
    const values = { ...settings, modules: settings.modules ?? modules.map((m) => m.key) };
    const saved = (request.query as { done?: string }).done === 'saved' ? request.ctx.t('publish.settings.saved') : undefined;
    return render(request, reply, found.member, found.view, values, [], saved);
  });

  app.post('/rounds/:id/publication', async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: PublicationFormValues = {
      modules: asList(body.modules),
      showTrend: body.showTrend === 'yes',
      showReference: body.showReference === 'yes',
      introduction: typeof body.introduction === 'string' ? body.introduction : '',
    };
    const { member } = found;
    const result = await changePublication(db, { ...values, organisationId: member.membership.organisationId, userId: member.session.userId, roundId: found.view.round.id });
    if (!result) return reply.callNotFound();
    if (!result.ok) return render(request, reply, member, found.view, values, fieldErrors(request.ctx.t, result.error));
    return reply.redirect(`/rounds/${found.view.round.id}/publication?done=saved`, 303);
  });
}
