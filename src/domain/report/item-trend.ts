// An item's figure over all of the organisation's rounds that asked it (by item key), oldest
// first, with n and the threshold class of each round: the same rules as every other figure.

import { classifyN, type NClass, type ReportingThresholds } from '../statistics/reporting-thresholds.ts';
import type { Item } from '../questionnaire/questionnaire.ts';
import { itemFigures, type Figure, type ItemAnswerCounts } from './item-figures.ts';

export interface TrendRound {
  readonly roundId: string;
  readonly name: string;
  readonly year: number;
  /** True for the round the report is about. */
  readonly current: boolean;
  readonly items: ReadonlyMap<string, ItemAnswerCounts>;
}

export interface TrendPoint {
  readonly roundId: string;
  readonly name: string;
  readonly year: number;
  readonly current: boolean;
  readonly n: number;
  readonly nClass: NClass;
  /** Null when hidden or without answers. */
  readonly figure: Figure | null;
}

/** Rounds that did not ask the item are left out; the caller passes rounds oldest first. */
export function itemTrend(item: Item, rounds: readonly TrendRound[], thresholds: ReportingThresholds): TrendPoint[] {
  return rounds.flatMap((round) => {
    const counts = round.items.get(item.key);
    if (!counts) return [];
    const figures = itemFigures(item, counts);
    if (figures.n === 0 && figures.notApplicable === 0) return [];
    const nClass = classifyN(figures.n, thresholds);
    return [{ roundId: round.roundId, name: round.name, year: round.year, current: round.current, n: figures.n, nClass, figure: nClass === 'hidden' ? null : figures.figure }];
  });
}
