import { html, type Html } from './html.ts';
import { describedBy, fieldError, invalid, type FieldError } from './layout.ts';

// One labelled text field with its hint and error, as the GOV.UK pattern has it: label, hint,
// error message, control; the control is described by the hint and the error.

export interface TextFieldOptions {
  readonly hint?: string;
  /** A textarea of this many rows instead of a one-line input. */
  readonly rows?: number;
  readonly width?: string;
  readonly type?: 'text' | 'date' | 'number';
  readonly inputmode?: 'numeric';
}

export function textField(errors: readonly FieldError[], name: string, label: string, value: string, options: TextFieldOptions = {}): Html {
  const hint = Boolean(options.hint);
  const control = options.rows
    ? html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="${name}" name="${name}" rows="${options.rows}" ${describedBy(errors, name, hint)} ${invalid(errors, name)}>${value}</textarea>`
    : html`<input class="utrecht-textbox utrecht-textbox--html-input ${options.width ?? ''}" id="${name}" name="${name}" type="${options.type ?? 'text'}" value="${value}" ${options.inputmode ? html`inputmode="${options.inputmode}"` : ''} ${describedBy(errors, name, hint)} ${invalid(errors, name)}>`;
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === name) ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="${name}">${label}</label>
  ${options.hint ? html`<p class="utrecht-form-field-description" id="${name}-hint">${options.hint}</p>` : ''}
  ${fieldError(errors, name)}
  ${control}
</div>`;
}

/** A fieldset of radio buttons; the fieldset carries the id the error summary links to. */
export function radioField(errors: readonly FieldError[], name: string, legend: string, options: readonly { value: string; label: string }[], chosen: string, hint?: string): Html {
  return html`<fieldset class="utrecht-form-fieldset ${errors.some((e) => e.field === name) ? 'utrecht-form-fieldset--invalid' : ''}" id="${name}" ${describedBy(errors, name, Boolean(hint))}>
<legend class="utrecht-form-fieldset__legend">${legend}</legend>
${hint ? html`<p class="utrecht-form-field-description" id="${name}-hint">${hint}</p>` : ''}
${fieldError(errors, name)}
${options.map((option) => html`<div class="ks-radio"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${name}-${option.value}" name="${name}" value="${option.value}" ${option.value === chosen ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--radio" for="${name}-${option.value}">${option.label}</label></div>`)}
</fieldset>`;
}
