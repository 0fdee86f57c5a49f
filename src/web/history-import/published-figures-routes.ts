import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { figureItems, importPublishedFigures, type PublishedFiguresProblem } from '../../app/history-import/import-published-figures.ts';
import type { DB } from '../../db/schema.ts';
import type { FiguresReading } from '../../domain/report/read-published-figures.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { Translate } from '../i18n/translate.ts';
import { page, type FieldError } from '../layout.ts';
import { emptyFiguresForm, figuresPage, figuresRowMessage, type FiguresFormValues } from './published-figures-page.ts';

/** The problems of a figures import as errors on the form's fields, one per wrong row. */
function problemErrors(t: Translate, problem: PublishedFiguresProblem): FieldError[] {
  switch (problem.kind) {
    case 'fields':
      return problem.fields.map((field) => ({ field, message: field === 'year' ? t('figures.error.year', { latest: problem.latest }) : t(`figures.error.${field}`) }));
    case 'file':
      switch (problem.problem.kind) {
        case 'missing-columns': return [{ field: 'figures', message: t('figures.error.columns', { columns: problem.problem.columns.map((c) => t(`figures.column.${c}`)).join(', ') }) }];
        case 'no-rows': return [{ field: 'figures', message: t('figures.error.noRows') }];
        case 'too-many-rows': return [{ field: 'figures', message: t('figures.error.tooManyRows', { max: problem.problem.max }) }];
      }
      break;
    case 'rows':
      return problem.reading.rowProblems.map((p) => ({ field: 'figures', message: t('figures.error.row', { row: p.row, problem: figuresRowMessage(t, p.problem) }) }));
  }
  return [{ field: 'figures', message: t('figures.error.noRows') }];
}

/** Rounds from before Klantstem from the figures of their report (researchers and administrators). */
export async function publishedFiguresRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  async function render(request: FastifyRequest, reply: FastifyReply, member: Member, values: FiguresFormValues, errors: FieldError[], reading?: FiguresReading) {
    const { t, language, csrfToken } = request.ctx;
    const { items } = await figureItems(db);
    const body = figuresPage(values, { t, language, csrfToken, errors, items, ...(reading ? { reading } : {}) });
    return reply.code(errors.length ? 400 : 200).type('text/html').header('cache-control', 'no-store')
      .send(page({ title: t('figures.title'), language, t, csrfToken, path: request.url, user: member.session, body }).value);
  }

  app.get('/history/figures', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    return render(request, reply, member, emptyFiguresForm, []);
  });

  app.post('/history/figures', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const values: FiguresFormValues = { name: text('name').trim(), year: text('year').trim(), source: text('source').trim(), figures: text('figures') };
    const dryRun = text('action') !== 'import';
    const year = /^\d{4}$/.test(values.year) ? Number(values.year) : Number.NaN;
    const result = await importPublishedFigures(db, { organisationId: member.membership.organisationId, userId: member.session.userId }, {
      name: values.name, year, text: values.figures, source: values.source, dryRun,
    });
    if (!result.ok) return render(request, reply, member, values, problemErrors(request.ctx.t, result.error));
    if (result.value.roundId) return reply.redirect(`/rounds/${result.value.roundId}?done=figures`, 303);
    return render(request, reply, member, values, [], result.value.reading);
  });
}
