import type { PaperForm } from '../../app/paper/paper-form.ts';
import type { EntryDifference, Answers } from '../../domain/paper/entry-differences.ts';
import { paperRouting } from '../../domain/paper/paper-routing.ts';
import { formatAccessCode } from '../../domain/access-code.ts';
import { itemsOf, localize, type Item } from '../../domain/questionnaire/questionnaire.ts';
import type { BlockAnswers } from '../../domain/respondent/read-block-answers.ts';
import type { Round } from '../../db/round-store.ts';
import { html, type Html } from '../html.ts';
import { isRespondentLanguage, languageName } from '../i18n/respondent-translate.ts';
import type { Language, Translate } from '../i18n/translate.ts';
import { csrfField, errorSummary, type FieldError } from '../layout.ts';
import { entryAnswerText } from './entry-answer-text.ts';
import { entryField, entryInputId, entryProblemText } from './entry-fields.ts';
import { skipText } from './paper-instructions.ts';

export interface EntryPageContext {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
}

const assets = html`<link rel="stylesheet" href="/assets/paper-entry.css"><script src="/assets/paper-entry.js" defer></script>`;

function backLink(round: Round): Html {
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}">← ${round.name}</a></p>`;
}

function languageOptions(languages: readonly string[], selected: string): Html {
  return html`${languages.map((l) => html`<option value="${l}" ${l === selected ? 'selected' : ''}>${isRespondentLanguage(l) ? languageName(l) : l}</option>`)}`;
}

export interface CodePageInput {
  readonly round: Round;
  readonly languages: readonly string[];
  readonly code: string;
  readonly formLanguage: string;
  readonly error: string | undefined;
  readonly doubleEntry: boolean;
  readonly pending: number;
  readonly canEnter: boolean;
}

/** Step 1: the code of the paper form; also the double-entry switch and the printable form. */
export function codePage(ctx: EntryPageContext, input: CodePageInput): Html {
  const { t, csrfToken } = ctx;
  const { round, error } = input;
  const errors: FieldError[] = error ? [{ field: 'code', message: error }] : [];
  return html`${assets}${backLink(round)}
<h1 class="utrecht-heading-1">${t('paperEntry.title')}</h1>
${errorSummary(t, errors)}
${input.canEnter ? html`<p class="utrecht-paragraph">${t('paperEntry.intro')}</p>
<form method="post" action="/rounds/${round.id}/entry" novalidate class="ks-narrow">${csrfField(csrfToken)}
<div class="utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="code">${t('paperEntry.code')}</label>
  <p class="utrecht-form-field-description" id="code-hint">${t('paperEntry.code.hint')}</p>
  ${error ? html`<p class="utrecht-form-field-error-message" id="code-error">${error}</p>` : ''}
  <input class="utrecht-textbox utrecht-textbox--html-input pe-code" id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" value="${input.code}" aria-describedby="code-hint${error ? ' code-error' : ''}" ${error ? html`aria-invalid="true"` : ''} autofocus>
</div>
${input.languages.length > 1 ? html`<div class="utrecht-form-field"><label class="utrecht-form-label" for="language">${t('paperEntry.language')}</label>
<select class="utrecht-select utrecht-select--html-select ks-width-m" id="language" name="language">${languageOptions(input.languages, input.formLanguage)}</select></div>` : html`<input type="hidden" name="language" value="${input.languages[0] ?? 'nl'}">`}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('paperEntry.start')}</button>
</form>` : html`<div class="utrecht-alert utrecht-alert--error" role="status"><p class="utrecht-paragraph">${t('paperEntry.notFieldwork')}</p></div>`}
<section class="ks-panel" aria-labelledby="double-title">
<h2 class="utrecht-heading-2 pe-panel-title" id="double-title">${t('paperEntry.double.title')}</h2>
<p class="utrecht-paragraph">${t('paperEntry.double.text')}</p>
<p class="utrecht-paragraph"><strong>${input.doubleEntry ? t('paperEntry.double.on') : t('paperEntry.double.off')}</strong>
${input.pending > 0 ? html` ${t('paperEntry.double.pending', { count: input.pending })}` : ''}</p>
<form method="post" action="/rounds/${round.id}/entry/double">${csrfField(csrfToken)}<input type="hidden" name="on" value="${input.doubleEntry ? '0' : '1'}">
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${input.doubleEntry ? t('paperEntry.double.switchOff') : t('paperEntry.double.switchOn')}</button></form>
</section>
<section class="ks-panel" aria-labelledby="pdf-title">
<h2 class="utrecht-heading-2 pe-panel-title" id="pdf-title">${t('paperEntry.pdf.title')}</h2>
<p class="utrecht-paragraph">${t('paperEntry.pdf.text')}</p>
<form method="get" action="/rounds/${round.id}/paper.pdf" class="pe-pdf-form">
<div class="utrecht-form-field"><label class="utrecht-form-label" for="pdf-code">${t('paperEntry.pdf.code')}</label>
<input class="utrecht-textbox utrecht-textbox--html-input pe-code" id="pdf-code" name="code" type="text" autocomplete="off" spellcheck="false"></div>
<div class="utrecht-form-field"><label class="utrecht-form-label" for="pdf-lang">${t('paperEntry.pdf.language')}</label>
<select class="utrecht-select utrecht-select--html-select ks-width-m" id="pdf-lang" name="lang">${languageOptions(input.languages.filter((l) => l === 'nl' || l === 'en'), 'nl')}</select></div>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('paperEntry.pdf.make')}</button>
</form>
</section>`;
}

