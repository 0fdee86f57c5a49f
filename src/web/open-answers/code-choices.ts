import type { CodebookRow } from '../../db/codebook-store.ts';
import type { CodeSuggestion } from '../../domain/open-answers/suggest-codes.ts';
import { html, type Html } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';

// The codebook as the coder uses it: checkboxes with shortcut keys and the suggested codes with
// their confidence, and the definitions to look up. One screen for open answers and for the
// passages of conversations, so both are coded the same way.

/** Shortcut keys of the first twelve codes, in codebook order (assets/coding-shortcuts.js). */
export const CODE_SHORTCUTS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '='];

export const codeLabel = (code: CodebookRow, language: Language) => (language === 'en' ? code.label.en : code.label.nl);

export interface CodeChoicesProps {
  readonly t: Translate;
  readonly language: Language;
  readonly codebook: readonly CodebookRow[];
  readonly chosen: readonly string[];
  readonly suggestions: readonly CodeSuggestion[];
  readonly legend: string;
  readonly hint: string;
}

/** The fieldset "codes" with the active codes; suggested codes are marked with their confidence. */
export function codeChoices(props: CodeChoicesProps): Html {
  const { t, language, codebook, suggestions } = props;
  const chosen = new Set(props.chosen);
  const suggested = new Map(suggestions.map((s) => [s.code, s]));
  const percent = (s: CodeSuggestion) => `${formatNumber(language, Math.round(s.confidence * 100))} %`;
  const suggestionText = suggestions.length
    ? t('coding.suggested', { codes: suggestions.map((s) => `${codeLabel(codebook.find((c) => c.key === s.code)!, language)} (${t('coding.confidence', { percent: percent(s) })})`).join(', ') })
    : t('coding.suggestedNone');
  const active = codebook.filter((code) => !code.archived);
  return html`<fieldset class="utrecht-form-fieldset" aria-describedby="codes-hint suggestions" id="codes">
<legend class="utrecht-form-fieldset__legend">${props.legend}</legend>
<p class="utrecht-form-field-description" id="codes-hint">${props.hint}</p>
<p class="utrecht-paragraph ks-suggestions" id="suggestions">${suggestionText}</p>
<ul class="ks-code-list">${active.map((code, index) => {
    const suggestion = suggested.get(code.key);
    return html`<li><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="code-${code.key}" name="codes" value="${code.key}" ${chosen.has(code.key) ? 'checked' : ''} ${CODE_SHORTCUTS[index] ? html`data-key="${CODE_SHORTCUTS[index]}"` : ''}>
<label class="utrecht-form-label utrecht-form-label--checkbox" for="code-${code.key}">${CODE_SHORTCUTS[index] ? html`<kbd>${CODE_SHORTCUTS[index]}</kbd> ` : ''}${codeLabel(code, language)}${suggestion ? html` <span class="ks-suggested">(${t('coding.confidence', { percent: percent(suggestion) })})</span>` : ''}</label></li>`;
  })}</ul>
</fieldset>`;
}

/** The active codes' definitions and examples, folded away. */
export function codebookDefinitions(t: Translate, language: Language, codebook: readonly CodebookRow[]): Html {
  const active = codebook.filter((code) => !code.archived);
  return html`<details class="ks-codebook"><summary>${t('coding.definitions')}</summary>
<dl>${active.map((code) => html`<dt>${codeLabel(code, language)}</dt><dd>${language === 'en' ? code.definition.en : code.definition.nl}${code.examples.length ? html`<br><span class="ks-muted">${t('coding.examples', { examples: code.examples.slice(0, 3).map((e) => `“${e}”`).join(' · ') })}</span>` : ''}</dd>`)}</dl>
</details>`;
}
