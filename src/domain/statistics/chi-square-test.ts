// Pearson's chi-square test of whether two groups answer with the same distribution over the
// categories of an item (an r×2 table). Used for whole distributions of a choice item, where
// no single mean or share summarises the answer.

import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { err, ok, type Result } from '../result.ts';
import { isSignificant, type NotTestable } from './comparison-test.ts';
import type { ValueCounts } from './value-counts.ts';

export interface ChiSquareTest {
  readonly statistic: number;
  /** (categories in use − 1); categories nobody chose in either group are left out. */
  readonly df: number;
  readonly p: number;
  readonly significant: boolean;
  /** Smallest expected cell count in the table. */
  readonly minExpected: number;
  /** Cells with an expected count below 5. */
  readonly cellsExpectedBelowFive: number;
  /**
   * True when any expected count is below 5: the chi-square approximation is then doubtful
   * and the report must say so (or merge categories) instead of presenting p as exact.
   */
  readonly smallExpectedCounts: boolean;
}

export function chiSquareTest<V extends number | string>(countsA: ValueCounts<V>, countsB: ValueCounts<V>): Result<ChiSquareTest, NotTestable> {
  const categories = [...new Set([...countsA.keys(), ...countsB.keys()])]
    .map((value) => [countsA.get(value) ?? 0, countsB.get(value) ?? 0] as const)
    .filter(([a, b]) => {
      for (const c of [a, b]) {
        if (!Number.isInteger(c) || c < 0) throw new RangeError(`invalid count ${c}`);
      }
      return a + b > 0;
    });
  const totalA = categories.reduce((sum, [a]) => sum + a, 0);
  const totalB = categories.reduce((sum, [, b]) => sum + b, 0);
  if (totalA === 0 || totalB === 0) return err({ reason: 'too-few-answers' });
  if (categories.length < 2) return err({ reason: 'single-category' });
  const total = totalA + totalB;

  let statistic = 0;
  let minExpected = Infinity;
  let cellsExpectedBelowFive = 0;
  for (const row of categories) {
    const rowTotal = row[0] + row[1];
    for (const [observed, columnTotal] of [[row[0], totalA], [row[1], totalB]] as const) {
      const expected = (rowTotal * columnTotal) / total;
      statistic += ((observed - expected) * (observed - expected)) / expected;
      minExpected = Math.min(minExpected, expected);
      if (expected < 5) cellsExpectedBelowFive += 1;
    }
  }
  const df = categories.length - 1;
  // The upper tail as 1 − F underflows to 0 for huge statistics; p = 0 still reads as
  // "significant", which is all the report uses it for.
  const p = Math.max(0, 1 - chisquareCdf(statistic, df));
  return ok({
    statistic,
    df,
    p,
    significant: isSignificant(p),
    minExpected,
    cellsExpectedBelowFive,
    smallExpectedCounts: cellsExpectedBelowFive > 0,
  });
}
