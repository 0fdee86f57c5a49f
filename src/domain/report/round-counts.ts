// Turns stored statistic cells (one count per item and value, option, "n.v.t.", open answer or
// respondents; see db/item-statistics-store.ts) into the answer counts the report is built from.
// The same function serves one round, the reference group's pooled cells, and a breakdown cell.

import type { Moments } from '../statistics/moments.ts';
import type { ItemAnswerCounts } from './item-figures.ts';
import type { PublishedFigure } from './published-figure.ts';

export type StatisticCellKind = 'value' | 'option' | 'not_applicable' | 'text' | 'respondents';

export interface StatisticCell {
  readonly itemKey: string;
  readonly kind: StatisticCellKind;
  /** The answer value for kind 'value'. */
  readonly value: number;
  /** The option code for kind 'option'. */
  readonly optionCode: string;
  readonly count: number;
}

interface MutableCounts {
  values: Map<number, number>;
  options: Map<string, number>;
  notApplicable: number;
  respondents: number;
  texts: number;
  moments?: Moments;
}

/** Answer counts per item key. Items with only open answers get `texts` and `respondents`. */
export function countsFromCells(cells: Iterable<StatisticCell>, moments: Iterable<Moments & { readonly itemKey: string }> = []): Map<string, ItemAnswerCounts> {
  const items = new Map<string, MutableCounts>();
  const entry = (key: string): MutableCounts => {
    let found = items.get(key);
    if (!found) {
      found = { values: new Map(), options: new Map(), notApplicable: 0, respondents: 0, texts: 0 };
      items.set(key, found);
    }
    return found;
  };
  for (const cell of cells) {
    const counts = entry(cell.itemKey);
    const count = Number(cell.count);
    switch (cell.kind) {
      case 'value': counts.values.set(cell.value, (counts.values.get(cell.value) ?? 0) + count); break;
      case 'option': counts.options.set(cell.optionCode, (counts.options.get(cell.optionCode) ?? 0) + count); break;
      case 'not_applicable': counts.notApplicable += count; break;
      case 'text': counts.texts += count; break;
      case 'respondents': counts.respondents += count; break;
    }
  }
  for (const m of moments) entry(m.itemKey).moments = { n: m.n, sum: m.sum, sumSquares: m.sumSquares };
  return items;
}

/**
 * A round's counts with the figures an old report published for it: an item with figures
 * counts as answered by their n. Counted answers win where a round has both (it cannot, by
 * the import, but counts are the better source).
 */
export function withPublishedFigures(
  counts: ReadonlyMap<string, ItemAnswerCounts>,
  published: Iterable<PublishedFigure & { readonly itemKey: string }>,
): Map<string, ItemAnswerCounts> {
  const result = new Map(counts);
  for (const { itemKey, ...figure } of published) {
    if (result.has(itemKey)) continue;
    result.set(itemKey, { values: new Map(), options: new Map(), notApplicable: 0, respondents: figure.n, published: figure });
  }
  return result;
}
