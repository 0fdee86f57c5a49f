import { describe, expect, it } from 'vitest';
import { buildRoundReport, type ReportInput } from '../../../src/domain/report/build-round-report.ts';
import type { ItemAnswerCounts } from '../../../src/domain/report/item-figures.ts';
import { checkPublishedFigure, figuresFromPublished, momentsFromPublished, type PublishedFigure } from '../../../src/domain/report/published-figure.ts';
import type { Item, Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';
import { momentsFromCounts } from '../../../src/domain/statistics/moments.ts';

const base = { allowNotApplicable: true, required: false, standard: true } as const;
const mark: Item = { ...base, key: 'algemeen.cijfer', type: 'mark', text: { nl: 'Cijfer' } };
const agree: Item = { ...base, key: 'contact.serieus', type: 'agree5', text: { nl: 'Serieus genomen' } };
const yesno: Item = { ...base, key: 'info.weet', type: 'yesno', text: { nl: 'Weet waar' } };
const open: Item = { ...base, key: 'open.beter', type: 'open', text: { nl: 'Beter' }, maxLength: 500 };
const figure = (f: Partial<PublishedFigure>): PublishedFigure => ({ n: 100, mean: null, sd: null, share: null, ...f });

describe('published figures', () => {
  it('stand for the moments of the answers they summarise', () => {
    // 50 marks of 6 and 50 of 8: mean 7, sample sd √(100/99) = 1.00503781525921; Σx = 700, Σx² = 50·36 + 50·64 = 5000.
    const raw = momentsFromCounts(new Map([[6, 50], [8, 50]]));
    const published = momentsFromPublished(100, 7, Math.sqrt(100 / 99));
    expect(raw).toEqual({ n: 100, sum: 700, sumSquares: 5000 });
    expect(published.n).toBe(100);
    expect(published.sum).toBeCloseTo(700, 9);
    expect(published.sumSquares).toBeCloseTo(5000, 9);
  });

  it('give a mark its t-interval when the standard deviation is known, and neither interval nor test without it', () => {
    // n = 100, mean 7, sd 1.5: se 0.15, t(0.975; 99) = 1.98422 → 7 ± 0.29763 = [6.70237; 7.29763].
    const withSd = figuresFromPublished(mark, figure({ mean: 7, sd: 1.5, share: 0.08 }));
    expect(withSd.figure?.value).toBe(7);
    expect(withSd.figure?.ci?.lower).toBeCloseTo(6.702367457, 8);
    expect(withSd.figure?.ci?.upper).toBeCloseTo(7.297632543, 8);
    expect(withSd.insufficient?.value).toBe(0.08);
    expect(withSd.basis?.kind).toBe('mean');
    const withoutSd = figuresFromPublished(mark, figure({ mean: 6.8 }));
    expect(withoutSd.figure).toEqual({ kind: 'mean', value: 6.8, ci: null });
    expect(withoutSd.basis).toBeNull();
    expect(withoutSd.insufficient).toBeNull();
  });

  it('give a share its Wilson interval and the successes it stands for', () => {
    // 62 % of 200: Wilson with z = 1.95996: centre 0.617739, half-width 0.066672 → [0.551067; 0.684410]; 124 successes.
    const shown = figuresFromPublished(agree, figure({ n: 200, share: 0.62 }));
    expect(shown.figure?.value).toBe(0.62);
    expect(shown.figure?.ci?.lower).toBeCloseTo(0.55106718, 7);
    expect(shown.figure?.ci?.upper).toBeCloseTo(0.68440994, 7);
    expect(shown.basis).toEqual({ kind: 'share', successes: 124, n: 200 });
    // 33.3 % of 150 was 50 people in the old report.
    expect(figuresFromPublished(yesno, figure({ n: 150, share: 0.333 })).basis).toEqual({ kind: 'share', successes: 50, n: 150 });
  });

  it('are checked against what the item can have', () => {
    expect(checkPublishedFigure(open, figure({ share: 0.5 }))).toEqual({ ok: false, error: 'item-type' });
    expect(checkPublishedFigure(mark, figure({ n: 0, mean: 7 }))).toEqual({ ok: false, error: 'n' });
    expect(checkPublishedFigure(mark, figure({ n: 10.5, mean: 7 }))).toEqual({ ok: false, error: 'n' });
    expect(checkPublishedFigure(mark, figure({}))).toEqual({ ok: false, error: 'mean-needed' });
    expect(checkPublishedFigure(mark, figure({ mean: 10.2 }))).toEqual({ ok: false, error: 'mean-range' });
    expect(checkPublishedFigure(mark, figure({ mean: 7, sd: 5 }))).toEqual({ ok: false, error: 'sd-range' });
    expect(checkPublishedFigure(mark, figure({ mean: 7, share: 12 }))).toEqual({ ok: false, error: 'share-range' });
    expect(checkPublishedFigure(agree, figure({ mean: 3.8 }))).toEqual({ ok: false, error: 'mean-not-used' });
    expect(checkPublishedFigure(agree, figure({}))).toEqual({ ok: false, error: 'share-needed' });
    expect(checkPublishedFigure(yesno, figure({ share: 0.4 })).ok).toBe(true);
    expect(checkPublishedFigure(mark, figure({ mean: 7, sd: 1.5, share: 0.1 })).ok).toBe(true);
  });
});

describe('a previous round of published figures in the report', () => {
  const questionnaire: Questionnaire = {
    key: 'test', title: { nl: 'Test' }, languages: ['nl'],
    modules: [{ key: 'algemeen', title: { nl: 'Algemeen' }, required: true }],
    blocks: [{ key: 'b1', module: 'algemeen', title: { nl: 'Algemeen' }, items: [mark, agree] }],
  };
  const counted = (values: Record<number, number>): ItemAnswerCounts => ({
    values: new Map(Object.entries(values).map(([v, c]) => [Number(v), c])), options: new Map(), notApplicable: 0, respondents: 0,
  });
  const published = (f: PublishedFigure): ItemAnswerCounts => ({ values: new Map(), options: new Map(), notApplicable: 0, respondents: f.n, published: f });
  // This round: marks 7×40, 8×40 (mean 7.5); 70 of 100 agree.
  const current = { completed: 100, items: new Map([['algemeen.cijfer', counted({ 7: 40, 8: 40 })], ['contact.serieus', counted({ 4: 50, 5: 20, 2: 30 })]]) };
  const report = (previous: ReportInput['previous']) => buildRoundReport({ questionnaire, disabledModules: [], provisional: false, current, delivered: null, previous });
  const items = (r: ReturnType<typeof report>) => new Map(r.modules.flatMap((m) => m.items).map((i) => [i.key, i]));

  it('tests exactly as the answers they summarise would be tested', () => {
    // The previous round as counts (50×6, 50×8; 124 of 200 agree) and as the figures a report gave of it.
    const fromCounts = items(report({ year: 2020, name: 'KTO 2020', completed: 200, items: new Map([
      ['algemeen.cijfer', counted({ 6: 50, 8: 50 })], ['contact.serieus', counted({ 4: 100, 5: 24, 1: 76 })],
    ]) }));
    const fromFigures = items(report({ year: 2020, name: 'KTO 2020', completed: 200, items: new Map([
      ['algemeen.cijfer', published({ n: 100, mean: 7, sd: Math.sqrt(100 / 99), share: 0 })], ['contact.serieus', published({ n: 200, mean: null, sd: null, share: 0.62 })],
    ]) }));
    for (const key of ['algemeen.cijfer', 'contact.serieus']) {
      expect(fromFigures.get(key)!.comparison!.p, key).toBeCloseTo(fromCounts.get(key)!.comparison!.p, 9);
      expect(fromFigures.get(key)!.previous!.figure!.value, key).toBeCloseTo(fromCounts.get(key)!.previous!.figure!.value, 9);
    }
  });

  it('shows a mean without its standard deviation, without a test', () => {
    const r = items(report({ year: 2020, name: 'KTO 2020', completed: 300, items: new Map([['algemeen.cijfer', published({ n: 300, mean: 6.9, sd: null, share: null })]]) }));
    const overall = r.get('algemeen.cijfer')!;
    expect(overall.previous).toEqual({ n: 300, nClass: 'reportable', figure: { kind: 'mean', value: 6.9, ci: null } });
    expect(overall.comparison).toBeNull();
  });
});
