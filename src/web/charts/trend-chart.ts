// Chart (b): a figure over rounds, one line per series (the organisation, and e.g. the
// reference group), each point with its 95 % interval as a vertical whisker. A hidden figure
// leaves a gap in the line; an indicative one is drawn as an open circle with an asterisk.

import type { NClass, ReportingThresholds } from '../../domain/statistics/reporting-thresholds.ts';
import { html, type Html, type Printable } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { chartFigure, chartTable, type TableDisplay } from './chart-figure.ts';
import { CHART_COLOURS } from './chart-palette.ts';
import { formatFigure, formatInterval, type FigureKind } from './figure-format.ts';
import { renderChartSvg } from './render-chart-svg.ts';

export interface TrendPoint {
  /** The round's label on the axis, e.g. "2025"; must be one of the chart's rounds. */
  readonly round: string;
  readonly n: number;
  readonly nClass: NClass;
  readonly value: number | null;
  readonly interval: { readonly lower: number; readonly upper: number } | null;
}

export interface TrendSeries {
  readonly name: string;
  readonly points: readonly TrendPoint[];
}

export interface TrendChartInput {
  readonly id: string;
  readonly caption: string;
  readonly kind: FigureKind;
  readonly valueName: string;
  /** Axis labels, oldest first. */
  readonly rounds: readonly string[];
  readonly series: readonly TrendSeries[];
  readonly thresholds: ReportingThresholds;
  readonly tableDisplay: TableDisplay;
}

interface Ctx {
  readonly t: Translate;
  readonly language: Language;
}

const drawn = (point: TrendPoint | undefined): point is TrendPoint & { value: number } =>
  point !== undefined && point.nClass !== 'hidden' && point.value !== null;

/** Points that may be drawn, over all series. */
export function drawnPoints(input: Pick<TrendChartInput, 'series'>): TrendPoint[] {
  return input.series.flatMap((s) => s.points.filter(drawn));
}

function option(ctx: Ctx, input: TrendChartInput, font: number): Record<string, unknown> {
  const { language } = ctx;
  const max = input.kind === 'mean' ? 10 : 1;
  const many = input.series.length > 1;
  const colour = (index: number) => CHART_COLOURS.series[index % CHART_COLOURS.series.length]!;
  // Whiskers of several series side by side, a few pixels apart, so they do not cover each other.
  const offset = (index: number) => (index - (input.series.length - 1) / 2) * 10;
  const lines = input.series.map((series, index) => ({
    type: 'line', name: series.name, silent: true, connectNulls: false, symbolSize: 10,
    lineStyle: { color: colour(index), width: 2.5, type: index === 0 ? 'solid' : 'dashed' },
    itemStyle: { color: colour(index) },
    label: { show: true, position: 'top', distance: 10, fontSize: font, fontWeight: 'bold', color: CHART_COLOURS.text,
      formatter: (p: { dataIndex: number }) => {
        const point = series.points.find((pt) => pt.round === input.rounds[p.dataIndex]);
        return drawn(point) ? `${formatFigure(language, input.kind, point.value)}${point.nClass === 'indicative' ? '*' : ''}` : '';
      } },
    data: input.rounds.map((round) => {
      const point = series.points.find((p) => p.round === round);
      if (!drawn(point)) return null;
      // The higher of two figures in a round gets its label above the point, the lower below.
      const others = input.series.filter((s) => s !== series).map((s) => s.points.find((p) => p.round === round)).filter(drawn);
      const label = { position: others.some((o) => o.value > point.value) ? 'bottom' : 'top' };
      return point.nClass === 'indicative'
        ? { value: point.value, symbol: 'circle', label, itemStyle: { color: '#ffffff', borderColor: colour(index), borderWidth: 2.5 } }
        : { value: point.value, symbol: 'circle', label };
    }),
  }));
  const whiskers = input.series.map((series, index) => ({
    type: 'custom', silent: true, z: 1,
    data: input.rounds.map((round, i) => {
      const point = series.points.find((p) => p.round === round);
      return drawn(point) && point.interval ? [i, point.interval.lower, point.interval.upper] : [i, null, null];
    }),
    encode: { x: 0, y: [1, 2] },
    renderItem: (_params: unknown, api: { value(i: number): number; coord(p: [number, number]): [number, number] }) => {
      if (api.value(1) === null || Number.isNaN(api.value(1))) return null;
      const [x, y1] = api.coord([api.value(0), api.value(1)]);
      const [, y2] = api.coord([api.value(0), api.value(2)]);
      const at = x + offset(index);
      const style = { stroke: colour(index), lineWidth: 2 };
      return { type: 'group', children: [
        { type: 'line', shape: { x1: at, y1, x2: at, y2 }, style },
        { type: 'line', shape: { x1: at - 5, y1, x2: at + 5, y2: y1 }, style },
        { type: 'line', shape: { x1: at - 5, y1: y2, x2: at + 5, y2 }, style },
      ] };
    },
  }));
  return {
    grid: { left: 40, right: 16, top: 28, bottom: 30, containLabel: false },
    legend: { show: false },
    xAxis: { type: 'category', data: [...input.rounds], boundaryGap: true,
      axisLabel: { fontSize: font, color: CHART_COLOURS.text }, axisLine: { lineStyle: { color: CHART_COLOURS.axis } }, axisTick: { show: false } },
    yAxis: { type: 'value', min: 0, max, interval: input.kind === 'mean' ? 2 : 0.25,
      axisLabel: { fontSize: font - 1, color: CHART_COLOURS.axis, formatter: (v: number) => input.kind === 'mean' ? formatNumber(language, v) : `${formatNumber(language, 100 * v)}%` },
      splitLine: { lineStyle: { color: CHART_COLOURS.grid } } },
    series: [...whiskers, ...lines],
  };
}

