import type { LettersOverview } from '../../app/letters/letters-overview.ts';
import { LETTER_KINDS } from '../../app/letters/letter-texts.ts';
import { LETTER_LANGUAGES } from '../../app/letters/letter-values.ts';
import { canSendLetters, MAX_REMINDERS } from '../../app/letters/start-letters.ts';
import type { LetterMailing } from '../../db/letter-store.ts';
import { html, type Html } from '../html.ts';
import { formatDate, formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { errorSummary, type FieldError } from '../layout.ts';
import { settingsForm, textsForm, type SettingsFormValues, type TextFormValues } from './letter-forms.ts';

// The letters page: make a letters PDF, earlier mailings, a preview, the layout and the texts.

export interface LettersPageInput {
  readonly overview: LettersOverview;
  readonly settingsValues: SettingsFormValues;
  readonly textValues: TextFormValues;
  readonly errors: readonly FieldError[];
  readonly preview: { kind: 'invitation' | 'reminder'; language: 'nl' | 'en' };
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
}

function radio(name: string, value: string, label: string, checked: boolean): Html {
  const id = `${name}-${value}`;
  return html`<div class="utrecht-form-field utrecht-form-field--radio">
<input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${id}" name="${name}" value="${value}" ${checked ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--radio" for="${id}">${label}</label>
</div>`;
}

function makeLettersForm(roundId: string, t: Translate): Html {
  return html`<form method="get" action="/rounds/${roundId}/letters/confirm">
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
<legend class="utrecht-form-fieldset__legend">${t('letters.make.kind')}</legend>
${radio('kind', 'invitation', t('letters.kind.invitation'), true)}
${radio('kind', 'reminder', t('letters.kind.reminder'), false)}
</fieldset>
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="reminderNumber">${t('letters.make.reminderNumber')}</label>
<p class="utrecht-form-field-description" id="reminderNumber-hint">${t('letters.make.reminderNumber.hint')}</p>
<select class="utrecht-select utrecht-select--html-select" id="reminderNumber" name="reminderNumber" aria-describedby="reminderNumber-hint">${Array.from({ length: MAX_REMINDERS }, (_, i) => html`<option value="${i + 1}">${i + 1}</option>`)}</select>
</div>
<div class="utrecht-form-field utrecht-form-field--checkbox">
<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="onlyWithoutEmail" name="onlyWithoutEmail" value="yes">
<label class="utrecht-form-label utrecht-form-label--checkbox" for="onlyWithoutEmail">${t('letters.make.onlyWithoutEmail')}</label>
</div>
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
<legend class="utrecht-form-fieldset__legend">${t('letters.make.language')}</legend>
${radio('language', 'invitee', t('letters.make.language.invitee'), true)}
${radio('language', 'nl', t('letters.make.language.nl'), false)}
${radio('language', 'en', t('letters.make.language.en'), false)}
</fieldset>
<p><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('letters.make.next')}</button></p>
</form>`;
}

export function mailingKind(t: Translate, mailing: Pick<LetterMailing, 'kind' | 'reminderNumber'>): string {
  return mailing.kind === 'invitation' ? t('letters.kind.invitation') : t('letters.mailings.reminder', { number: mailing.reminderNumber });
}

function mailingsTable(roundId: string, overview: LettersOverview, t: Translate, language: Language): Html {
  const running = overview.running.map((job) => html`<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="/jobs/${job.id}">${t('letters.mailings.running', { done: formatNumber(language, job.progress), total: formatNumber(language, job.total ?? 0) })}</a></li>`);
  const list = overview.mailings.length === 0
    ? html`<p class="utrecht-paragraph">${t('letters.mailings.none')}</p>`
    : html`<div class="utrecht-table-container ks-scroll"><table class="utrecht-table utrecht-table--html-table">
<caption class="ks-visually-hidden">${t('letters.mailings.title')}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('letters.mailings.col.date')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('letters.mailings.col.kind')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('letters.mailings.col.letters')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('letters.mailings.col.file')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${overview.mailings.map((m) => html`<tr class="utrecht-table__row">
<td class="utrecht-table__cell">${formatDate(language, m.createdOn)}</td>
<td class="utrecht-table__cell">${mailingKind(t, m)}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, m.letters)}</td>
<td class="utrecht-table__cell">${m.bytes > 0
    ? html`<a class="utrecht-link" href="/rounds/${roundId}/letters/mailings/${m.id}.pdf">${t('letters.mailings.download', { size: formatNumber(language, m.bytes / 1024 / 1024, 1) })}</a>`
    : t('letters.mailings.gone')}</td>
</tr>`)}</tbody></table></div>`;
  return html`${running.length ? html`<ul class="utrecht-unordered-list">${running}</ul>` : ''}${list}`;
}

function previewSection(roundId: string, input: LettersPageInput): Html {
  const { t, preview } = input;
  const query = `kind=${preview.kind}&language=${preview.language}`;
  return html`<form method="get" action="/rounds/${roundId}/letters#preview">
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="preview-choice">${t('letters.preview.choose')}</label>
<select class="utrecht-select utrecht-select--html-select" id="preview-choice" name="preview">${LETTER_KINDS.flatMap((kind) => LETTER_LANGUAGES.map((language) => {
    const value = `${kind}-${language}`;
    return html`<option value="${value}" ${preview.kind === kind && preview.language === language ? 'selected' : ''}>${t(kind === 'invitation' ? 'letters.kind.invitation' : 'letters.kind.reminder')} · ${t(language === 'nl' ? 'letters.language.nl' : 'letters.language.en')}</option>`;
  }))}</select>
</div>
<p><button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('letters.preview.show')}</button></p>
</form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${roundId}/letters/preview.pdf?${query}">${t('letters.preview.pdf')}</a></p>
<iframe class="ks-letter-preview" title="${t('letters.preview.frame')}" src="/rounds/${roundId}/letters/preview?${query}" width="100%" height="900"></iframe>`;
}

export function lettersPageBody(input: LettersPageInput): Html {
  const { overview, t, language } = input;
  const round = overview.round;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}">← ${round.name}</a></p>
<h1 class="utrecht-heading-1">${t('letters.title')}</h1>
${errorSummary(t, input.errors)}
<p class="utrecht-paragraph">${t('letters.intro')}</p>
<h2 class="utrecht-heading-2">${t('letters.make.title')}</h2>
${canSendLetters(round.status)
    ? makeLettersForm(round.id, t)
    : html`<div class="utrecht-alert utrecht-alert--warning" role="status"><p class="utrecht-paragraph">${t('letters.make.closed')}</p></div>`}
<h2 class="utrecht-heading-2">${t('letters.mailings.title')}</h2>
${mailingsTable(round.id, overview, t, language)}
<h2 class="utrecht-heading-2" id="preview">${t('letters.preview.title')}</h2>
${previewSection(round.id, input)}
<h2 class="utrecht-heading-2" id="settings">${t('letters.settings.title')}</h2>
${settingsForm(round.id, input.settingsValues, overview.settings, input.errors, t, input.csrfToken)}
<h2 class="utrecht-heading-2" id="texts">${t('letters.texts.title')}</h2>
${textsForm(round.id, input.textValues, input.errors, t, input.csrfToken)}`;
}
