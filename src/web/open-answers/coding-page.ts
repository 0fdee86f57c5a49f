import type { CodingView } from '../../app/open-answers/open-answer-coding.ts';
import type { CodeSuggestion } from '../../domain/open-answers/suggest-codes.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import type { Language, Translate } from '../i18n/translate.ts';
import { codebookDefinitions, codeChoices, codeLabel } from './code-choices.ts';
import { csrfField, errorSummary, type FieldError } from '../layout.ts';

// One open answer at a time: the text, the codebook as checkboxes with shortcut keys, the
// suggestions with their confidence, save-and-next, skip, previous, undo and a filter.

export type CodingFilter = { readonly kind: 'uncoded' } | { readonly kind: 'all' } | { readonly kind: 'code'; readonly code: string };

export function filterParam(filter: CodingFilter): string {
  return filter.kind === 'code' ? `code:${filter.code}` : filter.kind;
}

export interface CodingPageProps {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
  readonly view: CodingView;
  readonly filter: CodingFilter;
  /** The answer shown, with its place in the whole list; undefined when the selection is done. */
  readonly current: { readonly index: number; readonly previousId: string | undefined; readonly nextId: string | undefined } | undefined;
  readonly suggestions: readonly CodeSuggestion[];
  readonly canUndo: boolean;
  readonly errors: readonly FieldError[];
}

const label = codeLabel;

function filterForm(props: CodingPageProps, base: string): Html {
  const { t, view, language, filter } = props;
  const selected = filterParam(filter);
  const options = [
    { value: 'uncoded', text: t('coding.filter.uncoded') },
    { value: 'all', text: t('coding.filter.all') },
    ...view.codebook.map((code) => ({ value: `code:${code.key}`, text: t('coding.filter.code', { code: label(code, language) }) })),
  ];
  return html`<form method="get" action="${base}" class="ks-inline-form ks-coding-filter">
<input type="hidden" name="coder" value="${view.coder}">
<label class="utrecht-form-label" for="filter">${t('coding.filter')}</label>
<select class="utrecht-select utrecht-select--html-select" id="filter" name="filter">${options.map((o) => html`<option value="${o.value}" ${o.value === selected ? 'selected' : ''}>${o.text}</option>`)}</select>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('coding.filter.apply')}</button></form>`;
}

export function codingPage(props: CodingPageProps): Html {
  const { t, language, csrfToken, view, current, suggestions } = props;
  const question = localize(view.item.text, language);
  const base = `/rounds/${view.round.id}/open-answers/${encodeURIComponent(view.item.key)}/code`;
  const query = (answerId: string) => `${base}?coder=${view.coder}&filter=${encodeURIComponent(filterParam(props.filter))}&answer=${answerId}`;
  const total = view.answers.length;
  const heading = html`<h1 class="utrecht-heading-1">${t(view.coder === 2 ? 'coding.titleSecond' : 'coding.title', { question })}</h1>
${errorSummary(t, props.errors)}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${view.round.id}/open-answers">${t('openAnswers.title', { name: view.round.name })}</a></p>
<div class="ks-coding-progress"><label for="coding-progress">${t('coding.progress', { coded: view.coded, total })}</label>
<progress id="coding-progress" max="${Math.max(total, 1)}" value="${view.coded}">${view.coded}/${total}</progress></div>
${props.canUndo
    ? html`<form method="post" action="/rounds/${view.round.id}/open-answers/undo" class="ks-inline-form">${csrfField(csrfToken)}
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('coding.undo')}</button></form>`
    : ''}
${filterForm(props, base)}`;
  if (total === 0) return html`${heading}<p class="utrecht-paragraph">${t('coding.empty')}</p>`;
  if (!current) {
    return html`${heading}<p class="utrecht-paragraph" role="status">${t('coding.done')}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${view.round.id}/open-answers/${encodeURIComponent(view.item.key)}/list?coder=${view.coder}">${t('openAnswers.action.list')}</a></p>`;
  }
  const answer = view.answers[current.index]!;
  return html`${heading}
<section class="ks-panel" aria-labelledby="answer-heading">
<h2 class="utrecht-heading-2" id="answer-heading">${t('coding.position', { position: current.index + 1, total })}</h2>
<blockquote class="ks-answer-text">${answer.text}</blockquote>
</section>
<form method="post" action="${base}" class="ks-coding-form" data-shortcuts="on">
${csrfField(csrfToken)}
<input type="hidden" name="responseId" value="${answer.responseId}">
<input type="hidden" name="coder" value="${view.coder}">
<input type="hidden" name="filter" value="${filterParam(props.filter)}">
${suggestions.map((s) => html`<input type="hidden" name="suggested" value="${s.code}">`)}
${codeChoices({ t, language, codebook: view.codebook, chosen: answer.codes ?? [], suggestions, legend: t('coding.codes'), hint: t('coding.codesHint') })}
<div class="utrecht-button-group">
<button class="utrecht-button utrecht-button--primary-action" type="submit" name="action" value="save">${t('coding.save')}</button>
${suggestions.length ? html`<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="action" value="accept" data-accept>${t('coding.accept')}</button>` : ''}
${current.nextId ? html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${query(current.nextId)}">${t('coding.skip')}</a>` : ''}
${current.previousId ? html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${query(current.previousId)}">${t('coding.previous')}</a>` : ''}
</div>
</form>
${codebookDefinitions(t, language, view.codebook)}
<script src="/assets/coding-shortcuts.js" defer></script>`;
}
