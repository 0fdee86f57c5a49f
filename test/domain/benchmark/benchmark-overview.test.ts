import { describe, expect, it } from 'vitest';
import { benchmarkOverview, type OverviewParticipant } from '../../../src/domain/benchmark/benchmark-overview.ts';
import type { BenchmarkItemKind, ItemContribution } from '../../../src/domain/benchmark/contribution.ts';

const item = (kind: BenchmarkItemKind, counts: Record<number, number>): ItemContribution => {
  const entries = Object.entries(counts).map(([v, c]) => [Number(v), c] as const);
  return {
    kind,
    n: entries.reduce((t, [, c]) => t + c, 0),
    sum: entries.reduce((t, [v, c]) => t + v * c, 0),
    sumSquares: entries.reduce((t, [v, c]) => t + v * v * c, 0),
    counts: Object.fromEntries(entries.map(([v, c]) => [String(v), c])),
    notApplicable: 0,
  };
};
const participant = (id: string, named: boolean, items: Record<string, ItemContribution> | null): OverviewParticipant =>
  ({ id, name: `Gemeente ${id}`, named, contribution: items && { items, cells: [] } });

describe('the organiser\'s overview of a benchmark', () => {
  // A (named): marks 7×20, 8×20 → 7,5 on 40; agree 4×30, 2×10 → 75 % on 40.
  // B (anonymous): marks 6×10, 7×10 → 6,5 on 20; agree 5×10, 1×10 → 50 % on 20.
  // C (named): marks 9×5 → 5 answers, under 10: not shown on its own, but pooled.
  // D: no contribution yet.
  // Pooled marks: n 65, Σ = 140 + 160 + 60 + 70 + 45 = 475 → 7,3077; agree: 40 of 60 = 66,7 %.
  const overview = benchmarkOverview([
    participant('A', true, { 'algemeen.cijfer': item('mark', { 7: 20, 8: 20 }), 'balie.bejegening': item('agree5', { 4: 30, 2: 10 }) }),
    participant('B', false, { 'algemeen.cijfer': item('mark', { 6: 10, 7: 10 }), 'balie.bejegening': item('agree5', { 5: 10, 1: 10 }) }),
    participant('C', true, { 'algemeen.cijfer': item('mark', { 9: 5 }) }),
    participant('D', true, null),
  ], { hideBelow: 10, indicativeBelow: 30 });

  it('counts participants and contributions', () => {
    expect([overview.participants, overview.contributed]).toEqual([4, 3]);
  });

  it('pools every contribution and lists the organisations on enough answers, highest first, named only with consent', () => {
    const marks = overview.items.find((i) => i.itemKey === 'algemeen.cijfer')!;
    expect(marks.organisations).toBe(3);
    expect(marks.n).toBe(65);
    expect(marks.value).toBeCloseTo(475 / 65, 12);
    expect(marks.figures.map(({ interval, ...f }) => f)).toEqual([
      { participantId: 'A', name: 'Gemeente A', n: 40, value: 7.5 },
      { participantId: 'B', name: null, n: 20, value: 6.5 },
    ]);
    // A: sd = √(40·0,25/39) = 0,50637, se 0,080064, t(0,975; 39) = 2,02269 → 7,5 ± 0,16194.
    expect(marks.figures[0]!.interval!.lower).toBeCloseTo(7.33806, 4);
    expect(marks.figures[0]!.interval!.upper).toBeCloseTo(7.66194, 4);
    const agree = overview.items.find((i) => i.itemKey === 'balie.bejegening')!;
    expect(agree.value).toBeCloseTo(40 / 60, 12);
    expect(agree.figures.map((f) => [f.participantId, f.value])).toEqual([['A', 0.75], ['B', 0.5]]);
  });
});

describe('the export for a national publication', () => {
  it('gives all participants and the named organisations, never an anonymous one by itself', async () => {
    const { publicationCsv } = await import('../../../src/domain/benchmark/publication-csv.ts');
    const overview = benchmarkOverview([
      participant('A', true, { 'algemeen.cijfer': item('mark', { 7: 20, 8: 20 }) }),
      participant('=B', true, { 'algemeen.cijfer': item('mark', { 6: 10, 8: 10 }) }),
      participant('C', false, { 'algemeen.cijfer': item('mark', { 6: 10, 7: 10 }) }),
    ], { hideBelow: 10, indicativeBelow: 30 });
    const lines = publicationCsv(overview, () => 'Welk rapportcijfer, kort?', 'Alle deelnemers').trim().split('\r\n');
    expect(lines[0]).toBe('item_key,question,kind,organisation,organisations,n,figure,lower,upper');
    // Pooled: n 80, Σ = 300 + 140 + 130 = 570 → 7.125.
    expect(lines[1]).toMatch(/^algemeen\.cijfer,"Welk rapportcijfer, kort\?",mark,Alle deelnemers,3,80,7\.13,\d\.\d\d,\d\.\d\d$/);
    expect(lines.slice(2).map((l) => l.replace(/,\d\.\d\d,\d\.\d\d$/, ''))).toEqual([
      'algemeen.cijfer,"Welk rapportcijfer, kort?",mark,Gemeente A,1,40,7.50',
      'algemeen.cijfer,"Welk rapportcijfer, kort?",mark,Gemeente =B,1,20,7.00',
    ]);
    // A text a spreadsheet would run as a formula is made plain text.
    expect(publicationCsv(overview, () => '=HYPERLINK("x")', 'Alle').split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
