import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { standardQuestionnaire } from '../../app/round-queries.ts';
import type { DB } from '../../db/schema.ts';
import { itemsOf } from '../../domain/questionnaire/questionnaire.ts';
import { requireRole, STAFF } from '../guards.ts';
import { html } from '../html.ts';
import { formatDate } from '../i18n/translate.ts';
import { page } from '../layout.ts';
import { questionnairePreview } from './questionnaire-preview.ts';

export async function questionnaireRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  app.get('/questionnaire', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const { t, language, csrfToken } = request.ctx;
    const { latest, versions } = await standardQuestionnaire(options.db, member.membership.organisationId);
    const body = html`<h1 class="utrecht-heading-1">${t('questionnaire.title')}</h1>
<p class="utrecht-paragraph">${t('questionnaire.intro')}</p>
${['administrator', 'researcher'].includes(member.membership.role) ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/questionnaire-imports">${t('historyImport.link')}</a></p>` : ''}
<p class="utrecht-paragraph">${t('round.questionnaireVersion', { version: latest.version, items: itemsOf(latest.definition).length })}</p>
<h2 class="utrecht-heading-2">${t('questionnaire.versions')}</h2>
<ul class="utrecht-unordered-list">${versions.map(
      (v) => html`<li class="utrecht-unordered-list__item">${t('questionnaire.version', { version: v.version, date: formatDate(language, v.createdAt) })}</li>`,
    )}</ul>
${questionnairePreview(latest.definition, t, language)}`;
    return reply.type('text/html').send(
      page({ title: t('questionnaire.title'), language, t, csrfToken, path: '/questionnaire', user: member.session, body }).value,
    );
  });
}
