import type { Kysely } from 'kysely';
import { updateKeyMapping } from '../../db/questionnaire-import-store.ts';
import { saveQuestionnaireVersion } from '../../db/questionnaire-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { mapToStandardKeys, type MappingIssue } from '../../domain/history-import/standard-key-mapping.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { ImportActor } from './import-questionnaire-file.ts';
import { loadQuestionnaireImport } from './questionnaire-import-review.ts';

/**
 * Links imported questions to standard item keys (imported key → standard key, '' for none).
 * The mapping is applied to the questionnaire as imported and stored as a new version, so
 * changing one's mind later never stacks renames.
 */
export async function linkStandardKeys(
  db: Kysely<DB>,
  actor: ImportActor,
  importId: string,
  mapping: Readonly<Record<string, string>>,
): Promise<Result<void, 'not-found' | MappingIssue[]>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const review = await loadQuestionnaireImport(tx, actor.organisationId, importId);
    if (!review) return err('not-found' as const);
    const mapped = mapToStandardKeys(review.original.definition, review.standard.definition, mapping);
    if (!mapped.ok) return mapped;
    const version = await saveQuestionnaireVersion(tx, { organisationId: actor.organisationId, isStandard: false }, mapped.value);
    const kept = Object.fromEntries(Object.entries(mapping).filter(([, to]) => to !== ''));
    await updateKeyMapping(tx, actor.organisationId, importId, version.id, kept);
    return ok(undefined);
  });
}
