import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { recordReportDownload, reportDocumentData } from '../../app/report-document.ts';
import type { DB } from '../../db/schema.ts';
import { requireRole, STAFF } from '../guards.ts';
import { translator, type Language } from '../i18n/translate.ts';
import { leasePdfPrinter } from '../paper/pdf-printer.ts';
import { reportDocumentHtml, reportPrintOptions } from './report-document.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * ?lang= also switches the interface language (request-context.ts); reading the English report
 * should not switch a Dutch user's screens, so that cookie is dropped here.
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

/**
 * The report document: HTML to read or print, and the same document as an A4 PDF (Chromium).
 * Every staff role of the round's organisation; a PDF download is logged as an export.
 */
export async function reportDocumentRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;
  const printer = leasePdfPrinter();
  app.addHook('onClose', async () => printer.release());

  async function load(request: FastifyRequest, reply: FastifyReply) {
    const member = requireRole(request, reply, STAFF);
    if (!member) return undefined;
    const id = (request.params as { id: string }).id;
    const data = UUID.test(id) ? await reportDocumentData(db, member.membership.organisationId, id) : undefined;
    if (!data) {
      reply.callNotFound();
      return undefined;
    }
    const lang = (request.query as { lang?: unknown }).lang;
    const language: Language = lang === 'nl' || lang === 'en' ? lang : request.ctx.language;
    return { member, data, language, t: translator(language) };
  }

  app.get('/rounds/:id/report/document', { onSend: keepInterfaceLanguage }, async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const { data, language, t, member } = found;
    const base = `/rounds/${data.round.id}/report`;
    const markup = reportDocumentHtml({
      data, organisationName: member.membership.name, t, language, date: new Date(),
      screenLinks: { back: base, pdf: `/rounds/${data.round.id}/report.pdf?lang=${language}`, otherLanguage: `${base}/document?lang=${language === 'nl' ? 'en' : 'nl'}` },
    });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(markup);
  });

  app.get('/rounds/:id/report.pdf', { onSend: keepInterfaceLanguage }, async (request, reply) => {
    const found = await load(request, reply);
    if (!found) return reply;
    const { data, language, t, member } = found;
    const input = { data, organisationName: member.membership.name, t, language, date: new Date(), screenLinks: null };
    const pdf = await printer.print(reportDocumentHtml(input), reportPrintOptions(input));
    await recordReportDownload(db, { organisationId: member.membership.organisationId, userId: member.session.userId, roundId: data.round.id, language });
    const name = `rapport-${data.round.year}-${data.round.id.slice(0, 8)}-${language}.pdf`;
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });
}
