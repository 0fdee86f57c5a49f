import type { QuestionnaireImportReview } from '../../app/history-import/questionnaire-import-review.ts';
import type { QuestionnaireImport } from '../../db/questionnaire-import-store.ts';
import { compatibleStandardItems } from '../../domain/history-import/standard-key-mapping.ts';
import { itemsOf, localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import { formatDateTime, formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';
import { questionnairePreview } from '../research/questionnaire-preview.ts';

interface PageProps {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
}

function importsTable(imports: readonly QuestionnaireImport[], t: Translate, language: Language): Html {
  if (imports.length === 0) return html`<p class="utrecht-paragraph">${t('historyImport.list.none')}</p>`;
  return html`<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-label="${t('historyImport.list.title')}"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('historyImport.list.file')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('historyImport.list.date')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('historyImport.list.notes')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${imports.map((record) => html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="/questionnaire-imports/${record.id}">${record.fileName}</a></th>
  <td class="utrecht-table__cell">${formatDateTime(language, record.createdAt)}</td>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, record.report.length)}</td>
</tr>`)}</tbody></table></div>`;
}

/** /questionnaire-imports: the upload form and earlier imports. */
export function importsPageBody(imports: readonly QuestionnaireImport[], props: PageProps): Html {
  const { t, language, csrfToken, errors } = props;
  return html`<h1 class="utrecht-heading-1">${t('historyImport.title')}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('historyImport.intro')}</p>
<h2 class="utrecht-heading-2">${t('historyImport.upload.title')}</h2>
<form method="post" action="/questionnaire-imports" enctype="multipart/form-data" novalidate>
  ${csrfField(csrfToken)}
  <div class="utrecht-form-field ${errors.length ? 'utrecht-form-field--invalid' : ''}">
    <label class="utrecht-form-label" for="file">${t('historyImport.upload.file')}</label>
    <p class="utrecht-form-field-description" id="file-hint">${t('historyImport.upload.hint')}</p>
    ${fieldError(errors, 'file')}
    <input class="utrecht-textbox ks-file" id="file" name="file" type="file" accept=".lss,application/xml,text/xml" ${describedBy(errors, 'file', true)} ${invalid(errors, 'file')}>
  </div>
  <button class="utrecht-button utrecht-button--primary-action" type="submit">${t('historyImport.upload.submit')}</button>
</form>
<h2 class="utrecht-heading-2">${t('historyImport.list.title')}</h2>
${importsTable(imports, t, language)}`;
}

function reportTable(review: QuestionnaireImportReview, t: Translate, language: Language): Html {
  const { report } = review.record;
  if (report.length === 0) return html`<p class="utrecht-paragraph">${t('historyImport.report.none')}</p>`;
  const text = (message: { nl: string; en: string }) => (language === 'nl' ? message.nl : message.en);
  return html`<p class="utrecht-paragraph">${t('historyImport.report.intro')}</p>
<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-label="${t('historyImport.report.title')}"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('historyImport.report.question')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('historyImport.report.feature')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('historyImport.report.action')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${report.map((entry) => html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row">${entry.question === '' ? t('historyImport.report.survey') : html`<code class="ks-code">${entry.question}</code>`}</th>
  <td class="utrecht-table__cell">${text(entry.feature)}</td>
  <td class="utrecht-table__cell">${text(entry.action)}</td>
</tr>`)}</tbody></table></div>`;
}

function keyForm(review: QuestionnaireImportReview, props: PageProps, chosen: Readonly<Record<string, string>>): Html {
  const { t, language, csrfToken, errors } = props;
  const standard = review.standard.definition;
  return html`<form method="post" action="/questionnaire-imports/${review.record.id}/keys" novalidate>
  ${csrfField(csrfToken)}
  ${itemsOf(review.original.definition).map((item, index) => {
    const candidates = compatibleStandardItems(item, standard);
    const field = `key-${index}`;
    const code = review.record.sourceCodes[item.key] ?? item.key;
    const label = html`${localize(item.text, language)} <span class="ks-muted">(${t('historyImport.keys.source', { code })})</span>`;
    if (candidates.length === 0) {
      return html`<div class="utrecht-form-field"><p class="utrecht-paragraph"><strong>${label}</strong><br>${t('historyImport.keys.noMatch')}</p></div>`;
    }
    return html`<div class="utrecht-form-field ${fieldError(errors, field) ? 'utrecht-form-field--invalid' : ''}">
    <label class="utrecht-form-label" for="${field}">${label}</label>
    ${fieldError(errors, field)}
    <input type="hidden" name="item-${index}" value="${item.key}">
    <select class="utrecht-select" id="${field}" name="${field}" ${describedBy(errors, field)} ${invalid(errors, field)}>
      <option value="">${t('historyImport.keys.none')}</option>
      ${candidates.map((candidate) => html`<option value="${candidate.key}"${chosen[item.key] === candidate.key ? html` selected` : ''}>${candidate.key}: ${localize(candidate.text, language)}</option>`)}
    </select>
  </div>`;
  })}
  <button class="utrecht-button utrecht-button--primary-action" type="submit">${t('historyImport.keys.submit')}</button>
</form>`;
}

/** /questionnaire-imports/:id: the import report, the links to standard keys and the questionnaire itself. */
export function importReviewBody(review: QuestionnaireImportReview, props: PageProps, chosen = review.record.keyMapping): Html {
  const { t, language } = props;
  const questionnaire = review.current.definition;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/questionnaire-imports">← ${t('historyImport.review.back')}</a></p>
<h1 class="utrecht-heading-1">${t('historyImport.review.title', { name: review.record.fileName })}</h1>
${errorSummary(t, props.errors)}
<p class="utrecht-paragraph"><strong>${localize(questionnaire.title, language)}</strong></p>
<p class="utrecht-paragraph">${t('historyImport.review.summary', {
    items: formatNumber(language, itemsOf(questionnaire).length),
    pages: formatNumber(language, questionnaire.blocks.length),
    languages: questionnaire.languages.join(', '),
  })}</p>
<h2 class="utrecht-heading-2">${t('historyImport.report.title')}</h2>
${reportTable(review, t, language)}
<h2 class="utrecht-heading-2">${t('historyImport.keys.title')}</h2>
<p class="utrecht-paragraph">${t('historyImport.keys.intro')}</p>
${keyForm(review, props, chosen)}
<h2 class="utrecht-heading-2">${t('historyImport.preview.title')}</h2>
${questionnairePreview(questionnaire, t, language)}`;
}
