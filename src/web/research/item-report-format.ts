// Printing figures for the module and item views: one decimal for means, whole percent for
// shares, the Dutch decimal comma in Dutch. Nothing here computes a statistic.

import type { Figure } from '../../domain/report/item-figures.ts';
import { agreeLabel, localize, type Item } from '../../domain/questionnaire/questionnaire.ts';
import type { NClass } from '../../domain/statistics/reporting-thresholds.ts';
import { html, type Printable } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';

export interface ViewCtx {
  readonly t: Translate;
  readonly language: Language;
}

export function formatPercent(language: Language, share: number): string {
  return `${formatNumber(language, 100 * share, 0)}%`;
}

export function formatFigure(ctx: ViewCtx, figure: Figure): string {
  return figure.kind === 'mean' ? formatNumber(ctx.language, figure.value, 1) : formatPercent(ctx.language, figure.value);
}

export function formatInterval(ctx: ViewCtx, figure: Figure | null): string {
  if (!figure?.ci) return '—';
  const { lower, upper } = figure.ci;
  return figure.kind === 'mean'
    ? `${formatNumber(ctx.language, lower, 1)} – ${formatNumber(ctx.language, upper, 1)}`
    : `${formatNumber(ctx.language, 100 * lower, 0)} – ${formatPercent(ctx.language, upper)}`;
}

/** "7,1", "62% eens", "80% ja": the figure with what it counts. */
export function figureText(ctx: ViewCtx, type: Item['type'], figure: Figure): string {
  if (figure.kind === 'mean') return formatFigure(ctx, figure);
  return `${formatFigure(ctx, figure)} ${ctx.t(type === 'yesno' ? 'report.yes' : 'report.agree')}`;
}

export function nClassBadge(ctx: ViewCtx, nClass: NClass): Printable {
  if (nClass === 'indicative') return html` <span class="ks-badge">${ctx.t('report.indicative')}</span>`;
  return '';
}

/** The label of one answer value of an item. */
export function valueLabel(ctx: ViewCtx, item: Item, value: number): string {
  switch (item.type) {
    case 'agree5': return agreeLabel(value, ctx.language);
    case 'yesno': return ctx.t(value === 1 ? 'analysis.yes' : 'analysis.no');
    default: return formatNumber(ctx.language, value);
  }
}

export function optionLabel(ctx: ViewCtx, item: Item, code: string): string {
  const option = item.type === 'single' || item.type === 'multi' ? item.options.find((o) => o.code === code) : undefined;
  return option ? localize(option.label, ctx.language) : code;
}
