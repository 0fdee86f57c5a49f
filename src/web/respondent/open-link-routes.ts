import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { findOpenRound, startOpenResponse, type OpenRoundInfo } from '../../app/respondent/start-open-response.ts';
import type { DB } from '../../db/schema.ts';
import { html } from '../html.ts';
import { respondentTranslator } from '../i18n/respondent-translate.ts';
import { csrfField } from '../layout.ts';
import { cookieOptions } from '../request-context.ts';
import { messagePage } from './respondent-pages.ts';
import { respondentLanguage, sendRespondentPage } from './respondent-reply.ts';
import { signTicket, TICKET_COOKIE } from './respondent-ticket.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Marks a browser that sent an open-link response, so it is not counted twice. */
export function doneCookie(roundId: string): string {
  return `ks_done_${roundId.slice(0, 8)}`;
}

/**
 * Open-link rounds (a client council's online survey): no code, one response per browser, a
 * honeypot field that people never see and bots fill in, and a rate limit per client.
 */
export async function openLinkRoutes(app: FastifyInstance, options: { db: Kysely<DB>; secret: string; secureCookies: boolean; perClient: number }): Promise<void> {
  async function round(request: FastifyRequest, reply: FastifyReply): Promise<OpenRoundInfo | undefined> {
    const { org, round: roundId } = request.params as { org: string; round: string };
    const found = UUID.test(roundId) ? await findOpenRound(options.db, org.slice(0, 63), roundId) : undefined;
    if (found?.ok) return found.value;
    const language = respondentLanguage(request, reply);
    const t = respondentTranslator(language);
    await sendRespondentPage(request, reply, language, { title: t('gone.title'), body: messagePage(t('gone.title'), [t(found?.error === 'not-open' ? 'entry.error.notOpen' : 'gone.text')]) }, 404);
    return undefined;
  }

  app.get('/o/:org/:round', async (request, reply) => {
    const info = await round(request, reply);
    if (!info) return;
    const language = respondentLanguage(request, reply);
    const t = respondentTranslator(language);
    if (request.cookies[doneCookie(info.roundId)]) {
      return sendRespondentPage(request, reply, language, { title: t('open.title'), organisationName: info.organisationName, body: messagePage(t('open.title'), [t('open.done')]) });
    }
    const { org, round: roundId } = request.params as { org: string; round: string };
    return sendRespondentPage(request, reply, language, {
      title: t('open.title'),
      organisationName: info.organisationName,
      body: html`<h1 class="utrecht-heading-1">${info.roundName}</h1>
<p class="utrecht-paragraph">${t('open.intro', { organisation: info.organisationName })}</p>
<form method="post" action="/o/${org}/${roundId}" novalidate>
${csrfField(request.ctx.csrfToken)}
<div class="ks-honeypot" aria-hidden="true"><label for="website">${t('open.honeypot')}</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('open.start')}</button>
</form>`,
    });
  });

  app.post('/o/:org/:round', { config: { rateLimit: { max: options.perClient, timeWindow: '1 minute' } } }, async (request, reply) => {
    const info = await round(request, reply);
    if (!info) return;
    const body = request.body as Record<string, unknown>;
    // A filled honeypot is a bot: answer as if all went well, store nothing.
    if (typeof body.website === 'string' && body.website !== '') return reply.redirect(`/thanks`, 303);
    if (request.cookies[doneCookie(info.roundId)]) return reply.redirect(request.url, 303);
    const ticket = await startOpenResponse(options.db, { round: info, language: respondentLanguage(request, reply) });
    reply.setCookie(TICKET_COOKIE, signTicket(options.secret, ticket), cookieOptions(options.secureCookies));
    return reply.redirect('/survey', 303);
  });
}
