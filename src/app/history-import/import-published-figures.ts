import type { Kysely } from 'kysely';
import { insertPublishedFigures } from '../../db/published-figures-store.ts';
import type { DB } from '../../db/schema.ts';
import { historicRoundProblems, type HistoricRoundField } from '../../domain/history-import/historic-round.ts';
import type { Item } from '../../domain/questionnaire/questionnaire.ts';
import { takesPublishedFigure } from '../../domain/report/published-figure.ts';
import { readPublishedFigures, type FiguresFileProblem, type FiguresReading } from '../../domain/report/read-published-figures.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { todayInNetherlands } from '../today.ts';
import { createHistoricRound, standardItems } from './create-historic-round.ts';

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

export type PublishedFiguresField = HistoricRoundField;

export type PublishedFiguresProblem =
  /** Every field that is wrong, at once; latest is the last year allowed. */
  | { readonly kind: 'fields'; readonly fields: readonly PublishedFiguresField[]; readonly latest: number }
  | { readonly kind: 'file'; readonly problem: FiguresFileProblem }
  | { readonly kind: 'rows'; readonly reading: FiguresReading };

/** The standard questionnaire and its questions old figures can be given for, by key. */
export function figureItems(db: Kysely<DB>): Promise<{ readonly versionId: string; readonly items: Map<string, Item> }> {
  return standardItems(db, takesPublishedFigure);
}

export async function importPublishedFigures(
  db: Kysely<DB>,
  actor: { readonly organisationId: string; readonly userId: string | null },
  input: PublishedFiguresInput,
  now = new Date(),
): Promise<Result<{ readonly roundId: string | null; readonly reading: FiguresReading }, PublishedFiguresProblem>> {
  const latest = Number(todayInNetherlands(now).slice(0, 4));
  const fields = historicRoundProblems(input, latest);
  if (fields.length) return err({ kind: 'fields', fields, latest });
  const { versionId, items } = await figureItems(db);
  const reading = readPublishedFigures(input.text, items);
  if (reading.fileProblem) return err({ kind: 'file', problem: reading.fileProblem });
  if (reading.rowProblems.length > 0) return err({ kind: 'rows', reading });
  if (input.dryRun) return ok({ roundId: null, reading });
  const roundId = await createHistoricRound(db, actor, { name: input.name, year: input.year, versionId },
    { action: 'published-figures-imported', details: { items: reading.figures.length } },
    (tx, id) => insertPublishedFigures(tx, actor.organisationId, id, reading.figures, input.source.trim()));
  return ok({ roundId, reading });
}
