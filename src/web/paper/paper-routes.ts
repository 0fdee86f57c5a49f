import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { codeToPrint } from '../../app/paper/code-to-print.ts';
import type { DB } from '../../db/schema.ts';
import { DESIGNERS, requireRole } from '../guards.ts';
import { html } from '../html.ts';
import { translator, type Language } from '../i18n/translate.ts';
import { page } from '../layout.ts';
import { paperDocument } from './paper-document.ts';
import { loadPaperRound } from './load-paper-round.ts';
import { paperEntryRoutes } from './paper-entry-routes.ts';
import { leasePdfPrinter } from './pdf-printer.ts';

/**
 * The request's ?lang= also switches the interface language (request-context.ts); printing an
 * English form should not switch a Dutch researcher's screens, so that cookie is dropped here.
 */
async function keepInterfaceLanguage(_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const cookies = reply.getHeader('set-cookie');
  if (Array.isArray(cookies)) {
    const kept = cookies.filter((c) => !c.startsWith('ks_lang='));
    reply.removeHeader('set-cookie');
    if (kept.length) reply.header('set-cookie', kept);
  } else if (typeof cookies === 'string' && cookies.startsWith('ks_lang=')) {
    reply.removeHeader('set-cookie');
  }
  return payload;
}

/** Paper: the printable questionnaire (PDF) and typing in returned paper forms. */
export async function paperRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;
  const printer = leasePdfPrinter();
  app.addHook('onClose', async () => printer.release());

  app.get('/rounds/:id/paper.pdf', { onSend: keepInterfaceLanguage }, async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const found = await loadPaperRound(db, request, reply, member);
    if (!found) return;
    const query = request.query as Record<string, unknown>;
    // Dutch unless English is asked for: the form is for respondents, whatever the screen language.
    const language: Language = query.lang === 'en' ? 'en' : 'nl';
    const code = await codeToPrint(db, {
      organisationId: member.membership.organisationId,
      roundId: found.round.id,
      code: typeof query.code === 'string' ? query.code : undefined,
    });
    if (!code.ok) {
      const { t } = request.ctx;
      return reply.code(400).type('text/html').send(page({
        title: t('paper.error.title'), language: request.ctx.language, t, csrfToken: request.ctx.csrfToken,
        path: `/rounds/${found.round.id}/entry`, user: member.session,
        body: html`<h1 class="utrecht-heading-1">${t('paper.error.title')}</h1>
<p class="utrecht-paragraph">${t('paper.error.code')}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${found.round.id}/entry">${t('paperEntry.title')}</a></p>`,
      }).value);
    }
    const document = await paperDocument({
      questionnaire: found.version.definition,
      organisationName: member.membership.name,
      roundName: found.round.name,
      t: translator(language),
      language,
      entryUrl: `${request.protocol}://${request.host}/r`,
      code: code.value,
    });
    const pdf = await printer.print(document.html, document.print);
    const name = `vragenlijst-${found.round.year}-${language}${code.value ? `-${code.value}` : ''}.pdf`;
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${name}"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  await app.register(paperEntryRoutes, { db });
}
