import type { AddressImportReview } from '../../app/fieldwork/review-address-import.ts';
import { ADDRESS_FIELDS } from '../../domain/address-file/address-mapping.ts';
import { html, type Html } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, errorSummary, type FieldError } from '../layout.ts';
import { fieldworkHeading } from './address-upload-page.ts';

/** The name a column goes by on screen and in the error report. */
export function columnName(review: Pick<AddressImportReview, 'table'>, column: number, t: Translate): string {
  const header = review.table.headers[column] ?? '';
  return header !== '' ? header : t('address.mapping.noHeader', { number: column + 1 });
}

const delimiterName = (delimiter: string | null): string => (delimiter === '\t' ? 'tab' : (delimiter ?? '—'));

/** /rounds/:id/addresses/:importId/mapping: each column, two examples and a field to choose. */
export function mappingPageBody(
  review: AddressImportReview,
  props: { t: Translate; language: Language; csrfToken: string; errors: readonly FieldError[]; chosen?: ReadonlyMap<number, string> },
): Html {
  const { t, language } = props;
  const { round, upload } = review;
  const selected = props.chosen ?? review.mapping;
  const action = `/rounds/${round.id}/addresses/${upload.id}/mapping`;
  return html`${fieldworkHeading(round.id, round.name, t('address.mapping.title'), t)}
${errorSummary(t, props.errors)}
<p class="utrecht-paragraph">${t('address.mapping.file', {
    name: upload.fileName,
    format: upload.format.toUpperCase(),
    encoding: upload.encoding ?? 'Excel',
    delimiter: delimiterName(upload.delimiter),
    rows: formatNumber(language, review.table.rows.length),
  })}</p>
<p class="utrecht-paragraph">${t('address.mapping.intro')}</p>
${review.mappingChosen ? '' : html`<p class="utrecht-paragraph ks-muted">${t('address.mapping.suggested')}</p>`}
<form method="post" action="${action}" novalidate>
${csrfField(props.csrfToken)}
<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-label="${t('address.mapping.title')}"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('address.mapping.column')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('address.mapping.examples')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('address.mapping.field')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${review.columns.map((column) => {
    const id = `col-${column.index}`;
    const current = selected.get(column.index);
    return html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row"><label class="utrecht-form-label" for="${id}">${columnName(review, column.index, t)}</label></th>
  <td class="utrecht-table__cell">${column.samples.length ? html`<ul class="ks-plain-list">${column.samples.map((s) => html`<li>${s}</li>`)}</ul>` : '—'}</td>
  <td class="utrecht-table__cell"><select class="utrecht-select utrecht-select--html-select" id="${id}" name="${id}">
    <option value="">${t('address.mapping.skip')}</option>
    ${ADDRESS_FIELDS.map((field) => html`<option value="${field}" ${current === field ? 'selected' : ''}>${t(`address.field.${field}`)}</option>`)}
  </select></td>
</tr>`;
  })}</tbody></table></div>
<div class="utrecht-button-group">
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('address.mapping.submit')}</button>
</div>
</form>
<form method="post" action="/rounds/${round.id}/addresses/${upload.id}/discard">${csrfField(props.csrfToken)}
<button class="utrecht-button utrecht-button--subtle" type="submit">${t('address.pending.discard')}</button></form>`;
}
