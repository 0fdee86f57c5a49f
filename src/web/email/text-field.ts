import { html, type Html } from '../html.ts';
import { describedBy, fieldError, invalid, type FieldError } from '../layout.ts';

// A labelled text input with optional hint and its error, as the e-mail forms use it.
export function textField(
  name: string,
  label: string,
  value: string,
  errors: readonly FieldError[],
  options: { hint?: string; type?: string; width?: string; autocomplete?: string; inputmode?: string } = {},
): Html {
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === name) ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="${name}">${label}</label>
  ${options.hint ? html`<p class="utrecht-form-field-description" id="${name}-hint">${options.hint}</p>` : ''}
  ${fieldError(errors, name)}
  <input class="utrecht-textbox utrecht-textbox--html-input ${options.width ?? ''}" id="${name}" name="${name}" type="${options.type ?? 'text'}" value="${value}" autocomplete="${options.autocomplete ?? 'off'}" ${options.inputmode ? html`inputmode="${options.inputmode}"` : ''} ${describedBy(errors, name, Boolean(options.hint))} ${invalid(errors, name)}>
</div>`;
}
