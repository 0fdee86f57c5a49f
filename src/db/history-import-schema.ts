import type { Generated, JSONColumnType } from 'kysely';
import type { ImportReportEntry } from '../domain/history-import/import-report.ts';

// Kysely's view of the table created by migrations/0023-questionnaire-imports.ts.

export interface QuestionnaireImportsTable {
  id: string;
  organisation_id: string;
  questionnaire_id: string;
  original_version_id: string;
  current_version_id: string;
  source_format: 'limesurvey';
  file_name: string;
  report: JSONColumnType<ImportReportEntry[], string, string>;
  source_codes: JSONColumnType<Record<string, string>, string, string>;
  key_mapping: JSONColumnType<Record<string, string>, string | undefined, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface HistoryImportTables {
  questionnaire_imports: QuestionnaireImportsTable;
}
