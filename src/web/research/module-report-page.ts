// The module view: every item of one module with its figure, the previous round and the
// reference group, each linking to the item view. Only prints the report model.

import type { Round } from '../../db/round-store.ts';
import type { ReportItem, ReportModule, RoundReport } from '../../domain/report/build-round-report.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html, type Printable } from '../html.ts';
import { formatNumber, type Translate } from '../i18n/translate.ts';
import { figureText, formatFigure, formatInterval, formatPercent, nClassBadge, optionLabel, type ViewCtx } from './item-report-format.ts';

export function itemHref(round: Round, itemKey: string): string {
  return `/rounds/${round.id}/report/items/${encodeURIComponent(itemKey)}`;
}

export function moduleHref(round: Round, moduleKey: string): string {
  return `/rounds/${round.id}/report/modules/${encodeURIComponent(moduleKey)}`;
}

export function provisionalNote(ctx: ViewCtx, report: RoundReport): Printable {
  return report.provisional ? html`<div class="ks-report-alert" role="note"><p class="utrecht-paragraph"><strong>${ctx.t('report.provisional')}</strong></p></div>` : '';
}

function figureCell(ctx: ViewCtx, item: ReportItem): Printable {
  if (item.nClass === 'hidden') return html`<span class="ks-muted">${ctx.t('report.hidden')}</span>`;
  if (item.options) {
    const choices = { type: item.type, options: item.choices } as Parameters<typeof optionLabel>[1];
    return html`<ul class="ks-report-options">${item.options.options.map((o) => html`<li>${optionLabel(ctx, choices, o.code)}: ${formatNumber(ctx.language, o.count)} (${o.share ? formatPercent(ctx.language, o.share.share) : '—'})</li>`)}</ul>`;
  }
  if (!item.figure) return '—';
  return html`<strong>${figureText(ctx, item.type, item.figure)}</strong><span class="ks-report-note">${formatInterval(ctx, item.figure)}</span>`;
}

function previousCell(ctx: ViewCtx, item: ReportItem): Printable {
  if (!item.previous?.figure) return '—';
  const verdict = item.comparison ? html`<span class="ks-report-note${item.comparison.label === 'in-line' ? '' : ' ks-significant'}">${ctx.t(`report.compare.${item.comparison.label}`)}</span>` : '';
  return html`${formatFigure(ctx, item.previous.figure)} <span class="ks-nowrap">(n = ${formatNumber(ctx.language, item.previous.n)})</span>${verdict}`;
}

function referenceCell(ctx: ViewCtx, item: ReportItem): Printable {
  if (!item.reference?.figure) return '—';
  const verdict = item.referenceComparison
    ? html`<span class="ks-report-note${item.referenceComparison.label === 'in-line' ? '' : ' ks-significant'}">${ctx.t(`analysis.reference.compare.${item.referenceComparison.label}`)}</span>`
    : '';
  return html`${formatFigure(ctx, item.reference.figure)} <span class="ks-nowrap">(n = ${formatNumber(ctx.language, item.reference.n)})</span>${verdict}`;
}

function row(ctx: ViewCtx, round: Round, item: ReportItem, withPrevious: boolean, withReference: boolean): Html {
  const { t, language } = ctx;
  const cell = (label: Parameters<Translate>[0], content: Printable) => html`<td class="utrecht-table__cell" data-label="${t(label)}">${content}</td>`;
  return html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="${itemHref(round, item.key)}">${localize(item.text, language)}</a></th>
${cell('report.col.n', html`${formatNumber(language, item.n)}${nClassBadge(ctx, item.nClass)}`)}
${cell('report.col.figure', figureCell(ctx, item))}
${withPrevious ? cell('report.col.previous', previousCell(ctx, item)) : ''}
${withReference ? cell('analysis.col.reference', referenceCell(ctx, item)) : ''}
</tr>`;
}

export function moduleReportPage(ctx: ViewCtx, round: Round, report: RoundReport, module: ReportModule): Html {
  const { t, language } = ctx;
  const title = localize(module.title, language);
  const withPrevious = report.previousRound !== null;
  const withReference = module.items.some((i) => i.reference !== null);
  const header = (key: Parameters<Translate>[0]) => html`<th class="utrecht-table__header-cell" scope="col">${t(key)}</th>`;
  return html`<link rel="stylesheet" href="/assets/report.css">
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}/report">← ${t('analysis.backToReport')}</a></p>
<h1 class="utrecht-heading-1">${t('analysis.module.title', { module: title, round: round.name })}</h1>
${provisionalNote(ctx, report)}
<p class="utrecht-paragraph">${t('analysis.module.intro')}</p>
<div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table ks-report-table ks-module-table">
<caption class="ks-visually-hidden">${t('analysis.module.caption', { module: title })}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
${header('report.col.item')}${header('report.col.n')}${header('report.col.figure')}
${withPrevious ? header('report.col.previous') : ''}${withReference ? header('analysis.col.reference') : ''}
</tr></thead>
<tbody class="utrecht-table__body">${module.items.map((item) => row(ctx, round, item, withPrevious, withReference))}</tbody>
</table></div>
${report.referenceGroup ? html`<p class="utrecht-paragraph">${t('analysis.reference.explain', { year: report.referenceGroup.year })}</p>` : ''}
<p class="utrecht-paragraph">${t('report.method.thresholds', { hide: report.thresholds.hideBelow, indicative: report.thresholds.indicativeBelow })}</p>
${report.holmTests > 0 ? html`<p class="utrecht-paragraph">${t('report.method.holm', { count: report.holmTests })}</p>` : ''}`;
}
