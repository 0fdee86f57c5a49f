import { describe, expect, it } from 'vitest';
import { momentsFromCounts } from '../../../src/domain/statistics/moments.ts';
import { postStratificationWeights, weightStrata } from '../../../src/domain/statistics/post-stratification.ts';
import { kishEffectiveSampleSize } from '../../../src/domain/statistics/weighted-moments.ts';

// Worked example used throughout: 100 respondents by age band.
//   band    sample  sample share  population share  weight = pop share / sample share
//   young     20        0.2             0.3              1.5
//   middle    30        0.3             0.4              1.333333
//   old       50        0.5             0.3              0.6
// Σw  = 20·1.5 + 30·1.333333 + 50·0.6 = 30 + 40 + 30 = 100
// Σw² = 20·2.25 + 30·1.777778 + 50·0.36 = 45 + 53.333333 + 18 = 116.333333
// n_eff = (Σw)²/Σw² = 100²/116.333333 = 85.959885
// Independent check with 1 + CV² of the weights: weights average 1, mean of w² = 1.163333,
// so n/n_eff = 1.163333 → n_eff = 100/1.163333 = 85.959885.
const example = [
  { stratum: 'young', sampleCount: 20, populationShare: 0.3 },
  { stratum: 'middle', sampleCount: 30, populationShare: 0.4 },
  { stratum: 'old', sampleCount: 50, populationShare: 0.3 },
];

describe('postStratificationWeights', () => {
  it('gives population share / sample share per stratum and Kish n_eff', () => {
    const result = postStratificationWeights(example);
    if (!result.ok) throw new Error(result.error.code);
    const { weights, effectiveN, n, unweightable, coveredPopulationShare } = result.value;
    expect(weights.get('young')).toBeCloseTo(1.5, 12);
    expect(weights.get('middle')).toBeCloseTo(4 / 3, 12);
    expect(weights.get('old')).toBeCloseTo(0.6, 12);
    expect(n).toBe(100);
    expect(effectiveN).toBeCloseTo(85.9598853868, 9);
    expect(unweightable).toEqual([]);
    expect(coveredPopulationShare).toBeCloseTo(1, 12);
  });

  it('accepts population counts instead of shares', () => {
    const result = postStratificationWeights(example.map((s) => ({ ...s, populationShare: s.populationShare * 5000 })));
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.weights.get('young')).toBeCloseTo(1.5, 12);
  });

  it('reports strata without respondents instead of dividing by zero', () => {
    // 85+ is 10 % of the population but nobody in it answered. The other shares (0.27, 0.36,
    // 0.27) renormalise to 0.3, 0.4, 0.3: the same weights as above, covering 90 %.
    const result = postStratificationWeights([
      { stratum: 'young', sampleCount: 20, populationShare: 0.27 },
      { stratum: 'middle', sampleCount: 30, populationShare: 0.36 },
      { stratum: 'old', sampleCount: 50, populationShare: 0.27 },
      { stratum: '85+', sampleCount: 0, populationShare: 0.1 },
    ]);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.unweightable).toEqual(['85+']);
    expect(result.value.weights.has('85+')).toBe(false);
    expect(result.value.weights.get('young')).toBeCloseTo(1.5, 12);
    expect(result.value.coveredPopulationShare).toBeCloseTo(0.9, 12);
    expect(result.value.effectiveN).toBeCloseTo(85.9598853868, 9);
  });

  it('gives weight 0 to respondents outside the population and says so', () => {
    const result = postStratificationWeights([...example, { stratum: 'elsewhere', sampleCount: 5, populationShare: 0 }]);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.weights.get('elsewhere')).toBe(0);
    expect(result.value.outsidePopulation).toEqual(['elsewhere']);
  });

  it('returns a problem for input it cannot weight', () => {
    expect(postStratificationWeights([])).toEqual({ ok: false, error: { code: 'no-respondents' } });
    expect(postStratificationWeights([{ stratum: 'a', sampleCount: 3, populationShare: -1 }])).toEqual({ ok: false, error: { code: 'invalid-share', stratum: 'a' } });
    expect(postStratificationWeights([{ stratum: 'a', sampleCount: 1.5, populationShare: 1 }])).toEqual({ ok: false, error: { code: 'invalid-count', stratum: 'a' } });
    expect(postStratificationWeights([example[0]!, example[0]!])).toEqual({ ok: false, error: { code: 'duplicate-stratum', stratum: 'young' } });
    expect(postStratificationWeights([{ stratum: 'a', sampleCount: 3, populationShare: 0 }, { stratum: 'b', sampleCount: 0, populationShare: 1 }])).toEqual({ ok: false, error: { code: 'no-covered-population' } });
  });
});

describe('weightStrata', () => {
  it('turns per-stratum moments into weighted moments', () => {
    // young marks 10×5 + 10×7 (mean 6), middle 15×6 + 15×8 (mean 7), old 25×7 + 25×9 (mean 8)
    // weighted mean = (1.5·120 + 1.333333·210 + 0.6·400)/100 = (180 + 280 + 240)/100 = 7.0
    // = 0.3·6 + 0.4·7 + 0.3·8; unweighted mean 730/100 = 7.3
    const result = postStratificationWeights(example);
    if (!result.ok) throw new Error(result.error.code);
    const weighted = weightStrata(
      new Map([
        ['young', momentsFromCounts(new Map([[5, 10], [7, 10]]))],
        ['middle', momentsFromCounts(new Map([[6, 15], [8, 15]]))],
        ['old', momentsFromCounts(new Map([[7, 25], [9, 25]]))],
      ]),
      result.value.weights,
    );
    expect(weighted.n).toBe(100);
    expect(weighted.sumWeights).toBeCloseTo(100, 10);
    expect(weighted.sumWeightedValues / weighted.sumWeights).toBeCloseTo(7, 12);
    expect(weighted.sumSquaredWeights).toBeCloseTo(116.3333333333, 9);
    expect(kishEffectiveSampleSize(weighted)).toBeCloseTo(85.9598853868, 9);
  });

  it('skips empty strata and refuses answers from a stratum without a weight', () => {
    const weights = new Map([['young', 1.5]]);
    expect(weightStrata(new Map([['young', momentsFromCounts(new Map([[5, 2]]))], ['old', momentsFromCounts(new Map())]]), weights).n).toBe(2);
    expect(() => weightStrata(new Map([['old', momentsFromCounts(new Map([[5, 2]]))]]), weights)).toThrow(RangeError);
  });
});
