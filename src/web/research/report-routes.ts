import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { openAnswerPoints } from '../../app/open-answers/open-answer-points.ts';
import { benchmarkPositions } from '../../app/benchmark/benchmark-position.ts';
import { chartedRoundReport } from '../../app/report-document.ts';
import { pointsSection } from '../open-answers/points-section.ts';
import type { DB } from '../../db/schema.ts';
import { DESIGNERS, requireRole, STAFF } from '../guards.ts';
import { page } from '../layout.ts';
import { benchmarkSection } from './benchmark-section.ts';
import { studyChaptersOfRound } from '../../app/qualitative/study-workspace.ts';
import { studiesSection } from '../qualitative/study-chapter-section.ts';
import { memoisedReportPage } from './memoised-report-page.ts';
import { reportDocumentRoutes } from '../report/report-document-routes.ts';
import { weightingRoutes } from '../report/weighting-routes.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The round report: every staff role reads it, only for rounds of its own organisation. */
export async function reportRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  app.get('/rounds/:id/report', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = (request.params as { id: string }).id;
    const found = UUID.test(id) ? await chartedRoundReport(db, member.membership.organisationId, id) : undefined;
    if (!found) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const points = pointsSection({ t, language }, await openAnswerPoints(db, member.membership.organisationId, id), found.report.thresholds);
    const positions = await benchmarkPositions(db, member.membership.organisationId, found.round.year);
    const benchmark = positions.length > 0 ? benchmarkSection({ t, language }, positions, found.report) : undefined;
    const studies = studiesSection(await studyChaptersOfRound(db, member.membership.organisationId, id, { publicOnly: false }), { t, language });
    const body = memoisedReportPage({ t, language, itemHref: (key) => `/rounds/${found.round.id}/report/items/${encodeURIComponent(key)}` }, found.round, found.report, DESIGNERS.includes(member.membership.role), { agreement: found.agreement, organisationName: member.membership.name, points, ...(benchmark ? { benchmark } : {}), ...(studies ? { studies } : {}) });
    const title = t('report.title', { name: found.round.name });
    const markup = page({ title, language, t, csrfToken, path: `/rounds/${found.round.id}/report`, user: member.session, body });
    return reply.type('text/html').send(markup.value);
  });

  await app.register(reportDocumentRoutes, { db });
  await app.register(weightingRoutes, { db });
}
