import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit-store.ts';
import { insertPublishedFigures } from '../../db/published-figures-store.ts';
import { setRoundStatus } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { itemsOf, type Item } from '../../domain/questionnaire/questionnaire.ts';
import { takesPublishedFigure } from '../../domain/report/published-figure.ts';
import { readPublishedFigures, type FiguresFileProblem, type FiguresReading } from '../../domain/report/read-published-figures.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { ensureStandardQuestionnaire } from '../ensure-standard-questionnaire.ts';
import { createRound } from '../round-design.ts';
import { todayInNetherlands } from '../today.ts';

// A round from before Klantstem, of which only the report survives: a closed round of the
// standard questionnaire without responses, with the figures the report gave per question. The
// trend, the previous-round comparison and the improvement plan then include it.

export interface PublishedFiguresInput {
  readonly name: string;
  readonly year: number;
  /** The CSV text (already decoded). */
  readonly text: string;
  /** Where the figures come from, e.g. "Rapport KTO 2021, bureau X, tabel 3". */
  readonly source: string;
  /** Check only: nothing is stored. */
  readonly dryRun?: boolean;
}

export type PublishedFiguresProblem =
  | { readonly kind: 'name' }
  | { readonly kind: 'year'; readonly latest: number }
  | { readonly kind: 'source' }
  | { readonly kind: 'file'; readonly problem: FiguresFileProblem }
  | { readonly kind: 'rows'; readonly reading: FiguresReading };

export const EARLIEST_FIGURES_YEAR = 1990;

/** The standard questionnaire and its questions old figures can be given for, by key. */
export async function figureItems(db: Kysely<DB>): Promise<{ readonly versionId: string; readonly items: Map<string, Item> }> {
  const standard = await ensureStandardQuestionnaire(db);
  return { versionId: standard.id, items: new Map(itemsOf(standard.definition).filter(takesPublishedFigure).map((i) => [i.key, i])) };
}

export async function importPublishedFigures(
  db: Kysely<DB>,
  actor: { readonly organisationId: string; readonly userId: string | null },
  input: PublishedFiguresInput,
  now = new Date(),
): Promise<Result<{ readonly roundId: string | null; readonly reading: FiguresReading }, PublishedFiguresProblem>> {
  const name = input.name.trim();
  if (name === '' || name.length > 200) return err({ kind: 'name' });
  const latest = Number(todayInNetherlands(now).slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < EARLIEST_FIGURES_YEAR || input.year > latest) return err({ kind: 'year', latest });
  if (input.source.length > 500) return err({ kind: 'source' });
  const { versionId, items } = await figureItems(db);
  const reading = readPublishedFigures(input.text, items);
  if (reading.fileProblem) return err({ kind: 'file', problem: reading.fileProblem });
  if (reading.rowProblems.length > 0) return err({ kind: 'rows', reading });
  if (input.dryRun) return ok({ roundId: null, reading });

  const roundId = randomUUID();
  const created = await createRound(db, {
    organisationId: actor.organisationId, actorId: actor.userId, id: roundId, sourceVersionId: versionId,
    design: { name, year: input.year, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: null, fieldworkEnd: null, access: 'codes' },
  });
  if (!created.ok) throw new Error(`the standard questionnaire did not compose: ${JSON.stringify(created.error)}`);
  try {
    await withTenant(db, actor.organisationId, async (tx) => {
      await insertPublishedFigures(tx, actor.organisationId, roundId, reading.figures, input.source.trim());
      await setRoundStatus(tx, roundId, 'closed');
      await recordAudit(tx, { organisationId: actor.organisationId, userId: actor.userId, action: 'published-figures-imported', details: { roundId, items: reading.figures.length } });
    });
  } catch (error) {
    // Nothing half-imported: without its figures the round would be an empty closed round.
    await withTenant(db, actor.organisationId, (tx) => tx.deleteFrom('rounds').where('id', '=', roundId).execute());
    throw error;
  }
  return ok({ roundId, reading });
}
