import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../src/domain/statistics/benjamini-hochberg.ts';

describe('benjaminiHochberg', () => {
  it('matches a hand-worked example, in input order', () => {
    // p = [0.012, 0.04, 0.035, 0.003], m = 4. Sorted: 0.003, 0.012, 0.035, 0.04
    // (m / i)·p: 4·0.003 = 0.012, 2·0.012 = 0.024, (4/3)·0.035 = 0.046667, 1·0.04 = 0.04
    // running minimum from the largest down: 0.04, min(0.046667, 0.04) = 0.04, 0.024, 0.012
    // back in input order: [0.024, 0.04, 0.04, 0.012]
    // scipy.stats.false_discovery_control(p, method='bh') → [0.024, 0.04, 0.04, 0.012]
    const adjusted = benjaminiHochberg([0.012, 0.04, 0.035, 0.003]);
    [0.024, 0.04, 0.04, 0.012].forEach((expected, i) => expect(adjusted[i]).toBeCloseTo(expected, 12));
  });

  it('is never stricter than Holm on the same p-values', () => {
    // Holm on the example above gives [0.036, 0.07, 0.07, 0.012] (see holm.test.ts)
    const bh = benjaminiHochberg([0.012, 0.04, 0.035, 0.003]);
    [0.036, 0.07, 0.07, 0.012].forEach((holm, i) => expect(bh[i]).toBeLessThanOrEqual(holm));
  });

  it('keeps the largest p-value and never exceeds 1', () => {
    // (2/1)·0.5 = 1, (2/2)·0.6 = 0.6 → running minimum 0.6, 0.6
    // scipy.stats.false_discovery_control([0.5, 0.6]) → [0.6, 0.6]
    expect(benjaminiHochberg([0.5, 0.6])).toEqual([0.6, 0.6]);
    expect(benjaminiHochberg([0.9, 0.95, 0.99])).toEqual([0.99, 0.99, 0.99]);
  });

  it('handles the empty list and refuses non-p-values', () => {
    expect(benjaminiHochberg([])).toEqual([]);
    expect(() => benjaminiHochberg([-0.1])).toThrow(RangeError);
  });
});
