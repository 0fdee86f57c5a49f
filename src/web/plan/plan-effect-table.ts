// The effect of an earlier plan in this round, per focus point: the baseline figure, the figure
// now, the difference and the verdict of the test, in words. Only prints app/plan's model.

import type { EffectSide, ItemEffect } from '../../domain/plan/plan-effect.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import { formatNumber } from '../i18n/translate.ts';
import { figureText, nClassBadge, type ViewCtx } from '../research/item-report-format.ts';

function sideText(ctx: ViewCtx, effect: ItemEffect, side: EffectSide): Html {
  // Non-breaking spaces keep "n = 60" together on a phone.
  const n = `(n\u00a0=\u00a0${formatNumber(ctx.language, side.n)})`;
  if (!effect.item || (side === effect.current && !effect.asked)) return html`${ctx.t('plan.effect.unknown')}`;
  if (!side.figure) return html`<span class="ks-muted">${ctx.t('plan.effect.hidden')}</span> ${n}`;
  return html`${figureText(ctx, effect.item.type, side.figure)} ${n}${nClassBadge(ctx, side.nClass)}`;
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

/** One card per linked question: a list reads well at 360 px, where a five-column table does not. */
export function effectList(ctx: ViewCtx, title: string, effects: readonly ItemEffect[]): Html {
  const { t } = ctx;
  return html`<ul class="ks-card-list" aria-label="${t('plan.effect.caption', { title })}">${effects.map((e) => html`<li>
<h4 class="utrecht-heading-4">${e.item ? localize(e.item.text, ctx.language) : e.key}</h4>
<dl class="ks-facts">
  <dt>${t('plan.effect.col.baseline')}</dt><dd>${sideText(ctx, e, e.baseline)}</dd>
  <dt>${t('plan.effect.col.current')}</dt><dd>${sideText(ctx, e, e.current)}</dd>
  <dt>${t('plan.effect.col.difference')}</dt><dd>${differenceText(ctx, e)}</dd>
  <dt>${t('plan.effect.col.verdict')}</dt><dd>${e.verdict === 'significant-higher' || e.verdict === 'significant-lower' ? html`<strong>${verdictText(ctx, e)}</strong>` : verdictText(ctx, e)}</dd>
</dl>
</li>`)}</ul>`;
}
