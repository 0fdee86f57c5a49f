// Optional weighting to the population (domain.md) when the respondents are skewed, e.g. by
// age band or district. Post-stratification gives every respondent in stratum h the weight
// population share / sample share, so each stratum counts as much as it does in the population.

import { err, ok, type Result } from '../result.ts';
import type { Moments } from './moments.ts';
import type { WeightedMoments } from './weighted-moments.ts';

export interface StratumInput {
  readonly stratum: string;
  /** Respondents of the round in this stratum. */
  readonly sampleCount: number;
  /** Share (or count) of the population in this stratum; normalised over all strata. */
  readonly populationShare: number;
}

export interface PostStratification {
  /** Weight per respondent, for every stratum that has respondents. */
  readonly weights: ReadonlyMap<string, number>;
  /**
   * Strata of the population without a single respondent: nobody can stand in for them, so
   * the weighted figures describe only the rest of the population. Reported, never hidden.
   */
  readonly unweightable: readonly string[];
  /** Strata with respondents but no population share: their answers get weight 0. */
  readonly outsidePopulation: readonly string[];
  /** Share of the population the weighted figures stand for (1 when no stratum is empty). */
  readonly coveredPopulationShare: number;
  /** Unweighted number of respondents. */
  readonly n: number;
  /** Kish's (Σw)² / Σw² over the respondents. */
  readonly effectiveN: number;
}

export type WeightingProblem =
  | { readonly code: 'invalid-count'; readonly stratum: string }
  | { readonly code: 'invalid-share'; readonly stratum: string }
  | { readonly code: 'duplicate-stratum'; readonly stratum: string }
  | { readonly code: 'no-respondents' }
  | { readonly code: 'no-covered-population' };

export function postStratificationWeights(strata: readonly StratumInput[]): Result<PostStratification, WeightingProblem> {
  const seen = new Set<string>();
  for (const { stratum, sampleCount, populationShare } of strata) {
    if (seen.has(stratum)) return err({ code: 'duplicate-stratum', stratum });
    seen.add(stratum);
    if (!Number.isInteger(sampleCount) || sampleCount < 0) return err({ code: 'invalid-count', stratum });
    if (!(Number.isFinite(populationShare) && populationShare >= 0)) return err({ code: 'invalid-share', stratum });
  }
  const n = strata.reduce((total, s) => total + s.sampleCount, 0);
  if (n === 0) return err({ code: 'no-respondents' });
  const populationTotal = strata.reduce((total, s) => total + s.populationShare, 0);
  const covered = strata.filter((s) => s.sampleCount > 0);
  const coveredTotal = covered.reduce((total, s) => total + s.populationShare, 0);
  if (!(coveredTotal > 0)) return err({ code: 'no-covered-population' });

  // Shares are renormalised over the covered strata so that the weights average 1 over the
  // respondents (Σw = n): a weighted count then reads as a number of respondents.
  const weights = new Map<string, number>();
  let sumWeights = 0;
  let sumSquaredWeights = 0;
  for (const s of covered) {
    const weight = s.populationShare / coveredTotal / (s.sampleCount / n);
    weights.set(s.stratum, weight);
    sumWeights += s.sampleCount * weight;
    sumSquaredWeights += s.sampleCount * weight * weight;
  }
  return ok({
    weights,
    unweightable: strata.filter((s) => s.sampleCount === 0 && s.populationShare > 0).map((s) => s.stratum),
    outsidePopulation: covered.filter((s) => s.populationShare === 0).map((s) => s.stratum),
    coveredPopulationShare: coveredTotal / populationTotal,
    n,
    effectiveN: (sumWeights * sumWeights) / sumSquaredWeights,
  });
}

/**
 * Weighted moments of one item from its unweighted moments per stratum. Every respondent in a
 * stratum has the same weight, so w·Σx and w·Σx² per stratum are all that is needed.
 */
export function weightStrata(perStratum: ReadonlyMap<string, Moments>, weights: ReadonlyMap<string, number>): WeightedMoments {
  let n = 0;
  let sumWeights = 0;
  let sumWeightedValues = 0;
  let sumWeightedSquares = 0;
  let sumSquaredWeights = 0;
  for (const [stratum, m] of perStratum) {
    if (m.n === 0) continue;
    const w = weights.get(stratum);
    // Answers from a stratum without a weight mean the item and the weighting disagree about
    // who responded: a bug upstream, not something to paper over.
    if (w === undefined) throw new RangeError(`no weight for stratum ${stratum}`);
    n += m.n;
    sumWeights += m.n * w;
    sumWeightedValues += w * m.sum;
    sumWeightedSquares += w * m.sumSquares;
    sumSquaredWeights += m.n * w * w;
  }
  return { n, sumWeights, sumWeightedValues, sumWeightedSquares, sumSquaredWeights };
}
