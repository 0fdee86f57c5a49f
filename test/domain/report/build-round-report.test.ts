import { describe, expect, it } from 'vitest';
import { buildRoundReport, type ReportInput, type RoundCounts } from '../../../src/domain/report/build-round-report.ts';
import type { ItemAnswerCounts } from '../../../src/domain/report/item-figures.ts';
import type { Item, Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';

const base = { allowNotApplicable: true, required: false, standard: true } as const;
const item = (key: string, type: 'mark' | 'agree5' | 'yesno' | 'open'): Item =>
  (type === 'open' ? { ...base, key, type, text: { nl: key }, maxLength: 500 } : { ...base, key, type, text: { nl: key } }) as Item;

const questionnaire: Questionnaire = {
  key: 'test', title: { nl: 'Test' }, languages: ['nl'],
  modules: [{ key: 'algemeen', title: { nl: 'Algemeen' }, required: true }, { key: 'contact', title: { nl: 'Contact' }, required: false }, { key: 'werk', title: { nl: 'Werk' }, required: false }],
  blocks: [
    { key: 'b1', module: 'algemeen', title: { nl: 'Algemeen' }, items: [item('algemeen.cijfer', 'mark')] },
    { key: 'b2', module: 'contact', title: { nl: 'Contact' }, items: [item('a.hidden', 'agree5'), item('a.indicative', 'agree5'), item('y.yes', 'yesno'), item('o.open', 'open')] },
    { key: 'b3', module: 'werk', title: { nl: 'Werk' }, items: [item('werk.cijfer', 'mark')] },
  ],
};

const counts = (values: Record<number, number>, notApplicable = 0): ItemAnswerCounts => ({
  values: new Map(Object.entries(values).map(([v, c]) => [Number(v), c])), options: new Map(), notApplicable, respondents: 0,
});

const current: RoundCounts = {
  completed: 100,
  items: new Map([
    // marks 6×10, 7×20, 8×10: n = 40, mean 280/40 = 7; Σ(x − x̄)² = 10 + 10 = 20, sd = √(20/39) = 0,7161,
    // se = 0,7161/√40 = 0,11323, t(0,975; 39) = 2,0227 → 7 ± 0,2290 = [6,771; 7,229]. No mark ≤ 5: 0 % onvoldoende.
    ['algemeen.cijfer', counts({ 6: 10, 7: 20, 8: 10 }, 3)],
    // n = 9: under 10, not shown.
    ['a.hidden', counts({ 4: 5, 2: 4 })],
    // n = 29: 15 agree (4–5) → 51,7 %, Wilson [34,4 %; 68,6 %]; indicative.
    ['a.indicative', counts({ 4: 10, 5: 5, 2: 14 })],
    // 60 of 100 yes.
    ['y.yes', counts({ 1: 60, 0: 40 })],
  ]),
};

const previous = {
  year: 2024, name: 'KTO 2024', completed: 100,
  items: new Map([
    // marks 5×10, 6×20, 7×10: mean 6. Welch: t = 1/0,16013 = 6,24, df = 78, p ≈ 2,1e−8.
    ['algemeen.cijfer', counts({ 5: 10, 6: 20, 7: 10 })],
    ['a.hidden', counts({ 4: 20, 2: 20 })],
    // 15 of 30 agree: z = 0,132, p = 0,895.
    ['a.indicative', counts({ 4: 15, 1: 15 })],
    // 45 of 100 yes: pooled 0,525, z = 0,15/0,07062 = 2,124, p = 0,0337: raw significant.
    ['y.yes', counts({ 1: 45, 0: 55 })],
  ]),
};

const input: ReportInput = { questionnaire, disabledModules: ['werk'], provisional: false, current, delivered: 400, previous };

describe('buildRoundReport', () => {
  const report = buildRoundReport(input);
  const find = (key: string) => report.modules.flatMap((m) => m.items).find((i) => i.key === key)!;

  it('groups closed items by module, skipping open items and switched-off modules', () => {
    expect(report.modules.map((m) => m.key)).toEqual(['algemeen', 'contact']);
    expect(report.modules[1]!.items.map((i) => i.key)).toEqual(['a.hidden', 'a.indicative', 'y.yes']);
  });

  it('gives the mean of a mark with its t-interval and the share onvoldoende', () => {
    const mark = find('algemeen.cijfer');
    expect(mark.n).toBe(40);
    expect(mark.notApplicable).toBe(3);
    expect(mark.nClass).toBe('reportable');
    expect(mark.figure!.value).toBe(7);
    expect(mark.figure!.ci!.lower).toBeCloseTo(6.771, 3);
    expect(mark.figure!.ci!.upper).toBeCloseTo(7.229, 3);
    expect(mark.insufficient!.value).toBe(0);
    expect(report.overall).toBe(mark);
  });

  it('hides an item under 10 answers, including its previous figure and comparison', () => {
    const hidden = find('a.hidden');
    expect(hidden.n).toBe(9);
    expect(hidden.nClass).toBe('hidden');
    expect(hidden.figure).toBeNull();
    expect(hidden.previous).toBeNull();
    expect(hidden.comparison).toBeNull();
  });

  it('marks an item with 29 answers indicative and still shows it', () => {
    const indicative = find('a.indicative');
    expect(indicative.nClass).toBe('indicative');
    expect(indicative.figure!.value).toBeCloseTo(15 / 29, 10);
    expect(indicative.figure!.ci!.lower).toBeCloseTo(0.3443, 4);
    expect(indicative.figure!.ci!.upper).toBeCloseTo(0.6861, 4);
    expect(indicative.previous).toMatchObject({ n: 30, nClass: 'reportable' });
    expect(indicative.comparison!.label).toBe('in-line');
  });

  it('adjusts p-values with Holm over all compared items', () => {
    // Three items compared (the hidden one is not): p = 2,1e−8, 0,0337 and 0,895.
    // Holm: 3 × 2,1e−8 = 6,2e−8; 2 × 0,0337 = 0,0673; max(1 × 0,895, 0,0673) = 0,895.
    expect(report.comparedItems).toBe(3);
    const mark = find('algemeen.cijfer');
    expect(mark.comparison!.label).toBe('significant-higher');
    expect(mark.comparison!.adjustedP).toBeCloseTo(3 * mark.comparison!.p, 12);
    const yes = find('y.yes');
    expect(yes.comparison!.p).toBeCloseTo(0.0337, 4);
    expect(yes.comparison!.adjustedP).toBeCloseTo(0.0673, 4);
    // Significant on its own, but not after the adjustment.
    expect(yes.comparison!.label).toBe('in-line');
    expect(find('a.indicative').comparison!.adjustedP).toBeCloseTo(0.8946, 4);
  });

  it('reports the response rate and the previous round', () => {
    expect(report.responseRate).toBe(0.25);
    expect(report.previousRound).toEqual({ year: 2024, name: 'KTO 2024', completed: 100 });
    expect(report.provisional).toBe(false);
  });

  it('gives no comparison without a previous round, and marks a fieldwork report provisional', () => {
    const alone = buildRoundReport({ ...input, previous: undefined, provisional: true, delivered: null });
    expect(alone.provisional).toBe(true);
    expect(alone.responseRate).toBeNull();
    expect(alone.comparedItems).toBe(0);
    expect(alone.modules.flatMap((m) => m.items).every((i) => i.previous === null && i.comparison === null)).toBe(true);
  });

  it('shows no test when the previous round had under 10 answers', () => {
    const thin = buildRoundReport({ ...input, previous: { ...previous, items: new Map([['y.yes', counts({ 1: 5, 0: 4 })]]) } });
    const yes = thin.modules.flatMap((m) => m.items).find((i) => i.key === 'y.yes')!;
    expect(yes.previous).toEqual({ n: 9, nClass: 'hidden', figure: null });
    expect(yes.comparison).toBeNull();
  });
});
