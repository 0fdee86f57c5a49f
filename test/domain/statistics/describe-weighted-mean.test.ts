import { describe, expect, it } from 'vitest';
import { describeWeightedMean, describeWeightedShare } from '../../../src/domain/statistics/describe-weighted-mean.ts';
import { describeMean } from '../../../src/domain/statistics/describe-mean.ts';
import { momentsOf } from '../../../src/domain/statistics/moments.ts';
import { EMPTY_WEIGHTED_MOMENTS, kishEffectiveSampleSize, mergeWeightedMoments, weightedMomentsOf } from '../../../src/domain/statistics/weighted-moments.ts';

// The post-stratification example of post-stratification.test.ts, respondent by respondent:
// young 10×5 + 10×7 at weight 1.5, middle 15×6 + 15×8 at 4/3, old 25×7 + 25×9 at 0.6.
const respondents = [
  ...repeat(5, 10, 1.5), ...repeat(7, 10, 1.5),
  ...repeat(6, 15, 4 / 3), ...repeat(8, 15, 4 / 3),
  ...repeat(7, 25, 0.6), ...repeat(9, 25, 0.6),
];

function repeat(value: number, times: number, weight: number): { value: number; weight: number }[] {
  return Array.from({ length: times }, () => ({ value, weight }));
}

describe('describeWeightedMean', () => {
  it('matches numpy on the post-stratification example', () => {
    // numpy.average(x, weights=w) = 7.0; numpy.cov(x, aweights=w) (divisor Σw − Σw²/Σw)
    // → sd 1.2723334535879947; n_eff = 85.95988538681915; se = sd/√n_eff = 0.1372312542
    // t(0.975; n_eff − 1) from scipy → CI 6.727145641620909 … 7.272854358379097
    const d = describeWeightedMean(weightedMomentsOf(respondents));
    expect(d.n).toBe(100);
    expect(d.effectiveN).toBeCloseTo(85.9598853868, 9);
    expect(d.mean).toBeCloseTo(7, 12);
    expect(d.sd).toBeCloseTo(1.2723334536, 9);
    expect(d.standardError).toBeCloseTo(0.1372312542, 9);
    expect(d.ci?.lower).toBeCloseTo(6.7271456416, 8);
    expect(d.ci?.upper).toBeCloseTo(7.2728543584, 8);
  });

  it('equals the unweighted description when all weights are equal', () => {
    const values = [7, 8, 6, 9, 8, 7, 5, 8, 7, 6, 9];
    const weighted = describeWeightedMean(weightedMomentsOf(values.map((value) => ({ value, weight: 2.5 }))));
    const plain = describeMean(momentsOf(values));
    expect(weighted.effectiveN).toBeCloseTo(11, 12);
    expect(weighted.mean).toBeCloseTo(plain.mean!, 12);
    expect(weighted.sd).toBeCloseTo(plain.sd!, 12);
    expect(weighted.ci?.lower).toBeCloseTo(plain.ci!.lower, 10);
  });

  it('is null where undefined', () => {
    expect(describeWeightedMean(EMPTY_WEIGHTED_MOMENTS).mean).toBeNull();
    const one = describeWeightedMean(weightedMomentsOf([{ value: 8, weight: 2 }]));
    expect(one.mean).toBe(8);
    expect(one.sd).toBeNull();
    expect(one.ci).toBeNull();
  });
});

describe('describeWeightedShare', () => {
  it('is the weighted mean of 0/1 answers with a Wilson interval on n_eff', () => {
    // Share of marks 8 or higher: young 0, middle 15 of 30, old 50 of 50.
    // weighted = (0 + 15·4/3 + 50·0.6)/100 = (20 + 30)/100 = 0.35 = 0.3·0 + 0.4·0.5 + 0.3·1
    // (unweighted 65/100). Wilson on n_eff 85.959885 (Python closed form): 0.2575580701 … 0.4552751192
    const indicators = respondents.map(({ value, weight }) => ({ value: value >= 8 ? 1 : 0, weight }));
    const d = describeWeightedShare(weightedMomentsOf(indicators))!;
    expect(d.n).toBe(100);
    expect(d.share).toBeCloseTo(0.35, 12);
    expect(d.ci.lower).toBeCloseTo(0.2575580701, 9);
    expect(d.ci.upper).toBeCloseTo(0.4552751192, 9);
  });

  it('is null without weight and refuses values other than 0/1', () => {
    expect(describeWeightedShare(EMPTY_WEIGHTED_MOMENTS)).toBeNull();
    expect(() => describeWeightedShare(weightedMomentsOf([{ value: 7, weight: 1 }]))).toThrow(RangeError);
  });
});

describe('weighted moments', () => {
  it('merge by adding every sum', () => {
    const merged = mergeWeightedMoments(weightedMomentsOf(respondents.slice(0, 40)), weightedMomentsOf(respondents.slice(40)));
    const whole = weightedMomentsOf(respondents);
    expect(merged.n).toBe(whole.n);
    expect(merged.sumWeights).toBeCloseTo(whole.sumWeights, 10);
    expect(merged.sumWeightedSquares).toBeCloseTo(whole.sumWeightedSquares, 10);
    expect(kishEffectiveSampleSize(merged)).toBeCloseTo(kishEffectiveSampleSize(whole), 10);
  });

  it('give Kish n_eff = (Σw)²/Σw² on a small example', () => {
    // weights 1, 1, 2: (1 + 1 + 2)² / (1 + 1 + 4) = 16/6 = 2.666667
    expect(kishEffectiveSampleSize(weightedMomentsOf([1, 1, 2].map((weight) => ({ value: 5, weight }))))).toBeCloseTo(8 / 3, 12);
    expect(kishEffectiveSampleSize(EMPTY_WEIGHTED_MOMENTS)).toBe(0);
  });

  it('refuse negative or non-finite weights', () => {
    expect(() => weightedMomentsOf([{ value: 5, weight: -1 }])).toThrow(RangeError);
    expect(() => weightedMomentsOf([{ value: 5, weight: Infinity }])).toThrow(RangeError);
  });
});
