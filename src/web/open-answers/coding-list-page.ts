import type { AnswerToCode, CodingView } from '../../app/open-answers/open-answer-coding.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import type { Language, Translate } from '../i18n/translate.ts';
import { filterParam, type CodingFilter } from './coding-page.ts';

/** Every answer of one open question with its codes, filtered by code, each with a link to change it. */
export function codingListPage(props: { t: Translate; language: Language; view: CodingView; filter: CodingFilter; rows: readonly AnswerToCode[] }): Html {
  const { t, language, view, filter, rows } = props;
  const labels = new Map(view.codebook.map((code) => [code.key, language === 'en' ? code.label.en : code.label.nl]));
  const base = `/rounds/${view.round.id}/open-answers/${encodeURIComponent(view.item.key)}`;
  const selected = filterParam(filter);
  const options = [
    { value: 'all', text: t('coding.filter.all') },
    { value: 'uncoded', text: t('coding.filter.uncoded') },
    ...view.codebook.map((code) => ({ value: `code:${code.key}`, text: t('coding.filter.code', { code: labels.get(code.key)! }) })),
  ];
  return html`<h1 class="utrecht-heading-1">${t('coding.list.title', { question: localize(view.item.text, language) })}</h1>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${view.round.id}/open-answers">${t('openAnswers.title', { name: view.round.name })}</a></p>
<p class="utrecht-paragraph">${t('coding.progress', { coded: view.coded, total: view.answers.length })}</p>
<form method="get" action="${base}/list" class="ks-inline-form ks-coding-filter">
<input type="hidden" name="coder" value="${view.coder}">
<label class="utrecht-form-label" for="filter">${t('coding.filter')}</label>
<select class="utrecht-select utrecht-select--html-select" id="filter" name="filter">${options.map((o) => html`<option value="${o.value}" ${o.value === selected ? 'selected' : ''}>${o.text}</option>`)}</select>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('coding.filter.apply')}</button></form>
<div class="utrecht-table-container ks-scroll"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('coding.list.col.answer')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('coding.list.col.codes')}</th>
<th class="utrecht-table__header-cell" scope="col"><span class="ks-visually-hidden">${t('coding.list.change')}</span></th></tr></thead>
<tbody class="utrecht-table__body">${rows.map((row, index) => html`<tr class="utrecht-table__row">
<td class="utrecht-table__cell">${row.text}</td>
<td class="utrecht-table__cell">${row.codes === undefined ? html`<span class="ks-muted">${t('coding.list.notCoded')}</span>` : row.codes.length === 0 ? t('coding.list.noCode') : row.codes.map((code) => labels.get(code) ?? code).join(', ')}</td>
<td class="utrecht-table__cell"><a class="utrecht-link" href="${base}/code?coder=${view.coder}&amp;filter=all&amp;answer=${row.responseId}">${t('coding.list.change')}<span class="ks-visually-hidden"> ${index + 1}</span></a></td></tr>`)}</tbody></table></div>`;
}
