import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import { completedAnswersOfRound, completedResponsesOfRound } from '../db/export-queries.ts';
import type { Round } from '../db/round-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { StoredAnswer } from '../domain/questionnaire/answer-encoding.ts';
import { responsesCsv } from '../domain/export/responses-csv.ts';
import type { ExportLanguage } from '../domain/export/export-columns.ts';
import { spssSyntax } from '../domain/export/spss-syntax.ts';
import { roundWithQuestionnaire } from './round-queries.ts';

export type ExportFormat = 'csv-codes' | 'csv-labels' | 'sps';

export interface ExportRequest {
  readonly organisationId: string;
  readonly userId: string;
  readonly roundId: string;
  readonly format: ExportFormat;
  readonly language: ExportLanguage;
}

export interface RoundExport {
  readonly round: Round;
  readonly fileName: string;
  readonly text: string;
}

/** File name of the codes CSV; the SPSS syntax reads it under this name. */
export function exportFileName(round: Round, format: ExportFormat, language: ExportLanguage): string {
  const base = `klantstem-${round.year}-${round.id.slice(0, 8)}`;
  if (format === 'sps') return `${base}.sps`;
  return format === 'csv-codes' ? `${base}.csv` : `${base}-labels-${language}.csv`;
}

/**
 * A raw-data export of a round of the organisation (undefined when the round is not its own),
 * recorded in the audit log with the round and the format only: no personal data.
 */
export async function exportRound(db: Kysely<DB>, request: ExportRequest): Promise<RoundExport | undefined> {
  const { organisationId, roundId, format, language } = request;
  const found = await roundWithQuestionnaire(db, organisationId, roundId);
  if (!found) return undefined;
  const { round, version } = found;
  const questionnaire = version.definition;
  const disabledModules = round.disabledModules;
  return withTenant(db, organisationId, async (tx) => {
    let text: string;
    if (format === 'sps') {
      text = spssSyntax(questionnaire, { language, disabledModules, fileName: exportFileName(round, 'csv-codes', language) });
    } else {
      const responses = await completedResponsesOfRound(tx, organisationId, round.id);
      const answers = await completedAnswersOfRound(tx, organisationId, round.id);
      const byResponse = new Map<string, StoredAnswer[]>();
      for (const { responseId, ...answer } of answers) {
        const list = byResponse.get(responseId);
        if (list) list.push(answer);
        else byResponse.set(responseId, [answer]);
      }
      // The id stays here: the domain gets channel, language, date and answers only.
      const rows = responses.map((r) => ({ channel: r.channel, language: r.language, completedOn: r.completedOn, answers: byResponse.get(r.id) ?? [] }));
      text = responsesCsv(questionnaire, rows, { values: format === 'csv-codes' ? 'codes' : 'labels', language, disabledModules });
    }
    await recordAudit(tx, { organisationId, userId: request.userId, action: 'export', details: { roundId: round.id, format } });
    return { round, fileName: exportFileName(round, format, language), text };
  });
}
