import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { exportRound, type ExportFormat } from '../../app/export-round.ts';
import { exportXlsx, XLSX_CONTENT_TYPE } from '../../app/export-xlsx.ts';
import type { DB } from '../../db/schema.ts';
import type { ExportLanguage } from '../../domain/export/export-columns.ts';
import { DESIGNERS, requireRole } from '../guards.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Raw-data exports of a round (CSV and SPSS syntax) for administrators and researchers of the
 * round's own organisation. Answers are individual data, so viewers and councils get 403, and
 * a round of another organisation is simply not found.
 */
export async function exportRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  async function send(request: FastifyRequest, reply: FastifyReply, format: ExportFormat, language: ExportLanguage, type: string) {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return reply;
    const id = (request.params as { id: string }).id;
    const found = UUID.test(id)
      ? await exportRound(db, { organisationId: member.membership.organisationId, userId: member.session.userId, roundId: id, format, language })
      : undefined;
    if (!found) return reply.callNotFound();
    return reply
      .header('content-disposition', `attachment; filename="${found.fileName}"`)
      .header('cache-control', 'no-store')
      .type(type)
      .send(found.text);
  }

  const languageOf = (request: FastifyRequest): ExportLanguage => {
    const lang = (request.query as { lang?: unknown }).lang;
    return lang === 'nl' || lang === 'en' ? lang : request.ctx.language;
  };

  app.get('/rounds/:id/export.csv', async (request, reply) => {
    const values = (request.query as { values?: unknown }).values;
    const format: ExportFormat = values === 'labels' ? 'csv-labels' : 'csv-codes';
    return send(request, reply, format, languageOf(request), 'text/csv; charset=utf-8');
  });

  app.get('/rounds/:id/export.sps', async (request, reply) => send(request, reply, 'sps', languageOf(request), 'text/plain; charset=utf-8'));

  // Summary, raw data (codes) and codebook in one workbook.
  app.get('/rounds/:id/export.xlsx', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return reply;
    const id = (request.params as { id: string }).id;
    const found = UUID.test(id)
      ? await exportXlsx(db, { organisationId: member.membership.organisationId, userId: member.session.userId, roundId: id, language: languageOf(request) })
      : undefined;
    if (!found) return reply.callNotFound();
    return reply
      .header('content-disposition', `attachment; filename="${found.fileName}"`)
      .header('cache-control', 'no-store')
      .type(XLSX_CONTENT_TYPE)
      .send(found.bytes);
  });
}
