import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { itemReport, moduleReport } from '../../app/item-report.ts';
import type { DB } from '../../db/schema.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { requireRole, STAFF } from '../guards.ts';
import { page } from '../layout.ts';
import { itemReportPage } from './item-report-page.ts';
import { moduleReportPage } from './module-report-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY = /^[A-Za-z0-9_.-]{1,100}$/;

/** The module and item views of a round report: every staff role, own organisation only. */
export async function itemReportRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  app.get('/rounds/:id/report/modules/:module', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const { id, module } = request.params as { id: string; module: string };
    const found = UUID.test(id) && KEY.test(module) ? await moduleReport(db, member.membership.organisationId, id, module) : undefined;
    if (!found) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const body = moduleReportPage({ t, language }, found.round, found.report, found.module);
    const title = t('analysis.module.title', { module: localize(found.module.title, language), round: found.round.name });
    return reply.type('text/html').send(page({ title, language, t, csrfToken, path: request.url.split('?')[0]!, user: member.session, body }).value);
  });

  app.get('/rounds/:id/report/items/:key', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const { id, key } = request.params as { id: string; key: string };
    const found = UUID.test(id) && KEY.test(key) ? await itemReport(db, member.membership.organisationId, id, key) : undefined;
    if (!found) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const body = itemReportPage({ t, language }, found);
    const title = `${localize(found.item.text, language)} · ${found.round.name}`;
    return reply.type('text/html').send(page({ title, language, t, csrfToken, path: request.url.split('?')[0]!, user: member.session, body }).value);
  });
}
