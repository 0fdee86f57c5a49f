// Weighted figures for a weighted report. Precision is approximated with Kish's effective
// sample size: the weighted standard deviation over √n_eff, with n_eff − 1 degrees of freedom.
// That is the usual design-effect approximation for post-stratified survey data; an exact
// (linearisation) standard error would need Σw²x and Σw²x² per item, which the aggregates do
// not carry.

import { tInterval } from './describe-mean.ts';
import { wilsonInterval } from './describe-share.ts';
import type { ConfidenceInterval } from './confidence-interval.ts';
import { kishEffectiveSampleSize, type WeightedMoments } from './weighted-moments.ts';

export interface WeightedMeanDescription {
  /** Unweighted number of answers: the n that is published and classified. */
  readonly n: number;
  readonly effectiveN: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly standardError: number | null;
  readonly ci: ConfidenceInterval | null;
}

export interface WeightedShareDescription {
  readonly n: number;
  readonly effectiveN: number;
  readonly share: number;
  readonly ci: ConfidenceInterval;
}

export function describeWeightedMean(m: WeightedMoments): WeightedMeanDescription {
  const effectiveN = kishEffectiveSampleSize(m);
  if (!(m.sumWeights > 0)) return { n: m.n, effectiveN, mean: null, sd: null, standardError: null, ci: null };
  const mean = m.sumWeightedValues / m.sumWeights;
  if (!(effectiveN > 1)) return { n: m.n, effectiveN, mean, sd: null, standardError: null, ci: null };
  // Σw(x − x̄)² / (Σw − Σw²/Σw): the unbiased variance for reliability weights (as in GSL's
  // gsl_stats_wvariance); with equal weights it is the ordinary sample variance.
  const deviations = Math.max(0, m.sumWeightedSquares - (m.sumWeightedValues * m.sumWeightedValues) / m.sumWeights);
  const sd = Math.sqrt(deviations / (m.sumWeights - m.sumSquaredWeights / m.sumWeights));
  const standardError = sd / Math.sqrt(effectiveN);
  return { n: m.n, effectiveN, mean, sd, standardError, ci: tInterval(mean, standardError, effectiveN - 1) };
}

/**
 * A weighted share is the weighted mean of 0/1 answers; its Wilson interval uses n_eff in
 * place of n. Null without weight.
 */
export function describeWeightedShare(m: WeightedMoments): WeightedShareDescription | null {
  if (!(m.sumWeights > 0)) return null;
  // Σw·x² = Σw·x holds for 0/1 values only (up to rounding of the sums).
  if (Math.abs(m.sumWeightedSquares - m.sumWeightedValues) > 1e-9 * m.sumWeights) {
    throw new RangeError('a weighted share needs 0/1 values');
  }
  const share = Math.min(1, Math.max(0, m.sumWeightedValues / m.sumWeights));
  const effectiveN = kishEffectiveSampleSize(m);
  return { n: m.n, effectiveN, share, ci: wilsonInterval(share, effectiveN) };
}
