import type { SampleChoice } from '../../app/fieldwork/draw-round-sample.ts';
import type { SampleOverview } from '../../app/fieldwork/sample-overview.ts';
import { html, type Html } from '../html.ts';
import { formatDateTime, formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';
import { fieldworkHeading } from './address-upload-page.ts';
import { sampleQuery, type SampleFormValues } from './sample-form.ts';

interface Props {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
}

const fieldName = (field: string, t: Translate): string => t(`address.field.${field as 'age_band'}`);

function populationTables(overview: SampleOverview, t: Translate, language: Language): Html {
  return html`${overview.variables.map((v) => html`<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-label="${t('sample.byVariable', { variable: fieldName(v.field, t).toLowerCase() })}"><table class="utrecht-table utrecht-table--html-table">
<caption class="utrecht-table__caption">${t('sample.byVariable', { variable: fieldName(v.field, t).toLowerCase() })}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('sample.value')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('sample.count')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${v.counts.map((c) => html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row">${c.value ?? t('sample.unknown')}</th>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, c.count)}</td>
</tr>`)}</tbody></table></div>`)}`;
}

function radio(name: string, value: string, label: string, checked: boolean, hint?: string): Html {
  const id = `${name}-${value}`;
  return html`<div class="utrecht-form-field utrecht-form-field--radio">
  <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${id}" name="${name}" value="${value}" ${checked ? 'checked' : ''} ${hint ? html`aria-describedby="${id}-hint"` : ''}>
  <label class="utrecht-form-label utrecht-form-label--radio" for="${id}">${label}</label>
</div>
${hint ? html`<p class="utrecht-form-field-description" id="${id}-hint">${hint}</p>` : ''}`;
}

function textField(name: string, label: string, value: string, errors: readonly FieldError[], hint: string, width: string): Html {
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === name) ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="${name}">${label}</label>
  <p class="utrecht-form-field-description" id="${name}-hint">${hint}</p>
  ${fieldError(errors, name)}
  <input class="utrecht-textbox utrecht-textbox--html-input ${width}" id="${name}" name="${name}" type="text" value="${value}" ${name === 'size' ? html`inputmode="numeric"` : ''} ${describedBy(errors, name, true)} ${invalid(errors, name)}>
</div>`;
}

function sampleForm(overview: SampleOverview, values: SampleFormValues, errors: readonly FieldError[], props: Props): Html {
  const { t } = props;
  const fields = overview.variables.map((v) => v.field);
  return html`<form method="post" action="/rounds/${overview.round.id}/sample" novalidate>
${csrfField(props.csrfToken)}
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
  <legend class="utrecht-form-fieldset__legend">${t('sample.method')}</legend>
  ${radio('method', 'all', t('sample.method.all'), values.method === 'all')}
  ${radio('method', 'simple', t('sample.method.simple'), values.method === 'simple' || values.method === '')}
  ${fields.length ? radio('method', 'stratified', t('sample.method.stratified'), values.method === 'stratified', t('sample.method.stratified.hint')) : ''}
</fieldset>
${fields.length ? html`<div class="utrecht-form-field ${errors.some((e) => e.field === 'stratifyBy') ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="stratifyBy">${t('sample.stratifyBy')}</label>
  ${fieldError(errors, 'stratifyBy')}
  <select class="utrecht-select utrecht-select--html-select" id="stratifyBy" name="stratifyBy" ${describedBy(errors, 'stratifyBy')} ${invalid(errors, 'stratifyBy')}>
    <option value="">${t('sample.stratifyBy.none')}</option>
    ${fields.map((f) => html`<option value="${f}" ${values.stratifyBy === f ? 'selected' : ''}>${fieldName(f, t)}</option>`)}
  </select>
</div>` : ''}
${textField('size', t('sample.size'), values.size, errors, t('sample.size.hint', { max: formatNumber(props.language, overview.population) }), 'ks-width-s')}
${textField('seed', t('sample.seed'), values.seed, errors, t('sample.seed.hint'), 'ks-width-m')}
${fields.length ? html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby="carried-hint">
  <legend class="utrecht-form-fieldset__legend">${t('sample.carried')}</legend>
  <p class="utrecht-form-field-description" id="carried-hint">${t('sample.carried.hint', { min: 10 })}</p>
  ${fields.map((f) => html`<div class="utrecht-form-field utrecht-form-field--checkbox">
    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="carried-${f}" name="carried" value="${f}" ${values.carried.includes(f) ? 'checked' : ''}>
    <label class="utrecht-form-label utrecht-form-label--checkbox" for="carried-${f}">${fieldName(f, t)}</label></div>`)}
</fieldset>` : ''}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('sample.next')}</button>
</form>`;
}

function drawnSummary(overview: SampleOverview, props: Props): Html {
  const { t, language } = props;
  const s = overview.sample!;
  const row = (label: string, value: string) => html`<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">${label}</th><td class="utrecht-table__cell">${value}</td></tr>`;
  return html`<h2 class="utrecht-heading-2">${t('sample.result.title')}</h2>
<div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table"><tbody class="utrecht-table__body">
${row(t('sample.result.method'), t(`sample.method.${s.method}`))}
${s.stratifyBy ? row(t('sample.result.stratifyBy'), fieldName(s.stratifyBy, t)) : ''}
${row(t('sample.result.population'), formatNumber(language, s.population))}
${row(t('sample.result.size'), formatNumber(language, s.size))}
${row(t('sample.result.seed'), s.seed)}
${row(t('sample.result.carried'), s.carried.length ? s.carried.map((c) => fieldName(c, t)).join(', ') : t('sample.result.none'))}
${row(t('sample.result.drawnAt'), formatDateTime(language, s.drawnAt))}
${row(t('sample.result.codes'), formatNumber(language, overview.codes))}
</tbody></table></div>`;
}

