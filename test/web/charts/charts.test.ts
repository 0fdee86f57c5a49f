import { describe, expect, it } from 'vitest';
import { divergingBarChart } from '../../../src/web/charts/diverging-bar-chart.ts';
import { intervalBarChart } from '../../../src/web/charts/interval-bar-chart.ts';
import { trendChart } from '../../../src/web/charts/trend-chart.ts';
import { CHART_COLOURS } from '../../../src/web/charts/chart-palette.ts';
import { translator, type Language } from '../../../src/web/i18n/translate.ts';

const thresholds = { hideBelow: 10, indicativeBelow: 30 };
const ctx = (language: Language) => ({ t: translator(language), language });

// The charts themselves, not the small SVG keys of the legend.
const svgs = (markup: string): string[] => [...markup.matchAll(/<svg class="ks-chart__svg"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
const count = (text: string, pattern: RegExp): number => [...text.matchAll(pattern)].length;
/** Cell texts of the table body, row by row, tags stripped. */
const tableRows = (markup: string): string[][] => {
  const body = markup.slice(markup.indexOf('<tbody'), markup.indexOf('</tbody>'));
  return [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((row) =>
    [...row[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()));
};

const marks = [
  { label: 'Algemeen rapportcijfer', n: 412, nClass: 'reportable' as const, value: 7.14, interval: { lower: 6.98, upper: 7.31 } },
  { label: 'Intakegesprek', n: 25, nClass: 'indicative' as const, value: 6.4, interval: { lower: 5.72, upper: 7.08 } },
  { label: 'Hulp bij schulden', n: 6, nClass: 'hidden' as const, value: null, interval: null },
  { label: 'Uw inkomensconsulent', n: 300, nClass: 'reportable' as const, value: 7.8, interval: { lower: 7.6, upper: 8.0 } },
];

describe('interval bar chart', () => {
  const markup = String(intervalBarChart(ctx('nl'), { id: 'marks', caption: 'Rapportcijfers', kind: 'mean', valueName: 'Gemiddeld cijfer', thresholds, tableDisplay: 'open', bars: marks }));

  it('is a figure with a caption, a wide and a narrow SVG that scale by their viewBox', () => {
    expect(markup).toMatch(/^<figure class="ks-chart" id="marks">\s*<figcaption[^>]*>Rapportcijfers<\/figcaption>/);
    const [wide, narrow] = svgs(markup);
    expect(svgs(markup)).toHaveLength(2);
    expect(wide).toMatch(/^<svg class="ks-chart__svg" role="img" aria-label="Grafiek: Rapportcijfers\. De cijfers staan in de tabel bij deze grafiek\."/);
    expect(wide).toContain('viewBox="0 0 680 ');
    expect(narrow).toContain('viewBox="0 0 340 ');
    expect(wide).not.toMatch(/<svg[^>]* width="/);
    expect(wide).not.toContain('<style');
  });

  it('draws one bar per shown figure: two filled, one outlined (indicative), none for the hidden one', () => {
    for (const svg of svgs(markup)) {
      expect(count(svg, new RegExp(`<path d="M[^"]*Z" fill="${CHART_COLOURS.bar}"`, 'g'))).toBe(2);
      expect(count(svg, new RegExp(`<path d="M[^"]*Z" fill="#ffffff" stroke="${CHART_COLOURS.bar}"`, 'g'))).toBe(1);
      expect(svg).not.toContain('Hulp bij schulden');
      // Whiskers: three lines (bar and two caps) per drawn figure.
      expect(count(svg, /stroke="#000000" stroke-width="2"/g)).toBe(9);
    }
  });

  it('writes the figures with a decimal comma, the indicative one with an asterisk', () => {
    const [wide] = svgs(markup);
    expect(wide).toMatch(/>7,1<\/text>/);
    expect(wide).toMatch(/>6,4\*<\/text>/);
    expect(wide).toMatch(/>7,8<\/text>/);
  });

  it('has a table with the same numbers, the hidden figure named but not shown', () => {
    expect(tableRows(markup)).toEqual([
      ['Algemeen rapportcijfer', '412', '7,1', '7,0 – 7,3'],
      ['Intakegesprek', '25', '6,4 indicatief', '5,7 – 7,1'],
      ['Hulp bij schulden', '6', 'te weinig antwoorden', '—'],
      ['Uw inkomensconsulent', '300', '7,8', '7,6 – 8,0'],
    ]);
    expect(markup).toContain('Niet getekend: 1 keer minder dan 10 antwoorden.');
    expect(markup).toContain('* Indicatief: minder dan 30 antwoorden.');
  });

  it('writes English numbers in English', () => {
    const english = String(intervalBarChart(ctx('en'), { id: 'm', caption: 'Marks', kind: 'mean', valueName: 'Mean', thresholds, tableDisplay: 'details', bars: marks }));
    expect(svgs(english)[0]).toMatch(/>7\.1<\/text>/);
    expect(tableRows(english)[0]).toEqual(['Algemeen rapportcijfer', '412', '7.1', '7.0 – 7.3']);
    expect(english).toContain('<details class="ks-chart__data"><summary>Show the numbers for this chart</summary>');
  });

  it('draws shares as percentages and nothing at all when every figure is hidden', () => {
    const shares = String(intervalBarChart(ctx('nl'), { id: 's', caption: 'Eens', kind: 'share', valueName: '% eens', thresholds, tableDisplay: 'open', bars: [
      { label: 'Vriendelijk', n: 200, nClass: 'reportable', value: 0.815, interval: { lower: 0.755, upper: 0.862 } },
    ] }));
    expect(svgs(shares)[0]).toMatch(/>82%<\/text>/);
    expect(tableRows(shares)).toEqual([['Vriendelijk', '200', '82%', '76 – 86%']]);
    const none = String(intervalBarChart(ctx('nl'), { id: 'h', caption: 'Niets', kind: 'mean', valueName: 'Cijfer', thresholds, tableDisplay: 'open', bars: [marks[2]!] }));
    expect(svgs(none)).toHaveLength(0);
    expect(none).toContain('Er zijn te weinig antwoorden om een grafiek te tekenen.');
  });
});

describe('trend chart', () => {
  const input = {
    id: 'trend', caption: 'Rapportcijfer door de jaren', kind: 'mean' as const, valueName: 'Gemiddeld cijfer', thresholds, tableDisplay: 'open' as const,
    rounds: ['2023', '2024', '2025', '2026'],
    series: [
      { name: 'Voorbeeldstad', points: [
        { round: '2023', n: 8, nClass: 'hidden' as const, value: null, interval: null },
        { round: '2024', n: 300, nClass: 'reportable' as const, value: 6.9, interval: { lower: 6.7, upper: 7.1 } },
        { round: '2025', n: 310, nClass: 'reportable' as const, value: 7.2, interval: { lower: 7.0, upper: 7.4 } },
        { round: '2026', n: 22, nClass: 'indicative' as const, value: 7.04, interval: { lower: 6.4, upper: 7.6 } },
      ] },
      { name: 'Andere gemeenten', points: [{ round: '2025', n: 3100, nClass: 'reportable' as const, value: 7.15, interval: { lower: 7.1, upper: 7.2 } }] },
    ],
  };
  const markup = String(trendChart(ctx('nl'), input));

  it('draws a labelled point per shown figure and a whisker for each', () => {
    const [wide] = svgs(markup);
    const labels = [...wide!.matchAll(/>([0-9],[0-9]\*?)<\/text>/g)].map((m) => m[1]).sort();
    expect(labels).toEqual(['6,9', '7,0*', '7,2', '7,2']);
    // Three lines per whisker: three figures of the first series, one of the second.
    expect(count(wide!, new RegExp(`<path d="M[^"]*" fill="#000" stroke="${CHART_COLOURS.series[0]}" stroke-width="2"></path>`, 'g'))).toBe(9);
    expect(count(wide!, new RegExp(`<path d="M[^"]*" fill="#000" stroke="${CHART_COLOURS.series[1]}" stroke-width="2"></path>`, 'g'))).toBe(3);
    expect(markup).toContain('ks-chart__legend');
  });

  it('has a table with every round, the hidden one without a figure', () => {
    expect(tableRows(markup)).toEqual([
      ['Voorbeeldstad: 2023', '8', 'te weinig antwoorden', '—'],
      ['Voorbeeldstad: 2024', '300', '6,9', '6,7 – 7,1'],
      ['Voorbeeldstad: 2025', '310', '7,2', '7,0 – 7,4'],
      ['Voorbeeldstad: 2026', '22', '7,0 indicatief', '6,4 – 7,6'],
      ['Andere gemeenten: 2025', '3.100', '7,2', '7,1 – 7,2'],
    ]);
  });
});

describe('diverging bar chart', () => {
  const markup = String(divergingBarChart(ctx('nl'), { id: 'agree', caption: 'Contact', thresholds, tableDisplay: 'open', rows: [
    { label: 'Vriendelijk', n: 200, nClass: 'reportable', shares: [0.05, 0.1, 0.15, 0.45, 0.25], agree: 0.7 },
    { label: 'Wachten', n: 25, nClass: 'indicative', shares: [0.2, 0.24, 0.2, 0.24, 0.12], agree: 0.36 },
    { label: 'Bellen', n: 5, nClass: 'hidden', shares: null, agree: null },
  ] }));

  it('draws six segments per shown statement (neutral split in two) and disagreement to the left', () => {
    for (const svg of svgs(markup)) {
      const segments = CHART_COLOURS.agreement.map((colour) => count(svg, new RegExp(`<path d="M[^"]*Z" fill="${colour}"`, 'g')));
      expect(segments).toEqual([2, 2, 4, 2, 2]);
      expect(svg).not.toContain('Bellen');
    }
    const [wide] = svgs(markup);
    // x of the left edge of each segment in the first row: "helemaal oneens" lies left of "helemaal eens".
    const leftOf = (colour: string) => Number(new RegExp(`<path d="M([\\d.]+) [^"]*Z" fill="${colour}"`).exec(wide!)![1]);
    expect(leftOf(CHART_COLOURS.agreement[0])).toBeLessThan(leftOf(CHART_COLOURS.agreement[4]));
    expect(wide).toMatch(/>70%<\/text>/);
    expect(wide).toMatch(/>36%\*<\/text>/);
  });

  it('has a table with every share', () => {
    expect(tableRows(markup)).toEqual([
      ['Vriendelijk', '200', '5%', '10%', '15%', '45%', '25%', '70%'],
      ['Wachten', '25', '20%', '24%', '20%', '24%', '12%', '36% indicatief'],
      ['Bellen', '5', 'te weinig antwoorden', '', '', '', '', ''],
    ]);
  });
});
