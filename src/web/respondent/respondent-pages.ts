import type { Survey } from '../../app/respondent/respondent-survey.ts';
import type { AnswerValue } from '../../domain/questionnaire/answer-value.ts';
import { itemsOf, localize, type Block, type Item } from '../../domain/questionnaire/questionnaire.ts';
import type { Step } from '../../domain/respondent/page-flow.ts';
import type { BlockAnswers } from '../../domain/respondent/read-block-answers.ts';
import { html, type Html } from '../html.ts';
import type { RespondentTranslate } from '../i18n/respondent-translate.ts';
import { csrfField } from '../layout.ts';
import { answerText } from './answer-text.ts';
import { firstInputId, itemField, problemText } from './item-fields.ts';
import { localText, plainText, textAttrs } from './respondent-layout.ts';

export interface PageContext {
  readonly t: RespondentTranslate;
  readonly language: string;
  readonly csrfToken: string;
}

export function errorSummary(t: RespondentTranslate, links: readonly { href: string; text: string }[]): Html {
  if (links.length === 0) return html``;
  return html`<div class="utrecht-alert utrecht-alert--error ks-error-summary" role="alert" tabindex="-1" id="error-summary">
<h2 class="utrecht-heading-2">${t('error.summary')}</h2>
<ul>${links.map((l) => html`<li><a class="utrecht-link" href="${l.href}">${l.text}</a></li>`)}</ul></div>`;
}

export function entryForm(ctx: PageContext, code: string, problem: string | undefined): Html {
  const { t } = ctx;
  return html`<h1 class="utrecht-heading-1">${t('entry.title')}</h1>
${errorSummary(t, problem ? [{ href: '#code', text: problem }] : [])}
<p class="utrecht-paragraph">${t('entry.intro')}</p>
<form method="post" action="/r" novalidate>
${csrfField(ctx.csrfToken)}
<div class="utrecht-form-field ${problem ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="code">${t('entry.code')}</label>
  <p class="utrecht-form-field-description" id="code-hint">${t('entry.code.hint')}</p>
  ${problem ? html`<p class="utrecht-form-field-error-message" id="code-error">${problem}</p>` : ''}
  <input class="utrecht-textbox utrecht-textbox--html-input ks-code-input" id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" dir="ltr" value="${code}" aria-describedby="code-hint${problem ? ' code-error' : ''}" ${problem ? html`aria-invalid="true"` : ''}>
</div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('entry.start')}</button>
</form>
<p class="utrecht-paragraph ks-muted">${t('entry.resume')}</p>`;
}

// Question numbers (as on paper) per questionnaire definition, built once: definitions are
// cached and immutable.
const numbering = new WeakMap<Survey['questionnaire'], Map<string, number>>();
function numbers(survey: Survey): Map<string, number> {
  let numberOf = numbering.get(survey.questionnaire);
  if (!numberOf) {
    numberOf = new Map(itemsOf(survey.questionnaire).map((item, i) => [item.key, i + 1]));
    numbering.set(survey.questionnaire, numberOf);
  }
  return numberOf;
}

export function questionPage(
  ctx: PageContext,
  input: { survey: Survey; block: Block; items: readonly Item[]; step: Step; back: string | undefined; read?: BlockAnswers; returnToCheck: boolean },
): Html {
  const { t, language } = ctx;
  const { survey, block, read } = input;
  const numberOf = numbers(survey);
  const links = input.items
    .filter((i) => read?.problems.has(i.key))
    .map((i) => ({ href: `#${firstInputId(i)}`, text: `${localize(i.text, language)}: ${problemText(t, read!.problems.get(i.key)!)}` }));
  const backLink = input.back ?? undefined;
  return html`${backLink ? html`<a class="utrecht-link ks-back" href="/survey/${backLink}"><span class="ks-back-arrow" aria-hidden="true">←</span> ${t('back')}</a>` : ''}
<p class="ks-step">${t('step', { number: input.step.number, of: input.step.of })}</p>
<progress class="ks-progress" max="${input.step.of}" value="${input.step.number}" aria-hidden="true"></progress>
${errorSummary(t, links)}
<h1 class="utrecht-heading-1"${textAttrs(block.title, language)}>${plainText(block.title, language)}</h1>
${block.intro ? html`<p class="utrecht-paragraph"${textAttrs(block.intro, language)}>${plainText(block.intro, language)}</p>` : ''}
<form method="post" action="/survey/${block.key}" novalidate>
${csrfField(ctx.csrfToken)}
${input.returnToCheck ? html`<input type="hidden" name="return" value="check">` : ''}
${input.items.map((item) =>
    itemField(item, {
      // after a problem, show what was just sent (valid answers were saved), not the old answer
      answer: read && read.answers.has(item.key) ? read.answers.get(item.key) : survey.answers.get(item.key),
      raw: read?.problems.has(item.key) ? read.raw.get(item.key) : undefined,
      problem: read?.problems.get(item.key),
    }, t, language, numberOf.get(item.key) ?? 0),
  )}
<div class="ks-r-actions"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('next')}</button></div>
</form>
<p class="utrecht-paragraph ks-muted">${t('saved')}</p>`;
}

export function checkPage(
  ctx: PageContext,
  input: { survey: Survey; pages: readonly Block[]; items: readonly Item[]; step: Step; back: string | undefined; missing: boolean },
): Html {
  const { t, language } = ctx;
  const { survey } = input;
  const numberOf = numbers(survey);
  const shown = new Set(input.items.map((i) => i.key));
  return html`${input.back ? html`<a class="utrecht-link ks-back" href="/survey/${input.back}"><span class="ks-back-arrow" aria-hidden="true">←</span> ${t('back')}</a>` : ''}
<p class="ks-step">${t('step', { number: input.step.number, of: input.step.of })}</p>
<progress class="ks-progress" max="${input.step.of}" value="${input.step.number}" aria-hidden="true"></progress>
${input.missing ? errorSummary(t, [{ href: '#answers', text: t('check.missing') }]) : ''}
<h1 class="utrecht-heading-1">${t('check.title')}</h1>
<p class="utrecht-paragraph">${t('check.intro')}</p>
<div id="answers" tabindex="-1">${input.pages.map((block) => html`<h2 class="utrecht-heading-2">${localText(block.title, language)}</h2>
<dl class="ks-answers">${block.items.filter((i) => shown.has(i.key)).map((item) => html`<div>
<dt>${numberOf.get(item.key)}. ${localText(item.text, language)}</dt>
<dd>${answerText(item, survey.answers.get(item.key) as AnswerValue | undefined, t, language)}</dd>
<dd><a class="utrecht-link" href="/survey/${block.key}?return=check#${firstInputId(item)}">${t('check.change')}<span class="ks-visually-hidden">: ${localize(item.text, language)}</span></a></dd>
</div>`)}</dl>`)}</div>
<form method="post" action="/survey/check" novalidate>
${csrfField(ctx.csrfToken)}
<div class="ks-r-actions"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('check.send')}</button></div>
</form>`;
}

export function messagePage(title: string, paragraphs: readonly string[], link?: { href: string; text: string }): Html {
  return html`<h1 class="utrecht-heading-1">${title}</h1>
${paragraphs.map((p) => html`<p class="utrecht-paragraph">${p}</p>`)}
${link ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${link.href}">${link.text}</a></p>` : ''}`;
}
