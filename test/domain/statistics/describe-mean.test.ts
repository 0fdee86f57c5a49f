import { describe, expect, it } from 'vitest';
import { describeMean, tInterval } from '../../../src/domain/statistics/describe-mean.ts';
import { momentsOf } from '../../../src/domain/statistics/moments.ts';

describe('describeMean', () => {
  it('matches a hand-worked example with n = 11 (t with 10 df)', () => {
    // Marks 7 8 6 9 8 7 5 8 7 6 9: n = 11, Σx = 80, Σx² = 598.
    // mean = 80/11 = 7.272727; SS = 598 − 80²/11 = 598 − 581.818182 = 16.181818
    // s² = 16.181818/10 = 1.6181818, s = 1.2720778, se = s/√11 = 0.3835459
    // t(0.975; 10) = 2.2281389 (table), half width = 2.2281389 · 0.3835459 = 0.8545934
    // CI = 6.4181338 … 8.1273207. Cross-check (Python): statistics.stdev → 1.2720777563426766,
    // scipy.stats.t.ppf(0.975, 10) → 2.228138851986274, bounds 6.4181338077, 8.1273207377.
    const d = describeMean(momentsOf([7, 8, 6, 9, 8, 7, 5, 8, 7, 6, 9]));
    expect(d.n).toBe(11);
    expect(d.mean).toBeCloseTo(7.2727272727, 8);
    expect(d.sd).toBeCloseTo(1.2720777563, 8);
    expect(d.standardError).toBeCloseTo(0.3835458747, 8);
    expect(d.ci?.lower).toBeCloseTo(6.4181338077, 8);
    expect(d.ci?.upper).toBeCloseTo(8.1273207377, 8);
  });

  it('is null where undefined: no answers at all', () => {
    expect(describeMean(momentsOf([]))).toEqual({ n: 0, mean: null, sd: null, standardError: null, ci: null });
  });

  it('gives a mean but no spread or interval for a single answer', () => {
    expect(describeMean(momentsOf([8]))).toEqual({ n: 1, mean: 8, sd: null, standardError: null, ci: null });
  });

  it('uses t with 1 df for two answers: 6 and 8 → 7 ± 12.7062', () => {
    // s = √((1 + 1)/1) = 1.414214, se = s/√2 = 1, t(0.975; 1) = 12.706205 (table)
    const d = describeMean(momentsOf([6, 8]));
    expect(d.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(d.ci?.lower).toBeCloseTo(7 - 12.706204736, 6);
    expect(d.ci?.upper).toBeCloseTo(7 + 12.706204736, 6);
  });

  it('gives a zero-width interval when everyone gave the same mark', () => {
    const d = describeMean(momentsOf([7, 7, 7, 7]));
    expect(d.sd).toBe(0);
    expect(d.ci).toEqual({ lower: 7, upper: 7 });
  });

  it('refuses impossible moments', () => {
    expect(() => describeMean({ n: 2.5, sum: 1, sumSquares: 1 })).toThrow(RangeError);
  });
});

describe('tInterval', () => {
  it('approaches mean ± 1.96·se for very many degrees of freedom', () => {
    // t(0.975; 10⁶) = 1.9599664 (scipy), z(0.975) = 1.9599640
    expect(tInterval(0, 1, 1e6).upper).toBeCloseTo(1.959966, 5);
  });

  it('accepts fractional degrees of freedom: t(0.975; 2.5) = 3.5747', () => {
    // scipy.stats.t.ppf(0.975, 2.5) = 3.574654842003...
    expect(tInterval(0, 1, 2.5).upper).toBeCloseTo(3.574654842, 6);
  });
});
