// Two-proportion z-test with the pooled standard error, the textbook test for "is this share
// different from last round's / the reference group's" (equivalent to the 2×2 chi-square
// without continuity correction: z² = χ²).

import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { err, ok, type Result } from '../result.ts';
import { isSignificant, type ComparisonTest, type NotTestable } from './comparison-test.ts';

export interface TwoProportionZTest extends ComparisonTest {
  readonly z: number;
  readonly pooledShare: number;
  readonly standardError: number;
}

export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): Result<TwoProportionZTest, NotTestable> {
  assertShare(x1, n1);
  assertShare(x2, n2);
  if (n1 === 0 || n2 === 0) return err({ reason: 'too-few-answers' });
  const pooledShare = (x1 + x2) / (n1 + n2);
  // Both 0 % or both 100 %: no spread under the null hypothesis, nothing to test.
  if (pooledShare === 0 || pooledShare === 1) return err({ reason: 'no-variance' });
  const difference = x1 / n1 - x2 / n2;
  const standardError = Math.sqrt(pooledShare * (1 - pooledShare) * (1 / n1 + 1 / n2));
  const z = difference / standardError;
  const p = Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
  return ok({ difference, z, pooledShare, standardError, p, significant: isSignificant(p) });
}

function assertShare(x: number, n: number): void {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(x) || x < 0 || x > n) {
    throw new RangeError(`invalid share ${x}/${n}`);
  }
}
