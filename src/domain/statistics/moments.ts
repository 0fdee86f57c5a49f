// n, Σx and Σx²: enough to compute a mean, a standard deviation and a t-test, and they add up
// across rounds, subgroups and organisations. Answers are on short integer scales (1–10, 1–5,
// 0/1), so the sums are exact integers in a double far beyond any realistic n, and the
// textbook variance formula Σx² − (Σx)²/n loses nothing here.

import type { ValueCounts } from './value-counts.ts';

export interface Moments {
  readonly n: number;
  readonly sum: number;
  readonly sumSquares: number;
}

export const EMPTY_MOMENTS: Moments = { n: 0, sum: 0, sumSquares: 0 };

/** Moments of raw values. */
export function momentsOf(values: Iterable<number>): Moments {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (const x of values) {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite value: ${x}`);
    n += 1;
    sum += x;
    sumSquares += x * x;
  }
  return { n, sum, sumSquares };
}

/** Moments of counted values: value v counted c times contributes c·v and c·v². */
export function momentsFromCounts(counts: ValueCounts<number>): Moments {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (const [x, count] of counts) {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite value: ${x}`);
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`count for ${x} must be a non-negative integer, got ${count}`);
    }
    n += count;
    sum += count * x;
    sumSquares += count * x * x;
  }
  return { n, sum, sumSquares };
}

/** Moments of the union of disjoint groups of answers. */
export function mergeMoments(...parts: readonly Moments[]): Moments {
  return parts.reduce(
    (total, part) => ({
      n: total.n + part.n,
      sum: total.sum + part.sum,
      sumSquares: total.sumSquares + part.sumSquares,
    }),
    EMPTY_MOMENTS,
  );
}

/**
 * Σ(x − x̄)², never negative. With integer answers it is exact; the clamp only guards merged
 * non-integer input (weighted or imported) against rounding just below zero.
 */
export function sumOfSquaredDeviations(m: Moments): number {
  if (m.n === 0) return 0;
  return Math.max(0, m.sumSquares - (m.sum * m.sum) / m.n);
}
