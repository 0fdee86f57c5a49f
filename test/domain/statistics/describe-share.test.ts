import { describe, expect, it } from 'vitest';
import { describeShare, wilsonInterval } from '../../../src/domain/statistics/describe-share.ts';

// Wilson score interval without continuity correction ("method 3" in Newcombe RG, Two-sided
// confidence intervals for the single proportion: comparison of seven methods, Statistics in
// Medicine 1998;17:857–872, Table I). Its worked examples, to four decimals:
//   81/263 → 0.2553–0.3662, 15/148 → 0.0624–0.1605, 0/20 → 0.0000–0.1611, 1/29 → 0.0061–0.1718.
// Recomputed independently in Python with the closed form
//   (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = NormalDist().inv_cdf(0.975):
//   81/263 → 0.2552885199, 0.3662095770   15/148 → 0.0623863995, 0.1604872417
//   0/20 → 0, 0.1611251581                1/29 → 0.0061132143, 0.1717552188

describe('describeShare (Wilson)', () => {
  it.each([
    [81, 263, 0.2553, 0.3662, 0.2552885199, 0.366209577],
    [15, 148, 0.0624, 0.1605, 0.0623863995, 0.1604872417],
    [0, 20, 0.0, 0.1611, 0, 0.1611251581],
    [1, 29, 0.0061, 0.1718, 0.0061132143, 0.1717552188],
  ])('%i/%i matches Newcombe (1998) Table I', (x, n, lower4, upper4, lower, upper) => {
    const d = describeShare(x, n)!;
    expect(d.share).toBe(x / n);
    expect(d.ci.lower).toBeCloseTo(lower4, 4);
    expect(d.ci.upper).toBeCloseTo(upper4, 4);
    expect(d.ci.lower).toBeCloseTo(lower, 9);
    expect(d.ci.upper).toBeCloseTo(upper, 9);
  });

  it('is not degenerate at 0 %: 0/10 → 0 to 0.2775', () => {
    // At p = 0 the upper bound reduces to z²/(n + z²) = 3.8414588/13.8414588 = 0.2775328
    const d = describeShare(0, 10)!;
    expect(d.share).toBe(0);
    expect(d.ci.lower).toBe(0);
    expect(d.ci.upper).toBeCloseTo(0.2775327999, 9);
  });

  it('is not degenerate at 100 %: 10/10 → 0.7225 to 1', () => {
    // Mirror image of 0/10: 1 − 0.2775328 = 0.7224672
    const d = describeShare(10, 10)!;
    expect(d.ci.lower).toBeCloseTo(0.7224672001, 9);
    expect(d.ci.upper).toBe(1);
  });

  it('is null for n = 0', () => {
    expect(describeShare(0, 0)).toBeNull();
  });

  it('refuses impossible counts', () => {
    expect(() => describeShare(5, 4)).toThrow(RangeError);
    expect(() => describeShare(-1, 4)).toThrow(RangeError);
    expect(() => describeShare(1.5, 4)).toThrow(RangeError);
  });
});

describe('wilsonInterval', () => {
  it('takes a fractional n (an effective sample size)', () => {
    // p = 0.35 on n_eff = 85.959885: Python closed form above → 0.2575580701, 0.4552751192
    const ci = wilsonInterval(0.35, 85.95988538681915);
    expect(ci.lower).toBeCloseTo(0.2575580701, 9);
    expect(ci.upper).toBeCloseTo(0.4552751192, 9);
  });
});
