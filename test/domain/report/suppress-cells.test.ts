import { describe, expect, it } from 'vitest';
import { itemBreakdown } from '../../../src/domain/report/item-breakdown.ts';
import type { ItemAnswerCounts } from '../../../src/domain/report/item-figures.ts';
import { suppressCells } from '../../../src/domain/report/suppress-cells.ts';
import type { Item } from '../../../src/domain/questionnaire/questionnaire.ts';

const hide = (sizes: number[], threshold = 10) => Object.fromEntries(suppressCells(sizes, threshold));

describe('suppressCells', () => {
  it('hides nothing when every group is large enough', () => {
    expect(hide([10, 25, 40])).toEqual({});
  });

  it('hides a small group and the smallest other group, so total − shown does not give it back', () => {
    // 4 is under 10. Shown alone, 62 − 12 − 46 = 4 would reveal it; hiding 12 as well leaves 16 unknown between two groups.
    expect(hide([12, 4, 46])).toEqual({ 1: 'threshold', 0: 'complement' });
  });

  it('hides more while the hidden groups together are still under the threshold', () => {
    // 3 and 2 are under 10; together 5, still a small group: the smallest shown (11) goes too → 16.
    expect(hide([3, 2, 11, 30])).toEqual({ 0: 'threshold', 1: 'threshold', 2: 'complement' });
  });

  it('needs no complement when two small groups together reach the threshold', () => {
    // 6 + 5 = 11 ≥ 10: neither can be told apart from the other.
    expect(hide([6, 5, 30])).toEqual({ 0: 'threshold', 1: 'threshold' });
  });

  it('leaves empty groups visible and hides everything when nothing else can cover', () => {
    expect(hide([0, 4, 20])).toEqual({ 1: 'threshold', 2: 'complement' });
  });

  it('uses the organisation\'s stricter threshold', () => {
    expect(hide([12, 14, 40], 15)).toEqual({ 0: 'threshold', 1: 'threshold' });
  });
});

const mark: Item = { key: 'algemeen.cijfer', type: 'mark', text: { nl: 'Cijfer' }, allowNotApplicable: false, required: false, standard: true };
const marks = (values: Record<number, number>): ItemAnswerCounts => ({ values: new Map(Object.entries(values).map(([v, c]) => [Number(v), c])), options: new Map(), notApplicable: 0, respondents: 0 });

describe('itemBreakdown', () => {
  const thresholds = { hideBelow: 10, indicativeBelow: 30 };

  it('shows each group\'s figure and n, and hides a small group with its complement', () => {
    const breakdown = itemBreakdown(mark, 'channel', [
      { group: 'web', counts: marks({ 8: 20, 6: 20 }) }, // n 40, mean 7
      { group: 'paper', counts: marks({ 9: 12 }) }, // n 12, mean 9: the complement
      { group: 'phone', counts: marks({ 2: 3 }) }, // n 3: hidden
    ], thresholds)!;
    expect(breakdown.rows.map((r) => [r.group, r.n, r.figure?.value ?? null, r.hidden])).toEqual([
      ['web', 40, 7, null], ['paper', null, null, 'complement'], ['phone', null, null, 'threshold'],
    ]);
    expect(breakdown.rows[0]!.nClass).toBe('reportable');
  });

  it('marks a group under 30 indicative and gives nothing when the total itself is hidden', () => {
    const breakdown = itemBreakdown(mark, 'language', [{ group: 'nl', counts: marks({ 7: 15 }) }, { group: 'en', counts: marks({ 8: 12 }) }], thresholds)!;
    expect(breakdown.rows.map((r) => r.nClass)).toEqual(['indicative', 'indicative']);
    expect(itemBreakdown(mark, 'language', [{ group: 'nl', counts: marks({ 7: 5 }) }, { group: 'en', counts: marks({ 8: 4 }) }], thresholds)).toBeNull();
    // 40 and 3: the 3 is hidden, and so is the 40 (else 43 − 40 gives it back): nothing left to show.
    expect(itemBreakdown(mark, 'language', [{ group: 'nl', counts: marks({ 7: 40 }) }, { group: 'en', counts: marks({ 8: 3 }) }], thresholds)).toBeNull();
  });
});
