import { describe, expect, it } from 'vitest';
import { buildRoundReport } from '../../../src/domain/report/build-round-report.ts';
import type { ItemAnswerCounts } from '../../../src/domain/report/item-figures.ts';
import { poolItemCounts, REFERENCE_MIN_ORGANISATIONS, referenceFigure } from '../../../src/domain/report/reference-group.ts';
import type { Item, Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../../src/domain/statistics/reporting-thresholds.ts';

const base = { allowNotApplicable: true, required: false, standard: true } as const;
const mark: Item = { ...base, key: 'algemeen.cijfer', type: 'mark', text: { nl: 'Cijfer' } };
const agree: Item = { ...base, key: 'balie.wachttijd', type: 'agree5', text: { nl: 'Wachttijd' } };
const counts = (values: Record<number, number>, notApplicable = 0): ItemAnswerCounts => ({
  values: new Map(Object.entries(values).map(([v, c]) => [Number(v), c])), options: new Map(), notApplicable, respondents: 0,
});

describe('reference group', () => {
  it('pools counts: a large organisation weighs more than a small one', () => {
    // 100 answers of 6 and 10 answers of 9: pooled mean (600 + 90) / 110 = 6,2727…, not (6 + 9) / 2 = 7,5.
    const pooled = poolItemCounts([counts({ 6: 100 }, 3), counts({ 9: 10 }, 1)]);
    expect(Object.fromEntries(pooled.values)).toEqual({ 6: 100, 9: 10 });
    expect(pooled.notApplicable).toBe(4);
    const figure = referenceFigure(mark, { year: 2026, items: new Map([['algemeen.cijfer', { counts: pooled, organisations: 5 }]]) }, DEFAULT_REPORTING_THRESHOLDS)!;
    expect(figure.figure.figure!.value).toBeCloseTo(690 / 110, 12);
    expect(figure.figure.n).toBe(110);
  });

  it('is not shown with fewer than five organisations', () => {
    expect(REFERENCE_MIN_ORGANISATIONS).toBe(5);
    const four = { year: 2026, items: new Map([['algemeen.cijfer', { counts: counts({ 7: 500 }), organisations: 4 }]]) };
    expect(referenceFigure(mark, four, DEFAULT_REPORTING_THRESHOLDS)).toBeNull();
  });

  it('tests against the reference in one Holm family with the change since last round', () => {
    const questionnaire: Questionnaire = {
      key: 't', title: { nl: 'T' }, languages: ['nl'], modules: [{ key: 'm', title: { nl: 'M' }, required: true }],
      blocks: [{ key: 'b', module: 'm', title: { nl: 'B' }, items: [mark, agree] }],
    };
    // Own: 30 of 50 agree (60 %); reference 700 of 1000 (70 %). Pooled share 730/1050 = 0,69524;
    // se = √(0,695238·0,304762·(1/50 + 1/1000)) = √0,0044495 = 0,066705; z = −0,1/0,066705 = −1,4991;
    // p = 2·Φ(−1,4991) = 2·0,06692 = 0,1338.
    // Own mark 7×40 vs previous 7×20 + 8×20: no variance on one side is fine for Welch.
    const report = buildRoundReport({
      questionnaire, disabledModules: [], provisional: false, delivered: null,
      current: { completed: 50, items: new Map([['balie.wachttijd', counts({ 4: 30, 2: 20 })], ['algemeen.cijfer', counts({ 7: 20, 6: 20 })]]) },
      previous: { year: 2025, name: 'Vorig', completed: 40, items: new Map([['algemeen.cijfer', counts({ 7: 20, 8: 20 })]]) },
      reference: { year: 2026, items: new Map([['balie.wachttijd', { counts: counts({ 4: 700, 1: 300 }), organisations: 6 }]]) },
    });
    const wait = report.modules[0]!.items.find((i) => i.key === 'balie.wachttijd')!;
    expect(wait.reference).toMatchObject({ organisations: 6, n: 1000, nClass: 'reportable' });
    expect(wait.reference!.figure!.value).toBe(0.7);
    expect(wait.referenceComparison!.p).toBeCloseTo(0.1338, 3);
    // Two tests in the family: the smaller p (the mark's change, 6,5 vs 7,5) gets ×2, this larger one ×1, then monotone.
    expect(report.holmTests).toBe(2);
    expect(report.comparedItems).toBe(1);
    expect(report.referenceComparedItems).toBe(1);
    expect(wait.referenceComparison!.adjustedP).toBeCloseTo(0.1338, 3);
    expect(wait.referenceComparison!.label).toBe('in-line');
    const overall = report.overall!;
    expect(overall.comparison!.adjustedP).toBeCloseTo(Math.min(1, 2 * overall.comparison!.p), 12);
    expect(overall.comparison!.label).toBe('significant-lower');
    expect(report.referenceGroup).toEqual({ year: 2026, minOrganisations: 5 });
    expect(overall.distribution).toEqual([{ value: 6, count: 20 }, { value: 7, count: 20 }]);
  });
});