export interface FormPageInput {
  readonly form: PaperForm;
  readonly formLanguage: string;
  readonly read: BlockAnswers | undefined;
  /** Items the routing would drop, with the token that confirms saving without them. */
  readonly skips: { readonly items: readonly Item[]; readonly token: string } | undefined;
}

/** Step 2: every question on one page, numbered as on paper; routing shown, not enforced. */
export function formPage(ctx: EntryPageContext, input: FormPageInput): Html {
  const { t, language, csrfToken } = ctx;
  const { form, read, skips } = input;
  const questionnaire = form.questionnaire;
  const routing = paperRouting(questionnaire, language);
  const items = new Map(itemsOf(questionnaire).map((i) => [i.key, i]));
  const number = (item: Item) => routing.numbers.get(item.key) ?? 0;
  const problems = itemsOf(questionnaire).filter((i) => read?.problems.has(i.key));
  const errors: FieldError[] = problems.map((i) => ({ field: entryInputId(i), message: t('paperEntry.problem', { number: number(i), problem: entryProblemText(t, i, read!.problems.get(i.key)!) }) }));
  const warning = skips && errors.length === 0
    ? html`<div class="utrecht-alert pe-warning ks-error-summary" role="alert" tabindex="-1" id="error-summary" autofocus>
<h2 class="utrecht-heading-2">${t('paperEntry.skipped.title')}</h2>
<p class="utrecht-paragraph">${t('paperEntry.skipped.text')}</p>
<ul>${skips.items.map((i) => html`<li><a class="utrecht-link" href="#${entryInputId(i)}">${t('paperEntry.skipped.item', { number: number(i), text: localize(i.text, language) })}</a></li>`)}</ul></div>`
    : '';
  // Focus lands where the typist continues: the first problem, the routing warning, or question 1.
  const focusKey = problems[0]?.key ?? (warning ? undefined : itemsOf(questionnaire)[0]?.key);
  const blocks = questionnaire.blocks.filter((b) => b.items.length > 0).map((block) => {
    const skip = routing.blockSkips.get(block.key);
    return html`<section class="pe-block" aria-labelledby="pe-block-${block.key}">
<h2 class="utrecht-heading-2" id="pe-block-${block.key}">${localize(block.title, language)}</h2>
${skip ? html`<p class="utrecht-paragraph ks-routing"><span class="ks-visually-hidden">${t('paperEntry.routing')}: </span>${skipText(skip, items, t, language)}</p>` : ''}
${block.items.map((item) => {
      const itemSkip = routing.itemSkips.get(item.key);
      const field = entryField(item, number(item), {
        answer: read?.answers.get(item.key),
        raw: read?.problems.has(item.key) ? read.raw.get(item.key) : undefined,
        problem: read?.problems.get(item.key),
      }, { t, language, autofocus: item.key === focusKey, note: itemSkip ? html`<p class="utrecht-paragraph ks-routing">${skipText(itemSkip, items, t, language)}</p>` : undefined });
      return field;
    })}
</section>`;
  });
  const stage = form.stage === 'first' ? t('paperEntry.stage.first') : form.stage === 'second' ? t('paperEntry.stage.second') : undefined;
  return html`${assets}${backLink(form.round)}
<h1 class="utrecht-heading-1">${t('paperEntry.form.title', { code: formatAccessCode(form.code) })}</h1>
${errors.length ? errorSummary(t, errors) : warning}
${stage ? html`<p class="utrecht-paragraph pe-stage"><strong>${stage}</strong></p>` : ''}
${form.startedOnline ? html`<div class="utrecht-alert pe-warning"><p class="utrecht-paragraph">${t('paperEntry.startedOnline')}</p></div>` : ''}
<p class="utrecht-paragraph">${t('paperEntry.form.intro')}</p>
<p class="utrecht-paragraph ks-muted">${t('paperEntry.form.keys')}</p>
<form method="post" action="/rounds/${form.round.id}/entry/form" novalidate class="pe-form">${csrfField(csrfToken)}
<input type="hidden" name="code" value="${form.code}">
<input type="hidden" name="language" value="${input.formLanguage}">
${skips && errors.length === 0 ? html`<input type="hidden" name="confirmSkips" value="${skips.token}">` : ''}
${blocks}
<div class="utrecht-button-group pe-actions">
<button class="utrecht-button utrecht-button--primary-action" type="submit">${skips && errors.length === 0 ? t('paperEntry.saveSkipping') : t('paperEntry.save')}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/rounds/${form.round.id}/entry">${t('paperEntry.stop')}</a>
</div>
</form>`;
}

