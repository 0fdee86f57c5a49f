import { describe, expect, it } from 'vitest';
import { buildContribution } from '../../../src/domain/benchmark/contribution.ts';
import { referenceFigures, type BenchmarkParticipant } from '../../../src/domain/benchmark/reference-figures.ts';
import type { SizeClass } from '../../../src/domain/benchmark/size-class.ts';
import { itemFigures } from '../../../src/domain/report/item-figures.ts';
import { momentsOf } from '../../../src/domain/statistics/moments.ts';
import { DEFAULT_REPORTING_THRESHOLDS, type ReportingThresholds } from '../../../src/domain/statistics/reporting-thresholds.ts';
import { twoProportionZTest } from '../../../src/domain/statistics/two-proportion-z-test.ts';
import { welchTest } from '../../../src/domain/statistics/welch-test.ts';
import { countsOf, drawAnswers, scaleItem, seeded, type RawAnswers } from './benchmark-fixtures.ts';

const mark = scaleItem('algemeen.cijfer', 'mark');
const agree = scaleItem('bejegening.respect', 'agree5');
const yes = scaleItem('contact.terugbellen', 'yesno');
const items = [mark, agree, yes];

type RawOrganisation = { id: string; sizeClass: SizeClass; region: string; answers: Record<string, RawAnswers> };

function participant(raw: RawOrganisation, thresholds: ReportingThresholds = DEFAULT_REPORTING_THRESHOLDS): BenchmarkParticipant {
  const totals = new Map(Object.entries(raw.answers).map(([key, answers]) => [key, countsOf(answers)]));
  return { id: raw.id, sizeClass: raw.sizeClass, region: raw.region, contribution: buildContribution(items, totals, [], thresholds) };
}

function rawOrganisations(): RawOrganisation[] {
  const random = seeded(2025);
  return Array.from({ length: 8 }, (_, i) => ({
    id: `org-${i}`,
    sizeClass: i < 4 ? '20000-50000' : '50000-100000',
    region: i % 2 === 0 ? 'Noord' : 'Zuid',
    answers: {
      [mark.key]: [...drawAnswers(random, 40 + 13 * i, 1, 10, (i - 4) / 4), null, null],
      [agree.key]: drawAnswers(random, 30 + 7 * i, 1, 5, 0.3 * (i % 3)),
      [yes.key]: drawAnswers(random, 25 + 5 * i, 0, 1, i % 2 === 0 ? 0.2 : -0.2),
    },
  }));
}

const valid = (raw: RawAnswers): number[] => raw.filter((v): v is number => v !== null);

