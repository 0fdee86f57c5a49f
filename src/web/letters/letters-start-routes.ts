import { isOwnRound } from '../../app/round-queries.ts';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { countLetters, parseLettersRequest, startLetters, type LettersRequest } from '../../app/letters/start-letters.ts';
import { roundWithQuestionnaire } from '../../app/round-queries.ts';
import type { DB } from '../../db/schema.ts';
import { DESIGNERS, requireRole } from '../guards.ts';
import { html } from '../html.ts';
import { formatNumber, type Translate } from '../i18n/translate.ts';
import { csrfField, page } from '../layout.ts';
import { mailingKind } from './letters-page.ts';

// Making a letters PDF is a large action: a confirmation page says how many letters, then the
// job is queued and the job page shows its progress.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function describe(t: Translate, request: LettersRequest): string {
  const language = t(`letters.make.language.${request.language}`);
  const who = request.kind === 'reminder' ? t('letters.confirm.whoReminder') : request.onlyWithoutEmail ? t('letters.confirm.whoNoEmail') : t('letters.confirm.whoAll');
  return `${who} ${t('letters.confirm.language', { language: language.toLowerCase() })}`;
}

export async function lettersStartRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  app.get('/rounds/:id/letters/confirm', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = (request.params as { id: string }).id;
    const found = UUID.test(id) ? await roundWithQuestionnaire(db, member.membership.organisationId, id) : undefined;
    if (!found) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const letters = `/rounds/${id}/letters`;
    const parsed = parseLettersRequest(request.query as Record<string, unknown>);
    if (!parsed) return reply.redirect(letters, 303);
    const count = await countLetters(db, { organisationId: member.membership.organisationId, roundId: id, request: parsed });
    const title = t('letters.confirm.title', { kind: mailingKind(t, parsed).toLowerCase() });
    const back = html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${letters}">${t('letters.confirm.no')}</a>`;
    const body = !count.ok
      ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${t('letters.make.closed')}</p></div><p>${back}</p>`
      : count.value === 0
        ? html`<div class="utrecht-alert utrecht-alert--warning" role="status"><p class="utrecht-paragraph">${t('letters.confirm.none')}</p></div><p>${back}</p>`
        : html`<p class="utrecht-paragraph">${t('letters.confirm.count', { count: formatNumber(language, count.value) })}</p>
<p class="utrecht-paragraph">${describe(t, parsed)}</p>
<p class="utrecht-paragraph">${t('letters.confirm.time')}</p>
<form method="post" action="/rounds/${id}/letters/jobs">${csrfField(csrfToken)}
<input type="hidden" name="kind" value="${parsed.kind}">
<input type="hidden" name="reminderNumber" value="${parsed.reminderNumber}">
<input type="hidden" name="language" value="${parsed.language}">
<input type="hidden" name="onlyWithoutEmail" value="${parsed.onlyWithoutEmail ? 'yes' : 'no'}">
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('letters.confirm.yes')}</button>
${back}</div></form>`;
    return reply.code(count.ok ? 200 : 409).type('text/html').send(page({
      title, language, t, csrfToken, path: request.url, user: member.session,
      body: html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${letters}">← ${t('letters.title')}</a></p>
<h1 class="utrecht-heading-1">${title}</h1>
${body}`,
    }).value);
  });

  app.post('/rounds/:id/letters/jobs', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = (request.params as { id: string }).id;
    if (!UUID.test(id) || !(await isOwnRound(db, member.membership.organisationId, id))) return reply.callNotFound();
    const parsed = parseLettersRequest(request.body as Record<string, unknown>);
    if (!parsed) return reply.redirect(`/rounds/${id}/letters`, 303);
    const started = await startLetters(db, { organisationId: member.membership.organisationId, roundId: id, actorId: member.session.userId, request: parsed });
    if (!started.ok) {
      if (started.error === 'not-found') return reply.callNotFound();
      const query = new URLSearchParams({ kind: parsed.kind, reminderNumber: String(parsed.reminderNumber), language: parsed.language, onlyWithoutEmail: parsed.onlyWithoutEmail ? 'yes' : 'no' });
      return reply.redirect(`/rounds/${id}/letters/confirm?${query}`, 303);
    }
    return reply.redirect(`/jobs/${started.value}`, 303);
  });
}
