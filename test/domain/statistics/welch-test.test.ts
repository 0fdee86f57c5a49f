import { describe, expect, it } from 'vitest';
import { momentsFromCounts, momentsOf } from '../../../src/domain/statistics/moments.ts';
import { welchTest } from '../../../src/domain/statistics/welch-test.ts';

describe('welchTest', () => {
  it('matches a hand-worked example, including the Welch–Satterthwaite df', () => {
    // A = 7 8 6 9 8: n 5, mean 7.6, SS = 294 − 38²/5 = 5.2, s² = 1.3, s²/n = 0.26
    // B = 5 7 6 4 8 6: n 6, mean 6.0, SS = 226 − 36²/6 = 10, s² = 2, s²/n = 0.333333
    // se = √(0.26 + 0.333333) = √0.593333 = 0.770281; t = 1.6/0.770281 = 2.077163
    // df = 0.593333² / (0.26²/4 + 0.333333²/5) = 0.352044 / (0.0169 + 0.0222222) = 8.998580
    // p: scipy.stats.ttest_ind(A, B, equal_var=False) → t 2.077163147557994,
    //    p 0.06758002267147377, df 8.998579948878158
    const result = welchTest(momentsOf([7, 8, 6, 9, 8]), momentsOf([5, 7, 6, 4, 8, 6]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.difference).toBeCloseTo(1.6, 12);
    expect(result.value.standardError).toBeCloseTo(0.7702813339, 9);
    expect(result.value.t).toBeCloseTo(2.0771631476, 9);
    expect(result.value.df).toBeCloseTo(8.9985799489, 9);
    expect(result.value.p).toBeCloseTo(0.0675800227, 9);
    expect(result.value.significant).toBe(false);
  });

  it('matches scipy on two realistic rounds of report marks', () => {
    // 2024 {4:3, 5:6, 6:15, 7:40, 8:50, 9:20, 10:6}: n 140, Σx 1052, Σx² 8118
    // 2023 {3:2, 5:10, 6:20, 7:45, 8:38, 9:10, 10:5}: n 130, Σx 935, Σx² 6935
    // scipy.stats.ttest_ind(expanded 2024, expanded 2023, equal_var=False):
    //   t 2.1013417927744458, p 0.03655508292806476, df 265.072010850938; diff 0.3219780220
    const thisRound = momentsFromCounts(new Map([[4, 3], [5, 6], [6, 15], [7, 40], [8, 50], [9, 20], [10, 6]]));
    const lastRound = momentsFromCounts(new Map([[3, 2], [5, 10], [6, 20], [7, 45], [8, 38], [9, 10], [10, 5]]));
    expect(thisRound).toEqual({ n: 140, sum: 1052, sumSquares: 8118 });
    const result = welchTest(thisRound, lastRound);
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.difference).toBeCloseTo(0.321978022, 9);
    expect(result.value.t).toBeCloseTo(2.1013417928, 9);
    expect(result.value.df).toBeCloseTo(265.0720108509, 8);
    expect(result.value.p).toBeCloseTo(0.0365550829, 9);
    expect(result.value.significant).toBe(true);
  });

  it('is antisymmetric: swapping the groups flips t and the difference, not p', () => {
    const a = momentsOf([7, 8, 6, 9, 8]);
    const b = momentsOf([5, 7, 6, 4, 8, 6]);
    const ab = welchTest(a, b);
    const ba = welchTest(b, a);
    if (!ab.ok || !ba.ok) throw new Error('not computed');
    expect(ba.value.t).toBeCloseTo(-ab.value.t, 12);
    expect(ba.value.p).toBeCloseTo(ab.value.p, 12);
    expect(ba.value.df).toBeCloseTo(ab.value.df, 12);
  });

  it('handles zero variance in one group: df becomes n − 1 of the other', () => {
    // A = 8 8 8 (s² = 0); B = 6 7 8 9: s² = 5/3, s²/n = 0.416667
    // df = 0.416667² / (0.416667²/3) = 3; t = (8 − 7.5)/√0.416667 = 0.774597
    // scipy.stats.ttest_ind(A, B, equal_var=False) → t 0.7745966692, p 0.4950253461, df 3.0
    const result = welchTest(momentsOf([8, 8, 8]), momentsOf([6, 7, 8, 9]));
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.df).toBeCloseTo(3, 12);
    expect(result.value.t).toBeCloseTo(0.7745966692, 9);
    expect(result.value.p).toBeCloseTo(0.4950253461, 9);
  });

  it('is not computable when both groups are unanimous', () => {
    expect(welchTest(momentsOf([8, 8, 8]), momentsOf([6, 6]))).toEqual({ ok: false, error: { reason: 'no-variance' } });
    expect(welchTest(momentsOf([8, 8]), momentsOf([8, 8, 8]))).toEqual({ ok: false, error: { reason: 'no-variance' } });
  });

  it('is not computable with fewer than two answers in a group', () => {
    expect(welchTest(momentsOf([8]), momentsOf([6, 7, 8]))).toEqual({ ok: false, error: { reason: 'too-few-answers' } });
    expect(welchTest(momentsOf([6, 7, 8]), momentsOf([]))).toEqual({ ok: false, error: { reason: 'too-few-answers' } });
  });
});
