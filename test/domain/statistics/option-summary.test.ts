import { describe, expect, it } from 'vitest';
import { summariseOptions } from '../../../src/domain/statistics/option-summary.ts';

describe('summariseOptions', () => {
  it('gives count and share per option in questionnaire order, unchosen options included', () => {
    // 40 respondents; 12/40 = 0.3, 0/40 = 0 with Wilson upper z²/(40 + z²) = 3.841459/43.841459 = 0.087622
    const summary = summariseOptions(['professioneel', 'gelijkwaardig', 'onderdrukkend'], new Map([['onderdrukkend', 0], ['professioneel', 12], ['gelijkwaardig', 28]]), 40, 2);
    expect(summary.n).toBe(40);
    expect(summary.notApplicable).toBe(2);
    expect(summary.options.map((o) => [o.code, o.count])).toEqual([['professioneel', 12], ['gelijkwaardig', 28], ['onderdrukkend', 0]]);
    expect(summary.options[0]?.share?.share).toBeCloseTo(0.3, 12);
    expect(summary.options[2]?.share?.ci.upper).toBeCloseTo(0.0876218, 6);
  });

  it('shares multiple-choice ticks by respondents, so they may exceed 100 % together', () => {
    const summary = summariseOptions(['a', 'b'], new Map([['a', 8], ['b', 6]]), 10, 0);
    expect(summary.options.map((o) => o.share?.share)).toEqual([0.8, 0.6]);
  });

  it('refuses unknown options and counts above the number of respondents', () => {
    expect(() => summariseOptions(['a'], new Map([['x', 1]]), 1, 0)).toThrow(RangeError);
    expect(() => summariseOptions(['a'], new Map([['a', 5]]), 4, 0)).toThrow(RangeError);
  });

  it('has no shares without respondents', () => {
    expect(summariseOptions(['a'], new Map(), 0, 3).options).toEqual([{ code: 'a', count: 0, share: null }]);
  });
});
