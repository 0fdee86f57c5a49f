import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';

// The statistics core leans on these @stdlib functions; pin them to published table values so
// that a broken upgrade fails here, with a clear name, rather than as a shifted report.
// Sources: any t / chi-square table (e.g. NIST/SEMATECH e-Handbook of Statistical Methods,
// tables 1.3.6.7.2 and 1.3.6.7.4), and scipy 1.17.1 for the extra digits:
//   stats.t.ppf(0.975, [10, 1, 29]) = 2.228138851986274, 12.706204736174694, 2.045229642132703
//   stats.norm.ppf(0.975) = 1.959963984540054
//   stats.chi2.ppf(0.95, [1, 2, 3]) = 3.84145882, 5.99146455, 7.8147279

describe('t quantiles', () => {
  it('matches the table: t(0.975; 10) = 2.2281, t(0.975; 1) = 12.706, t(0.975; 29) = 2.0452', () => {
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 8);
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706204736174694, 6);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.045229642132703, 8);
  });

  it('tends to the normal quantile 1.96 for large df', () => {
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959966356814107, 6);
    expect(normalQuantile(0.975, 0, 1)).toBeCloseTo(1.959963984540054, 10);
  });

  it('returns NaN for infinite df, which is why callers never pass it', () => {
    expect(tQuantile(0.975, Infinity)).toBeNaN();
  });
});

describe('cumulative distribution functions', () => {
  it('puts 2.5 % below −t(0.975; df) and below −1.96', () => {
    expect(tCdf(-2.228138851986274, 10)).toBeCloseTo(0.025, 10);
    expect(normalCdf(-1.959963984540054, 0, 1)).toBeCloseTo(0.025, 12);
  });

  it('puts 95 % of chi-square below the critical values 3.841 (df 1), 5.991 (df 2), 7.815 (df 3)', () => {
    expect(chisquareCdf(3.841458820694124, 1)).toBeCloseTo(0.95, 10);
    expect(chisquareCdf(5.991464547107979, 2)).toBeCloseTo(0.95, 10);
    expect(chisquareCdf(7.814727903251178, 3)).toBeCloseTo(0.95, 10);
  });
});
