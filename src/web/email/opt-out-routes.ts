import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { optOut, optOutView } from '../../app/email/opt-out.ts';
import type { DB } from '../../db/schema.ts';
import { html, type Html } from '../html.ts';
import { csrfField, page } from '../layout.ts';

// /afmelden/<token>: the opt-out link in every e-mail. No sign-in; the token is signed. GET only
// shows a button (mail scanners follow links), POST opts out. Rate-limited per client.

const LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export async function optOutRoutes(app: FastifyInstance, options: { db: Kysely<DB>; secret: string }): Promise<void> {
  const { db, secret } = options;

  function send(request: FastifyRequest, reply: FastifyReply, title: string, body: Html, status = 200) {
    const { t, language, csrfToken } = request.ctx;
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply.code(status).type('text/html').send(page({ title, language, t, csrfToken, path: request.url.split('?')[0]!, body }).value);
  }

  function unknown(request: FastifyRequest, reply: FastifyReply) {
    const { t } = request.ctx;
    return send(request, reply, t('optOut.unknown.title'), html`<div class="ks-narrow"><h1 class="utrecht-heading-1">${t('optOut.unknown.title')}</h1>
<p class="utrecht-paragraph">${t('optOut.unknown.text')}</p></div>`, 404);
  }

  function done(request: FastifyRequest, reply: FastifyReply, organisation: string) {
    const { t } = request.ctx;
    return send(request, reply, t('optOut.done.title'), html`<div class="ks-narrow"><h1 class="utrecht-heading-1">${t('optOut.done.title')}</h1>
<p class="utrecht-paragraph">${t('optOut.done.text', { organisation })}</p>
<p class="utrecht-paragraph">${t('optOut.stillAnswer')}</p></div>`);
  }

  const tokenOf = (request: FastifyRequest) => (request.params as { token: string }).token.slice(0, 200);

  app.get('/afmelden/:token', { config: LIMIT }, async (request, reply) => {
    const token = tokenOf(request);
    const view = await optOutView(db, secret, token);
    if (!view.ok) return unknown(request, reply);
    if (view.value.optedOut) return done(request, reply, view.value.organisationName);
    const { t, csrfToken } = request.ctx;
    return send(request, reply, t('optOut.title'), html`<div class="ks-narrow"><h1 class="utrecht-heading-1">${t('optOut.title')}</h1>
<p class="utrecht-paragraph">${t('optOut.text', { organisation: view.value.organisationName })}</p>
<p class="utrecht-paragraph">${t('optOut.stillAnswer')}</p>
<form method="post" action="/afmelden/${token}">${csrfField(csrfToken)}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('optOut.button')}</button></form></div>`);
  });

  app.post('/afmelden/:token', { config: LIMIT }, async (request, reply) => {
    const token = tokenOf(request);
    const result = await optOut(db, secret, token);
    if (!result.ok) return unknown(request, reply);
    return reply.redirect(`/afmelden/${token}`, 303);
  });
}
