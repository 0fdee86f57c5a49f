import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { weightedReport, type WeightingView } from '../../app/weighted-report.ts';
import { chooseWeighting, savePopulation, type PopulationProblem } from '../../app/weighting-settings.ts';
import type { DB } from '../../db/schema.ts';
import type { WeightingChoice } from '../../db/weighting-store.ts';
import { DESIGNERS, requireRole, STAFF, type Member } from '../guards.ts';
import { page, type FieldError } from '../layout.ts';
import { stratumLabel, weightingPage } from './weighting-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const asList = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => (typeof v === 'string' ? v : ''));

function parseChoice(value: unknown): WeightingChoice | null | undefined {
  if (value === '') return null;
  const match = typeof value === 'string' ? /^(carried|item):(.{1,100})$/.exec(value) : null;
  return match ? { source: match[1] as WeightingChoice['source'], variable: match[2]! } : undefined;
}

/** Weighting of a round's figures: every staff role reads, researchers and administrators change it. */
export async function weightingRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  const render = (request: FastifyRequest, reply: FastifyReply, member: Member, view: WeightingView, errors: FieldError[] = [], typed?: Map<string, string>, notice?: string) => {
    const { t, language, csrfToken } = request.ctx;
    const body = weightingPage(view, { t, language, csrfToken, errors, canEdit: DESIGNERS.includes(member.membership.role), ...(typed ? { typed } : {}) });
    return reply.code(errors.length ? 400 : 200).type('text/html').send(page({
      title: t('weighting.title', { name: view.round.name }), language, t, csrfToken, path: `/rounds/${view.round.id}/report/weighting`, user: member.session, body, ...(notice ? { notice } : {}),
    }).value);
  };

  const roundId = (request: FastifyRequest): string | undefined => {
    const id = (request.params as { id: string }).id;
    return UUID.test(id) ? id : undefined;
  };

  app.get('/rounds/:id/report/weighting', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = roundId(request);
    const view = id && (await weightedReport(db, member.membership.organisationId, id));
    if (!view) return reply.callNotFound();
    const done = (request.query as { done?: string }).done;
    return render(request, reply, member, view, [], undefined, done === 'saved' ? request.ctx.t('weighting.saved') : undefined);
  });

  app.post('/rounds/:id/report/weighting', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = roundId(request);
    if (!id) return reply.callNotFound();
    const choice = parseChoice((request.body as Record<string, unknown> | undefined)?.variable);
    const actor = { organisationId: member.membership.organisationId, userId: member.session.userId };
    const chosen = choice === undefined ? { ok: false as const, error: 'unknown-variable' as const } : await chooseWeighting(db, actor, id, choice);
    if (!chosen.ok) {
      const view = await weightedReport(db, member.membership.organisationId, id);
      if (!view || chosen.error === 'not-found') return reply.callNotFound();
      return render(request, reply, member, view, [{ field: 'variable', message: request.ctx.t('weighting.error.variable') }]);
    }
    return reply.redirect(`/rounds/${id}/report/weighting?done=saved`, 303);
  });

  app.post('/rounds/:id/report/population', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = roundId(request);
    if (!id) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const strata = asList(body.stratum);
    const counts = asList(body.count);
    const typed = new Map(strata.map((stratum, i) => [stratum, counts[i] ?? '']));
    const saved = await savePopulation(db, { organisationId: member.membership.organisationId, userId: member.session.userId }, id, typed);
    if (saved.ok) return reply.redirect(`/rounds/${id}/report/weighting?done=saved`, 303);
    const view = await weightedReport(db, member.membership.organisationId, id);
    if (!view || saved.error.some((p) => p.code === 'not-found')) return reply.callNotFound();
    const { t } = request.ctx;
    const fieldOf = (stratum: string) => `population-${Math.max(0, view.strata.findIndex((s) => s.value === stratum))}`;
    const errors = saved.error.map((p: PopulationProblem): FieldError => {
      switch (p.code) {
        case 'invalid-count': return { field: fieldOf(p.stratum), message: t('weighting.error.count', { group: stratumLabel(view, p.stratum, request.ctx) }) };
        case 'no-choice': return { field: 'variable', message: t('weighting.error.noChoice') };
        default: return { field: fieldOf(view.strata[0]?.value ?? ''), message: t('weighting.error.noPopulation') };
      }
    });
    return render(request, reply, member, view, errors, typed);
  });
}
