// The round report as HTML: key figures, a table per module, a method note. Figures come
// from the domain report model; this file only formats them (Dutch decimal comma, one decimal
// for means, whole percent for shares) and never computes statistics itself.

import type { Round } from '../../db/round-store.ts';
import type { ReportItem, ReportModule, RoundReport } from '../../domain/report/build-round-report.ts';
import type { Figure } from '../../domain/report/item-figures.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html, type Printable } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { statusBadge } from './round-pages.ts';
import type { AgreementCounts } from '../../app/report-document.ts';
import { marksChart, moduleCharts, overallTrendChart, type ChartContext } from '../report/report-charts.ts';
import { significantChanges } from '../../domain/report/significant-changes.ts';

interface Ctx {
  readonly t: Translate;
  readonly language: Language;
  /** Where an item's name links to (its item view); no link when absent, e.g. in the document. */
  readonly itemHref?: (itemKey: string) => string;
}

function percent(language: Language, share: number): string {
  return `${formatNumber(language, 100 * share, 0)}%`;
}

function value(ctx: Ctx, figure: Figure): string {
  return figure.kind === 'mean' ? formatNumber(ctx.language, figure.value, 1) : percent(ctx.language, figure.value);
}

function interval(ctx: Ctx, figure: Figure | null): string {
  if (!figure?.ci) return '—';
  const { lower, upper } = figure.ci;
  return figure.kind === 'mean'
    ? `${formatNumber(ctx.language, lower, 1)} – ${formatNumber(ctx.language, upper, 1)}`
    : `${formatNumber(ctx.language, 100 * lower, 0)} – ${percent(ctx.language, upper)}`;
}

function badge(ctx: Ctx, item: Pick<ReportItem, 'nClass'>): Printable {
  if (item.nClass === 'indicative') return html`<span class="ks-badge">${ctx.t('report.indicative')}</span>`;
  if (item.nClass === 'hidden') return html`<span class="ks-badge">${ctx.t('report.hidden')}</span>`;
  return '';
}

function label(item: ReportItem, code: string, language: Language): string {
  const choice = item.choices.find((c) => c.code === code);
  return choice ? localize(choice.label, language) : code;
}

function figureCell(ctx: Ctx, item: ReportItem): Html {
  const { t, language } = ctx;
  if (item.nClass === 'hidden') return html`<span class="ks-muted">${t('report.hidden')}</span>`;
  if (item.options) {
    return html`<ul class="ks-report-options">${item.options.options.map((o) => html`<li>${label(item, o.code, language)}: ${formatNumber(language, o.count)} (${o.share ? percent(language, o.share.share) : '—'})</li>`)}</ul>`;
  }
  if (!item.figure) return html`—`;
  const unit = item.type === 'mark' ? '' : ` ${t(item.type === 'yesno' ? 'report.yes' : 'report.agree')}`;
  const insufficient = item.insufficient ? html` <span class="ks-report-note">${t('report.insufficient', { share: percent(language, item.insufficient.value) })}</span>` : '';
  return html`<strong>${value(ctx, item.figure)}</strong>${unit}${insufficient}`;
}

function previousCell(ctx: Ctx, item: ReportItem): Printable {
  const previous = item.previous;
  if (!previous) return '—';
  if (!previous.figure) return previous.nClass === 'hidden' && previous.n > 0 ? html`<span class="ks-muted">${ctx.t('report.hidden')}</span>` : '—';
  return html`${value(ctx, previous.figure)} <span class="ks-nowrap">(n = ${formatNumber(ctx.language, previous.n)})</span>${badge(ctx, previous)}`;
}

function comparisonCell(ctx: Ctx, item: ReportItem): Printable {
  if (item.comparison) {
    const text = ctx.t(`report.compare.${item.comparison.label}`);
    return item.comparison.label === 'in-line' ? text : html`<span class="ks-significant">${text}</span>`;
  }
  return item.previous?.figure && item.figure ? html`<span class="ks-muted">${ctx.t('report.noTest')}</span>` : '—';
}

