import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertQuestionnaireImport } from '../../db/questionnaire-import-store.ts';
import { saveQuestionnaireVersion } from '../../db/questionnaire-store.ts';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit-store.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { importFailure, type ImportFailure } from '../../domain/history-import/import-failure.ts';
import { importLimeSurvey } from '../../domain/history-import/import-lime-survey.ts';
import { err, ok, type Result } from '../../domain/result.ts';

export interface ImportActor {
  readonly organisationId: string;
  readonly userId: string | null;
}

/**
 * Turns a LimeSurvey structure file into a new draft questionnaire of the organisation with its
 * import report. The file is read and mapped before the transaction; the questionnaire, its
 * version and the import record are written in one transaction, so a failure leaves nothing.
 */
export async function importQuestionnaireFile(
  db: Kysely<DB>,
  actor: ImportActor,
  input: { fileName: string; bytes: Uint8Array },
): Promise<Result<{ importId: string; questionnaireKey: string }, ImportFailure>> {
  if (input.bytes.byteLength === 0) {
    return err(importFailure('empty', 'Kies een .lss-bestand om te importeren.', 'Choose an .lss file to import.'));
  }
  // A new key per import: importing the same file twice gives two drafts to compare, not a mix.
  const questionnaireKey = `limesurvey-${randomBytes(4).toString('hex')}`;
  const imported = importLimeSurvey(input.bytes, questionnaireKey);
  if (!imported.ok) return imported;
  const fileName = (input.fileName.trim() || 'limesurvey.lss').slice(0, 255);
  const importId = randomUUID();
  await withTenant(db, actor.organisationId, async (tx) => {
    const version = await saveQuestionnaireVersion(tx, { organisationId: actor.organisationId, isStandard: false }, imported.value.questionnaire);
    await insertQuestionnaireImport(tx, {
      id: importId,
      organisationId: actor.organisationId,
      questionnaireId: version.questionnaireId,
      versionId: version.id,
      fileName,
      report: imported.value.report,
      sourceCodes: imported.value.sourceCodes,
      createdBy: actor.userId,
    });
    await recordAudit(tx, { organisationId: actor.organisationId, userId: actor.userId, action: 'questionnaire-imported', details: { importId, notes: imported.value.report.length } });
  });
  return ok({ importId, questionnaireKey });
}
