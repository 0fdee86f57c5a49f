// Pages of the council's own surveys: the list with a form for a new one, one survey with its
// questions, lifecycle buttons and open link, and its results as counts and percentages on a
// stated base. The routes decide; these functions only print.

import type { RoundReportView } from '../../app/round-report.ts';
import type { Round, RoundSummary } from '../../db/round-store.ts';
import { answerTable, type AnswerKey } from '../../domain/council/answer-table.ts';
import { agreeLabel, itemsOf, localize, type Item } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';
import { formatPercent } from '../research/item-report-format.ts';
import { statusBadge } from '../research/round-pages.ts';
import { COUNCIL_QUESTION_TYPES, type CouncilQuestionValues } from './council-question-form.ts';

export interface SurveyCtx {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
}

const invalidClass = (errors: readonly FieldError[], field: string) => (errors.some((e) => e.field === field) ? 'utrecht-form-field--invalid' : '');

export function surveysPage(surveys: readonly RoundSummary[], ctx: SurveyCtx & { values: { name: string } }): Html {
  const { t, language } = ctx;
  return html`<h1 class="utrecht-heading-1">${t('councilSurvey.list.title')}</h1>
${errorSummary(t, ctx.errors)}
<p class="utrecht-paragraph">${t('councilSurvey.list.intro')}</p>
${surveys.length ? html`<ul class="ks-card-list">${surveys.map((s) => html`<li><a class="utrecht-link" href="/council/surveys/${s.id}">${s.name}</a> ${statusBadge(t, s.status)}
<span class="ks-muted">${t('councilSurvey.completed', { n: formatNumber(language, s.completed) })}</span></li>`)}</ul>` : html`<p class="utrecht-paragraph">${t('councilSurvey.list.empty')}</p>`}
<h2 class="utrecht-heading-2">${t('councilSurvey.new')}</h2>
<form method="post" action="/council/surveys" novalidate>${csrfField(ctx.csrfToken)}
<div class="utrecht-form-field ${invalidClass(ctx.errors, 'name')}">
<label class="utrecht-form-label" for="name">${t('councilSurvey.field.name')}</label>
${fieldError(ctx.errors, 'name')}
<input class="utrecht-textbox utrecht-textbox--html-input" id="name" name="name" type="text" maxlength="200" value="${ctx.values.name}" ${describedBy(ctx.errors, 'name')} ${invalid(ctx.errors, 'name')}>
</div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('councilSurvey.create')}</button>
</form>`;
}

function typeLabel(t: Translate, type: Item['type']): string {
  return t(`councilSurvey.type.${type as (typeof COUNCIL_QUESTION_TYPES)[number]}`);
}

