// The item view: one question's figure, the spread of its answers, the trend over the
// organisation's rounds, the reference group, and breakdowns with small groups hidden. It only
// prints the report model and the breakdowns computed in the domain.

import type { ItemReportView } from '../../app/item-report.ts';
import type { ItemBreakdown } from '../../domain/report/item-breakdown.ts';
import { itemsOf, localize, type Item } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html, type Printable } from '../html.ts';
import { formatNumber, type Translate } from '../i18n/translate.ts';
import { figureText, formatFigure, formatInterval, formatPercent, nClassBadge, optionLabel, valueLabel, type ViewCtx } from './item-report-format.ts';
import { moduleHref, provisionalNote } from './module-report-page.ts';

type Key = Parameters<Translate>[0];

const BACKGROUND_NAMES = ['achtergrond.leeftijd', 'achtergrond.huishouden', 'achtergrond.duur_uitkering', 'achtergrond.taal'];

function table(ctx: ViewCtx, caption: string, headers: readonly Key[], rows: readonly Html[], captionVisible = true): Html {
  return html`<div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table ks-report-table">
<caption class="${captionVisible ? 'ks-table-caption' : 'ks-visually-hidden'}">${caption}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">${headers.map((h) => html`<th class="utrecht-table__header-cell" scope="col">${ctx.t(h)}</th>`)}</tr></thead>
<tbody class="utrecht-table__body">${rows}</tbody></table></div>`;
}

function tr(ctx: ViewCtx, head: Printable, cells: readonly [Key, Printable][]): Html {
  return html`<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">${head}</th>${cells.map(
    ([label, content]) => html`<td class="utrecht-table__cell" data-label="${ctx.t(label)}">${content}</td>`,
  )}</tr>`;
}

function facts(ctx: ViewCtx, view: ItemReportView): Html {
  const { t, language } = ctx;
  const { item, report } = view;
  if (item.nClass === 'hidden') return html`<p class="utrecht-paragraph">${t('analysis.item.hidden', { hide: report.thresholds.hideBelow })} (n = ${formatNumber(language, item.n)})</p>`;
  return html`<dl class="ks-facts">
<dt>${t('report.col.n')}</dt><dd>${formatNumber(language, item.n)}${nClassBadge(ctx, item.nClass)}</dd>
${item.figure ? html`<dt>${t('report.col.figure')}</dt><dd><strong>${figureText(ctx, item.type, item.figure)}</strong></dd>
<dt>${t('report.col.interval')}</dt><dd>${formatInterval(ctx, item.figure)}</dd>` : ''}
${item.insufficient ? html`<dt>${t('analysis.insufficient')}</dt><dd>${formatPercent(language, item.insufficient.value)}</dd>` : ''}
<dt>${t('analysis.item.notApplicable')}</dt><dd>${formatNumber(language, item.notApplicable)}</dd>
</dl>`;
}

function distribution(ctx: ViewCtx, view: ItemReportView): Printable {
  const { t, language } = ctx;
  const { item, definition } = view;
  if (item.nClass === 'hidden') return '';
  const header = html`<h2 class="utrecht-heading-2">${t('analysis.distribution.title')}</h2>`;
  const share = (count: number, n: number) => (n > 0 ? formatPercent(language, count / n) : '—');
  if (item.options) {
    return html`${header}${table(ctx, t('analysis.distribution.caption'), ['analysis.col.answer', 'analysis.col.count', 'analysis.col.share'], item.options.options.map((o) =>
      tr(ctx, optionLabel(ctx, definition, o.code), [['analysis.col.count', formatNumber(language, o.count)], ['analysis.col.share', o.share ? formatPercent(language, o.share.share) : '—']])))}`;
  }
  if (!item.distribution) return html`${header}<p class="utrecht-paragraph">${t('analysis.distribution.none')}</p>`;
  const n = item.distribution.reduce((sum, d) => sum + d.count, 0);
  return html`${header}${table(ctx, t('analysis.distribution.caption'), ['analysis.col.answer', 'analysis.col.count', 'analysis.col.share'], item.distribution.map((d) =>
    tr(ctx, valueLabel(ctx, definition, d.value), [['analysis.col.count', formatNumber(language, d.count)], ['analysis.col.share', share(d.count, n)]])))}`;
}

function trend(ctx: ViewCtx, view: ItemReportView): Html {
  const { t, language } = ctx;
  const points = view.item.trend;
  const body = points.length < 2
    ? html`<p class="utrecht-paragraph">${t('analysis.trend.none')}</p>`
    : table(ctx, t('analysis.trend.caption'), ['analysis.col.round', 'analysis.col.year', 'report.col.n', 'report.col.figure', 'report.col.interval'], points.map((p) =>
      tr(ctx, html`${p.name}${p.current ? html` <span class="ks-report-note">${t('analysis.trend.current')}</span>` : ''}`, [
        ['analysis.col.year', String(p.year)],
        ['report.col.n', html`${formatNumber(language, p.n)}${nClassBadge(ctx, p.nClass)}`],
        ['report.col.figure', p.figure ? formatFigure(ctx, p.figure) : html`<span class="ks-muted">${t(p.nClass === 'hidden' ? 'report.hidden' : 'common.none')}</span>`],
        ['report.col.interval', formatInterval(ctx, p.figure)],
      ])));
  return html`<h2 class="utrecht-heading-2">${t('analysis.trend.title')}</h2>${body}`;
}

