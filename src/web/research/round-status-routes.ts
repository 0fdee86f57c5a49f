import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { changeRoundStatus } from '../../app/change-round-status.ts';
import type { SurveyStateCache } from '../../app/respondent/survey-state-cache.ts';
import { roundWithQuestionnaire } from '../../app/round-queries.ts';
import type { Round } from '../../db/round-store.ts';
import type { DB, Role } from '../../db/schema.ts';
import { availableActions, isRoundAction, staffMayAct, type RoundAction } from '../../domain/round-lifecycle.ts';
import { DESIGNERS, requireRole } from '../guards.ts';
import { html, type Html } from '../html.ts';
import type { Translate } from '../i18n/translate.ts';
import { csrfField, page } from '../layout.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The lifecycle buttons on a round page; each leads to a confirmation first. */
export function lifecycleActions(round: Round, role: Role, t: Translate): Html {
  const actions = availableActions(round.status, role, round.ownerKind);
  if (actions.length === 0) return html``;
  return html`<h2 class="utrecht-heading-2">${t('round.actions')}</h2>
<div class="utrecht-button-group">${actions.map(
    (action, i) => html`<a class="utrecht-button-link utrecht-button-link--html-a ${i === 0 ? 'utrecht-button-link--primary-action' : 'utrecht-button-link--secondary-action'}" href="/rounds/${round.id}/status/${action}">${t(`lifecycle.${action}`)}</a>`,
  )}</div>`;
}

export async function roundStatusRoutes(app: FastifyInstance, options: { db: Kysely<DB>; surveyStates: SurveyStateCache }): Promise<void> {
  const params = (request: { params: unknown }): { id: string; action: RoundAction } | undefined => {
    const { id, action } = request.params as { id: string; action: string };
    return UUID.test(id) && isRoundAction(action) ? { id, action } : undefined;
  };

  app.get('/rounds/:id/status/:action', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = params(request);
    const found = p && (await roundWithQuestionnaire(options.db, member.membership.organisationId, p.id));
    if (!p || !found) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const label = t(`lifecycle.${p.action}`);
    const allowed = availableActions(found.round.status, member.membership.role, found.round.ownerKind).includes(p.action);
    const body = html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${p.id}">← ${found.round.name}</a></p>
<h1 class="utrecht-heading-1">${t('lifecycle.confirm.title', { action: label })}</h1>
${allowed
    ? html`<p class="utrecht-paragraph">${t(`lifecycle.confirm.${p.action}`)}</p>
<form method="post" action="/rounds/${p.id}/status/${p.action}">${csrfField(csrfToken)}
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('lifecycle.confirm.yes', { action: label.toLowerCase() })}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/rounds/${p.id}">${t('lifecycle.confirm.no')}</a></div></form>`
    : html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${t(staffMayAct(found.round.ownerKind, p.action) ? 'lifecycle.error.notAllowedNow' : 'round.error.councilOwned')}</p></div>`}`;
    return reply.code(allowed ? 200 : 409).type('text/html').send(page({ title: label, language, t, csrfToken, path: request.url, user: member.session, body }).value);
  });

  app.post('/rounds/:id/status/:action', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = params(request);
    if (!p) return reply.callNotFound();
    const changed = await changeRoundStatus(options.db, {
      organisationId: member.membership.organisationId, actorId: member.session.userId, role: member.membership.role, roundId: p.id, action: p.action, actingFor: 'staff',
    });
    if (!changed.ok) {
      if (changed.error === 'not-found') return reply.callNotFound();
      return reply.redirect(`/rounds/${p.id}/status/${p.action}`, 303);
    }
    // Respondents' pages shown from memory learn at once that fieldwork stopped or started.
    options.surveyStates.forgetRound(p.id);
    return reply.redirect(`/rounds/${p.id}?done=status`, 303);
  });
}