function questionForm(round: Round, values: CouncilQuestionValues, ctx: SurveyCtx): Html {
  const { t, errors } = ctx;
  return html`<h2 class="utrecht-heading-2">${t('councilSurvey.question.new')}</h2>
<form method="post" action="/council/surveys/${round.id}/questions" novalidate>${csrfField(ctx.csrfToken)}
<div class="utrecht-form-field ${invalidClass(errors, 'text')}">
<label class="utrecht-form-label" for="text">${t('councilSurvey.question.text')}</label>
${fieldError(errors, 'text')}
<input class="utrecht-textbox utrecht-textbox--html-input" id="text" name="text" type="text" maxlength="500" value="${values.text}" ${describedBy(errors, 'text')} ${invalid(errors, 'text')}>
</div>
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ${invalidClass(errors, 'type-single')}" ${describedBy(errors, 'type-single')}>
<legend class="utrecht-form-fieldset__legend">${t('councilSurvey.question.type')}</legend>
${fieldError(errors, 'type-single')}
${COUNCIL_QUESTION_TYPES.map((type) => html`<div class="utrecht-form-field utrecht-form-field--radio">
<input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="type-${type}" name="type" value="${type}" ${values.type === type ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--radio" for="type-${type}">${typeLabel(t, type)}</label></div>`)}
</fieldset>
<div class="utrecht-form-field ${invalidClass(errors, 'options')}">
<label class="utrecht-form-label" for="options">${t('councilSurvey.question.options')}</label>
<p class="utrecht-form-field-description" id="options-hint">${t('councilSurvey.question.options.hint')}</p>
${fieldError(errors, 'options')}
<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="options" name="options" rows="5" ${describedBy(errors, 'options', true)} ${invalid(errors, 'options')}>${values.options}</textarea>
</div>
<details class="ks-details" ${values.textEn || values.optionsEn || errors.some((e) => e.field.endsWith('En')) ? 'open' : ''}>
<summary>${t('councilSurvey.question.english')}</summary>
<p class="utrecht-paragraph">${t('councilSurvey.question.english.hint')}</p>
<div class="utrecht-form-field ${invalidClass(errors, 'textEn')}">
<label class="utrecht-form-label" for="textEn">${t('councilSurvey.question.textEn')}</label>
${fieldError(errors, 'textEn')}
<input class="utrecht-textbox utrecht-textbox--html-input" id="textEn" name="textEn" type="text" lang="en" maxlength="500" value="${values.textEn}" ${describedBy(errors, 'textEn')} ${invalid(errors, 'textEn')}>
</div>
<div class="utrecht-form-field ${invalidClass(errors, 'optionsEn')}">
<label class="utrecht-form-label" for="optionsEn">${t('councilSurvey.question.optionsEn')}</label>
<p class="utrecht-form-field-description" id="optionsEn-hint">${t('councilSurvey.question.optionsEn.hint')}</p>
${fieldError(errors, 'optionsEn')}
<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="optionsEn" name="optionsEn" rows="5" lang="en" ${describedBy(errors, 'optionsEn', true)} ${invalid(errors, 'optionsEn')}>${values.optionsEn}</textarea>
</div>
</details>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('councilSurvey.question.add')}</button>
</form>`;
}

export function surveyPage(round: Round, questions: readonly Item[], ctx: SurveyCtx & { values: CouncilQuestionValues; openLink: string }): Html {
  const { t, language } = ctx;
  const action = round.status === 'draft' ? 'start-fieldwork' : round.status === 'fieldwork' ? 'close' : null;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/council/surveys">← ${t('councilSurvey.list.title')}</a></p>
<h1 class="utrecht-heading-1">${round.name}</h1>
${errorSummary(t, ctx.errors)}
<p class="utrecht-paragraph">${statusBadge(t, round.status)}</p>
${round.status === 'fieldwork' ? html`<h2 class="utrecht-heading-2">${t('round.openLink')}</h2>
<p class="utrecht-paragraph">${t('councilSurvey.openLink.hint')}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${ctx.openLink}"><code class="ks-code">${ctx.openLink}</code></a></p>` : ''}
<h2 class="utrecht-heading-2">${t('councilSurvey.questions')}</h2>
${questions.length ? html`<ol class="ks-points">${questions.map((q) => html`<li><strong>${localize(q.text, language)}</strong> <span class="ks-muted">(${typeLabel(t, q.type)})</span>
${q.type === 'single' || q.type === 'multi' ? html`<ul class="utrecht-unordered-list">${q.options.map((o) => html`<li class="utrecht-unordered-list__item">${localize(o.label, language)}</li>`)}</ul>` : ''}</li>`)}</ol>` : html`<p class="utrecht-paragraph">${t('councilSurvey.questions.empty')}</p>`}
${round.status === 'draft' ? questionForm(round, ctx.values, ctx) : ''}
${action ? html`<h2 class="utrecht-heading-2">${t(`councilSurvey.action.${action}`)}</h2>
<p class="utrecht-paragraph">${t(`councilSurvey.action.${action}.hint`)}</p>
<form method="post" action="/council/surveys/${round.id}/status" novalidate>${csrfField(ctx.csrfToken)}
<input type="hidden" name="action" value="${action}">
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t(`councilSurvey.action.${action}`)}</button></form>` : ''}
${round.status !== 'draft' ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/council/surveys/${round.id}/results">${t('councilSurvey.results.link')}</a></p>` : ''}`;
}

function answerLabel(item: Item, answer: AnswerKey, ctx: SurveyCtx): string {
  if (answer.kind === 'option') {
    const option = item.type === 'single' || item.type === 'multi' ? item.options.find((o) => o.code === answer.code) : undefined;
    return option ? localize(option.label, ctx.language) : answer.code;
  }
  return item.type === 'yesno' ? ctx.t(answer.value === 1 ? 'analysis.yes' : 'analysis.no') : agreeLabel(answer.value, ctx.language);
}

export function resultsPage(view: RoundReportView, ctx: SurveyCtx): Html {
  const { t, language } = ctx;
  const reported = new Map(view.report.modules.flatMap((m) => m.items).map((i) => [i.key, i]));
  const tables = itemsOf(view.questionnaire).map((item, index) => {
    const r = reported.get(item.key);
    const id = `vraag-${index + 1}`;
    const heading = html`<h2 class="utrecht-heading-2" id="${id}">${localize(item.text, language)}</h2>`;
    if (!r) return heading;
    const table = answerTable(item, r);
    if (!table.shown) return html`${heading}<p class="utrecht-paragraph">${t('councilSurvey.results.hidden', { min: view.report.thresholds.hideBelow })}</p>`;
    return html`${heading}
<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-labelledby="${id}">
<table class="utrecht-table utrecht-table--html-table">
<caption class="utrecht-table__caption ks-base">${t('councilSurvey.results.base', { n: formatNumber(language, table.n) })}${table.multiple ? ` ${t('councilSurvey.results.multi')}` : ''}${table.indicative ? ` ${t('councilSurvey.results.indicative', { min: view.report.thresholds.indicativeBelow })}` : ''}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('councilSurvey.results.answer')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('councilSurvey.results.count')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('councilSurvey.results.percent')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${table.rows.map((row) => html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${answerLabel(item, row.answer, ctx)}</th>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, row.count)}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${formatPercent(language, row.share)}</td></tr>`)}</tbody>
</table></div>`;
  });
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/council/surveys/${view.round.id}">← ${view.round.name}</a></p>
<h1 class="utrecht-heading-1">${t('councilSurvey.results.title', { name: view.round.name })}</h1>
<p class="utrecht-paragraph">${t('councilSurvey.results.intro', { n: formatNumber(language, view.report.completed) })}</p>
${view.report.provisional ? html`<p class="utrecht-paragraph ks-muted">${t('councilSurvey.results.provisional')}</p>` : ''}
${tables}`;
}
