// Benjamini–Hochberg adjustment: controls the expected share of false alarms among the items
// called significant. Less strict than Holm, and the better fit when a report has dozens of
// items and a few false alarms are acceptable as long as they are few.

import { assertPValues } from './holm.ts';

/**
 * BH-adjusted p-values ("q-values"), in input order: sort ascending, multiply the i-th
 * smallest (1-based) by m / i, take the running minimum from the largest down, cap at 1.
 * Same as R's p.adjust(p, "BH").
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  assertPValues(pValues);
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p);
  const adjusted: number[] = new Array<number>(m);
  let runningMin = 1;
  for (let rank = m - 1; rank >= 0; rank -= 1) {
    const { p, index } = order[rank]!;
    runningMin = Math.min(runningMin, (m / (rank + 1)) * p);
    adjusted[index] = runningMin;
  }
  return adjusted;
}
