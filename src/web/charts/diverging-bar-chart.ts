// Chart (c): diverging stacked bars for a five-point agreement scale. Disagreement grows to
// the left of the centre line, agreement to the right, and the neutral answers are split in
// half across the centre, so statements can be compared by where their bar sits. The share
// (helemaal) eens stands in the column on the right; the table has every share.

import type { NClass, ReportingThresholds } from '../../domain/statistics/reporting-thresholds.ts';
import { html, type Html, type Printable } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { chartFigure, chartTable, type TableDisplay } from './chart-figure.ts';
import { CHART_COLOURS } from './chart-palette.ts';
import { formatPercent } from './figure-format.ts';
import { renderChartSvg } from './render-chart-svg.ts';

export interface DivergingRow {
  readonly label: string;
  readonly n: number;
  readonly nClass: NClass;
  /** Shares of the valid answers 1 (helemaal oneens) … 5 (helemaal eens); null when hidden. */
  readonly shares: readonly [number, number, number, number, number] | null;
  /** The headline share (helemaal) eens, as the report model computed it. */
  readonly agree: number | null;
}

export interface DivergingChartInput {
  readonly id: string;
  readonly caption: string;
  readonly rows: readonly DivergingRow[];
  readonly thresholds: ReportingThresholds;
  readonly tableDisplay: TableDisplay;
}

interface Ctx {
  readonly t: Translate;
  readonly language: Language;
}

const ROW = 52;
const BOTTOM = 30;
const FONT = 13;

export function drawnRows(rows: readonly DivergingRow[]): DivergingRow[] {
  return rows.filter((r) => r.nClass !== 'hidden' && r.shares !== null);
}

function option(ctx: Ctx, rows: readonly DivergingRow[], width: number): Record<string, unknown> {
  const { t, language } = ctx;
  const names = [1, 2, 3, 4, 5].map((v) => t(`chart.agree.${v}` as 'chart.agree.1'));
  const valueColumn = 52;
  const gridWidth = width - 8 - valueColumn;
  const minLabel = width < 500 ? 0.12 : 0.07;
  const segment = (answer: number, sign: 1 | -1, half = false, labelled = true) => ({
    type: 'bar', stack: 'answers', name: names[answer - 1], silent: true, barWidth: 18,
    itemStyle: { color: CHART_COLOURS.agreement[answer - 1], borderColor: '#ffffff', borderWidth: 1 },
    label: {
      show: labelled, position: 'inside', fontSize: FONT - 1, color: CHART_COLOURS.agreementText[answer - 1],
      formatter: (p: { dataIndex: number }) => {
        const share = rows[p.dataIndex]!.shares![answer - 1]!;
        return (half ? share / 2 : share) >= minLabel ? formatPercent(language, share) : '';
      },
    },
    data: rows.map((r) => sign * r.shares![answer - 1]! / (half ? 2 : 1)),
  });
  return {
    legend: { show: false },
    grid: { left: 8, right: valueColumn, top: 24, bottom: BOTTOM, containLabel: false },
    xAxis: {
      type: 'value', min: -1, max: 1, interval: 0.5,
      axisLabel: { fontSize: FONT - 1, color: CHART_COLOURS.axis, formatter: (v: number) => formatPercent(language, Math.abs(v)) },
      splitLine: { lineStyle: { color: CHART_COLOURS.grid } },
    },
    yAxis: [
      {
        type: 'category', inverse: true, data: rows.map((r) => r.label), axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { inside: true, align: 'left', verticalAlign: 'bottom', padding: [0, 0, 13, 0], color: CHART_COLOURS.text, fontSize: FONT, width: gridWidth - 24, overflow: 'truncate', ellipsis: '…' },
        z: 10,
      },
      {
        type: 'category', inverse: true, position: 'right', axisLine: { show: false }, axisTick: { show: false },
        data: rows.map((r) => (r.agree === null ? '' : `${formatPercent(language, r.agree)}${r.nClass === 'indicative' ? '*' : ''}`)),
        axisLabel: { color: CHART_COLOURS.text, fontSize: FONT + 1, fontWeight: 'bold', align: 'right', margin: valueColumn - 6 },
      },
    ],
    // Stacking order: from the centre outwards on each side.
    series: [segment(3, -1, true, false), segment(2, -1), segment(1, -1), segment(3, 1, true), segment(4, 1), segment(5, 1)],
  };
}

export function divergingBarChart(ctx: Ctx, input: DivergingChartInput): Html {
  const { t, language } = ctx;
  const rows = drawnRows(input.rows);
  const label = t('chart.aria', { caption: input.caption });
  const render = (width: number) => {
    const height = 24 + BOTTOM + ROW * rows.length;
    return renderChartSvg(option(ctx, rows, width), { width, height }, label, `${input.id}-${width}`);
  };
  const drawing = rows.length === 0 ? null : { wide: render(680), narrow: render(340) };
  const tableRows = input.rows.map((row): Printable[] => {
    const hidden = row.nClass === 'hidden' || row.shares === null;
    const mark = row.nClass === 'indicative' ? html` <span class="ks-badge">${t('report.indicative')}</span>` : '';
    const cells: Printable[] = hidden
      ? [html`<span class="ks-muted">${row.nClass === 'hidden' ? t('report.hidden') : '—'}</span>`, '', '', '', '', '']
      : [...row.shares!.map((share) => formatPercent(language, share)), html`${row.agree === null ? '—' : formatPercent(language, row.agree)}${mark}`];
    return [row.label, formatNumber(language, row.n), ...cells];
  });
  const table = chartTable(t('chart.tableCaption', { caption: input.caption }), [
    { label: t('chart.col.label') },
    { label: t('report.col.n'), numeric: true },
    ...[1, 2, 3, 4, 5].map((v) => ({ label: t(`chart.agree.${v}` as 'chart.agree.1'), numeric: true })),
    { label: t('chart.col.agree'), numeric: true },
  ], tableRows);
  const hiddenCount = input.rows.filter((r) => r.nClass === 'hidden').length;
  const notes: Printable[] = [
    rows.length > 0 ? t('chart.note.diverging') : '',
    rows.some((r) => r.nClass === 'indicative') ? t('chart.note.indicative', { indicative: input.thresholds.indicativeBelow }) : '',
    hiddenCount > 0 ? t('chart.note.hidden', { count: hiddenCount, hide: input.thresholds.hideBelow }) : '',
  ];
  const legend = [1, 2, 3, 4, 5].map((v) => ({ name: t(`chart.agree.${v}` as 'chart.agree.1'), colour: CHART_COLOURS.agreement[v - 1]!, shape: 'box' as const }));
  return chartFigure(t, { id: input.id, caption: input.caption, drawing, table, notes, tableDisplay: input.tableDisplay, legend });
}
