import { describe, expect, it } from 'vitest';
import { holm } from '../../../src/domain/statistics/holm.ts';

describe('holm', () => {
  it('matches a hand-worked example, in input order', () => {
    // p = [0.012, 0.04, 0.035, 0.003], m = 4. Sorted: 0.003, 0.012, 0.035, 0.04
    // (m − i + 1)·p: 4·0.003 = 0.012, 3·0.012 = 0.036, 2·0.035 = 0.07, 1·0.04 = 0.04
    // running maximum: 0.012, 0.036, 0.07, 0.07 (the last is raised from 0.04 to 0.07)
    // back in input order: [0.036, 0.07, 0.07, 0.012] — R: p.adjust(p, "holm") gives the same
    const adjusted = holm([0.012, 0.04, 0.035, 0.003]);
    [0.036, 0.07, 0.07, 0.012].forEach((expected, i) => expect(adjusted[i]).toBeCloseTo(expected, 12));
  });

  it('caps at 1', () => {
    // 2·0.5 = 1, then max(1, 0.6) = 1
    expect(holm([0.5, 0.6])).toEqual([1, 1]);
  });

  it('leaves a single p-value as it is, and an empty list empty', () => {
    expect(holm([0.03])).toEqual([0.03]);
    expect(holm([])).toEqual([]);
  });

  it('gives tied p-values the same adjustment', () => {
    // sorted 0.01, 0.01, 0.02: 3·0.01 = 0.03, 2·0.01 = 0.02 → 0.03, 1·0.02 → 0.03
    const adjusted = holm([0.02, 0.01, 0.01]);
    [0.03, 0.03, 0.03].forEach((expected, i) => expect(adjusted[i]).toBeCloseTo(expected, 12));
  });

  it('refuses values that are not p-values', () => {
    expect(() => holm([0.2, 1.5])).toThrow(RangeError);
    expect(() => holm([Number.NaN])).toThrow(RangeError);
  });
});
