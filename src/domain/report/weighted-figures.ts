// Figures of a round weighted to the population by one stratifying variable (post-stratification,
// domain.md). Respondents whose stratum is unknown (not answered, not carried) keep weight 1: they
// stand for their own share, and the known strata share the rest of the population as it is
// distributed. The unweighted n stays the n that is published and classified.

import type { Item } from '../questionnaire/questionnaire.ts';
import { err, ok, type Result } from '../result.ts';
import type { ConfidenceInterval } from '../statistics/confidence-interval.ts';
import { describeWeightedMean, describeWeightedShare } from '../statistics/describe-weighted-mean.ts';
import { momentsFromCounts, type Moments } from '../statistics/moments.ts';
import { postStratificationWeights, weightStrata, type PostStratification, type WeightingProblem } from '../statistics/post-stratification.ts';
import type { ValueCounts } from '../statistics/value-counts.ts';

/** The stratum of respondents without a value for the variable. */
export const UNKNOWN_STRATUM = '';

export interface RoundWeights extends PostStratification {
  /** Share of the respondents without a known stratum (they keep weight 1). */
  readonly unknownShare: number;
}

/**
 * Weights per stratum from the respondents per stratum ('' = unknown) and the population count
 * of each known stratum.
 */
export function roundWeights(
  respondents: ReadonlyMap<string, number>,
  population: ReadonlyMap<string, number>,
): Result<RoundWeights, WeightingProblem | { readonly code: 'no-population' }> {
  const n = [...respondents.values()].reduce((a, b) => a + b, 0);
  const unknown = respondents.get(UNKNOWN_STRATUM) ?? 0;
  const populationTotal = [...population.values()].reduce((a, b) => a + b, 0);
  if (!(populationTotal > 0)) return err({ code: 'no-population' });
  const unknownShare = n > 0 ? unknown / n : 0;
  const strata = new Set([...population.keys(), ...respondents.keys()].filter((s) => s !== UNKNOWN_STRATUM));
  const inputs = [...strata].map((stratum) => ({
    stratum,
    sampleCount: respondents.get(stratum) ?? 0,
    populationShare: ((population.get(stratum) ?? 0) / populationTotal) * (1 - unknownShare),
  }));
  if (unknown > 0) inputs.push({ stratum: UNKNOWN_STRATUM, sampleCount: unknown, populationShare: unknownShare });
  const weights = postStratificationWeights(inputs);
  return weights.ok ? ok({ ...weights.value, unknownShare }) : weights;
}

export interface WeightedFigure {
  readonly kind: 'mean' | 'share';
  /** Unweighted number of answers. */
  readonly n: number;
  readonly effectiveN: number;
  readonly value: number;
  readonly ci: ConfidenceInterval | null;
}

/** Moments of a 0/1 indicator per stratum: n answers, Σx = Σx² = the successes. */
function indicatorMoments(perStratum: ReadonlyMap<string, ValueCounts<number>>, success: (value: number) => boolean): Map<string, Moments> {
  const result = new Map<string, Moments>();
  for (const [stratum, counts] of perStratum) {
    let n = 0;
    let hits = 0;
    for (const [value, count] of counts) {
      n += count;
      if (success(value)) hits += count;
    }
    result.set(stratum, { n, sum: hits, sumSquares: hits });
  }
  return result;
}

function weightedShare(perStratum: ReadonlyMap<string, ValueCounts<number>>, weights: ReadonlyMap<string, number>, success: (value: number) => boolean): WeightedFigure | null {
  const share = describeWeightedShare(weightStrata(indicatorMoments(perStratum, success), weights));
  return share && { kind: 'share', n: share.n, effectiveN: share.effectiveN, value: share.share, ci: share.ci };
}

export interface WeightedItemFigures {
  /** The headline figure: mean mark, share (helemaal) eens, share yes. */
  readonly figure: WeightedFigure | null;
  /** Marks only: share "onvoldoende" (1–5). */
  readonly insufficient: WeightedFigure | null;
}

/**
 * Weighted figures of one item from its answer counts per stratum ("n.v.t." left out, as in
 * the unweighted figures). Items without a headline figure (choice, number, open) give nulls.
 */
export function weightedItemFigures(item: Item, perStratum: ReadonlyMap<string, ValueCounts<number>>, weights: ReadonlyMap<string, number>): WeightedItemFigures {
  switch (item.type) {
    case 'mark': {
      const moments = new Map([...perStratum].map(([stratum, counts]) => [stratum, momentsFromCounts(counts)]));
      const mean = describeWeightedMean(weightStrata(moments, weights));
      return {
        figure: mean.mean === null ? null : { kind: 'mean', n: mean.n, effectiveN: mean.effectiveN, value: mean.mean, ci: mean.ci },
        insufficient: weightedShare(perStratum, weights, (v) => v <= 5),
      };
    }
    case 'agree5': return { figure: weightedShare(perStratum, weights, (v) => v >= 4), insufficient: null };
    case 'yesno': return { figure: weightedShare(perStratum, weights, (v) => v === 1), insufficient: null };
    default: return { figure: null, insufficient: null };
  }
}