describe('referenceFigures from contributions', () => {
  it('equals the figures computed from all raw answers by the report code', () => {
    const raw = rawOrganisations();
    const result = referenceFigures('org-0', raw.map((r) => participant(r)), {}, DEFAULT_REPORTING_THRESHOLDS);
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.organisations).toBe(7);
    for (const item of items) {
      const own = raw[0]!.answers[item.key]!;
      const othersRaw = raw.slice(1).flatMap((r) => [...r.answers[item.key]!]);
      const figures = result.value.items.find((f) => f.itemKey === item.key)!;
      if (figures.status !== 'shown') throw new Error('hidden');
      const fromRaw = itemFigures(item, countsOf(othersRaw));
      const ownFromRaw = itemFigures(item, countsOf(own));
      expect(figures.reference.n).toBe(fromRaw.n);
      expect(figures.reference.notApplicable).toBe(fromRaw.notApplicable);
      const headline = fromRaw.figure!;
      const reported = headline.kind === 'mean' ? figures.reference.mean : figures.reference.share!;
      const value = 'mean' in reported ? reported.mean! : reported.share;
      expect(value).toBeCloseTo(headline.value, 9);
      expect(reported.ci!.lower).toBeCloseTo(headline.ci!.lower, 9);
      expect(reported.ci!.upper).toBeCloseTo(headline.ci!.upper, 9);
      const welch = welchTest(momentsOf(valid(own)), momentsOf(valid(othersRaw)));
      if (!welch.ok || !figures.meanTest.ok) throw new Error('untestable');
      for (const field of ['difference', 't', 'df', 'p'] as const) expect(figures.meanTest.value[field]).toBeCloseTo(welch.value[field], 9);
      if (ownFromRaw.basis?.kind === 'share' && fromRaw.basis?.kind === 'share') {
        const z = twoProportionZTest(ownFromRaw.basis.successes, ownFromRaw.basis.n, fromRaw.basis.successes, fromRaw.basis.n);
        if (!z.ok || !figures.shareTest.ok) throw new Error('untestable');
        expect(figures.shareTest.value.p).toBeCloseTo(z.value.p, 9);
        expect(figures.shareTest.value.z).toBeCloseTo(z.value.z, 9);
      }
      const means = raw.slice(1).map((r) => { const v = valid(r.answers[item.key]!); return v.reduce((a, b) => a + b, 0) / v.length; });
      expect(figures.lowestMean).toBeCloseTo(Math.min(...means), 9);
      expect(figures.highestMean).toBeCloseTo(Math.max(...means), 9);
    }
  });

  it('works out a small example by hand', () => {
    // Own marks 6, 8: n = 2, Σx = 14, Σx² = 100, mean 7, s² = (100 − 14²/2)/1 = 2.
    // Others B–F: {7,7} {5,7} {8,8} {6,6} {9,9}; pooled n = 10, Σx = 72, Σx² = 534, mean 7.2,
    //   s² = (534 − 72²/10)/9 = 15.6/9 = 1.7333…
    // Welch: difference 7 − 7.2 = −0.2; se² = 2/2 + 1.7333/10 = 1.17333, se = 1.083205,
    //   t = −0.2/1.083205 = −0.184637, df = 1.17333²/(1²/1 + 0.173333²/9) = 1.372131.
    // Organisation means 7, 6, 8, 6, 9: lowest 6, highest 9; two are higher than 7, so rank 3 of
    //   6; two lower and one tie, so percentile 100·(2 + ½)/5 = 50.
    // Share onvoldoende (1–5): own 0 of 2, reference 1 of 10.
    const tiny: ReportingThresholds = { hideBelow: 1, indicativeBelow: 1 };
    const sets: [string, number[]][] = [['A', [6, 8]], ['B', [7, 7]], ['C', [5, 7]], ['D', [8, 8]], ['E', [6, 6]], ['F', [9, 9]]];
    const participants = sets.map(([id, marks]) => participant({ id, sizeClass: 'lt-5000', region: 'Oost', answers: { [mark.key]: marks } }, tiny));
    const result = referenceFigures('A', participants, {}, tiny);
    if (!result.ok) throw new Error(result.error.reason);
    const f = result.value.items[0]!;
    if (f.status !== 'shown' || !f.meanTest.ok) throw new Error('not shown');
    expect(f.reference.n).toBe(10);
    expect(f.reference.mean.mean).toBeCloseTo(7.2, 12);
    expect(f.reference.mean.sd! ** 2).toBeCloseTo(15.6 / 9, 12);
    expect(f.meanTest.value.difference).toBeCloseTo(-0.2, 12);
    expect(f.meanTest.value.t).toBeCloseTo(-0.184637, 6);
    expect(f.meanTest.value.df).toBeCloseTo(1.372131, 6);
    expect(f.meanTest.value.significant).toBe(false);
    expect([f.lowestMean, f.highestMean]).toEqual([6, 9]);
    expect(f.rank).toEqual({ position: 3, of: 6, percentile: 50 });
    expect([f.own.share!.successes, f.own.share!.n, f.reference.share!.successes, f.reference.share!.n]).toEqual([0, 2, 1, 10]);
  });

  it('leaves the organisation itself out and hides the group below five others', () => {
    const raw = rawOrganisations().slice(0, 5);
    expect(referenceFigures('org-0', raw.map((r) => participant(r)), {}, DEFAULT_REPORTING_THRESHOLDS))
      .toEqual({ ok: false, error: { reason: 'too-few-organisations', organisations: 4 } });
    expect(referenceFigures('nobody', raw.map((r) => participant(r)), {}, DEFAULT_REPORTING_THRESHOLDS))
      .toEqual({ ok: false, error: { reason: 'unknown-participant' } });
  });

  it('hides an item that fewer than five others asked', () => {
    const raw = rawOrganisations();
    for (const r of raw.slice(3)) delete r.answers[yes.key];
    const result = referenceFigures('org-0', raw.map((r) => participant(r)), {}, DEFAULT_REPORTING_THRESHOLDS);
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.items.find((f) => f.itemKey === yes.key)).toEqual({ itemKey: yes.key, kind: 'yesno', status: 'hidden', organisations: 2 });
  });

  it('hides a reference figure on fewer answers than the threshold, however many organisations gave them', () => {
    const sets: [string, number[]][] = [['A', [6, 8]], ['B', [7]], ['C', [5]], ['D', [8]], ['E', [6]], ['F', [9]]];
    const participants = sets.map(([id, marks]) => participant({ id, sizeClass: 'lt-5000', region: 'Oost', answers: { [mark.key]: marks } }));
    const result = referenceFigures('A', participants, {}, DEFAULT_REPORTING_THRESHOLDS);
    expect(result.ok && result.value.items).toEqual([{ itemKey: mark.key, kind: 'mark', status: 'hidden', organisations: 5 }]);
  });

  it('filters by size class and region', () => {
    const raw = [...rawOrganisations(), ...rawOrganisations().map((r) => ({ ...r, id: `${r.id}-b` }))];
    const all = raw.map((r) => participant(r));
    const bySize = referenceFigures('org-0', all, { sizeClasses: ['50000-100000'] }, DEFAULT_REPORTING_THRESHOLDS);
    expect(bySize.ok && bySize.value.organisations).toBe(8);
    const byRegion = referenceFigures('org-0', all, { regions: ['Zuid'] }, DEFAULT_REPORTING_THRESHOLDS);
    expect(byRegion.ok && byRegion.value.organisations).toBe(8);
    const both = referenceFigures('org-0', all, { regions: ['Zuid'], sizeClasses: ['20000-50000'] }, DEFAULT_REPORTING_THRESHOLDS);
    expect(both).toEqual({ ok: false, error: { reason: 'too-few-organisations', organisations: 4 } });
  });
});
