// The effect of an earlier plan in this round, per focus point: the baseline figure, the figure
// now, the difference and the verdict of the test, in words. Only prints app/plan's model.

import type { EffectSide, ItemEffect } from '../../domain/plan/plan-effect.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import { formatNumber } from '../i18n/translate.ts';
import { figureText, nClassBadge, type ViewCtx } from '../research/item-report-format.ts';

function sideCell(ctx: ViewCtx, effect: ItemEffect, side: EffectSide): Html {
  const content = !effect.item ? ctx.t('plan.effect.unknown')
    : !side.figure ? html`<span class="ks-muted">${ctx.t('plan.effect.hidden')}</span>`
      : html`${figureText(ctx, effect.item.type, side.figure)}${nClassBadge(ctx, side.nClass)}`;
  return html`<td class="utrecht-table__cell utrecht-table__cell--numeric">${content}<br><span class="ks-muted">n = ${formatNumber(ctx.language, side.n)}</span></td>`;
}

/** "+0,4" for a mark, "+12 procentpunt" for a share; the minus sign is a real one. */
export function differenceText(ctx: ViewCtx, effect: ItemEffect): string {
  if (effect.difference === null || !effect.current.figure) return '—';
  const share = effect.current.figure.kind === 'share';
  const amount = share ? 100 * effect.difference : effect.difference;
  const rounded = formatNumber(ctx.language, Math.abs(amount), share ? 0 : 1);
  const sign = /^[0,.]+$/.test(rounded) ? '' : amount > 0 ? '+' : '−';
  return share ? ctx.t('plan.effect.points', { value: `${sign}${rounded}` }) : `${sign}${rounded}`;
}

export function verdictText(ctx: ViewCtx, effect: ItemEffect): string {
  return effect.verdict ? ctx.t(`plan.effect.${effect.verdict}`) : ctx.t('plan.effect.notTested');
}

export function effectTable(ctx: ViewCtx, title: string, effects: readonly ItemEffect[]): Html {
  const { t } = ctx;
  const caption = t('plan.effect.caption', { title });
  return html`<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-label="${caption}">
<table class="utrecht-table utrecht-table--html-table">
<caption class="utrecht-table__caption">${caption}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('plan.effect.col.question')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('plan.effect.col.baseline')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('plan.effect.col.current')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('plan.effect.col.difference')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('plan.effect.col.verdict')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${effects.map((e) => html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row">${e.item ? localize(e.item.text, ctx.language) : e.key}</th>
  ${sideCell(ctx, e, e.baseline)}
  ${sideCell(ctx, e, e.current)}
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${differenceText(ctx, e)}</td>
  <td class="utrecht-table__cell">${e.verdict === 'significant-higher' || e.verdict === 'significant-lower' ? html`<strong>${verdictText(ctx, e)}</strong>` : verdictText(ctx, e)}</td>
</tr>`)}</tbody>
</table></div>`;
}