/** /rounds/:id/sample: the population, then the form, or the draw once it was made. */
export function samplePageBody(overview: SampleOverview, values: SampleFormValues, errors: readonly FieldError[], props: Props): Html {
  const { t, language } = props;
  const { round } = overview;
  const heading = fieldworkHeading(round.id, round.name, t('sample.title'), t);
  if (overview.sample) return html`${heading}${drawnSummary(overview, props)}`;
  const toAddresses = html`<a class="utrecht-link" href="/rounds/${round.id}/addresses">${t('sample.toAddresses')}</a>`;
  if (overview.population === 0) return html`${heading}<p class="utrecht-paragraph">${t('sample.noPopulation')} ${toAddresses}</p>`;
  const blocked = overview.importRunning ? t('sample.importRunning') : !overview.canDraw ? t('sample.closed') : '';
  return html`${heading}
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('sample.intro')}</p>
<p class="utrecht-paragraph"><strong>${t('sample.population', { count: formatNumber(language, overview.population) })}</strong></p>
${populationTables(overview, t, language)}
${blocked ? html`<p class="utrecht-paragraph">${blocked}</p>` : sampleForm(overview, values, errors, props)}`;
}

/** The confirmation before the draw; the choice travels in hidden fields. */
export function sampleConfirmBody(overview: SampleOverview, choice: SampleChoice, values: SampleFormValues, props: Props): Html {
  const { t, language } = props;
  const { round } = overview;
  const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}">`;
  return html`${fieldworkHeading(round.id, round.name, t('sample.confirm.title'), t)}
<p class="utrecht-paragraph">${t('sample.confirm.text', { size: formatNumber(language, choice.size), population: formatNumber(language, overview.population) })}</p>
<ul class="utrecht-unordered-list">
  <li>${t('sample.result.method')}: ${t(`sample.method.${choice.method}`)}${choice.stratifyBy ? ` (${fieldName(choice.stratifyBy, t)})` : ''}</li>
  <li>${t('sample.result.seed')}: ${choice.seed}</li>
  <li>${t('sample.result.carried')}: ${choice.carried.length ? choice.carried.map((c) => fieldName(c, t)).join(', ') : t('sample.result.none')}</li>
</ul>
<form method="post" action="/rounds/${round.id}/sample/draw">
${csrfField(props.csrfToken)}
${hidden('method', values.method)}${hidden('stratifyBy', values.stratifyBy)}${hidden('size', values.size)}${hidden('seed', values.seed)}
${values.carried.map((c) => hidden('carried', c))}
<div class="utrecht-button-group">
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('sample.confirm.yes')}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/rounds/${round.id}/sample?${sampleQuery(values)}">${t('sample.confirm.no')}</a>
</div>
</form>`;
}
