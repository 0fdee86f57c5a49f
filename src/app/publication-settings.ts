import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import { getPublicationSettings, savePublicationSettings, type PublicationSettings } from '../db/publication-store.ts';
import type { Round } from '../db/round-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { checkPublicationChoice, type PublicationChoice, type PublicationProblem } from '../domain/publication/public-report.ts';
import type { Module, Questionnaire } from '../domain/questionnaire/questionnaire.ts';
import { isReportedItem } from '../domain/report/item-figures.ts';
import type { Result } from '../domain/result.ts';
import { roundWithQuestionnaire } from './round-queries.ts';

export interface PublicationView {
  readonly round: Round;
  /** Modules of the round with at least one item the report shows figures for. */
  readonly modules: readonly Module[];
  readonly settings: PublicationSettings;
}

function reportedModules(questionnaire: Questionnaire, disabled: readonly string[]): Module[] {
  const keys = new Set(questionnaire.blocks.filter((b) => !disabled.includes(b.module) && b.items.some(isReportedItem)).map((b) => b.module));
  return questionnaire.modules.filter((m) => keys.has(m.key));
}

/** The round's publication choices; undefined when the round is not the organisation's. */
export async function publicationOf(db: Kysely<DB>, organisationId: string, roundId: string): Promise<PublicationView | undefined> {
  const found = await roundWithQuestionnaire(db, organisationId, roundId);
  if (!found) return undefined;
  const settings = await withTenant(db, organisationId, (tx) => getPublicationSettings(tx, organisationId, roundId));
  return { round: found.round, modules: reportedModules(found.version.definition, found.round.disabledModules), settings };
}

export interface PublicationChange extends PublicationChoice {
  readonly organisationId: string;
  readonly userId: string;
  readonly roundId: string;
}

/** Saves what the public page shows; audit-logged. Undefined when the round is not found. */
export async function changePublication(db: Kysely<DB>, change: PublicationChange): Promise<Result<PublicationChoice, PublicationProblem[]> | undefined> {
  const view = await publicationOf(db, change.organisationId, change.roundId);
  if (!view) return undefined;
  const checked = checkPublicationChoice(change, view.modules.map((m) => m.key));
  if (!checked.ok) return checked;
  await withTenant(db, change.organisationId, async (tx) => {
    await savePublicationSettings(tx, change.organisationId, change.roundId, checked.value, change.userId);
    await recordAudit(tx, { organisationId: change.organisationId, userId: change.userId, action: 'round-updated', details: { roundId: change.roundId, publication: { modules: checked.value.modules, showTrend: checked.value.showTrend, showReference: checked.value.showReference } } });
  });
  return checked;
}
