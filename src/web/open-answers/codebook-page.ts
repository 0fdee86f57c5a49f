import type { CodebookRow } from '../../db/codebook-store.ts';
import { html, type Html } from '../html.ts';
import type { Language, Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';

// The organisation's codebook: every code with its texts in a form to change or archive it,
// and a form to add one.

export interface CodeValues {
  readonly labelNl: string;
  readonly labelEn: string;
  readonly definitionNl: string;
  readonly definitionEn: string;
  readonly examples: string;
  readonly archived?: boolean;
}

const valuesOf = (code: CodebookRow): CodeValues => ({
  labelNl: code.label.nl, labelEn: code.label.en, definitionNl: code.definition.nl, definitionEn: code.definition.en,
  examples: code.examples.join('\n'), archived: code.archived,
});

function codeForm(t: Translate, csrfToken: string, action: string, prefix: string, values: CodeValues, errors: readonly FieldError[], submit: string, withArchive: boolean): Html {
  const field = (name: keyof CodeValues, label: string, multiline: boolean, hint?: string) => {
    const id = `${prefix}-${name}`;
    const value = String(values[name] ?? '');
    return html`<div class="utrecht-form-field ${errors.some((e) => e.field === id) ? 'utrecht-form-field--invalid' : ''}">
<label class="utrecht-form-label" for="${id}">${label}</label>
${hint ? html`<p class="utrecht-form-field-description" id="${id}-hint">${hint}</p>` : ''}
${fieldError(errors, id)}
${multiline
    ? html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="${id}" name="${name}" rows="3" ${describedBy(errors, id, Boolean(hint))} ${invalid(errors, id)}>${value}</textarea>`
    : html`<input class="utrecht-textbox utrecht-textbox--html-input" id="${id}" name="${name}" type="text" value="${value}" ${describedBy(errors, id, Boolean(hint))} ${invalid(errors, id)}>`}
</div>`;
  };
  return html`<form method="post" action="${action}" novalidate>${csrfField(csrfToken)}
${field('labelNl', t('codebook.field.labelNl'), false)}
${field('labelEn', t('codebook.field.labelEn'), false)}
${field('definitionNl', t('codebook.field.definitionNl'), true)}
${field('definitionEn', t('codebook.field.definitionEn'), true)}
${field('examples', t('codebook.field.examples'), true, t('codebook.field.examplesHint'))}
${withArchive ? html`<div class="ks-radio"><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="${prefix}-archived" name="archived" value="1" ${values.archived ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--checkbox" for="${prefix}-archived">${t('codebook.field.archived')}</label></div>` : ''}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${submit}</button></form>`;
}

export function codebookPage(props: {
  t: Translate; language: Language; csrfToken: string; codes: readonly CodebookRow[]; errors: readonly FieldError[];
  /** The form that was refused, with what was typed: a code key, or 'new'. */
  typed?: { key: string; values: CodeValues };
}): Html {
  const { t, language, csrfToken, codes, errors, typed } = props;
  const open = typed?.key;
  return html`<h1 class="utrecht-heading-1">${t('codebook.title')}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('codebook.intro')}</p>
<ul class="ks-plain-list ks-codebook-list">${codes.map((code) => html`<li><details ${open === code.key ? 'open' : ''}>
<summary><strong>${language === 'en' ? code.label.en : code.label.nl}</strong>${code.archived ? html` <span class="ks-muted">(${t('codebook.archived')})</span>` : ''}<span class="ks-muted"> · ${t('codebook.edit')}</span></summary>
<p class="utrecht-paragraph ks-muted">${language === 'en' ? code.definition.en : code.definition.nl}</p>
${codeForm(t, csrfToken, `/codebook/${code.key}`, `code-${code.key}`, open === code.key ? typed!.values : valuesOf(code), open === code.key ? errors : [], t('codebook.save'), true)}
</details></li>`)}</ul>
<h2 class="utrecht-heading-2" id="add-code">${t('codebook.add')}</h2>
${codeForm(t, csrfToken, '/codebook', 'new', open === 'new' ? typed!.values : { labelNl: '', labelEn: '', definitionNl: '', definitionEn: '', examples: '' }, open === 'new' ? errors : [], t('codebook.add'), false)}`;
}
