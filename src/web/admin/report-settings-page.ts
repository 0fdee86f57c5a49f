import type { ReportSettingsView } from '../../app/report-settings.ts';
import { html, type Html } from '../html.ts';
import type { Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';

export interface ReportSettingsValues {
  readonly contributesToReference: boolean;
  readonly hideBelow: string;
  readonly indicativeBelow: string;
}

export function reportSettingsValues(view: ReportSettingsView): ReportSettingsValues {
  return {
    contributesToReference: view.contributesToReference,
    hideBelow: view.hideBelow === null ? '' : String(view.hideBelow),
    indicativeBelow: view.indicativeBelow === null ? '' : String(view.indicativeBelow),
  };
}

/** The organisation's report settings: consent to the reference group, stricter thresholds. */
export function reportSettingsPage(t: Translate, csrfToken: string, organisation: string, view: ReportSettingsView, values: ReportSettingsValues, errors: FieldError[]): Html {
  const number = (name: 'hideBelow' | 'indicativeBelow', id: string) => html`
<div class="utrecht-form-field ${errors.some((e) => e.field === id) ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="${id}">${t(`settings.report.${name}`)}</label>
  <p class="utrecht-form-field-description" id="${id}-hint">${t(`settings.report.${name}.hint`, { value: view.defaults[name], applied: view.applied[name] })}</p>
  ${fieldError(errors, id)}
  <input class="utrecht-textbox utrecht-textbox--html-input ks-input-short" id="${id}" name="${name}" type="text" inputmode="numeric" autocomplete="off" value="${values[name]}" ${describedBy(errors, id, true)} ${invalid(errors, id)}>
</div>`;
  return html`<h1 class="utrecht-heading-1">${t('settings.report.title')}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('settings.report.intro', { organisation })}</p>
<form method="post" action="/admin/report-settings" novalidate class="ks-panel">
${csrfField(csrfToken)}
<fieldset class="utrecht-form-fieldset"><legend class="utrecht-form-fieldset__legend">${t('settings.report.reference.legend')}</legend>
<div class="utrecht-form-field utrecht-form-field--checkbox">
  <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="contributes" name="contributes" value="1" aria-describedby="contributes-hint" ${values.contributesToReference ? 'checked' : ''}>
  <label class="utrecht-form-label utrecht-form-label--checkbox" for="contributes">${t('settings.report.reference.label')}</label>
</div>
<p class="utrecht-form-field-description" id="contributes-hint">${t('settings.report.reference.hint')}</p></fieldset>
<fieldset class="utrecht-form-fieldset" aria-describedby="thresholds-hint"><legend class="utrecht-form-fieldset__legend">${t('settings.report.thresholds.legend')}</legend>
<p class="utrecht-paragraph" id="thresholds-hint">${t('settings.report.thresholds.hint')}</p>
${number('hideBelow', 'hide-below')}
${number('indicativeBelow', 'indicative-below')}
</fieldset>
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('settings.report.save')}</button>
</form>`;
}
