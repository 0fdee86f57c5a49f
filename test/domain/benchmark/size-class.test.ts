import { describe, expect, it } from 'vitest';
import { isSizeClass, sizeClassOf } from '../../../src/domain/benchmark/size-class.ts';

describe('sizeClassOf (CBS gemeentegrootteklassen)', () => {
  it('puts a lower bound in the class it starts', () => {
    expect([4_999, 5_000, 19_999, 20_000, 99_999, 100_000, 249_999, 250_000, 900_000].map(sizeClassOf)).toEqual([
      'lt-5000', '5000-10000', '10000-20000', '20000-50000', '50000-100000', '100000-150000', '150000-250000', 'ge-250000', 'ge-250000',
    ]);
  });
  it('refuses nonsense and recognises its keys', () => {
    expect(() => sizeClassOf(-1)).toThrow(RangeError);
    expect(isSizeClass('20000-50000')).toBe(true);
    expect(isSizeClass('groot')).toBe(false);
  });
});