function itemRow(ctx: Ctx, item: ReportItem, withPrevious: boolean): Html {
  const { t, language } = ctx;
  const cell = (label: Parameters<Translate>[0], content: Printable, numeric = false) =>
    html`<td class="utrecht-table__cell${numeric ? ' utrecht-table__cell--numeric' : ''}" data-label="${t(label)}">${content}</td>`;
  const notApplicable = item.notApplicable > 0 ? html` <span class="ks-report-note">${t('report.notApplicable', { count: formatNumber(language, item.notApplicable) })}</span>` : '';
  const n = html`${formatNumber(language, item.n)}${item.nClass === 'indicative' ? badge(ctx, item) : ''}${notApplicable}`;
  // A choice item has no single figure, interval or test: its option list takes the row.
  const wide = item.options !== null || (item.choices.length > 0 && item.nClass === 'hidden');
  const figure = html`<td class="utrecht-table__cell" data-label="${t('report.col.figure')}" ${wide ? html`colspan="${withPrevious ? 4 : 2}"` : ''}>${figureCell(ctx, item)}</td>`;
  return html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row">${ctx.itemHref ? html`<a class="utrecht-link" href="${ctx.itemHref(item.key)}">${localize(item.text, language)}</a>` : localize(item.text, language)}</th>
  ${cell('report.col.n', n, true)}
  ${figure}
  ${wide ? '' : html`${cell('report.col.interval', item.nClass === 'hidden' ? '' : interval(ctx, item.figure))}
  ${withPrevious ? html`${cell('report.col.previous', previousCell(ctx, item))}${cell('report.col.comparison', comparisonCell(ctx, item))}` : ''}`}
</tr>`;
}

/** A module's figures as a table; the report document prints it in its appendix under an h3. */
export function moduleTable(ctx: Ctx, module: ReportModule, withPrevious: boolean, charts: readonly Html[] = [], heading: { level: 2 | 3; idPrefix: string } = { level: 2, idPrefix: 'module' }): Html {
  const { t, language } = ctx;
  const title = localize(module.title, language);
  const header = (key: Parameters<Translate>[0], numeric = false) =>
    html`<th class="utrecht-table__header-cell${numeric ? ' utrecht-table__header-cell--numeric' : ''}" scope="col">${t(key)}</th>`;
  const id = `${heading.idPrefix}-${module.key}`;
  const h = heading.level === 2 ? html`<h2 class="utrecht-heading-2" id="${id}">${title}</h2>` : html`<h3 class="utrecht-heading-3" id="${id}">${title}</h3>`;
  return html`<section aria-labelledby="${id}">
${h}
<div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table ks-report-table">
<caption class="ks-visually-hidden">${t('report.caption', { module: title })}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  ${header('report.col.item')}${header('report.col.n', true)}${header('report.col.figure')}${header('report.col.interval')}
  ${withPrevious ? html`${header('report.col.previous')}${header('report.col.comparison')}` : ''}
</tr></thead>
<tbody class="utrecht-table__body">${module.items.map((item) => itemRow(ctx, item, withPrevious))}</tbody>
</table></div>
${charts}
</section>`;
}

function keyFigures(ctx: Ctx, report: RoundReport): Html {
  const { t, language } = ctx;
  const overall = report.overall;
  const overallValue = !overall ? '—'
    : !overall.figure ? html`<span class="ks-muted">${t('report.hidden')}</span> (n = ${formatNumber(language, overall.n)})`
    : html`<strong>${value(ctx, overall.figure)}</strong> (n = ${formatNumber(language, overall.n)}; ${t('report.col.interval')} ${interval(ctx, overall.figure)})${badge(ctx, overall)}`;
  const previous = overall?.previous?.figure
    ? html`${report.previousRound?.name}: ${value(ctx, overall.previous.figure)} (n = ${formatNumber(language, overall.previous.n)})${overall.comparison ? ` · ${t(`report.compare.${overall.comparison.label}`)}` : ''}`
    : null;
  return html`<h2 class="utrecht-heading-2">${t('report.keyFigures')}</h2>
<dl class="ks-facts">
  <dt>${t('report.completed')}</dt><dd>${formatNumber(language, report.completed)}</dd>
  ${report.responseRate !== null && report.delivered !== null ? html`<dt>${t('report.responseRate')}</dt><dd>${t('report.responseRate.value', {
    rate: percent(language, report.responseRate), completed: formatNumber(language, report.completed), delivered: formatNumber(language, report.delivered),
  })}</dd>` : ''}
  <dt>${t('report.overall')}</dt><dd>${overallValue}</dd>
  ${previous ? html`<dt>${t('report.previousRound')}</dt><dd>${previous}</dd>` : ''}
</dl>`;
}

/** The changes since the previous round that the tests support, most certain first. */
function changesSection(ctx: Ctx, report: RoundReport): Html {
  const { t, language } = ctx;
  if (!report.previousRound || report.completed === 0) return html``;
  const previous = report.previousRound.name;
  const changes = significantChanges(report);
  if (changes.length === 0) return html`<h2 class="utrecht-heading-2">${t('changes.title', { previous })}</h2>
<p class="utrecht-paragraph">${t('changes.none', { previous })}</p>`;
  const unit = (type: ReportItem['type']) => (type === 'mark' ? '' : ` ${t(type === 'yesno' ? 'report.yes' : 'report.agree')}`);
  return html`<h2 class="utrecht-heading-2">${t('changes.title', { previous })}</h2>
<ul class="utrecht-unordered-list">${changes.map((c) => html`<li class="utrecht-unordered-list__item">${localize(c.item.text, language).replace(/[.?]$/, '')}: ${value(ctx, c.before)} → <strong>${value(ctx, c.now)}</strong>${unit(c.item.type)}, ${t(c.direction === 'higher' ? 'changes.higher' : 'changes.lower')}</li>`)}</ul>
<p class="utrecht-paragraph ks-muted">${t('changes.more')}</p>`;
}

function methodNote(ctx: Ctx, report: RoundReport): Html {
  const { t } = ctx;
  return html`<h2 class="utrecht-heading-2">${t('report.method.title')}</h2>
<p class="utrecht-paragraph">${t('report.method.thresholds', { hide: report.thresholds.hideBelow, indicative: report.thresholds.indicativeBelow })}</p>
<p class="utrecht-paragraph">${t('report.method.interval')}</p>
<p class="utrecht-paragraph">${t('report.method.notApplicable')}</p>
${report.previousRound ? html`<p class="utrecht-paragraph">${t('report.method.tests')}</p>
${report.previousRound.fromReport ? html`<p class="utrecht-paragraph">${t('report.method.fromReport', { previous: report.previousRound.name })}</p>` : ''}
<p class="utrecht-paragraph">${t('report.method.holm', { count: report.comparedItems })}</p>` : ''}`;
}

/** Downloads of the raw data (administrators and researchers; the routes refuse other roles). */
function exportLinks(ctx: Ctx, round: Round): Html {
  const { t, language } = ctx;
  const base = `/rounds/${round.id}`;
  return html`<p class="utrecht-paragraph ks-report-exports">${t('export.title')}:
<a class="utrecht-link" href="${base}/export.csv?values=codes&amp;lang=${language}" download>${t('export.csvCodes')}</a> ·
<a class="utrecht-link" href="${base}/export.csv?values=labels&amp;lang=${language}" download>${t('export.csvLabels')}</a> ·
<a class="utrecht-link" href="${base}/export.sps?lang=${language}" download>${t('export.sps')}</a> ·
<a class="utrecht-link" href="${base}/export.xlsx?lang=${language}" download>${t('publish.export.xlsx')}</a></p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${base}/publication">${t('publish.settings.link')}</a></p>`;
}

