// Holm's step-down adjustment: controls the chance of even one false alarm among many items
// ("with many items, say so", domain.md), and is uniformly better than plain Bonferroni.

/**
 * Holm-adjusted p-values, in input order: sort ascending, multiply the i-th smallest
 * (1-based) by m − i + 1, keep the sequence non-decreasing, cap at 1. Same as R's
 * p.adjust(p, "holm").
 */
export function holm(pValues: readonly number[]): number[] {
  assertPValues(pValues);
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p);
  const adjusted: number[] = new Array<number>(m);
  let runningMax = 0;
  order.forEach(({ p, index }, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * p));
    adjusted[index] = runningMax;
  });
  return adjusted;
}

export function assertPValues(pValues: readonly number[]): void {
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`not a p-value: ${p}`);
  }
}
