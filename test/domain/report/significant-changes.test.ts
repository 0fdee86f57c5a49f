import { describe, expect, it } from 'vitest';
import type { ReportItem, RoundReport } from '../../../src/domain/report/build-round-report.ts';
import { significantChanges } from '../../../src/domain/report/significant-changes.ts';

const item = (key: string, now: number, before: number, label: 'significant-higher' | 'significant-lower' | 'in-line' | null, adjustedP = 0.01): ReportItem => ({
  key, type: 'agree5', text: { nl: key }, n: 200, nClass: 'reportable', notApplicable: 0,
  figure: { kind: 'share', value: now, ci: null }, insufficient: null, options: null, choices: [],
  previous: { n: 200, nClass: 'reportable', figure: { kind: 'share', value: before, ci: null } },
  comparison: label && { p: adjustedP / 2, adjustedP, label }, reference: null, referenceComparison: null, trend: [], distribution: null,
});

const report = (items: ReportItem[]): RoundReport => ({ modules: [{ key: 'm', title: { nl: 'M' }, items }] } as unknown as RoundReport);

describe('significantChanges', () => {
  it('lists only significant changes, most certain first, up to the limit', () => {
    const changes = significantChanges(report([
      item('telefoon', 0.52, 0.29, 'significant-higher', 0.001),
      item('balie', 0.7, 0.4, 'in-line'), // a big raw difference, not significant: no change
      item('wachttijd', 0.42, 0.55, 'significant-lower', 0.03),
      item('website', 0.6, 0.5, null),
      item('brieven', 0.8, 0.7, 'significant-higher', 0.0001),
    ]), 2);
    expect(changes.map((c) => [c.item.key, c.direction])).toEqual([['brieven', 'higher'], ['telefoon', 'higher']]);
    expect(changes[1]!.before.value).toBe(0.29);
    expect(changes[1]!.now.value).toBe(0.52);
  });

  it('is empty when nothing changed significantly', () => {
    expect(significantChanges(report([item('balie', 0.7, 0.4, 'in-line')]))).toEqual([]);
  });
});
