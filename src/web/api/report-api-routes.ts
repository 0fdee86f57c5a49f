import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { roundReport } from '../../app/round-report.ts';
import type { DB } from '../../db/schema.ts';
import { reportJson } from './report-json.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * GET /api/v1/rounds/:id/report. Registered inside apiRoutes, so its bearer-token hook has
 * already set request.apiGrant; a round of another organisation is not found.
 */
export async function reportApiRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;
  app.get('/rounds/:id/report', async (request, reply) => {
    const grant = request.apiGrant!;
    const id = (request.params as { id: string }).id;
    const view = UUID.test(id) ? await roundReport(db, grant.organisationId, id) : undefined;
    if (!view) return reply.code(404).send({ error: 'not-found' });
    return reply.header('cache-control', 'no-store').send(reportJson(view.round, view.report));
  });
}
