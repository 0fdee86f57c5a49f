// A share ("% onvoldoende", "% (zeer) tevreden") with a Wilson score interval. Wilson rather
// than the textbook Wald interval p ± z·√(p(1−p)/n): Wald collapses to [0, 0] at 0 % and
// [1, 1] at 100 %, and has poor coverage for the small n of subgroups (Newcombe 1998).

import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { CONFIDENCE_LEVEL, type ConfidenceInterval } from './confidence-interval.ts';

export interface ShareDescription {
  readonly successes: number;
  readonly n: number;
  /** successes / n, between 0 and 1. */
  readonly share: number;
  readonly ci: ConfidenceInterval;
}

const Z = normalQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2, 0, 1);

/** Null when there is nothing to divide by. */
export function describeShare(successes: number, n: number): ShareDescription | null {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`invalid share ${successes}/${n}`);
  }
  if (n === 0) return null;
  const share = successes / n;
  return { successes, n, share, ci: wilsonInterval(share, n) };
}

/**
 * Wilson score interval for a share observed on `n` answers. `n` may be fractional: weighted
 * shares pass Kish's effective sample size.
 */
export function wilsonInterval(share: number, n: number): ConfidenceInterval {
  if (!(n > 0) || !(share >= 0 && share <= 1)) throw new RangeError(`invalid share ${share} on n = ${n}`);
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const centre = (share + z2 / (2 * n)) / denominator;
  const halfWidth = (Z / denominator) * Math.sqrt((share * (1 - share)) / n + z2 / (4 * n * n));
  // At 0 % and 100 % the formula gives the bound exactly in theory; pin it so rounding cannot
  // print "-0,0 %" or "100,0000001 %".
  return {
    lower: share === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: share === 1 ? 1 : Math.min(1, centre + halfWidth),
  };
}
