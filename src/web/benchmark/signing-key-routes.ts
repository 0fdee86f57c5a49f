import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { generateSigningKey, signingKeyOf } from '../../app/benchmark/signing-key.ts';
import type { DB } from '../../db/schema.ts';
import { ADMINISTRATORS, DESIGNERS, requireRole } from '../guards.ts';
import { sendDownload, sendPage } from './benchmark-web.ts';
import { replaceKeyPage, signingKeyPage } from './signing-key-page.ts';

/**
 * The organisation's key for signing benchmark files: researchers and administrators see and
 * download its public half; only an administrator generates or replaces it.
 */
export async function signingKeyRoutes(app: FastifyInstance, options: { db: Kysely<DB>; secret: string }): Promise<void> {
  const { db, secret } = options;

  app.get('/benchmark-key', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const { t, language, csrfToken } = request.ctx;
    const key = await signingKeyOf(db, member.membership.organisationId);
    const done = (request.query as Record<string, unknown>).done;
    const notice = done === 'created' ? t('benchmarkFiles.key.created') : done === 'replaced' ? t('benchmarkFiles.key.replaced') : undefined;
    return sendPage(request, reply, member, t('benchmarkFiles.key.title'), signingKeyPage({ t, language, csrfToken }, key, member.membership.role === 'administrator'), notice ? { notice } : {});
  });

  app.get('/benchmark-key/public.pem', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const key = await signingKeyOf(db, member.membership.organisationId);
    if (!key) return reply.callNotFound();
    return sendDownload(reply, `${member.membership.slug}.pub`, key.publicKey, 'application/x-pem-file');
  });

  app.post('/benchmark-key', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    const generated = await generateSigningKey(db, member.membership.organisationId, secret, { replace: false, actorId: member.session.userId });
    if (generated.ok) return reply.redirect('/benchmark-key?done=created', 303);
    const { t, language, csrfToken } = request.ctx;
    const key = await signingKeyOf(db, member.membership.organisationId);
    return sendPage(request, reply, member, t('benchmarkFiles.key.title'), signingKeyPage({ t, language, csrfToken }, key, true, t('benchmarkFiles.key.exists')), { status: 409 });
  });

  app.get('/benchmark-key/replace', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    if (!(await signingKeyOf(db, member.membership.organisationId))) return reply.redirect('/benchmark-key', 303);
    const { t, language, csrfToken } = request.ctx;
    return sendPage(request, reply, member, t('benchmarkFiles.replace.title'), replaceKeyPage({ t, language, csrfToken }));
  });

  app.post('/benchmark-key/replace', async (request, reply) => {
    const member = requireRole(request, reply, ADMINISTRATORS);
    if (!member) return;
    await generateSigningKey(db, member.membership.organisationId, secret, { replace: true, actorId: member.session.userId });
    return reply.redirect('/benchmark-key?done=replaced', 303);
  });
}
