import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/domain/questionnaire/questionnaire.ts';
import { roundWeights, UNKNOWN_STRATUM, weightedItemFigures } from '../../../src/domain/report/weighted-figures.ts';

// A hand-worked example. Population: 600 young, 400 old clients. Respondents: 20 young, 80 old,
// so young people count 0.6 / 0.2 = 3 times, old people 0.4 / 0.8 = 0.5 times.
// Marks: young 10 × 6 and 10 × 8 (Σx = 140, Σx² = 1,000); old 40 × 7 and 40 × 9 (Σx = 640,
// Σx² = 5,200). Unweighted mean 780 / 100 = 7.8; weighted (3·140 + 0.5·640) / (3·20 + 0.5·80)
// = 740 / 100 = 7.4. Kish n_eff = 100² / (20·9 + 80·0.25) = 50. Weighted variance
// (Σwx² − (Σwx)²/Σw) / (Σw − Σw²/Σw) = (5,600 − 5,476) / (100 − 2) = 124 / 98; sd 1.124858,
// se = sd / √50 = 0.159079; t(49; 0.975) = 2.009575 (scipy.stats.t.ppf), so the interval is
// 7.4 ± 0.319682 = 7.080319 – 7.719681.
// Agreement: young 5 of 20 agree (4 or 5), old 60 of 80: weighted (3·5 + 0.5·60) / 100 = 0.45;
// Wilson with n = n_eff = 50 and z = 1.959964: 0.320634 – 0.586501 (computed by hand from the
// Wilson formula, see describe-share.test.ts for the formula's own checks).

const base = { allowNotApplicable: true, required: false, standard: true, text: { nl: 'x' } };
const mark: Item = { ...base, key: 'algemeen.cijfer', type: 'mark' };
const agree: Item = { ...base, key: 'balie.bejegening', type: 'agree5' };
const population = new Map([['jong', 600], ['oud', 400]]);

describe('weighted figures', () => {
  it('weights each stratum by its population share over its sample share', () => {
    const weights = roundWeights(new Map([['jong', 20], ['oud', 80]]), population);
    expect(weights.ok).toBe(true);
    if (!weights.ok) return;
    expect(weights.value.weights.get('jong')).toBeCloseTo(3, 12);
    expect(weights.value.weights.get('oud')).toBeCloseTo(0.5, 12);
    expect(weights.value.effectiveN).toBeCloseTo(50, 10);
    expect(weights.value.unknownShare).toBe(0);
  });

  it('gives the weighted mean mark with a t-interval on the effective n, and the weighted fail share', () => {
    const weights = roundWeights(new Map([['jong', 20], ['oud', 80]]), population);
    if (!weights.ok) throw new Error('no weights');
    const perStratum = new Map([['jong', new Map([[6, 10], [8, 10]])], ['oud', new Map([[7, 40], [9, 40]])]]);
    const figures = weightedItemFigures(mark, perStratum, weights.value.weights);
    expect(figures.figure?.n).toBe(100);
    expect(figures.figure?.effectiveN).toBeCloseTo(50, 10);
    expect(figures.figure?.value).toBeCloseTo(7.4, 12);
    expect(figures.figure?.ci?.lower).toBeCloseTo(7.080319, 5);
    expect(figures.figure?.ci?.upper).toBeCloseTo(7.719681, 5);
    expect(figures.insufficient?.value).toBe(0);
  });

  it('gives the weighted share agree with a Wilson interval on the effective n', () => {
    const weights = roundWeights(new Map([['jong', 20], ['oud', 80]]), population);
    if (!weights.ok) throw new Error('no weights');
    const perStratum = new Map([['jong', new Map([[2, 15], [4, 5]])], ['oud', new Map([[1, 20], [5, 60]])]]);
    const figure = weightedItemFigures(agree, perStratum, weights.value.weights).figure;
    expect(figure?.kind).toBe('share');
    expect(figure?.value).toBeCloseTo(0.45, 12);
    expect(figure?.ci?.lower).toBeCloseTo(0.320634, 5);
    expect(figure?.ci?.upper).toBeCloseTo(0.586501, 5);
  });

  it('lets respondents of unknown stratum keep weight 1 and the known strata share the rest', () => {
    // 25 unknown of 125: they stand for 20 % of the population; young 0.6 · 0.8 = 0.48 of the
    // population over 20 / 125 = 0.16 of the respondents: weight 3 again; old 0.32 / 0.64 = 0.5.
    const weights = roundWeights(new Map([['jong', 20], ['oud', 80], [UNKNOWN_STRATUM, 25]]), population);
    if (!weights.ok) throw new Error('no weights');
    expect(weights.value.unknownShare).toBeCloseTo(0.2, 12);
    expect(weights.value.weights.get(UNKNOWN_STRATUM)).toBeCloseTo(1, 12);
    expect(weights.value.weights.get('jong')).toBeCloseTo(3, 12);
    expect(weights.value.weights.get('oud')).toBeCloseTo(0.5, 12);
  });

  it('reports strata of the population without respondents and refuses an empty population', () => {
    const weights = roundWeights(new Map([['oud', 80]]), population);
    if (!weights.ok) throw new Error('no weights');
    expect(weights.value.unweightable).toEqual(['jong']);
    expect(weights.value.coveredPopulationShare).toBeCloseTo(0.4, 12);
    expect(roundWeights(new Map([['oud', 80]]), new Map()).ok).toBe(false);
  });
});