/** The report as a document to read, print or download (every staff role). */
function documentLinks(ctx: Ctx, round: Round): Html {
  const { t, language } = ctx;
  const base = `/rounds/${round.id}/report`;
  return html`<p class="utrecht-paragraph ks-report-exports">${t('doc.links')}:
<a class="utrecht-link" href="${base}/document?lang=${language}">${t('doc.link.html')}</a> ·
<a class="utrecht-link" href="/rounds/${round.id}/report.pdf?lang=${language}">${t('doc.link.pdf')}</a></p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${base}/weighting">${t('weighting.link')}</a></p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}/plan">${t('plan.link')}</a></p>`;
}

/** What the charts need beyond the model: answers per agreement point, the organisation's name. */
export interface ReportChartData {
  readonly agreement: ReadonlyMap<string, AgreementCounts>;
  readonly organisationName: string;
  /** The plus and improvement points section, drawn by the open-answers area. */
  readonly points?: Html;
  /** The organisation's position in the benchmarks of the round's year, when it imported any. */
  readonly benchmark?: Html;
  /** The chapters of qualitative studies beside this round. */
  readonly studies?: Html;
}

/** canExport: raw data is for researchers and administrators only. */
export function reportPage(ctx: Ctx, round: Round, report: RoundReport, canExport = false, chartData?: ReportChartData): Html {
  const { t } = ctx;
  const withPrevious = report.previousRound !== null;
  const chartCtx: ChartContext = { ...ctx, tableDisplay: 'details', idPrefix: 'screen' };
  const overview = chartData && report.completed > 0
    ? [marksChart(chartCtx, report), overallTrendChart(chartCtx, report, chartData.organisationName)].filter((c): c is Html => c !== null)
    : [];
  const chartsOf = (m: ReportModule) => (chartData ? moduleCharts(chartCtx, m, report, chartData.agreement) : []);
  return html`<link rel="stylesheet" href="/assets/report.css">
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}">← ${round.name}</a></p>
<h1 class="utrecht-heading-1">${t('report.title', { name: round.name })}</h1>
<p class="utrecht-paragraph">${statusBadge(t, round.status)}</p>
${canExport ? exportLinks(ctx, round) : ''}
${report.provisional ? html`<div class="ks-report-alert" role="note"><p class="utrecht-paragraph"><strong>${t('report.provisional')}</strong></p></div>` : ''}
<p class="utrecht-paragraph">${report.previousRound ? t('report.intro', { previous: report.previousRound.name }) : t('report.intro.noPrevious')}</p>
${documentLinks(ctx, round)}
${keyFigures(ctx, report)}
${changesSection(ctx, report)}
${overview}
${report.completed === 0 ? html`<p class="utrecht-paragraph">${t('report.none')}</p>` : report.modules.map((m) => moduleTable(ctx, m, withPrevious, chartsOf(m)))}
${chartData?.benchmark ?? ''}
${chartData?.points ?? ''}
${chartData?.studies ?? ''}
${methodNote(ctx, report)}`;
}
