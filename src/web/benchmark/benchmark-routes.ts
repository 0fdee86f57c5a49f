import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { benchmarkDashboard, organisedBenchmarks } from '../../app/benchmark/benchmark-dashboard.ts';
import { joinedBenchmarks } from '../../app/benchmark/joined-benchmarks.ts';
import type { DB } from '../../db/schema.ts';
import { publicationCsv } from '../../domain/benchmark/publication-csv.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { page } from '../layout.ts';
import { benchmarksPage, dashboardPage } from './benchmark-dashboard-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The organiser's dashboard of the benchmarks its organisation runs (researchers and administrators). */
export async function benchmarkRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;
  const send = (request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, notice?: string) => {
    const { t, language, csrfToken } = request.ctx;
    const path = request.url.split('?')[0]!;
    return reply.type('text/html').send(page({ title, language, t, csrfToken, path, user: member.session, body, ...(notice ? { notice } : {}) }).value);
  };
  const load = async (request: FastifyRequest, reply: FastifyReply, member: Member) => {
    const { id } = request.params as { id: string };
    const dashboard = UUID.test(id) ? await benchmarkDashboard(db, member.membership.organisationId, id) : undefined;
    if (!dashboard) void reply.callNotFound();
    return dashboard;
  };

  app.get('/benchmarks', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const { t, language } = request.ctx;
    const organisationId = member.membership.organisationId;
    return send(request, reply, member, t('benchmarkFiles.overview.title'), benchmarksPage({ t, language }, await organisedBenchmarks(db, organisationId), await joinedBenchmarks(db, organisationId)));
  });

  app.get('/benchmarks/:id', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const dashboard = member && (await load(request, reply, member));
    if (!member || !dashboard) return;
    const { t, language } = request.ctx;
    const query = request.query as Record<string, unknown>;
    const contributor = dashboard.participants.find((p) => p.id === query.participant);
    const notice = query.done === 'created' ? t('benchmarkFiles.created') : query.done === 'registered' ? t('benchmarkFiles.registered')
      : query.done === 'contribution' && contributor ? t('benchmarkFiles.contribution.imported', { participant: contributor.name })
        : query.done === 'key' && contributor ? t('benchmarkFiles.participantKey.saved', { participant: contributor.name }) : undefined;
    return send(request, reply, member, `${dashboard.benchmark.name} ${dashboard.benchmark.year}`, dashboardPage({ t, language }, dashboard), notice);
  });

  app.get('/benchmarks/:id/publication.csv', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const dashboard = member && (await load(request, reply, member));
    if (!member || !dashboard) return;
    const { t, language } = request.ctx;
    const text = (key: string) => { const item = dashboard.items.get(key); return item ? localize(item.text, language) : key; };
    const name = `${dashboard.benchmark.name}-${dashboard.benchmark.year}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}-publicatie.csv"`)
      .send(`\ufeff${publicationCsv(dashboard.overview, text, t('benchmarks.csv.all'))}`);
  });
}
