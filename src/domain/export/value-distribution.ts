// How the valid answers of a scale item spread over its values (marks 1–10, agreement 1–5,
// yes/no as 0/1), for the report API: every value of the scale, also those nobody chose.
// "Niet van toepassing" is not on the scale and is reported beside it, as everywhere.

import type { Item } from '../questionnaire/questionnaire.ts';

export interface DistributionEntry {
  readonly value: number;
  readonly count: number;
  /** count / valid answers; null without valid answers. */
  readonly share: number | null;
}

const SCALES: Partial<Record<Item['type'], readonly number[]>> = {
  mark: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  agree5: [1, 2, 3, 4, 5],
  yesno: [0, 1],
};

/** Null for items without a fixed scale (choice items report their options instead). */
export function valueDistribution(type: Item['type'], counts: readonly { readonly value: number; readonly count: number }[]): DistributionEntry[] | null {
  const scale = SCALES[type];
  if (!scale) return null;
  const countOf = (value: number) => counts.find((c) => c.value === value)?.count ?? 0;
  const n = scale.reduce((total, value) => total + countOf(value), 0);
  return scale.map((value) => {
    const count = countOf(value);
    return { value, count, share: n > 0 ? count / n : null };
  });
}
