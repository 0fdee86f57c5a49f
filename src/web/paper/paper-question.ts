import { paperAnswersOf, sameAnswer, type PaperAnswer, type PaperRouting } from '../../domain/paper/paper-routing.ts';
import { agreeLabel, assertNever, localize, type AgreeItem, type Item } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import type { Language, Translate } from '../i18n/translate.ts';
import { jumpText, paperAnswerLabel, skipText } from './paper-instructions.ts';

// One question as printed: a number, the text, and boxes. Nothing here is interactive; the
// respondent reads the instructions and ticks with a pen.

export interface PaperContext {
  readonly t: Translate;
  readonly language: Language;
  readonly routing: PaperRouting;
  readonly items: ReadonlyMap<string, Item>;
}

const box = html`<span class="box"></span>`;

function jumpOf(ctx: PaperContext, item: Item, answer: PaperAnswer): Html {
  const jump = ctx.routing.jumps.get(item.key)?.find((j) => sameAnswer(j.answer, answer));
  return jump ? html` <span class="jump">→ ${jumpText(jump, ctx.t)}</span>` : html``;
}

function boxList(ctx: PaperContext, item: Item, row: boolean): Html {
  return html`<ul class="opts${row ? ' opts--row' : ''}">${paperAnswersOf(item).map(
    (answer) => html`<li>${box}<span class="opt-label${answer.kind === 'na' ? ' na' : ''}">${paperAnswerLabel(answer, item, ctx.t, ctx.language)}${jumpOf(ctx, item, answer)}</span></li>`,
  )}</ul>`;
}

function markScale(ctx: PaperContext, item: Item): Html {
  const marks = Array.from({ length: 10 }, (_, i) => i + 1);
  return html`<table class="mark" role="presentation">
<tr>${marks.map((n) => html`<td>${n}</td>`)}${item.allowNotApplicable ? html`<td class="mark-na" rowspan="2">${box} <span class="na">${ctx.t('paper.na')}</span></td>` : ''}</tr>
<tr>${marks.map(() => html`<td>${box}</td>`)}</tr>
<tr><td colspan="3" class="end-low">${ctx.t('paper.mark.low')}</td><td colspan="4"></td><td colspan="3" class="end-high">${ctx.t('paper.mark.high')}</td></tr>
</table>`;
}

function digitBoxes(ctx: PaperContext, item: Item & { type: 'number' }): Html {
  const digits = item.max !== undefined ? Math.min(Math.max(String(Math.floor(Math.abs(item.max))).length, 1), 8) : 4;
  const hint = item.min !== undefined && item.max !== undefined ? ctx.t('paper.numberRange', { min: item.min, max: item.max }) : ctx.t('paper.number');
  return html`<p class="hint">${hint}</p>
<p class="digits">${Array.from({ length: digits }, () => html`<span class="digit"></span>`)}${item.integer ? '' : html`<span class="comma">,</span><span class="digit"></span>`}</p>
${item.allowNotApplicable ? html`<ul class="opts"><li>${box}<span class="opt-label na">${ctx.t('paper.na')}</span></li></ul>` : ''}`;
}

function openLines(ctx: PaperContext, maxLength: number): Html {
  const lines = Math.min(Math.max(Math.ceil(maxLength / 250), 3), 6);
  return html`<p class="hint">${ctx.t('paper.open')}</p><div class="lines">${Array.from({ length: lines }, () => html`<div class="line"></div>`)}</div>`;
}

function answerArea(ctx: PaperContext, item: Item): Html {
  switch (item.type) {
    case 'mark':
      return markScale(ctx, item);
    case 'agree5':
      return html`<ul class="opts">${[1, 2, 3, 4, 5].map((n) => html`<li>${box}<span class="opt-label">${agreeLabel(n, ctx.language)}</span></li>`)}${
        item.allowNotApplicable ? html`<li>${box}<span class="opt-label na">${ctx.t('paper.na')}</span></li>` : ''}</ul>`;
    case 'yesno':
      return boxList(ctx, item, true);
    case 'single':
      return boxList(ctx, item, false);
    case 'multi':
      return html`<p class="hint">${item.maxChoices ? ctx.t('paper.multiMax', { max: item.maxChoices }) : ctx.t('paper.multi')}</p>${boxList(ctx, item, false)}`;
    case 'number':
      return digitBoxes(ctx, item);
    case 'open':
      return openLines(ctx, item.maxLength);
    default:
      return assertNever(item);
  }
}

export function routeNote(text: string): Html {
  return html`<p class="route"><span class="route-arrow">→</span> ${text}</p>`;
}

export function paperQuestion(ctx: PaperContext, item: Item): Html {
  const skip = ctx.routing.itemSkips.get(item.key);
  return html`<div class="q">
<div class="qn">${ctx.routing.numbers.get(item.key)}</div>
<div class="qb">
${skip ? routeNote(skipText(skip, ctx.items, ctx.t, ctx.language)) : ''}
<p class="qt">${localize(item.text, ctx.language)}</p>
${item.help ? html`<p class="qh">${localize(item.help, ctx.language)}</p>` : ''}
${answerArea(ctx, item)}
</div>
</div>`;
}

/** Consecutive agreement statements as one grid: one row per statement, a box per point. */
export function agreeMatrix(ctx: PaperContext, items: readonly AgreeItem[]): Html {
  const withNa = items.some((i) => i.allowNotApplicable);
  return html`<table class="matrix">
<thead><tr><th class="m-n"></th><th class="m-s"></th>${[1, 2, 3, 4, 5].map((n) => html`<th>${agreeLabel(n, ctx.language)}</th>`)}${withNa ? html`<th class="na">${ctx.t('paper.na')}</th>` : ''}</tr></thead>
<tbody>${items.map((item) => html`<tr>
<td class="m-n">${ctx.routing.numbers.get(item.key)}</td>
<td class="m-s">${localize(item.text, ctx.language)}${item.help ? html`<span class="qh">${localize(item.help, ctx.language)}</span>` : ''}</td>
${[1, 2, 3, 4, 5].map(() => html`<td>${box}</td>`)}${withNa ? html`<td>${item.allowNotApplicable ? box : ''}</td>` : ''}
</tr>`)}</tbody>
</table>`;
}
