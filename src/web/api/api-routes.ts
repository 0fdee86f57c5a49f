import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { authenticateApiToken } from '../../app/api-tokens.ts';
import { roundsOf, roundWithQuestionnaire } from '../../app/round-queries.ts';
import type { ApiTokenGrant } from '../../db/api-token-store.ts';
import type { DB } from '../../db/schema.ts';
import { reportApiRoutes } from './report-api-routes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    apiGrant: ApiTokenGrant | null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * JSON API under /api/v1: bearer tokens scoped to one organisation and a role. Cookies are not
 * accepted here, so the API needs no CSRF token.
 */
export async function apiRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;
  app.decorateRequest('apiGrant', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const grant = match ? await authenticateApiToken(db, match[1]!) : undefined;
    if (!grant) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized', message: 'Send a valid API token: Authorization: Bearer ks_…' });
    }
    request.apiGrant = grant;
  });

  app.get('/rounds', async (request) => {
    const grant = request.apiGrant!;
    const rounds = await roundsOf(db, grant.organisationId);
    return {
      rounds: rounds.map((r) => ({
        id: r.id, name: r.name, year: r.year, status: r.status, access: r.access, owner: r.ownerKind,
        fieldworkStart: r.fieldworkStart, fieldworkEnd: r.fieldworkEnd,
        invitations: r.invitations, completed: r.completed,
      })),
    };
  });

  await app.register(reportApiRoutes, { db });

  app.get('/rounds/:id', async (request, reply) => {
    const grant = request.apiGrant!;
    const id = (request.params as { id: string }).id;
    const found = UUID.test(id) ? await roundWithQuestionnaire(db, grant.organisationId, id) : undefined;
    if (!found) return reply.code(404).send({ error: 'not-found' });
    const { round, version } = found;
    return {
      id: round.id, name: round.name, year: round.year, status: round.status, owner: round.ownerKind,
      disabledModules: round.disabledModules,
      questionnaire: { versionId: version.id, version: version.version, definition: version.definition },
    };
  });
}
