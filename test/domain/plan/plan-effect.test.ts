import { describe, expect, it } from 'vitest';
import { isOverdue, isFinished } from '../../../src/domain/plan/measure-status.ts';
import { planEffect } from '../../../src/domain/plan/plan-effect.ts';
import type { Item } from '../../../src/domain/questionnaire/questionnaire.ts';
import type { ItemAnswerCounts } from '../../../src/domain/report/item-figures.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../../src/domain/statistics/reporting-thresholds.ts';

const base = { allowNotApplicable: true, required: false, standard: true } as const;
const item = (key: string, type: 'mark' | 'agree5' | 'yesno'): Item => ({ ...base, key, type, text: { nl: key } }) as Item;
const counts = (values: Record<number, number>): ItemAnswerCounts => ({
  values: new Map(Object.entries(values).map(([v, c]) => [Number(v), c])), options: new Map(), notApplicable: 0, respondents: 0,
});

const items = new Map([item('balie.cijfer', 'mark'), item('tel.bereikbaar', 'agree5'), item('afspraak.ja', 'yesno'), item('klein.cijfer', 'mark')].map((i) => [i.key, i]));

const baseline = new Map([
  // marks 6×10, 8×10: n 20 (indicative), mean 7, s² = 20/19.
  ['balie.cijfer', counts({ 6: 10, 8: 10 })],
  // 20 of 50 agree (4–5).
  ['tel.bereikbaar', counts({ 4: 15, 5: 5, 2: 30 })],
  // 30 of 40 yes.
  ['afspraak.ja', counts({ 1: 30, 0: 10 })],
  ['klein.cijfer', counts({ 7: 20 })],
]);
const current = new Map([
  // marks 7×10, 9×10: mean 8. Welch: se = √(2 · 20/19/20) = 0,32444, t = 3,0822, df = 38, p = 0,003813.
  ['balie.cijfer', counts({ 7: 10, 9: 10 })],
  // 35 of 50 agree. Pooled 0,55, se = √(0,55 · 0,45 · 0,04) = 0,09950, z = 3,0151, p = 0,002569.
  ['tel.bereikbaar', counts({ 4: 20, 5: 15, 1: 15 })],
  // 28 of 40 yes. Pooled 0,725, z = −0,5008, p = 0,6165.
  ['afspraak.ja', counts({ 1: 28, 0: 12 })],
  // n 9: under 10, hidden, not tested.
  ['klein.cijfer', counts({ 8: 9 })],
]);

describe('plan effect', () => {
  const effect = planEffect({
    focusPoints: [
      { id: 'f1', itemKeys: ['tel.bereikbaar', 'afspraak.ja'] },
      { id: 'f2', itemKeys: ['balie.cijfer', 'klein.cijfer', 'tel.bereikbaar', 'weg.item'] },
    ],
    items, baseline, current, thresholds: DEFAULT_REPORTING_THRESHOLDS,
  });
  const find = (focus: number, key: string) => effect.focusPoints[focus]!.items.find((i) => i.key === key)!;

  it('tests each distinct item once and Holm-adjusts across the plan', () => {
    // Holm, m = 3: 0,002569 · 3 = 0,007706; 0,003813 · 2 = 0,007626 → kept at 0,007706; 0,6165 · 1.
    expect(effect.tests).toBe(3);
    const mark = find(1, 'balie.cijfer');
    expect(mark.baseline.figure?.value).toBeCloseTo(7, 10);
    expect(mark.current.figure?.value).toBeCloseTo(8, 10);
    expect(mark.difference).toBeCloseTo(1, 10);
    expect(mark.p).toBeCloseTo(0.003813188880464124, 8);
    expect(mark.adjustedP).toBeCloseTo(0.007706494581, 8);
    expect(mark.verdict).toBe('significant-higher');
    expect(mark.baseline.nClass).toBe('indicative');

    const share = find(0, 'tel.bereikbaar');
    expect(share.baseline.figure?.value).toBeCloseTo(0.4, 10);
    expect(share.current.figure?.value).toBeCloseTo(0.7, 10);
    expect(share.difference).toBeCloseTo(0.3, 10);
    expect(share.p).toBeCloseTo(0.002568831527022722, 8);
    expect(share.adjustedP).toBeCloseTo(3 * 0.002568831527022722, 8);
    expect(find(1, 'tel.bereikbaar')).toEqual(share);

    const yes = find(0, 'afspraak.ja');
    expect(yes.difference).toBeCloseTo(-0.05, 10);
    expect(yes.p).toBeCloseTo(0.6165237907000111, 8);
    expect(yes.adjustedP).toBeCloseTo(0.6165237907000111, 8);
    expect(yes.verdict).toBe('in-line');
  });

  it('shows no figure and no verdict for a side under the hide limit or an unknown item', () => {
    const small = find(1, 'klein.cijfer');
    expect(small.current).toEqual({ n: 9, nClass: 'hidden', figure: null });
    expect(small.baseline.figure?.value).toBe(7);
    expect(small.difference).toBeNull();
    expect(small.verdict).toBeNull();
    const gone = find(1, 'weg.item');
    expect(gone.item).toBeNull();
    expect(gone.verdict).toBeNull();
  });
});

describe('plan effect of an item the current round did not ask', () => {
  it('shows the baseline figure but nothing now and no test', () => {
    const effect = planEffect({
      focusPoints: [{ id: 'f', itemKeys: ['balie.cijfer', 'tel.bereikbaar'] }],
      items, baseline, current, asked: new Set(['tel.bereikbaar']), thresholds: DEFAULT_REPORTING_THRESHOLDS,
    });
    const [mark, share] = effect.focusPoints[0]!.items;
    expect(mark).toMatchObject({ asked: false, current: { n: 0, nClass: 'hidden', figure: null }, difference: null, verdict: null });
    expect(mark!.baseline.figure?.value).toBeCloseTo(7, 10);
    // One test left: Holm with m = 1 leaves p as it is.
    expect(effect.tests).toBe(1);
    expect(share).toMatchObject({ asked: true, verdict: 'significant-higher' });
    expect(share!.adjustedP).toBeCloseTo(0.002568831527022722, 8);
  });
});

describe('measure status', () => {
  it('is overdue only after the target date and while not finished', () => {
    expect(isOverdue({ status: 'planned', targetDate: '2025-03-31' }, '2025-04-01')).toBe(true);
    expect(isOverdue({ status: 'in_progress', targetDate: '2025-03-31' }, '2025-04-01')).toBe(true);
    expect(isOverdue({ status: 'in_progress', targetDate: '2025-03-31' }, '2025-03-31')).toBe(false);
    expect(isOverdue({ status: 'done', targetDate: '2025-03-31' }, '2025-04-01')).toBe(false);
    expect(isOverdue({ status: 'dropped', targetDate: '2025-03-31' }, '2026-01-01')).toBe(false);
    expect(isOverdue({ status: 'planned', targetDate: null }, '2026-01-01')).toBe(false);
    expect(isFinished('done')).toBe(true);
    expect(isFinished('planned')).toBe(false);
  });
});