function comparisons(ctx: ViewCtx, view: ItemReportView): Html {
  const { t, language } = ctx;
  const { item, report, round } = view;
  const previous = item.previous?.figure && report.previousRound
    ? html`<h2 class="utrecht-heading-2">${t('analysis.previous.title')}</h2>
<p class="utrecht-paragraph">${report.previousRound.name}: ${formatFigure(ctx, item.previous.figure)} (n = ${formatNumber(language, item.previous.n)})${item.comparison ? html` · <strong>${t(`report.compare.${item.comparison.label}`)}</strong>` : ''}</p>`
    : '';
  const reference = item.reference?.figure && item.figure
    ? html`<p class="utrecht-paragraph">${t('analysis.reference.own', { figure: formatFigure(ctx, item.figure), n: formatNumber(language, item.n) })}<br>
${t('analysis.reference.figure', { year: report.referenceGroup?.year ?? round.year, figure: formatFigure(ctx, item.reference.figure), n: formatNumber(language, item.reference.n), organisations: item.reference.organisations })}
${item.referenceComparison ? html`<br><strong>${t(`analysis.reference.compare.${item.referenceComparison.label}`)}</strong>` : ''}</p>
<p class="utrecht-paragraph">${t('analysis.reference.explain', { year: round.year })}</p>`
    : html`<p class="utrecht-paragraph">${t('analysis.reference.none', { min: 5, year: round.year })}</p>`;
  return html`${previous}<h2 class="utrecht-heading-2">${t('analysis.reference.title')}</h2>${reference}`;
}

function dimensionLabel(ctx: ViewCtx, dimension: string, items: readonly Item[]): string {
  const { t, language } = ctx;
  if (dimension === 'channel') return t('analysis.dimension.channel');
  if (dimension === 'language') return t('analysis.dimension.language');
  if (dimension.startsWith('item:')) {
    const key = dimension.slice(5);
    const known = `analysis.background.${key}` as Key;
    const item = items.find((i) => i.key === key);
    const name = BACKGROUND_NAMES.includes(key) ? t(known) : item ? localize(item.text, language).replace(/[?.]$/, '') : key;
    return t('analysis.dimension.item', { item: name });
  }
  const variable = dimension.slice('carried:'.length);
  const known = ['age_band', 'district', 'benefit_type'].includes(variable) ? t(`analysis.carried.${variable as 'age_band'}`) : variable;
  return t('analysis.dimension.carried', { variable: known });
}

function groupLabel(ctx: ViewCtx, dimension: string, group: string, items: readonly Item[]): string {
  const { t } = ctx;
  if (group === '') return t('analysis.group.unknown');
  if (dimension === 'channel' && ['web', 'paper', 'phone'].includes(group)) return t(`analysis.channel.${group as 'web'}`);
  if (dimension === 'language' && ['nl', 'en', 'ar', 'tr', 'pl', 'ti'].includes(group)) return t(`analysis.language.${group as 'nl'}`);
  if (dimension.startsWith('item:')) {
    const item = items.find((i) => i.key === dimension.slice(5));
    return item ? optionLabel(ctx, item, group) : group;
  }
  return group;
}

function breakdownTable(ctx: ViewCtx, view: ItemReportView, breakdown: ItemBreakdown): Html {
  const { t, language } = ctx;
  const items = itemsOf(view.questionnaire);
  const caption = t('analysis.breakdown.caption', { dimension: dimensionLabel(ctx, breakdown.dimension, items) });
  return html`<section aria-label="${caption}"><h3 class="utrecht-heading-3">${caption}</h3>${table(ctx, caption, ['analysis.col.group', 'report.col.n', 'report.col.figure', 'report.col.interval'], breakdown.rows.map((row) => {
    const label = groupLabel(ctx, breakdown.dimension, row.group, items);
    if (row.hidden) {
      const why = html`<span class="ks-muted">${t(`analysis.group.hidden.${row.hidden}`)}</span>`;
      return tr(ctx, label, [['report.col.n', '—'], ['report.col.figure', why], ['report.col.interval', '']]);
    }
    return tr(ctx, label, [
      ['report.col.n', html`${formatNumber(language, row.n ?? 0)}${nClassBadge(ctx, row.nClass)}`],
      ['report.col.figure', row.figure ? figureText(ctx, view.item.type, row.figure) : '—'],
      ['report.col.interval', formatInterval(ctx, row.figure)],
    ]);
  }), false)}</section>`;
}

export function itemReportPage(ctx: ViewCtx, view: ItemReportView): Html {
  const { t, language } = ctx;
  const { round, report, module, item } = view;
  const moduleTitle = localize(module.title, language);
  return html`<link rel="stylesheet" href="/assets/report.css">
<nav aria-label="${t('analysis.backToReport')}" class="ks-breadcrumbs"><p class="utrecht-paragraph">
<a class="utrecht-link" href="/rounds/${round.id}/report">← ${t('analysis.backToReport')}</a> ·
<a class="utrecht-link" href="${moduleHref(round, module.key)}">${t('analysis.backToModule', { module: moduleTitle })}</a></p></nav>
<h1 class="utrecht-heading-1">${localize(item.text, language)}</h1>
<p class="utrecht-paragraph ks-muted">${moduleTitle} · ${round.name}</p>
${provisionalNote(ctx, report)}
<h2 class="utrecht-heading-2">${t('analysis.item.facts')}</h2>
${facts(ctx, view)}
${distribution(ctx, view)}
${trend(ctx, view)}
${item.nClass === 'hidden' ? '' : comparisons(ctx, view)}
${item.nClass === 'hidden' ? '' : html`<h2 class="utrecht-heading-2">${t('analysis.breakdowns.title')}</h2>
<p class="utrecht-paragraph">${t('analysis.breakdowns.intro', { hide: report.thresholds.hideBelow })}</p>
${view.breakdowns.length === 0 ? html`<p class="utrecht-paragraph">${t('analysis.breakdowns.none')}</p>` : view.breakdowns.map((b) => breakdownTable(ctx, view, b))}`}`;
}
