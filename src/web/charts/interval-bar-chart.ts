// Chart (a): horizontal bars of means or shares with their 95 % interval as a whisker. Each
// bar's name stands above it (so long question texts fit on a phone) and its figure in a
// column on the right. Hidden figures (under the threshold) are never drawn, only listed in
// the table as hidden; indicative figures get an outlined bar and an asterisk.

import type { NClass, ReportingThresholds } from '../../domain/statistics/reporting-thresholds.ts';
import { html, type Html, type Printable } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { chartFigure, chartTable, type TableDisplay } from './chart-figure.ts';
import { CHART_COLOURS } from './chart-palette.ts';
import { formatFigure, formatInterval, type FigureKind } from './figure-format.ts';
import { renderChartSvg } from './render-chart-svg.ts';

export interface IntervalBar {
  readonly label: string;
  readonly n: number;
  readonly nClass: NClass;
  /** Null when there is no figure (hidden, or no answers). */
  readonly value: number | null;
  readonly interval: { readonly lower: number; readonly upper: number } | null;
}

export interface IntervalBarChartInput {
  readonly id: string;
  readonly caption: string;
  readonly kind: FigureKind;
  /** Column header of the figure, e.g. "Gemiddeld cijfer" or "% (helemaal) eens". */
  readonly valueName: string;
  readonly bars: readonly IntervalBar[];
  readonly thresholds: ReportingThresholds;
  readonly tableDisplay: TableDisplay;
}

interface Ctx {
  readonly t: Translate;
  readonly language: Language;
}

const ROW = 50;
const TOP = 26;
const BOTTOM = 30;
const FONT = 13;

/** Bars that may be drawn: not hidden and with a figure. */
export function drawnBars(bars: readonly IntervalBar[]): IntervalBar[] {
  return bars.filter((b) => b.nClass !== 'hidden' && b.value !== null);
}

function option(ctx: Ctx, input: IntervalBarChartInput, bars: readonly IntervalBar[], width: number): Record<string, unknown> {
  const { language } = ctx;
  const max = input.kind === 'mean' ? 10 : 1;
  const valueColumn = 58;
  const gridWidth = width - 8 - valueColumn;
  const shown = (bar: IntervalBar) => `${formatFigure(language, input.kind, bar.value!)}${bar.nClass === 'indicative' ? '*' : ''}`;
  return {
    grid: { left: 8, right: valueColumn, top: TOP, bottom: BOTTOM, containLabel: false },
    xAxis: {
      type: 'value', min: 0, max, interval: input.kind === 'mean' ? 2 : 0.25,
      axisLabel: { color: CHART_COLOURS.axis, fontSize: FONT - 1, formatter: (v: number) => input.kind === 'mean' ? formatNumber(language, v) : `${formatNumber(language, 100 * v)}%` },
      splitLine: { lineStyle: { color: CHART_COLOURS.grid } },
    },
    yAxis: [
      {
        type: 'category', inverse: true, data: bars.map((b) => b.label),
        axisLine: { lineStyle: { color: CHART_COLOURS.axis } }, axisTick: { show: false },
        axisLabel: {
          inside: true, align: 'left', verticalAlign: 'bottom', padding: [0, 0, 12, 0], color: CHART_COLOURS.text, fontSize: FONT,
          width: gridWidth - 24, overflow: 'truncate', ellipsis: '…',
        },
        z: 10,
      },
      {
        type: 'category', inverse: true, position: 'right', data: bars.map(shown),
        axisLine: { show: false }, axisTick: { show: false },
        axisLabel: { color: CHART_COLOURS.text, fontSize: FONT + 1, fontWeight: 'bold', align: 'right', margin: valueColumn - 6 },
      },
    ],
    series: [
      {
        type: 'bar', yAxisIndex: 0, barWidth: 14, silent: true,
        data: bars.map((b) => ({
          value: b.value,
          itemStyle: b.nClass === 'indicative'
            ? { color: CHART_COLOURS.barIndicative, borderColor: CHART_COLOURS.bar, borderWidth: 2, borderType: 'solid' }
            : { color: CHART_COLOURS.bar },
        })),
      },
      {
        type: 'custom', yAxisIndex: 0, silent: true, z: 5,
        data: bars.map((b, index) => (b.interval ? [index, b.interval.lower, b.interval.upper] : [index, null, null])),
        encode: { x: [1, 2], y: 0 },
        renderItem: (_params: unknown, api: { value(i: number): number; coord(p: [number, number]): [number, number] }) => {
          if (api.value(1) === null || Number.isNaN(api.value(1))) return null;
          const [x1, y] = api.coord([api.value(1), api.value(0)]);
          const [x2] = api.coord([api.value(2), api.value(0)]);
          const style = { stroke: CHART_COLOURS.whisker, lineWidth: 2 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1, y1: y, x2, y2: y }, style },
              { type: 'line', shape: { x1, y1: y - 6, x2: x1, y2: y + 6 }, style },
              { type: 'line', shape: { x1: x2, y1: y - 6, x2, y2: y + 6 }, style },
            ],
          };
        },
      },
    ],
  };
}

export function intervalBarChart(ctx: Ctx, input: IntervalBarChartInput): Html {
  const { t, language } = ctx;
  const bars = drawnBars(input.bars);
  const height = TOP + BOTTOM + ROW * bars.length;
  const label = t('chart.aria', { caption: input.caption });
  const drawing = bars.length === 0 ? null : {
    wide: renderChartSvg(option(ctx, input, bars, 680), { width: 680, height }, label, `${input.id}-w`),
    narrow: renderChartSvg(option(ctx, input, bars, 340), { width: 340, height }, label, `${input.id}-n`),
  };
  const rows = input.bars.map((bar): Printable[] => {
    const hidden = bar.nClass === 'hidden' || bar.value === null;
    const mark = bar.nClass === 'indicative' ? html` <span class="ks-badge">${t('report.indicative')}</span>` : '';
    return [
      bar.label,
      formatNumber(language, bar.n),
      hidden ? html`<span class="ks-muted">${bar.nClass === 'hidden' ? t('report.hidden') : '—'}</span>` : html`${formatFigure(language, input.kind, bar.value!)}${mark}`,
      hidden || !bar.interval ? '—' : formatInterval(language, input.kind, bar.interval.lower, bar.interval.upper),
    ];
  });
  const table = chartTable(t('chart.tableCaption', { caption: input.caption }), [
    { label: t('chart.col.label') },
    { label: t('report.col.n'), numeric: true },
    { label: input.valueName },
    { label: t('report.col.interval') },
  ], rows);
  const hiddenCount = input.bars.filter((b) => b.nClass === 'hidden').length;
  const notes: Printable[] = [
    bars.some((b) => b.nClass === 'indicative') ? t('chart.note.indicative', { indicative: input.thresholds.indicativeBelow }) : '',
    hiddenCount > 0 ? t('chart.note.hidden', { count: hiddenCount, hide: input.thresholds.hideBelow }) : '',
    bars.length > 0 ? t('chart.note.whisker') : '',
  ];
  return chartFigure(t, { id: input.id, caption: input.caption, drawing, table, notes, tableDisplay: input.tableDisplay });
}
