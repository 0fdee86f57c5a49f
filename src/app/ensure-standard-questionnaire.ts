import type { Kysely } from 'kysely';
import { saveQuestionnaireVersion, type QuestionnaireVersion } from '../db/questionnaire-store.ts';
import type { DB } from '../db/schema.ts';
import { withSystem } from '../db/tenant-transaction.ts';
import { parseQuestionnaire } from '../domain/questionnaire/questionnaire-schema.ts';
import { standardQuestionnaireJson } from '../domain/questionnaire/standard/standard-questionnaire.ts';

/**
 * Stores the standard questionnaire that ships with this release as a shared version. A release
 * that changes the file adds a new version; rounds keep the version they were made with.
 */
export async function ensureStandardQuestionnaire(db: Kysely<DB>): Promise<QuestionnaireVersion> {
  const parsed = parseQuestionnaire(standardQuestionnaireJson);
  if (!parsed.ok) {
    const lines = parsed.error.map((issue) => `${issue.path}: ${issue.message.en}`);
    throw new Error(`The shipped standard questionnaire is invalid:\n${lines.join('\n')}`);
  }
  return withSystem(db, (tx) =>
    saveQuestionnaireVersion(tx, { organisationId: null, isStandard: true }, parsed.value),
  );
}
