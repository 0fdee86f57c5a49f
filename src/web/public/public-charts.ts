// Charts of the public results page, from the shared chart components (ECharts SVG in a figure
// with the same numbers as a table). Only published figures go in: the public report model has
// already dropped everything under the threshold.

import type { PublicItem, PublicModule, PublicReport } from '../../domain/publication/public-report.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import type { Html } from '../html.ts';
import { intervalBarChart } from '../charts/interval-bar-chart.ts';
import { trendChart } from '../charts/trend-chart.ts';
import type { Language, Translate } from '../i18n/translate.ts';

interface Ctx {
  readonly t: Translate;
  readonly language: Language;
}

const thresholdsOf = (report: PublicReport) => ({ hideBelow: report.hideBelow, indicativeBelow: report.indicativeBelow });

/** One bar chart per kind of figure in the module (marks, then shares), each with its table. */
export function moduleCharts(ctx: Ctx, module: PublicModule, report: PublicReport): Html[] {
  const { t, language } = ctx;
  const title = localize(module.title, language);
  const charts: Html[] = [];
  for (const kind of ['mean', 'share'] as const) {
    const items = module.items.filter((i) => i.figure?.kind === kind && !i.options);
    if (items.length === 0) continue;
    charts.push(intervalBarChart(ctx, {
      id: `chart-${module.key}-${kind}`,
      caption: t(kind === 'mean' ? 'publish.page.chart.marks' : 'publish.page.chart.shares', { module: title }),
      kind,
      valueName: t(kind === 'mean' ? 'publish.page.chart.markValue' : 'publish.page.chart.shareValue'),
      bars: items.map((item) => ({ label: localize(item.text, language), n: item.n, nClass: item.nClass, value: item.figure!.value, interval: item.figure!.ci })),
      thresholds: thresholdsOf(report),
      tableDisplay: 'details',
    }));
  }
  return charts;
}

/** The overall mark over the organisation's rounds, when there are at least two. */
export function overallTrendChart(ctx: Ctx, overall: PublicItem | null, report: PublicReport): Html | null {
  if (!overall || overall.trend.length < 2 || overall.figure?.kind !== 'mean') return null;
  const { t } = ctx;
  const rounds = overall.trend.map((p) => p.name);
  return trendChart(ctx, {
    id: 'chart-trend-overall',
    caption: t('publish.page.chart.trend'),
    kind: 'mean',
    valueName: t('publish.page.chart.markValue'),
    rounds,
    series: [{ name: t('publish.page.chart.markValue'), points: overall.trend.map((p) => ({ round: p.name, n: p.n, nClass: p.nClass, value: p.figure?.value ?? null, interval: p.figure?.ci ?? null })) }],
    thresholds: thresholdsOf(report),
    tableDisplay: 'details',
  });
}
