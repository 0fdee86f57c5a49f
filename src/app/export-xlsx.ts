import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import { completedAnswersOfRound, completedResponsesOfRound } from '../db/export-queries.ts';
import type { Round } from '../db/round-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { ExportLanguage } from '../domain/export/export-columns.ts';
import { responseRows } from '../domain/export/responses-csv.ts';
import type { StoredAnswer } from '../domain/questionnaire/answer-encoding.ts';
import { exportFileName } from './export-round.ts';
import { roundReport } from './round-report.ts';
import { roundWithQuestionnaire } from './round-queries.ts';
import { addCodebookSheet, addRawDataSheet, addSummarySheet, assertNoFormulas } from './xlsx-workbook.ts';

export interface XlsxExportRequest {
  readonly organisationId: string;
  readonly userId: string;
  readonly roundId: string;
  readonly language: ExportLanguage;
}

export interface XlsxExport {
  readonly round: Round;
  readonly fileName: string;
  readonly bytes: Buffer;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The XLSX workbook of a round of the organisation (undefined when the round is not its own):
 * summary, raw data (codes) and codebook. Recorded in the audit log with the round and the
 * format only, like the CSV and SPSS exports.
 */
export async function exportXlsx(db: Kysely<DB>, request: XlsxExportRequest): Promise<XlsxExport | undefined> {
  const { organisationId, roundId, language } = request;
  const found = await roundWithQuestionnaire(db, organisationId, roundId);
  const view = found && (await roundReport(db, organisationId, roundId));
  if (!found || !view) return undefined;
  const { round, version } = found;
  return withTenant(db, organisationId, async (tx) => {
    const responses = await completedResponsesOfRound(tx, organisationId, round.id);
    const answers = await completedAnswersOfRound(tx, organisationId, round.id);
    const byResponse = new Map<string, StoredAnswer[]>();
    for (const { responseId, ...answer } of answers) {
      const list = byResponse.get(responseId);
      if (list) list.push(answer);
      else byResponse.set(responseId, [answer]);
    }
    // The id stays here, as for the CSV: the domain gets channel, language, date and answers.
    const rows = responses.map((r) => ({ channel: r.channel, language: r.language, completedOn: r.completedOn, answers: byResponse.get(r.id) ?? [] }));
    const raw = responseRows(version.definition, rows, { values: 'codes', language, disabledModules: round.disabledModules });

    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Klantstem';
    addSummarySheet(workbook, round, view.report, language);
    addRawDataSheet(workbook, raw.columns, raw.rows, language);
    addCodebookSheet(workbook, raw.columns, language);
    assertNoFormulas(workbook);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await recordAudit(tx, { organisationId, userId: request.userId, action: 'export', details: { roundId: round.id, format: 'xlsx' } });
    return { round, fileName: exportFileName(round, 'csv-codes', language).replace(/\.csv$/, '.xlsx'), bytes };
  });
}
