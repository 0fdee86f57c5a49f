import type { ImportReportEntry } from '../domain/history-import/import-report.ts';
import type { Tx } from './tenant-transaction.ts';

export interface QuestionnaireImport {
  readonly id: string;
  readonly questionnaireId: string;
  readonly originalVersionId: string;
  readonly currentVersionId: string;
  readonly fileName: string;
  readonly report: readonly ImportReportEntry[];
  readonly sourceCodes: Readonly<Record<string, string>>;
  readonly keyMapping: Readonly<Record<string, string>>;
  readonly createdAt: Date;
}

const columns = [
  'id',
  'questionnaire_id as questionnaireId',
  'original_version_id as originalVersionId',
  'current_version_id as currentVersionId',
  'file_name as fileName',
  'report',
  'source_codes as sourceCodes',
  'key_mapping as keyMapping',
  'created_at as createdAt',
] as const;

export async function insertQuestionnaireImport(
  tx: Tx,
  row: { id: string; organisationId: string; questionnaireId: string; versionId: string; fileName: string; report: readonly ImportReportEntry[]; sourceCodes: Readonly<Record<string, string>>; createdBy: string | null },
): Promise<void> {
  await tx.insertInto('questionnaire_imports').values({
    id: row.id,
    organisation_id: row.organisationId,
    questionnaire_id: row.questionnaireId,
    original_version_id: row.versionId,
    current_version_id: row.versionId,
    source_format: 'limesurvey',
    file_name: row.fileName,
    report: JSON.stringify(row.report),
    source_codes: JSON.stringify(row.sourceCodes),
    created_by: row.createdBy,
  }).execute();
}

export async function findQuestionnaireImport(tx: Tx, organisationId: string, id: string): Promise<QuestionnaireImport | undefined> {
  return tx.selectFrom('questionnaire_imports').select(columns)
    .where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function listQuestionnaireImports(tx: Tx, organisationId: string): Promise<QuestionnaireImport[]> {
  return tx.selectFrom('questionnaire_imports').select(columns)
    .where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').limit(100).execute();
}

export async function updateKeyMapping(tx: Tx, organisationId: string, id: string, versionId: string, mapping: Readonly<Record<string, string>>): Promise<void> {
  await tx.updateTable('questionnaire_imports')
    .set({ current_version_id: versionId, key_mapping: JSON.stringify(mapping) })
    .where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}
