import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../../src/domain/statistics/chi-square-test.ts';
import { twoProportionZTest } from '../../../src/domain/statistics/two-proportion-z-test.ts';

describe('chiSquareTest', () => {
  it('matches a hand-worked 3×2 table', () => {
    //            A    B   row
    // option 1  10   20    30   expected A = 30·60/110 = 16.3636, B = 30·50/110 = 13.6364
    // option 2  20   20    40   expected A = 21.8182, B = 18.1818
    // option 3  30   10    40   expected A = 21.8182, B = 18.1818
    // total     60   50   110
    // χ² = 40.4959/16.3636 + 40.4959/13.6364 + 3.3058/21.8182 + 3.3058/18.1818
    //    + 66.9421/21.8182 + 66.9421/18.1818
    //    = 2.4747 + 2.9697 + 0.1515 + 0.1818 + 3.0682 + 3.6818 = 12.5278, df = 2
    // scipy.stats.chi2_contingency(..., correction=False): 12.52777777777778, p 0.0019038276076954943
    const result = chiSquareTest(new Map([[1, 10], [2, 20], [3, 30]]), new Map([[1, 20], [2, 20], [3, 10]]));
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.statistic).toBeCloseTo(12.5277777778, 9);
    expect(result.value.df).toBe(2);
    expect(result.value.p).toBeCloseTo(0.0019038276, 9);
    expect(result.value.significant).toBe(true);
    expect(result.value.minExpected).toBeCloseTo(13.6363636364, 9);
    expect(result.value.smallExpectedCounts).toBe(false);
  });

  it('flags expected counts below 5', () => {
    // A {yes 3, no 7}, B {yes 8, no 2}: expected yes 5.5 / 5.5, no 4.5 / 4.5 → two cells below 5
    // scipy chi2_contingency([[3, 8], [7, 2]], correction=False): 5.05050505, p 0.0246187614
    const result = chiSquareTest(new Map([['yes', 3], ['no', 7]]), new Map([['yes', 8], ['no', 2]]));
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.statistic).toBeCloseTo(5.0505050505, 9);
    expect(result.value.p).toBeCloseTo(0.0246187614, 9);
    expect(result.value.minExpected).toBeCloseTo(4.5, 12);
    expect(result.value.cellsExpectedBelowFive).toBe(2);
    expect(result.value.smallExpectedCounts).toBe(true);
  });

  it('on a 2×2 table equals the two-proportion z-test: χ² = z², same p', () => {
    // Independent check of the chi-square CDF against the normal CDF (P(χ²₁ > z²) = 2Φ(−|z|)).
    const chi = chiSquareTest(new Map([[1, 30], [0, 70]]), new Map([[1, 45], [0, 55]]));
    const z = twoProportionZTest(30, 100, 45, 100);
    if (!chi.ok || !z.ok) throw new Error('not computed');
    expect(chi.value.statistic).toBeCloseTo(z.value.z ** 2, 10);
    expect(chi.value.p).toBeCloseTo(z.value.p, 10);
  });

  it('leaves out categories nobody chose and counts df over the rest', () => {
    const result = chiSquareTest(new Map([['a', 10], ['b', 5], ['c', 0]]), new Map([['a', 5], ['b', 10], ['d', 0]]));
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.df).toBe(1);
  });

  it('reports p as 0, not negative, for an overwhelming difference', () => {
    const result = chiSquareTest(new Map([[1, 1000], [0, 0]]), new Map([[1, 0], [0, 1000]]));
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.p).toBeGreaterThanOrEqual(0);
    expect(result.value.significant).toBe(true);
  });

  it('is not computable for an empty group or a single category', () => {
    expect(chiSquareTest(new Map([[1, 3]]), new Map())).toEqual({ ok: false, error: { reason: 'too-few-answers' } });
    expect(chiSquareTest(new Map([[1, 3]]), new Map([[1, 5], [2, 0]]))).toEqual({ ok: false, error: { reason: 'single-category' } });
  });
});
