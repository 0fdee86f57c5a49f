import { describe, expect, it } from 'vitest';
import { EMPTY_MOMENTS, mergeMoments, momentsFromCounts, momentsOf, sumOfSquaredDeviations } from '../../../src/domain/statistics/moments.ts';
import { countValues, countWhere, mergeValueCounts, totalCount } from '../../../src/domain/statistics/value-counts.ts';

describe('value counts', () => {
  it('counts marks, option codes and 0/1 answers', () => {
    expect(countValues([7, 8, 7, 10])).toEqual(new Map([[7, 2], [8, 1], [10, 1]]));
    expect(countValues(['a', 'b', 'a'])).toEqual(new Map([['a', 2], ['b', 1]]));
    expect(totalCount(countValues([0, 1, 1]))).toBe(3);
  });

  it('merges contributions by adding counts per value', () => {
    const merged = mergeValueCounts(new Map([[7, 2], [8, 1]]), new Map([[8, 4], [9, 1]]), new Map());
    expect(merged).toEqual(new Map([[7, 2], [8, 5], [9, 1]]));
  });

  it('counts the answers that meet a condition', () => {
    expect(countWhere(new Map([[4, 2], [5, 3], [6, 7]]), (mark) => mark <= 5)).toBe(5);
  });

  it('refuses counts that are not whole and non-negative', () => {
    expect(() => totalCount(new Map([[7, -1]]))).toThrow(RangeError);
    expect(() => mergeValueCounts(new Map([[7, 1.5]]))).toThrow(RangeError);
    expect(() => countValues([Number.NaN])).toThrow(RangeError);
  });
});

describe('moments', () => {
  it('are n, Σx, Σx² of raw values', () => {
    // 7 + 8 + 6 = 21; 49 + 64 + 36 = 149
    expect(momentsOf([7, 8, 6])).toEqual({ n: 3, sum: 21, sumSquares: 149 });
    expect(momentsOf([])).toEqual(EMPTY_MOMENTS);
  });

  it('from counts equal the moments of the expanded values', () => {
    // {5: 2, 8: 3}: n = 5, Σx = 10 + 24 = 34, Σx² = 2·25 + 3·64 = 242
    expect(momentsFromCounts(new Map([[5, 2], [8, 3]]))).toEqual({ n: 5, sum: 34, sumSquares: 242 });
    expect(momentsFromCounts(new Map([[5, 2], [8, 3]]))).toEqual(momentsOf([5, 5, 8, 8, 8]));
  });

  it('merge to the moments of the combined answers (benchmark pooling)', () => {
    const a = [7, 8, 6, 9];
    const b = [5, 10, 7];
    expect(mergeMoments(momentsOf(a), momentsOf(b))).toEqual(momentsOf([...a, ...b]));
    expect(mergeMoments()).toEqual(EMPTY_MOMENTS);
  });

  it('give the sum of squared deviations, never below zero', () => {
    // [7, 8, 6]: mean 7, deviations 0, 1, −1 → 2; also 149 − 21²/3 = 149 − 147 = 2
    expect(sumOfSquaredDeviations(momentsOf([7, 8, 6]))).toBe(2);
    expect(sumOfSquaredDeviations({ n: 3, sum: 0.3, sumSquares: 0.03 - 1e-18 })).toBe(0);
    expect(sumOfSquaredDeviations(EMPTY_MOMENTS)).toBe(0);
  });
});
