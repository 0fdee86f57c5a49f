import { describe, expect, it } from 'vitest';
import { compareLabel } from '../../../src/domain/statistics/compare-label.ts';
import { holm } from '../../../src/domain/statistics/holm.ts';
import { isSignificant } from '../../../src/domain/statistics/comparison-test.ts';
import { twoProportionZTest } from '../../../src/domain/statistics/two-proportion-z-test.ts';
import { welchTest } from '../../../src/domain/statistics/welch-test.ts';
import { momentsOf } from '../../../src/domain/statistics/moments.ts';

describe('compareLabel', () => {
  it('says significant-higher / -lower only for a significant difference', () => {
    expect(compareLabel({ difference: 0.4, significant: true })).toBe('significant-higher');
    expect(compareLabel({ difference: -0.4, significant: true })).toBe('significant-lower');
    expect(compareLabel({ difference: 0.4, significant: false })).toBe('in-line');
    expect(compareLabel({ difference: 0, significant: true })).toBe('in-line');
  });

  it('labels real test results: 30 % vs 45 % (p = 0.028) is significantly lower', () => {
    const z = twoProportionZTest(30, 100, 45, 100);
    if (!z.ok) throw new Error(z.error.reason);
    expect(compareLabel(z.value)).toBe('significant-lower');
  });

  it('labels p = 0.0676 as in line (significant only at p < 0.05)', () => {
    const t = welchTest(momentsOf([7, 8, 6, 9, 8]), momentsOf([5, 7, 6, 4, 8, 6]));
    if (!t.ok) throw new Error(t.error.reason);
    expect(compareLabel(t.value)).toBe('in-line');
  });

  it('treats p = 0.05 exactly as not significant', () => {
    expect(isSignificant(0.05)).toBe(false);
    expect(isSignificant(0.0499)).toBe(true);
  });

  it('can label after a multiple-comparison adjustment', () => {
    // 0.028 alone is significant; Holm over four items (×4 for the smallest) is not.
    const z = twoProportionZTest(30, 100, 45, 100);
    if (!z.ok) throw new Error(z.error.reason);
    const [adjusted] = holm([z.value.p, 0.3, 0.5, 0.8]);
    expect(compareLabel({ difference: z.value.difference, significant: isSignificant(adjusted!) })).toBe('in-line');
  });
});
