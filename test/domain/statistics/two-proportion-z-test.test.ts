import { describe, expect, it } from 'vitest';
import { twoProportionZTest } from '../../../src/domain/statistics/two-proportion-z-test.ts';

describe('twoProportionZTest', () => {
  it('matches a hand-worked example: 30/100 vs 45/100', () => {
    // pooled p = 75/200 = 0.375; se = √(0.375 · 0.625 · (1/100 + 1/100)) = √0.0046875 = 0.0684653
    // z = (0.30 − 0.45)/0.0684653 = −2.1908902; p = 2·Φ(−2.1908902) = 0.0284597 (scipy norm.sf);
    // and z² = 4.8 = Pearson χ² of [[30, 45], [70, 55]] (scipy chi2_contingency, correction=False)
    const result = twoProportionZTest(30, 100, 45, 100);
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.pooledShare).toBe(0.375);
    expect(result.value.difference).toBeCloseTo(-0.15, 12);
    expect(result.value.standardError).toBeCloseTo(0.0684653197, 9);
    expect(result.value.z).toBeCloseTo(-2.19089023, 8);
    expect(result.value.z ** 2).toBeCloseTo(4.8, 10);
    expect(result.value.p).toBeCloseTo(0.0284597369, 9);
    expect(result.value.significant).toBe(true);
  });

  it('matches scipy on unequal groups: 120/400 vs 90/250', () => {
    // scipy: z −1.5913728452086682, p 0.11152569176875177
    const result = twoProportionZTest(120, 400, 90, 250);
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.z).toBeCloseTo(-1.5913728452, 9);
    expect(result.value.p).toBeCloseTo(0.1115256918, 9);
    expect(result.value.significant).toBe(false);
  });

  it('works when one group is at 0 %: 0/10 vs 5/10', () => {
    // pooled 0.25; se = √(0.25 · 0.75 · 0.2) = 0.1936492; z = −0.5/0.1936492 = −2.5819889
    // p = 0.0098232745 (scipy norm.sf)
    const result = twoProportionZTest(0, 10, 5, 10);
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.z).toBeCloseTo(-2.5819888975, 9);
    expect(result.value.p).toBeCloseTo(0.0098232745, 9);
  });

  it('is not computable when both shares are 0 % or both 100 %', () => {
    expect(twoProportionZTest(0, 10, 0, 20)).toEqual({ ok: false, error: { reason: 'no-variance' } });
    expect(twoProportionZTest(10, 10, 20, 20)).toEqual({ ok: false, error: { reason: 'no-variance' } });
  });

  it('is not computable for an empty group', () => {
    expect(twoProportionZTest(0, 0, 3, 20)).toEqual({ ok: false, error: { reason: 'too-few-answers' } });
  });

  it('refuses impossible counts', () => {
    expect(() => twoProportionZTest(11, 10, 3, 20)).toThrow(RangeError);
  });
});
