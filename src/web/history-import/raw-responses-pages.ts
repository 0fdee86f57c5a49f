import type { ResponseUploadView } from '../../app/history-import/import-raw-responses.ts';
import type { Channel } from '../../db/schema.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';

// /history/responses: a response file from before Klantstem, uploaded, its columns linked to
// questions (with recoding of values), checked, and imported as a closed round.

interface Props {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
}

export interface QuestionnaireChoice {
  /** '' for the standard questionnaire, else the id of a LimeSurvey import. */
  readonly chosen: string;
  readonly imports: readonly { readonly id: string; readonly fileName: string }[];
}

export interface MappingFormValues {
  readonly name: string;
  readonly year: string;
  readonly channel: Channel;
  readonly skipUnreadable: boolean;
  /** Per column: the linked item key ('' for none) and the recoding text. */
  readonly columns: readonly { readonly itemKey: string; readonly recoding: string }[];
}

export interface CheckSummary {
  readonly responses: number;
  readonly answers: number;
  readonly emptyRows: number;
  readonly skippedCells: number;
}

const invalidClass = (errors: readonly FieldError[], field: string) => (errors.some((e) => e.field === field) ? 'utrecht-form-field--invalid' : '');

export function uploadPage(props: Props): Html {
  const { t, csrfToken, errors } = props;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds">← ${t('rounds.title')}</a></p>
<h1 class="utrecht-heading-1">${t('responses.title')}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('responses.intro')}</p>
<form method="post" action="/history/responses" enctype="multipart/form-data" novalidate>${csrfField(csrfToken)}
<div class="utrecht-form-field ${invalidClass(errors, 'file')}">
<label class="utrecht-form-label" for="file">${t('responses.file')}</label>
<p class="utrecht-form-field-description" id="file-hint">${t('responses.file.hint')}</p>
${fieldError(errors, 'file')}
<input class="utrecht-textbox ks-file" id="file" name="file" type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ${describedBy(errors, 'file', true)} ${invalid(errors, 'file')}>
</div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('responses.upload')}</button>
</form>`;
}

function textField(name: string, label: string, value: string, errors: readonly FieldError[], inputmode = ''): Html {
  return html`<div class="utrecht-form-field ${invalidClass(errors, name)}">
<label class="utrecht-form-label" for="${name}">${label}</label>
${fieldError(errors, name)}
<input class="utrecht-textbox utrecht-textbox--html-input" id="${name}" name="${name}" type="text" value="${value}" ${inputmode ? html`inputmode="${inputmode}"` : ''} ${describedBy(errors, name)} ${invalid(errors, name)}>
</div>`;
}

function columnRow(view: ResponseUploadView, column: number, values: MappingFormValues, props: Props): Html {
  const { t, language, errors } = props;
  const header = view.upload.table.headers[column] ?? '';
  const chosen = values.columns[column]?.itemKey ?? '';
  const recoding = values.columns[column]?.recoding ?? '';
  const select = `col-${column}`;
  const recode = `recode-${column}`;
  return html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${header || t('responses.column.noHeader', { number: column + 1 })}
<span class="ks-muted ks-samples">${view.samples[column]?.length ? view.samples[column]!.join(' · ') : t('responses.column.empty')}</span></th>
<td class="utrecht-table__cell">
<div class="utrecht-form-field ${invalidClass(errors, select)}">
<label class="ks-visually-hidden" for="${select}">${t('responses.column.question', { header: header || String(column + 1) })}</label>
${fieldError(errors, select)}
<select class="utrecht-select utrecht-select--html-select" id="${select}" name="${select}" ${invalid(errors, select)}>
<option value="">${t('responses.column.skip')}</option>
${[...view.items.values()].map((item) => html`<option value="${item.key}" ${chosen === item.key ? 'selected' : ''}>${localize(item.text, language)} (${item.key})</option>`)}
</select></div>
<details class="ks-details" ${recoding || errors.some((e) => e.field === recode) ? 'open' : ''}><summary>${t('responses.recode.title')}</summary>
<div class="utrecht-form-field ${invalidClass(errors, recode)}">
<label class="utrecht-form-label" for="${recode}">${t('responses.recode.label', { header: header || String(column + 1) })}</label>
<p class="utrecht-form-field-description" id="${recode}-hint">${t('responses.recode.hint')}</p>
${fieldError(errors, recode)}
<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="${recode}" name="${recode}" rows="3" ${describedBy(errors, recode, true)} ${invalid(errors, recode)}>${recoding}</textarea>
</div></details>
</td></tr>`;
}

