// The weighted counterpart of Moments. Σw² is kept beside Σw, Σw·x and Σw·x² because Kish's
// effective sample size needs it, and the unweighted n because a weighted figure is always
// published with the number of people who actually answered.

export interface WeightedMoments {
  /** Unweighted number of answers. */
  readonly n: number;
  readonly sumWeights: number;
  readonly sumWeightedValues: number;
  readonly sumWeightedSquares: number;
  readonly sumSquaredWeights: number;
}

export interface WeightedValue {
  readonly value: number;
  readonly weight: number;
}

export const EMPTY_WEIGHTED_MOMENTS: WeightedMoments = {
  n: 0,
  sumWeights: 0,
  sumWeightedValues: 0,
  sumWeightedSquares: 0,
  sumSquaredWeights: 0,
};

export function weightedMomentsOf(observations: Iterable<WeightedValue>): WeightedMoments {
  let total = EMPTY_WEIGHTED_MOMENTS;
  for (const { value, weight } of observations) {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite value: ${value}`);
    if (!(Number.isFinite(weight) && weight >= 0)) throw new RangeError(`invalid weight: ${weight}`);
    total = {
      n: total.n + 1,
      sumWeights: total.sumWeights + weight,
      sumWeightedValues: total.sumWeightedValues + weight * value,
      sumWeightedSquares: total.sumWeightedSquares + weight * value * value,
      sumSquaredWeights: total.sumSquaredWeights + weight * weight,
    };
  }
  return total;
}

export function mergeWeightedMoments(...parts: readonly WeightedMoments[]): WeightedMoments {
  return parts.reduce(
    (total, part) => ({
      n: total.n + part.n,
      sumWeights: total.sumWeights + part.sumWeights,
      sumWeightedValues: total.sumWeightedValues + part.sumWeightedValues,
      sumWeightedSquares: total.sumWeightedSquares + part.sumWeightedSquares,
      sumSquaredWeights: total.sumSquaredWeights + part.sumSquaredWeights,
    }),
    EMPTY_WEIGHTED_MOMENTS,
  );
}

/**
 * Kish's effective sample size (Σw)² / Σw²: how many unweighted answers would give the same
 * precision. Equals n when all weights are equal, and shrinks as weights spread out.
 */
export function kishEffectiveSampleSize(m: WeightedMoments): number {
  return m.sumSquaredWeights > 0 ? (m.sumWeights * m.sumWeights) / m.sumSquaredWeights : 0;
}
