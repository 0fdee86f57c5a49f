import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { checkReadiness } from '../../app/operations/check-readiness.ts';
import type { DB } from '../../db/schema.ts';

interface OperationsOptions {
  readonly db: Kysely<DB>;
  /** Wait for the database before /ready answers 503. */
  readonly readyTimeoutMs?: number;
}

// Probes for load balancers, systemd and container orchestrators. They are polled every few
// seconds, so they are left out of rate limits and only logged when something is wrong.
const probe = { logLevel: 'warn' as const, config: { rateLimit: false } };

export async function operationsRoutes(app: FastifyInstance, options: OperationsOptions): Promise<void> {
  // Liveness: the process runs and its event loop answers. Never touches the database, so a
  // database outage does not make an orchestrator restart every instance.
  app.get('/health', probe, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );

  // Readiness: send traffic here only when the database answers and the schema is current.
  app.get('/ready', probe, async (request, reply) => {
    const status = await checkReadiness(options.db, options.readyTimeoutMs);
    reply.header('cache-control', 'no-store');
    if (status.ok) return reply.send({ status: 'ready' });
    request.log.warn({ reason: status.reason }, 'not ready');
    return reply.code(503).send({ status: 'not-ready', reason: status.reason, ...(status.pending ? { pending: status.pending } : {}) });
  });
}
