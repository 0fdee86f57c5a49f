import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit, type AuditAction } from '../../db/audit-store.ts';
import { setRoundStatus } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { itemsOf, type Item } from '../../domain/questionnaire/questionnaire.ts';
import { ensureStandardQuestionnaire } from '../ensure-standard-questionnaire.ts';
import { createRound } from '../round-design.ts';
import { loadQuestionnaireImport } from './questionnaire-import-review.ts';

// A closed round of the standard questionnaire for a survey from before Klantstem, filled in
// one transaction by the caller (published figures or raw responses). Without its contents the
// round would be an empty closed round, so a failure removes it again: nothing half-imported.

/** The standard questionnaire's version and its questions by key. */
export async function standardItems(db: Kysely<DB>, keep: (item: Item) => boolean = () => true): Promise<{ readonly versionId: string; readonly items: Map<string, Item> }> {
  const standard = await ensureStandardQuestionnaire(db);
  return { versionId: standard.id, items: new Map(itemsOf(standard.definition).filter(keep).map((i) => [i.key, i])) };
}

/**
 * The questionnaire an old round's answers belong to: the standard one, or one imported from
 * LimeSurvey (its latest version, with the links to standard keys the researcher chose, so
 * linked questions join the trend). Undefined for an import of another organisation.
 */
export async function historicQuestionnaire(
  db: Kysely<DB>, organisationId: string, questionnaireImportId: string | undefined,
): Promise<{ readonly versionId: string; readonly items: Map<string, Item> } | undefined> {
  if (!questionnaireImportId) return standardItems(db);
  const review = await withTenant(db, organisationId, (tx) => loadQuestionnaireImport(tx, organisationId, questionnaireImportId));
  return review && { versionId: review.current.id, items: new Map(itemsOf(review.current.definition).map((i) => [i.key, i])) };
}

export async function createHistoricRound(
  db: Kysely<DB>,
  actor: { readonly organisationId: string; readonly userId: string | null },
  round: { readonly name: string; readonly year: number; readonly versionId: string },
  audit: { readonly action: AuditAction; readonly details: Record<string, unknown> },
  fill: (tx: Tx, roundId: string) => Promise<void>,
): Promise<string> {
  const roundId = randomUUID();
  const created = await createRound(db, {
    organisationId: actor.organisationId, actorId: actor.userId, id: roundId, sourceVersionId: round.versionId,
    design: { name: round.name.trim(), year: round.year, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: null, fieldworkEnd: null, access: 'codes' },
  });
  if (!created.ok) throw new Error(`the standard questionnaire did not compose: ${JSON.stringify(created.error)}`);
  try {
    await withTenant(db, actor.organisationId, async (tx) => {
      await fill(tx, roundId);
      await setRoundStatus(tx, roundId, 'closed');
      await recordAudit(tx, { organisationId: actor.organisationId, userId: actor.userId, action: audit.action, details: { roundId, ...audit.details } });
    });
  } catch (error) {
    await withTenant(db, actor.organisationId, (tx) => tx.deleteFrom('rounds').where('id', '=', roundId).execute());
    throw error;
  }
  return roundId;
}
