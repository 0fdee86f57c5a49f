import type { LetterTexts } from '../../app/letters/letter-texts.ts';
import { LETTER_KINDS } from '../../app/letters/letter-texts.ts';
import { LETTER_LANGUAGES } from '../../app/letters/letter-values.ts';
import type { LetterSettings } from '../../db/letter-store.ts';
import { PLACEHOLDERS } from '../../domain/fieldwork/fill-template.ts';
import { html, type Html } from '../html.ts';
import type { Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, fieldError, invalid, type FieldError } from '../layout.ts';

// The two forms of the letters page: layout settings (with image uploads) and the texts.

export interface SettingsFormValues {
  readonly senderName: string;
  readonly returnAddress: string;
  readonly signerName: string;
  readonly signerTitle: string;
  readonly attachQuestionnaire: boolean;
}

export type TextFormValues = Record<string, string>;

export const textFieldId = (kind: string, language: string, field: 'subject' | 'body'): string => `${kind}-${language}-${field}`;

export function textFormValues(texts: LetterTexts): TextFormValues {
  const values: TextFormValues = {};
  for (const kind of LETTER_KINDS) {
    for (const language of LETTER_LANGUAGES) {
      values[textFieldId(kind, language, 'subject')] = texts[kind][language].subject;
      values[textFieldId(kind, language, 'body')] = texts[kind][language].body;
    }
  }
  return values;
}

function field(id: string, label: string, control: Html, errors: readonly FieldError[], hint?: string): Html {
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === id) ? 'utrecht-form-field--invalid' : ''}">
<label class="utrecht-form-label" for="${id}">${label}</label>
${hint ? html`<p class="utrecht-form-field-description" id="${id}-hint">${hint}</p>` : ''}
${fieldError(errors, id)}
${control}
</div>`;
}

function textbox(id: string, value: string, errors: readonly FieldError[], hint: boolean): Html {
  return html`<input class="utrecht-textbox utrecht-textbox--html-input" id="${id}" name="${id}" type="text" value="${value}" ${describedBy(errors, id, hint)} ${invalid(errors, id)}>`;
}

function imageField(id: 'logo' | 'signature', t: Translate, current: string | null, errors: readonly FieldError[]): Html {
  const label = t(id === 'logo' ? 'letters.settings.logo' : 'letters.settings.signature');
  return html`${field(id, label, html`<input class="utrecht-textbox utrecht-textbox--html-input" id="${id}" name="${id}" type="file" accept="image/png,image/jpeg" ${describedBy(errors, id, true)} ${invalid(errors, id)}>`, errors, t('letters.settings.image.hint'))}
${current ? html`<p class="utrecht-paragraph">${t('letters.settings.image.current')}</p>
<p><img src="${current}" alt="${t(id === 'logo' ? 'letters.settings.logo.alt' : 'letters.settings.signature.alt')}" height="60"></p>
<div class="utrecht-form-field utrecht-form-field--checkbox">
<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="${id}-remove" name="${id}Remove" value="yes">
<label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}-remove">${t('letters.settings.image.remove')}</label>
</div>` : ''}`;
}

export function settingsForm(roundId: string, values: SettingsFormValues, stored: LetterSettings, errors: readonly FieldError[], t: Translate, csrfToken: string): Html {
  return html`<form method="post" action="/rounds/${roundId}/letters/settings" enctype="multipart/form-data" novalidate>
${csrfField(csrfToken)}
${field('senderName', t('letters.settings.senderName'), textbox('senderName', values.senderName, errors, true), errors, t('letters.settings.senderName.hint'))}
${field('returnAddress', t('letters.settings.returnAddress'), textbox('returnAddress', values.returnAddress, errors, true), errors, t('letters.settings.returnAddress.hint'))}
${field('signerName', t('letters.settings.signerName'), textbox('signerName', values.signerName, errors, false), errors)}
${field('signerTitle', t('letters.settings.signerTitle'), textbox('signerTitle', values.signerTitle, errors, false), errors)}
${imageField('logo', t, stored.logoDataUrl, errors)}
${imageField('signature', t, stored.signatureDataUrl, errors)}
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby="attach-hint">
<legend class="utrecht-form-fieldset__legend">${t('letters.settings.attach')}</legend>
<p class="utrecht-form-field-description" id="attach-hint">${t('letters.settings.attach.hint')}</p>
${(['yes', 'no'] as const).map((choice) => html`<div class="utrecht-form-field utrecht-form-field--radio">
<input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="attach-${choice}" name="attachQuestionnaire" value="${choice}" ${(choice === 'yes') === values.attachQuestionnaire ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--radio" for="attach-${choice}">${t(choice === 'yes' ? 'letters.settings.attach.yes' : 'letters.settings.attach.no')}</label>
</div>`)}
</fieldset>
<p><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('letters.settings.save')}</button></p>
</form>`;
}

export function textsForm(roundId: string, values: TextFormValues, errors: readonly FieldError[], t: Translate, csrfToken: string): Html {
  const placeholders = PLACEHOLDERS.filter((p) => p !== 'afmeldlink').map((p) => `{${p}}`).join(', ');
  return html`<p class="utrecht-paragraph">${t('letters.texts.intro')}</p>
<p class="utrecht-paragraph">${t('letters.texts.placeholders', { list: placeholders })}</p>
<form method="post" action="/rounds/${roundId}/letters/texts" novalidate>
${csrfField(csrfToken)}
${LETTER_KINDS.map((kind) => html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
<legend class="utrecht-form-fieldset__legend">${t(kind === 'invitation' ? 'letters.kind.invitation' : 'letters.kind.reminder')}</legend>
${LETTER_LANGUAGES.map((language) => {
    const subject = textFieldId(kind, language, 'subject');
    const body = textFieldId(kind, language, 'body');
    const languageName = t(language === 'nl' ? 'letters.language.nl' : 'letters.language.en');
    return html`${field(subject, t('letters.texts.subject', { language: languageName }), textbox(subject, values[subject] ?? '', errors, false), errors)}
${field(body, t('letters.texts.body', { language: languageName }), html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="${body}" name="${body}" rows="14" lang="${language}" ${describedBy(errors, body, false)} ${invalid(errors, body)}>${values[body] ?? ''}</textarea>`, errors)}`;
  })}
</fieldset>`)}
<p><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('letters.texts.save')}</button></p>
</form>`;
}
