import { describe, expect, it } from 'vitest';
import { buildContribution, type CarriedGroupCounts } from '../../../src/domain/benchmark/contribution.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../../src/domain/statistics/reporting-thresholds.ts';
import { countsOf, drawAnswers, scaleItem, seeded } from './benchmark-fixtures.ts';

const items = [scaleItem('algemeen.cijfer', 'mark'), scaleItem('bejegening.respect', 'agree5'), scaleItem('eigen.vraag', 'mark', false)];

function district(value: string, marks: number[]): CarriedGroupCounts {
  return { variable: 'district', value, items: new Map([['algemeen.cijfer', countsOf(marks)]]) };
}

describe('buildContribution', () => {
  it('shares n, sums and value counts of standard scale items only', () => {
    const totals = new Map([
      ['algemeen.cijfer', countsOf([7, 8, 8, null, 5])],
      ['bejegening.respect', countsOf([4, 5])],
      ['eigen.vraag', countsOf([1, 2, 3])],
    ]);
    const c = buildContribution(items, totals, [], DEFAULT_REPORTING_THRESHOLDS);
    expect(c.items).toEqual({
      'algemeen.cijfer': { kind: 'mark', n: 4, sum: 28, sumSquares: 49 + 64 + 64 + 25, counts: { '5': 1, '7': 1, '8': 2 }, notApplicable: 1 },
      'bejegening.respect': { kind: 'agree5', n: 2, sum: 9, sumSquares: 41, counts: { '4': 1, '5': 1 }, notApplicable: 0 },
    });
    expect(c.cells).toEqual([]);
  });

  it('shares a carried cell only when it reaches the minimum size, hiding a complement too', () => {
    const random = seeded(11);
    const noord = drawAnswers(random, 40, 1, 10, 1);
    const zuid = drawAnswers(random, 25, 1, 10, 0);
    const west = drawAnswers(random, 4, 1, 10, 0);
    const total = countsOf([...noord, ...zuid, ...west]);
    const groups = [district('Noord', noord), district('Zuid', zuid), district('West', west)];
    const c = buildContribution(items, new Map([['algemeen.cijfer', total]]), groups, DEFAULT_REPORTING_THRESHOLDS);
    // West (4) is under 10; Zuid is the smallest other cell, hidden so West cannot be worked out.
    expect(c.cells.map((cell) => cell.value)).toEqual(['Noord']);
    expect(c.cells[0]!.items['algemeen.cijfer']!.n).toBe(40);
  });

  it('never shares the group without a carried value', () => {
    const random = seeded(5);
    const groups = [district('Noord', drawAnswers(random, 30, 1, 10, 0)), district('', drawAnswers(random, 30, 1, 10, 0)), district('Zuid', drawAnswers(random, 30, 1, 10, 0))];
    const c = buildContribution(items, new Map(), groups, DEFAULT_REPORTING_THRESHOLDS);
    expect(c.cells.map((cell) => cell.value)).toEqual(['Noord', 'Zuid']);
  });

  it('contains aggregates only: a walk over its JSON finds no list of answers and no unknown field', () => {
    const random = seeded(99);
    const marks = drawAnswers(random, 60, 1, 10, 0);
    const groups = [district('Noord', marks.slice(0, 30)), district('Zuid', marks.slice(30))];
    const c = buildContribution(items, new Map([['algemeen.cijfer', countsOf(marks)]]), groups, DEFAULT_REPORTING_THRESHOLDS);
    const allowed = new Set(['items', 'cells', 'variable', 'value', 'kind', 'n', 'sum', 'sumSquares', 'counts', 'notApplicable']);
    const problems: string[] = [];
    const walk = (node: unknown, path: string, parentKey: string): void => {
      if (Array.isArray(node)) {
        // The only list is the list of cells, each an object: answers would be a list of values.
        if (parentKey !== 'cells') problems.push(`${path}: unexpected list`);
        node.forEach((child, index) => {
          if (typeof child !== 'object' || child === null) problems.push(`${path}[${index}]: a bare value in a list`);
          walk(child, `${path}[${index}]`, '');
        });
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      for (const [key, child] of Object.entries(node)) {
        const known = allowed.has(key) || (parentKey === 'items' && /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(key)) || (parentKey === 'counts' && /^-?\d+$/.test(key));
        if (!known) problems.push(`${path}.${key}: unknown field`);
        if (parentKey === 'counts' && !Number.isInteger(child)) problems.push(`${path}.${key}: a count must be a whole number`);
        walk(child, `${path}.${key}`, key);
      }
    };
    walk(JSON.parse(JSON.stringify(c)), '$', '');
    expect(problems).toEqual([]);
    expect(c.cells.length).toBe(2);
  });
});
