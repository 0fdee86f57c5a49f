import type { Kysely } from 'kysely';
import { findQuestionnaireImport, listQuestionnaireImports, type QuestionnaireImport } from '../../db/questionnaire-import-store.ts';
import { findQuestionnaireId, getVersion, latestVersion, type QuestionnaireVersion } from '../../db/questionnaire-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { STANDARD_KEY } from '../round-queries.ts';

export interface QuestionnaireImportReview {
  readonly record: QuestionnaireImport;
  /** The questionnaire as imported, before any link to standard keys. */
  readonly original: QuestionnaireVersion;
  /** The latest version: with the chosen standard keys. */
  readonly current: QuestionnaireVersion;
  readonly standard: QuestionnaireVersion;
}

export async function standardVersion(tx: Tx): Promise<QuestionnaireVersion> {
  const id = await findQuestionnaireId(tx, null, STANDARD_KEY);
  const latest = id ? await latestVersion(tx, id) : undefined;
  if (!latest) throw new Error('The standard questionnaire has not been loaded (run migrate).');
  return latest;
}

export async function loadQuestionnaireImport(tx: Tx, organisationId: string, importId: string): Promise<QuestionnaireImportReview | undefined> {
  const record = await findQuestionnaireImport(tx, organisationId, importId);
  if (!record) return undefined;
  const original = await getVersion(tx, record.originalVersionId);
  const current = await getVersion(tx, record.currentVersionId);
  if (!original || !current) return undefined;
  return { record, original, current, standard: await standardVersion(tx) };
}

/** An import with everything its review page shows; undefined for another organisation's import. */
export function reviewQuestionnaireImport(db: Kysely<DB>, organisationId: string, importId: string): Promise<QuestionnaireImportReview | undefined> {
  return withTenant(db, organisationId, (tx) => loadQuestionnaireImport(tx, organisationId, importId));
}

export function questionnaireImports(db: Kysely<DB>, organisationId: string): Promise<QuestionnaireImport[]> {
  return withTenant(db, organisationId, (tx) => listQuestionnaireImports(tx, organisationId));
}
