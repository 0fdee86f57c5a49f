import { describe, expect, it } from 'vitest';
import { classifyN, DEFAULT_REPORTING_THRESHOLDS, strictenThresholds } from '../../../src/domain/statistics/reporting-thresholds.ts';

// domain.md: "Under 30 answers a figure is marked indicative; under 10 it is not shown at all.
// An organisation may make them stricter, never looser."

describe('classifyN with the defaults', () => {
  it.each([
    [0, 'hidden'],
    [9, 'hidden'],
    [10, 'indicative'],
    [29, 'indicative'],
    [30, 'reportable'],
    [500, 'reportable'],
  ] as const)('n = %i is %s', (n, expected) => {
    expect(classifyN(n, DEFAULT_REPORTING_THRESHOLDS)).toBe(expected);
  });

  it('refuses an n that is not a count', () => {
    expect(() => classifyN(9.5, DEFAULT_REPORTING_THRESHOLDS)).toThrow(RangeError);
    expect(() => classifyN(-1, DEFAULT_REPORTING_THRESHOLDS)).toThrow(RangeError);
  });
});

describe('strictenThresholds', () => {
  it('keeps the defaults when the organisation chooses nothing', () => {
    expect(strictenThresholds(DEFAULT_REPORTING_THRESHOLDS, {})).toEqual({ thresholds: { hideBelow: 10, indicativeBelow: 30 }, refused: [] });
  });

  it('allows stricter thresholds', () => {
    const { thresholds, refused } = strictenThresholds(DEFAULT_REPORTING_THRESHOLDS, { hideBelow: 15, indicativeBelow: 50 });
    expect(thresholds).toEqual({ hideBelow: 15, indicativeBelow: 50 });
    expect(refused).toEqual([]);
    expect(classifyN(14, thresholds)).toBe('hidden');
    expect(classifyN(49, thresholds)).toBe('indicative');
    expect(classifyN(50, thresholds)).toBe('reportable');
  });

  it('refuses looser thresholds: clamps them to the default and flags them', () => {
    const { thresholds, refused } = strictenThresholds(DEFAULT_REPORTING_THRESHOLDS, { hideBelow: 5, indicativeBelow: 20 });
    expect(thresholds).toEqual({ hideBelow: 10, indicativeBelow: 30 });
    expect(refused).toEqual([
      { field: 'hideBelow', requested: 5, applied: 10, why: 'looser' },
      { field: 'indicativeBelow', requested: 20, applied: 30, why: 'looser' },
    ]);
    expect(classifyN(9, thresholds)).toBe('hidden');
  });

  it('takes the stricter part of a mixed request', () => {
    const { thresholds, refused } = strictenThresholds(DEFAULT_REPORTING_THRESHOLDS, { hideBelow: 20, indicativeBelow: 25 });
    expect(thresholds).toEqual({ hideBelow: 20, indicativeBelow: 30 });
    expect(refused).toEqual([{ field: 'indicativeBelow', requested: 25, applied: 30, why: 'looser' }]);
  });

  it('raises indicativeBelow with hideBelow, so nothing is both hidden and indicative', () => {
    const { thresholds, refused } = strictenThresholds(DEFAULT_REPORTING_THRESHOLDS, { hideBelow: 40 });
    expect(thresholds).toEqual({ hideBelow: 40, indicativeBelow: 40 });
    expect(refused).toEqual([]);
    expect(classifyN(39, thresholds)).toBe('hidden');
    expect(classifyN(40, thresholds)).toBe('reportable');
  });

  it('rounds fractional thresholds up, which is stricter', () => {
    expect(strictenThresholds(DEFAULT_REPORTING_THRESHOLDS, { hideBelow: 12.5 }).thresholds.hideBelow).toBe(13);
  });

  it('refuses values that are not numbers', () => {
    const { thresholds, refused } = strictenThresholds(DEFAULT_REPORTING_THRESHOLDS, { hideBelow: Number.NaN, indicativeBelow: Infinity });
    expect(thresholds).toEqual(DEFAULT_REPORTING_THRESHOLDS);
    expect(refused.map((r) => r.why)).toEqual(['invalid', 'invalid']);
  });
});