export function trendChart(ctx: Ctx, input: TrendChartInput): Html {
  const { t, language } = ctx;
  const points = drawnPoints(input);
  const label = t('chart.aria', { caption: input.caption });
  const height = 260;
  const drawing = points.length === 0 ? null : {
    wide: renderChartSvg(option(ctx, input, 13), { width: 680, height }, label, `${input.id}-w`),
    narrow: renderChartSvg(option(ctx, input, 13), { width: 340, height }, label, `${input.id}-n`),
  };
  const many = input.series.length > 1;
  const rows: Printable[][] = input.series.flatMap((series) => input.rounds.flatMap((round) => {
    const point = series.points.find((p) => p.round === round);
    if (!point) return [];
    const hidden = !drawn(point);
    const mark = point.nClass === 'indicative' ? html` <span class="ks-badge">${t('report.indicative')}</span>` : '';
    return [[
      many ? `${series.name}: ${round}` : round,
      formatNumber(language, point.n),
      hidden ? html`<span class="ks-muted">${point.nClass === 'hidden' ? t('report.hidden') : '—'}</span>` : html`${formatFigure(language, input.kind, point.value!)}${mark}`,
      hidden || !point.interval ? '—' : formatInterval(language, input.kind, point.interval.lower, point.interval.upper),
    ]];
  }));
  const table = chartTable(t('chart.tableCaption', { caption: input.caption }), [
    { label: t('chart.col.round') },
    { label: t('report.col.n'), numeric: true },
    { label: input.valueName },
    { label: t('report.col.interval') },
  ], rows);
  const all = input.series.flatMap((s) => s.points);
  const hiddenCount = all.filter((p) => p.nClass === 'hidden').length;
  const notes: Printable[] = [
    points.some((p) => p.nClass === 'indicative') ? t('chart.note.indicative', { indicative: input.thresholds.indicativeBelow }) : '',
    hiddenCount > 0 ? t('chart.note.hidden', { count: hiddenCount, hide: input.thresholds.hideBelow }) : '',
    points.length > 0 ? t('chart.note.trendWhisker') : '',
  ];
  const legend = many
    ? input.series.map((s, index) => ({ name: s.name, colour: CHART_COLOURS.series[index % CHART_COLOURS.series.length]!, shape: index === 0 ? 'line' as const : 'dashed' as const }))
    : undefined;
  return chartFigure(t, { id: input.id, caption: input.caption, drawing, table, notes, tableDisplay: input.tableDisplay, ...(legend ? { legend } : {}) });
}