export interface DifferencesPageInput {
  readonly form: PaperForm;
  readonly differences: readonly EntryDifference[];
  readonly first: Answers;
  readonly second: Answers;
  /** Differences left without a choice after a save. */
  readonly missing: readonly string[];
}

/** Step 3 of double entry when the entries differ: choose per question, looking at the paper. */
export function differencesPage(ctx: EntryPageContext, input: DifferencesPageInput): Html {
  const { t, language, csrfToken } = ctx;
  const { form } = input;
  const items = new Map(itemsOf(form.questionnaire).map((i) => [i.key, i]));
  const numbers = paperRouting(form.questionnaire, language).numbers;
  const idOf = (key: string) => `diff-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const errors: FieldError[] = input.missing.map((key) => ({ field: `${idOf(key)}-first`, message: t('paperEntry.diff.missing', { number: numbers.get(key) ?? 0 }) }));
  return html`${assets}${backLink(form.round)}
<h1 class="utrecht-heading-1">${t('paperEntry.diff.title')}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('paperEntry.diff.form', { code: formatAccessCode(form.code) })} ${t('paperEntry.diff.intro', { count: input.differences.length })}</p>
<form method="post" action="/rounds/${form.round.id}/entry/resolve" novalidate>${csrfField(csrfToken)}
<input type="hidden" name="code" value="${form.code}">
${input.differences.map((d, index) => {
    const item = items.get(d.itemKey)!;
    const id = idOf(d.itemKey);
    const missing = input.missing.includes(d.itemKey);
    return html`<fieldset class="pe-q${missing ? ' pe-q--invalid' : ''}" ${missing ? html`aria-describedby="${id}-error"` : ''}>
<legend>${t('paperEntry.diff.question', { number: numbers.get(d.itemKey) ?? 0, text: localize(item.text, language) })}</legend>
${missing ? html`<p class="utrecht-form-field-error-message" id="${id}-error">${t('paperEntry.diff.missing', { number: numbers.get(d.itemKey) ?? 0 })}</p>` : ''}
<div class="pe-row pe-row--stacked">
<span class="pe-choice"><input type="radio" id="${id}-first" name="choice.${d.itemKey}" value="first" ${index === 0 && errors.length === 0 ? 'autofocus' : ''}><label for="${id}-first">${t('paperEntry.diff.first', { answer: entryAnswerText(item, input.first.get(d.itemKey), t, language) })}</label></span>
<span class="pe-choice"><input type="radio" id="${id}-second" name="choice.${d.itemKey}" value="second"><label for="${id}-second">${t('paperEntry.diff.second', { answer: entryAnswerText(item, input.second.get(d.itemKey), t, language) })}</label></span>
</div></fieldset>`;
  })}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('paperEntry.diff.save')}</button>
</form>`;
}
