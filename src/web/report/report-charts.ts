// The report model turned into chart inputs: which figures go into which chart, with which
// labels. Shared by the report screen and the report document, so both show the same charts.

import type { AgreementCounts } from '../../app/report-document.ts';
import type { ReportItem, ReportModule, RoundReport } from '../../domain/report/build-round-report.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import type { TableDisplay } from '../charts/chart-figure.ts';
import { divergingBarChart, type DivergingRow } from '../charts/diverging-bar-chart.ts';
import { intervalBarChart, type IntervalBar } from '../charts/interval-bar-chart.ts';
import { trendChart, type TrendSeries } from '../charts/trend-chart.ts';
import type { Html } from '../html.ts';
import type { Language, Translate } from '../i18n/translate.ts';

export interface ChartContext {
  readonly t: Translate;
  readonly language: Language;
  readonly tableDisplay: TableDisplay;
  /** Prefix for element ids, so the screen and the document never clash. */
  readonly idPrefix: string;
}

const bar = (item: ReportItem, label: string): IntervalBar => ({
  label,
  n: item.n,
  nClass: item.nClass,
  value: item.figure?.value ?? null,
  interval: item.figure?.ci ?? null,
});

/** Every report mark of the round: the overall mark first, then one per module. */
export function marksChart(ctx: ChartContext, report: RoundReport): Html | null {
  const { t, language } = ctx;
  const bars = report.modules.flatMap((module) => module.items
    .filter((item) => item.type === 'mark')
    .map((item) => bar(item, item.key === report.overall?.key ? t('report.overall') : localize(module.title, language))));
  if (bars.length === 0) return null;
  return intervalBarChart(ctx, { id: `${ctx.idPrefix}-marks`, caption: t('chart.caption.marks'), kind: 'mean', valueName: t('report.mean'), bars, thresholds: report.thresholds, tableDisplay: ctx.tableDisplay });
}

/** The overall mark over the organisation's rounds, with the reference group's figure when shown. */
export function overallTrendChart(ctx: ChartContext, report: RoundReport, organisationName: string): Html | null {
  const { t } = ctx;
  const overall = report.overall;
  if (!overall || overall.trend.length < 2) return null;
  const label = (p: { year: number; name: string }) => (overall.trend.filter((q) => q.year === p.year).length > 1 ? p.name : String(p.year));
  const series: TrendSeries[] = [{
    name: organisationName,
    points: overall.trend.map((p) => ({ round: label(p), n: p.n, nClass: p.nClass, value: p.figure?.value ?? null, interval: p.figure?.ci ?? null })),
  }];
  const current = overall.trend.find((p) => p.current);
  if (overall.reference && current) {
    const ref = overall.reference;
    series.push({ name: t('chart.series.reference'), points: [{ round: label(current), n: ref.n, nClass: ref.nClass, value: ref.figure?.value ?? null, interval: ref.figure?.ci ?? null }] });
  }
  return trendChart(ctx, {
    id: `${ctx.idPrefix}-trend`, caption: t('chart.caption.trend'), kind: 'mean', valueName: t('report.mean'),
    rounds: overall.trend.map(label), series, thresholds: report.thresholds, tableDisplay: ctx.tableDisplay,
  });
}

function agreementRow(item: ReportItem, counts: AgreementCounts | undefined, language: Language): DivergingRow {
  const n = counts ? counts.reduce((a, b) => a + b, 0) : 0;
  const shown = item.nClass !== 'hidden' && counts !== undefined && n > 0;
  return {
    label: localize(item.text, language),
    n: item.n,
    nClass: item.nClass,
    shares: shown ? counts.map((c) => c / n) as unknown as [number, number, number, number, number] : null,
    agree: item.figure?.value ?? null,
  };
}

/** The charts of one module: agreement as diverging bars and as shares with intervals; yes/no shares. */
export function moduleCharts(ctx: ChartContext, module: ReportModule, report: RoundReport, agreement: ReadonlyMap<string, AgreementCounts>): Html[] {
  const { t, language } = ctx;
  const title = localize(module.title, language);
  const id = `${ctx.idPrefix}-${module.key}`;
  const agree = module.items.filter((item) => item.type === 'agree5');
  const yesNo = module.items.filter((item) => item.type === 'yesno');
  const charts: Html[] = [];
  if (agree.length > 0) {
    charts.push(divergingBarChart(ctx, {
      id: `${id}-spread`, caption: t('chart.caption.spread', { module: title }),
      rows: agree.map((item) => agreementRow(item, agreement.get(item.key), language)), thresholds: report.thresholds, tableDisplay: ctx.tableDisplay,
    }));
    charts.push(intervalBarChart(ctx, {
      id: `${id}-agree`, caption: t('chart.caption.agree', { module: title }), kind: 'share', valueName: t('chart.col.agree'),
      bars: agree.map((item) => bar(item, localize(item.text, language))), thresholds: report.thresholds, tableDisplay: ctx.tableDisplay,
    }));
  }
  if (yesNo.length > 0) {
    charts.push(intervalBarChart(ctx, {
      id: `${id}-yes`, caption: t('chart.caption.yes', { module: title }), kind: 'share', valueName: t('chart.col.yes'),
      bars: yesNo.map((item) => bar(item, localize(item.text, language))), thresholds: report.thresholds, tableDisplay: ctx.tableDisplay,
    }));
  }
  return charts;
}
