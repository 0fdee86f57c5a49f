// Mean, standard deviation and a t-based 95 % interval for a report mark or a scale score.

import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { CONFIDENCE_LEVEL, type ConfidenceInterval } from './confidence-interval.ts';
import { sumOfSquaredDeviations, type Moments } from './moments.ts';

export interface MeanDescription {
  /** Number of valid answers; always shown next to the figure. */
  readonly n: number;
  /** Null without answers. */
  readonly mean: number | null;
  /** Sample standard deviation (divisor n − 1); null below two answers. */
  readonly sd: number | null;
  readonly standardError: number | null;
  /** 95 % interval mean ± t(0.975; n − 1)·se; null below two answers. */
  readonly ci: ConfidenceInterval | null;
}

export function describeMean(m: Moments): MeanDescription {
  assertMoments(m);
  if (m.n === 0) return { n: 0, mean: null, sd: null, standardError: null, ci: null };
  const mean = m.sum / m.n;
  // One answer has a mean but no spread: an interval would pretend to know something.
  if (m.n < 2) return { n: m.n, mean, sd: null, standardError: null, ci: null };
  const sd = Math.sqrt(sumOfSquaredDeviations(m) / (m.n - 1));
  const standardError = sd / Math.sqrt(m.n);
  return { n: m.n, mean, sd, standardError, ci: tInterval(mean, standardError, m.n - 1) };
}

/** mean ± t(1 − α/2; df)·se. `df` may be fractional (effective sample sizes). */
export function tInterval(mean: number, standardError: number, df: number): ConfidenceInterval {
  const t = tQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2, df);
  return { lower: mean - t * standardError, upper: mean + t * standardError };
}

function assertMoments(m: Moments): void {
  if (!Number.isInteger(m.n) || m.n < 0 || !Number.isFinite(m.sum) || !Number.isFinite(m.sumSquares)) {
    throw new RangeError(`invalid moments: ${JSON.stringify(m)}`);
  }
}
