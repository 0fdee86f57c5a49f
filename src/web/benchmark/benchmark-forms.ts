import { SIZE_CLASS_KEYS } from '../../domain/benchmark/size-class.ts';
import { html, type Html } from '../html.ts';
import { describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';
import type { Translate } from '../i18n/translate.ts';

// Form parts the benchmark pages share: the frame of a form page, a public key given by pasting
// or as a file, a file field, and the CBS size classes as people read them.

export interface FormCtx {
  readonly t: Translate;
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
}

/** Back link, heading, error summary first, then the introduction and the form. */
export function formPage(ctx: FormCtx, input: { back: { href: string; label: string }; title: string; intro: string; form: Html }): Html {
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${input.back.href}">← ${input.back.label}</a></p>
<h1 class="utrecht-heading-1">${input.title}</h1>
${errorSummary(ctx.t, ctx.errors)}
<p class="utrecht-paragraph">${input.intro}</p>
${input.form}`;
}

export function fileField(errors: readonly FieldError[], name: string, label: string, hint: string, accept: string): Html {
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === name) ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="${name}">${label}</label>
  <p class="utrecht-form-field-description" id="${name}-hint">${hint}</p>
  ${fieldError(errors, name)}
  <input class="utrecht-textbox utrecht-textbox--html-input ks-file" id="${name}" name="${name}" type="file" accept="${accept}" ${describedBy(errors, name, true)} ${invalid(errors, name)}>
</div>`;
}

/** A public key pasted in the textarea or chosen as a .pub file; the textarea carries the error. */
export function publicKeyFields(ctx: FormCtx, name: string, legend: string, pasted: string, fileField = 'file'): Html {
  const { t, errors } = ctx;
  return html`<fieldset class="utrecht-form-fieldset ${errors.some((e) => e.field === name) ? 'utrecht-form-fieldset--invalid' : ''}">
<legend class="utrecht-form-fieldset__legend">${legend}</legend>
<div class="utrecht-form-field">
  <label class="utrecht-form-label" for="${name}">${t('benchmarkFiles.field.pasteKey')}</label>
  <p class="utrecht-form-field-description" id="${name}-hint">${t('benchmarkFiles.field.keyHint')}</p>
  ${fieldError(errors, name)}
  <textarea class="utrecht-textarea utrecht-textarea--html-textarea ks-key-text" id="${name}" name="${name}" rows="4" spellcheck="false" ${describedBy(errors, name, true)} ${invalid(errors, name)}>${pasted}</textarea>
</div>
<div class="utrecht-form-field">
  <label class="utrecht-form-label" for="${fileField}">${t('benchmarkFiles.field.keyFile')}</label>
  <input class="utrecht-textbox utrecht-textbox--html-input ks-file" id="${fileField}" name="${fileField}" type="file" accept=".pub,.pem,text/plain">
</div>
</fieldset>`;
}

/** "20000-50000" → "20.000 – 50.000"; "lt-5000" → "< 5.000"; "ge-250000" → "≥ 250.000". */
export function sizeClassLabel(key: string): string {
  const number = (value: string) => Number(value).toLocaleString('nl-NL');
  if (key.startsWith('lt-')) return `< ${number(key.slice(3))}`;
  if (key.startsWith('ge-')) return `≥ ${number(key.slice(3))}`;
  const [from, to] = key.split('-');
  return `${number(from!)} – ${number(to!)}`;
}

export function sizeClassSelect(ctx: FormCtx, name: string, chosen: string): Html {
  const { t, errors } = ctx;
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === name) ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="${name}">${t('benchmarkFiles.field.sizeClass')}</label>
  ${fieldError(errors, name)}
  <select class="utrecht-select utrecht-select--html-select" id="${name}" name="${name}" ${describedBy(errors, name)} ${invalid(errors, name)}>
    <option value="" ${chosen === '' ? 'selected' : ''}>${t('benchmarkFiles.field.sizeClassNone')}</option>
    ${SIZE_CLASS_KEYS.map((key) => html`<option value="${key}" ${chosen === key ? 'selected' : ''}>${sizeClassLabel(key)}</option>`)}
  </select>
</div>`;
}

export function submitButton(label: string): Html {
  return html`<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${label}</button></div>`;
}
