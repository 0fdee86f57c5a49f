import type { AddressImportReview } from '../../app/fieldwork/review-address-import.ts';
import { errorReportCsv, type ErrorReportLine } from '../../domain/address-file/error-report-csv.ts';
import type { RowProblem, ValidatedRows } from '../../domain/address-file/validate-address-rows.ts';
import { html, type Html } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, errorSummary, fieldError, type FieldError } from '../layout.ts';
import { columnName } from './address-mapping-page.ts';
import { fieldworkHeading } from './address-upload-page.ts';

export const PROBLEMS_SHOWN = 50;

export function problemText(problem: RowProblem, t: Translate): string {
  return problem.kind === 'duplicate'
    ? t('address.problem.duplicate', { row: problem.duplicateOf ?? '?' })
    : t(`address.problem.${problem.kind}`);
}

function reportLines(review: AddressImportReview, validation: ValidatedRows, t: Translate): ErrorReportLine[] {
  return validation.problems.map((p) => ({
    row: p.rowNumber,
    column: p.column === null ? t('address.check.wholeRow') : columnName(review, p.column, t),
    problem: problemText(p, t),
    value: p.value,
  }));
}

/** The error report download: every problem, formula-safe. */
export function errorReportText(review: AddressImportReview, validation: ValidatedRows, t: Translate): string {
  const header = [t('address.check.row'), t('address.check.column'), t('address.check.problem'), t('address.check.value')] as const;
  return errorReportCsv(header, reportLines(review, validation, t));
}

/** /rounds/:id/addresses/:importId/check: counts, the first problems, and the way on. */
export function checkPageBody(
  review: AddressImportReview,
  validation: ValidatedRows,
  props: { t: Translate; language: Language; csrfToken: string; errors: readonly FieldError[] },
): Html {
  const { t, language } = props;
  const { round, upload } = review;
  const n = (v: number) => formatNumber(language, v);
  const base = `/rounds/${round.id}/addresses/${upload.id}`;
  const lines = reportLines(review, validation, t).slice(0, PROBLEMS_SHOWN);
  const invalid = validation.invalidRows;
  const problemsTable = lines.length === 0
    ? html`<div class="utrecht-alert utrecht-alert--ok"><p class="utrecht-paragraph">${t('address.check.allGood')}</p></div>`
    : html`<h2 class="utrecht-heading-2">${t('address.check.problems')}</h2>
<p class="utrecht-paragraph">${t('address.check.first', { count: n(lines.length), total: n(validation.problems.length) })}
<a class="utrecht-link" href="${base}/errors.csv" download>${t('address.check.download')}</a></p>
<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-label="${t('address.check.problems')}"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('address.check.row')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('address.check.column')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('address.check.problem')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('address.check.value')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${lines.map((line) => html`<tr class="utrecht-table__row">
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${line.row}</td>
  <td class="utrecht-table__cell">${line.column}</td>
  <td class="utrecht-table__cell">${line.problem}</td>
  <td class="utrecht-table__cell">${line.value === '' ? '—' : html`<code class="ks-code">${line.value}</code>`}</td>
</tr>`)}</tbody></table></div>
<p class="utrecht-paragraph">${t('address.check.fix')}</p>`;
  const skipBox = invalid > 0
    ? html`<div class="utrecht-form-field ${props.errors.length ? 'utrecht-form-field--invalid' : ''}">
  ${fieldError(props.errors, 'skip')}
  <div class="utrecht-form-field utrecht-form-field--checkbox">
    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="skip" name="skip" value="yes" aria-describedby="skip-hint${props.errors.length ? ' skip-error' : ''}">
    <label class="utrecht-form-label utrecht-form-label--checkbox" for="skip">${t('address.check.skip')}</label>
  </div>
  <p class="utrecht-form-field-description" id="skip-hint">${t('address.check.skip.hint', { valid: n(validation.valid.length) })}</p>
</div>`
    : '';
  return html`${fieldworkHeading(round.id, round.name, t('address.check.title'), t)}
${errorSummary(t, props.errors)}
<p class="utrecht-paragraph"><strong>${t('address.check.counts', { total: n(validation.total), valid: n(validation.valid.length), invalid: n(invalid) })}</strong></p>
${problemsTable}
<form method="post" action="${base}/import" novalidate>
${csrfField(props.csrfToken)}
${skipBox}
<div class="utrecht-button-group">
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('address.check.next')}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${base}/mapping">${t('address.check.remap')}</a>
</div>
</form>`;
}

/** The confirmation before the import job is queued. */
export function importConfirmBody(
  review: AddressImportReview,
  validation: ValidatedRows,
  props: { t: Translate; language: Language; csrfToken: string; skip: boolean },
): Html {
  const { t, language } = props;
  const { round, upload } = review;
  const n = (v: number) => formatNumber(language, v);
  const base = `/rounds/${round.id}/addresses/${upload.id}`;
  return html`${fieldworkHeading(round.id, round.name, t('address.confirm.title'), t)}
<p class="utrecht-paragraph">${t('address.confirm.rows', { count: n(validation.valid.length) })}</p>
${validation.invalidRows > 0 ? html`<p class="utrecht-paragraph">${t('address.confirm.skipped', { count: n(validation.invalidRows) })}</p>` : ''}
${review.currentInvitees > 0 ? html`<div class="utrecht-alert utrecht-alert--warning"><p class="utrecht-paragraph">${t('address.confirm.replaces', { count: n(review.currentInvitees) })}</p></div>` : ''}
<form method="post" action="${base}/confirm">
${csrfField(props.csrfToken)}
<input type="hidden" name="skip" value="${props.skip ? 'yes' : 'no'}">
<input type="hidden" name="replace" value="${review.currentInvitees > 0 ? 'yes' : 'no'}">
<div class="utrecht-button-group">
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('address.confirm.yes')}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${base}/check">${t('address.confirm.no')}</a>
</div>
</form>`;
}
