// What an organisation shares with a benchmark: per item of the standard questionnaire only the
// sufficient statistics (n, Σx, Σx² and the count per answer value), never an answer or a
// respondent. Counts add up exactly across organisations, so the organiser's pooled figures
// equal those computed from all answers together (domain.md: "sees only aggregates").
//
// The same is shared per cell of a carried variable (district, age band…), but only cells that
// reach the minimum size, with a complementary cell hidden as well where the total would give a
// hidden cell back — exactly the suppression a breakdown in the report applies.

import type { Item } from '../questionnaire/questionnaire.ts';
import type { ItemAnswerCounts } from '../report/item-figures.ts';
import { suppressCells } from '../report/suppress-cells.ts';
import { momentsFromCounts } from '../statistics/moments.ts';
import type { ReportingThresholds } from '../statistics/reporting-thresholds.ts';
import type { ValueCounts } from '../statistics/value-counts.ts';

/** Item types with a scale whose values can be pooled: a mean and a share per item. */
export type BenchmarkItemKind = 'mark' | 'agree5' | 'yesno';

export interface ItemContribution {
  readonly kind: BenchmarkItemKind;
  /** Valid answers ("n.v.t. / weet niet" excluded). */
  readonly n: number;
  readonly sum: number;
  readonly sumSquares: number;
  /** Answers per scale value; JSON keys are the values as text ("7"). */
  readonly counts: Readonly<Record<string, number>>;
  readonly notApplicable: number;
}

export type ItemContributions = Readonly<Record<string, ItemContribution>>;

export interface CellContribution {
  /** The carried variable, e.g. "district". */
  readonly variable: string;
  readonly value: string;
  readonly items: ItemContributions;
}

export interface Contribution {
  readonly items: ItemContributions;
  readonly cells: readonly CellContribution[];
}

/** Answer counts of one carried-variable value (from the breakdown queries); '' = not carried. */
export interface CarriedGroupCounts {
  readonly variable: string;
  readonly value: string;
  readonly items: ReadonlyMap<string, ItemAnswerCounts>;
}

export function isBenchmarkItem(item: Item): item is Item & { readonly type: BenchmarkItemKind } {
  return item.standard && (item.type === 'mark' || item.type === 'agree5' || item.type === 'yesno');
}

/** One item's contribution from its answer counts; null without any answer. */
export function itemContribution(kind: BenchmarkItemKind, counts: ItemAnswerCounts | undefined): ItemContribution | null {
  if (!counts) return null;
  const moments = momentsFromCounts(counts.values);
  if (moments.n === 0 && counts.notApplicable === 0) return null;
  return { kind, ...moments, counts: countsRecord(counts.values), notApplicable: counts.notApplicable };
}

/**
 * The contribution of one round: every standard scale item with answers, and the carried
 * cells that pass suppression per item and variable.
 */
export function buildContribution(
  items: readonly Item[],
  totals: ReadonlyMap<string, ItemAnswerCounts>,
  groups: readonly CarriedGroupCounts[],
  thresholds: ReportingThresholds,
): Contribution {
  const scaleItems = items.filter(isBenchmarkItem);
  const contributed: Record<string, ItemContribution> = {};
  for (const item of scaleItems) {
    const c = itemContribution(item.type, totals.get(item.key));
    if (c) contributed[item.key] = c;
  }
  const cellItems = new Map<string, Record<string, ItemContribution>>();
  const variables = [...new Set(groups.map((g) => g.variable))].sort();
  for (const variable of variables) {
    const ofVariable = groups.filter((g) => g.variable === variable);
    for (const item of scaleItems) {
      const parts = ofVariable.map((g) => itemContribution(item.type, g.items.get(item.key)));
      // The uncarried group takes part in suppression (total minus the cells gives it back)
      // but is never shared itself: it is not a group anyone chose.
      const hidden = suppressCells(parts.map((p) => p?.n ?? 0), thresholds.hideBelow);
      ofVariable.forEach((group, index) => {
        const part = parts[index];
        if (!part || part.n === 0 || group.value === '' || hidden.has(index)) return;
        const key = `${variable}\u001f${group.value}`;
        cellItems.set(key, { ...(cellItems.get(key) ?? {}), [item.key]: part });
      });
    }
  }
  const cells = [...cellItems].map(([key, cellItemsOf]) => {
    const [variable, value] = key.split('\u001f') as [string, string];
    return { variable, value, items: cellItemsOf };
  }).sort((a, b) => a.variable.localeCompare(b.variable) || a.value.localeCompare(b.value));
  return { items: contributed, cells };
}

/** Back to the counts the statistics functions take. */
export function valueCountsOf(item: ItemContribution): ValueCounts<number> {
  return new Map(Object.entries(item.counts).map(([value, count]) => [Number(value), count]));
}

function countsRecord(values: ValueCounts<number>): Record<string, number> {
  return Object.fromEntries([...values].filter(([, count]) => count > 0).sort(([a], [b]) => a - b).map(([value, count]) => [String(value), count]));
}

const SCALES: Readonly<Record<BenchmarkItemKind, readonly [number, number]>> = { mark: [1, 10], agree5: [1, 5], yesno: [0, 1] };

/**
 * What is inconsistent in an imported contribution, or null: values off the item's scale, or
 * n, Σx, Σx² that do not follow from the counts (a hand-edited or broken export would otherwise
 * shift the pooled figures of every participant).
 */
export function contributionIssue(contribution: Contribution): string | null {
  const all = [['', contribution.items] as const, ...contribution.cells.map((c) => [`${c.variable}=${c.value} `, c.items] as const)];
  for (const [where, items] of all) {
    for (const [key, item] of Object.entries(items)) {
      const [min, max] = SCALES[item.kind];
      const counts = valueCountsOf(item);
      if ([...counts.keys()].some((v) => v < min || v > max)) return `${where}${key}: value off the scale ${min}–${max}`;
      const m = momentsFromCounts(counts);
      if (m.n !== item.n || m.sum !== item.sum || m.sumSquares !== item.sumSquares) return `${where}${key}: n, sum and sumSquares do not match the counts`;
    }
  }
  return null;
}
