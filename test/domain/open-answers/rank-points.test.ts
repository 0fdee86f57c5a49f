import { describe, expect, it } from 'vitest';
import { polarityOfItem, rankPoints } from '../../../src/domain/open-answers/rank-points.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../../src/domain/statistics/reporting-thresholds.ts';

describe('ranked plus and improvement points', () => {
  it('ranks by count with the share of coded respondents and a Wilson interval', () => {
    const ranked = rankPoints(new Map([['waiting-times', 12], ['friendliness', 30], ['expertise', 12], ['other', 0]]), 100, DEFAULT_REPORTING_THRESHOLDS);
    expect(ranked.nClass).toBe('reportable');
    expect(ranked.points.map((p) => [p.code, p.count])).toEqual([['friendliness', 30], ['expertise', 12], ['waiting-times', 12]]);
    // 30/100 with Wilson at 95 % (z² = 3.841459): centre (0.3 + 0.019207)/1.038415 = 0.307399,
    // half-width (1.959964/1.038415)·√(0.0021 + 0.0000960) = 1.887458 · 0.046862 = 0.088450
    // → [0.2189, 0.3958].
    expect(ranked.points[0]!.share.share).toBe(0.3);
    expect(ranked.points[0]!.share.ci.lower).toBeCloseTo(0.2189, 3);
    expect(ranked.points[0]!.share.ci.upper).toBeCloseTo(0.3958, 3);
  });

  it('shows nothing on a base under 10 and marks a base under 30 as indicative', () => {
    expect(rankPoints(new Map([['friendliness', 5]]), 9, DEFAULT_REPORTING_THRESHOLDS).points).toEqual([]);
    const small = rankPoints(new Map([['friendliness', 5]]), 12, DEFAULT_REPORTING_THRESHOLDS);
    expect(small.nClass).toBe('indicative');
    expect(small.points[0]!.share.share).toBeCloseTo(5 / 12, 10);
  });

  it('knows the polarity of the standard open questions only', () => {
    expect(polarityOfItem('open.pluspunten')).toBe('good');
    expect(polarityOfItem('open.verbeterpunten')).toBe('improve');
    expect(polarityOfItem('eigen.opmerking')).toBeUndefined();
  });
});
