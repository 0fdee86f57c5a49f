// An item's figure per subgroup (channel, language, age band, household, a carried variable…).
// Every group follows the same threshold rules as any figure, and small groups are hidden
// together with a complementary group (suppress-cells.ts), so no hidden group can be worked
// out from the total and the groups shown.

import { classifyN, type NClass, type ReportingThresholds } from '../statistics/reporting-thresholds.ts';
import type { Item } from '../questionnaire/questionnaire.ts';
import { itemFigures, type Figure, type ItemAnswerCounts } from './item-figures.ts';
import { suppressCells, type SuppressionReason } from './suppress-cells.ts';

export interface BreakdownGroupCounts {
  /** The group's value (channel, language, option code, carried value); '' for "unknown". */
  readonly group: string;
  readonly counts: ItemAnswerCounts;
}

export interface BreakdownRow {
  readonly group: string;
  /** Null when hidden: not even the size of a hidden group is shown. */
  readonly n: number | null;
  readonly nClass: NClass;
  readonly figure: Figure | null;
  readonly hidden: SuppressionReason | null;
}

export interface ItemBreakdown {
  /** E.g. 'channel', 'language', 'item:achtergrond.leeftijd', 'carried:district'. */
  readonly dimension: string;
  readonly rows: readonly BreakdownRow[];
}

/** Items with a single figure (mean or share) can be broken down; choice items cannot (yet). */
export function canBreakDown(item: Item): boolean {
  return item.type === 'mark' || item.type === 'agree5' || item.type === 'yesno' || item.type === 'number';
}

/**
 * The breakdown of one item by one dimension, groups in the given order. Null when the item's
 * total is itself hidden, when fewer than two groups have answers (nothing to compare, and a
 * single group would just repeat the total), or when suppression leaves no group to show.
 */
export function itemBreakdown(item: Item, dimension: string, groups: readonly BreakdownGroupCounts[], thresholds: ReportingThresholds): ItemBreakdown | null {
  if (!canBreakDown(item)) return null;
  const figures = groups.map((g) => itemFigures(item, g.counts));
  const total = figures.reduce((sum, f) => sum + f.n, 0);
  if (classifyN(total, thresholds) === 'hidden') return null;
  if (figures.filter((f) => f.n > 0).length < 2) return null;
  const hidden = suppressCells(figures.map((f) => f.n), thresholds.hideBelow);
  const rows = groups.map((g, index): BreakdownRow => {
    const f = figures[index]!;
    const reason = hidden.get(index) ?? null;
    if (reason) return { group: g.group, n: null, nClass: 'hidden', figure: null, hidden: reason };
    return { group: g.group, n: f.n, nClass: classifyN(f.n, thresholds), figure: f.n === 0 ? null : f.figure, hidden: null };
  });
  // Everything hidden: a table of blanks tells nothing.
  if (rows.every((r) => r.hidden !== null || r.n === 0)) return null;
  return { dimension, rows };
}