function questionnaireForm(action: string, choice: QuestionnaireChoice, t: Translate): Html {
  if (choice.imports.length === 0) return html``;
  return html`<form method="get" action="${action}" class="ks-inline-form">
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="questionnaire">${t('responses.questionnaire')}</label>
<p class="utrecht-form-field-description" id="questionnaire-hint">${t('responses.questionnaire.hint')}</p>
<select class="utrecht-select utrecht-select--html-select" id="questionnaire" name="questionnaire" aria-describedby="questionnaire-hint">
<option value="">${t('responses.questionnaire.standard')}</option>
${choice.imports.map((i) => html`<option value="${i.id}" ${choice.chosen === i.id ? 'selected' : ''}>${t('responses.questionnaire.import', { file: i.fileName })}</option>`)}
</select></div>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('responses.questionnaire.choose')}</button>
</form>`;
}

export function mappingPage(view: ResponseUploadView, values: MappingFormValues, props: Props & { readonly checked?: CheckSummary; readonly choice: QuestionnaireChoice }): Html {
  const { t, language, csrfToken, errors } = props;
  const action = `/history/responses/${view.upload.id}`;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/history/responses">← ${t('responses.title')}</a></p>
<h1 class="utrecht-heading-1">${t('responses.mapping.title', { file: view.upload.fileName })}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('responses.mapping.intro', { rows: formatNumber(language, view.upload.table.rows.length), columns: view.upload.table.headers.length })}</p>
${questionnaireForm(action, props.choice, t)}
<form method="post" action="${action}" novalidate>${csrfField(csrfToken)}
<input type="hidden" name="questionnaire" value="${props.choice.chosen}">
${textField('name', t('responses.field.name'), values.name, errors)}
${textField('year', t('responses.field.year'), values.year, errors, 'numeric')}
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
<legend class="utrecht-form-fieldset__legend">${t('responses.field.channel')}</legend>
${(['web', 'paper', 'phone'] as const).map((channel) => html`<div class="utrecht-form-field utrecht-form-field--radio">
<input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="channel-${channel}" name="channel" value="${channel}" ${values.channel === channel ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--radio" for="channel-${channel}">${t(`analysis.channel.${channel}`)}</label></div>`)}
</fieldset>
<h2 class="utrecht-heading-2" id="columns-heading">${t('responses.columns.title')}</h2>
<p class="utrecht-paragraph">${t('responses.columns.intro')}</p>
<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-labelledby="columns-heading"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('responses.columns.column')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('responses.columns.question')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${view.upload.table.headers.map((_, column) => columnRow(view, column, values, props))}</tbody></table></div>
<div class="utrecht-form-field utrecht-form-field--checkbox">
<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="skipUnreadable" name="skipUnreadable" value="1" ${values.skipUnreadable ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--checkbox" for="skipUnreadable">${t('responses.skipUnreadable')}</label>
</div>
${props.checked ? html`<div class="utrecht-alert utrecht-alert--info" role="status"><p class="utrecht-paragraph">${t('responses.checked', {
    responses: formatNumber(language, props.checked.responses), answers: formatNumber(language, props.checked.answers),
  })}${props.checked.emptyRows ? ` ${t('responses.checked.empty', { rows: props.checked.emptyRows })}` : ''}${props.checked.skippedCells ? ` ${t('responses.checked.skipped', { cells: props.checked.skippedCells })}` : ''}</p></div>` : ''}
<div class="utrecht-button-group">
<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="action" value="check">${t('responses.action.check')}</button>
${props.checked ? html`<button class="utrecht-button utrecht-button--primary-action" type="submit" name="action" value="import">${t('responses.action.import', { responses: formatNumber(language, props.checked.responses) })}</button>` : ''}
</div>
</form>`;
}
