import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { drawRoundSample } from '../../app/fieldwork/draw-round-sample.ts';
import { sampleOverview, type SampleOverview } from '../../app/fieldwork/sample-overview.ts';
import type { DB } from '../../db/schema.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { formatNumber } from '../i18n/translate.ts';
import { page, type FieldError } from '../layout.ts';
import { readSampleForm, sampleFormValues, sampleQuery, type SampleFormValues } from './sample-form.ts';
import { sampleConfirmBody, samplePageBody } from './sample-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A seed to suggest: eight digits, easy to write down; any text of up to 64 characters works. */
const suggestedSeed = (): string => String(randomInt(10_000_000, 100_000_000));

/**
 * The sample page of a round: population per variable, the choice of method, size, seed and
 * carried variables, a confirmation, and the draw (which makes the access codes).
 */
export async function sampleRoutes(app: FastifyInstance, options: { db: Kysely<DB>; secret: string }): Promise<void> {
  const { db, secret } = options;

  const load = async (request: FastifyRequest, reply: FastifyReply): Promise<{ member: Member; overview: SampleOverview } | undefined> => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return undefined;
    const id = (request.params as { id: string }).id;
    const overview = UUID.test(id) ? await sampleOverview(db, { organisationId: member.membership.organisationId, userId: member.session.userId }, id) : undefined;
    if (!overview) {
      void reply.callNotFound();
      return undefined;
    }
    return { member, overview };
  };

  const send = (request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, status = 200, notice?: string) => {
    const { t, language, csrfToken } = request.ctx;
    return reply.code(status).type('text/html').header('cache-control', 'no-store')
      .send(page({ title, language, t, csrfToken, path: request.url, user: member.session, body, notice }).value);
  };

  const showForm = (request: FastifyRequest, reply: FastifyReply, found: { member: Member; overview: SampleOverview }, values: SampleFormValues, errors: FieldError[], status = 200) => {
    const { t, language, csrfToken } = request.ctx;
    const done = (request.query as { done?: string }).done;
    const notice = done === 'drawn' && found.overview.sample ? t('sample.drawn', { size: formatNumber(language, found.overview.codes) }) : undefined;
    return send(request, reply, found.member, t('sample.title'), samplePageBody(found.overview, values, errors, { t, language, csrfToken }), status, notice);
  };

  app.get('/rounds/:id/sample', async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const query = request.query as Record<string, unknown>;
    const values = sampleFormValues(query);
    return showForm(request, reply, found, { ...values, seed: values.seed || suggestedSeed() }, []);
  });

  app.post('/rounds/:id/sample', async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const values = sampleFormValues((request.body ?? {}) as Record<string, unknown>);
    const choice = readSampleForm(values, found.overview.population, request.ctx.t, request.ctx.language);
    if (!choice.ok) return showForm(request, reply, found, values, choice.error, 400);
    return reply.redirect(`/rounds/${found.overview.round.id}/sample/confirm?${sampleQuery(values)}`, 303);
  });

  app.get('/rounds/:id/sample/confirm', async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const values = sampleFormValues(request.query as Record<string, unknown>);
    const choice = readSampleForm(values, found.overview.population, request.ctx.t, request.ctx.language);
    if (!choice.ok || !found.overview.canDraw) return reply.redirect(`/rounds/${found.overview.round.id}/sample`, 303);
    const { t, language, csrfToken } = request.ctx;
    return send(request, reply, found.member, t('sample.confirm.title'), sampleConfirmBody(found.overview, choice.value, values, { t, language, csrfToken }));
  });

  app.post('/rounds/:id/sample/draw', async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const { t } = request.ctx;
    const values = sampleFormValues((request.body ?? {}) as Record<string, unknown>);
    const choice = readSampleForm(values, found.overview.population, t, request.ctx.language);
    if (!choice.ok) return showForm(request, reply, found, values, choice.error, 400);
    const { member, overview } = found;
    const drawn = await drawRoundSample(db, { organisationId: member.membership.organisationId, userId: member.session.userId, secret }, overview.round.id, choice.value);
    if (drawn.ok) return reply.redirect(`/rounds/${overview.round.id}/sample?done=drawn`, 303);
    if (drawn.error === 'not-found') return reply.callNotFound();
    const message = drawn.error === 'import-running' ? t('sample.error.importRunning')
      : drawn.error === 'size-too-large' || drawn.error === 'size-too-small' ? t('sample.error.size', { max: formatNumber(request.ctx.language, overview.population) })
        : t('sample.error.notAllowed');
    return showForm(request, reply, found, values, [{ field: drawn.error.startsWith('size') ? 'size' : 'method-simple', message }], 409);
  });
}
