import type { AddressesOverview } from '../../app/fieldwork/addresses-overview.ts';
import { html, type Html } from '../html.ts';
import { formatDateTime, formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';

/** Back link to the fieldwork steps and the page heading, shared by the address and sample pages. */
export function fieldworkHeading(roundId: string, roundName: string, title: string, t: Translate): Html {
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${roundId}/fieldwork">← ${t('address.back')}: ${roundName}</a></p>
<h1 class="utrecht-heading-1">${title}</h1>`;
}

function importsTable(overview: AddressesOverview, t: Translate, language: Language): Html {
  if (overview.imports.length === 0) return html``;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(language, v));
  return html`<h2 class="utrecht-heading-2">${t('address.imports.title')}</h2>
<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-label="${t('address.imports.title')}"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('address.imports.file')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('address.imports.date')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('address.imports.status')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('address.imports.rows')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('address.imports.invalid')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${overview.imports.map((i) => html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row">${i.fileName}</th>
  <td class="utrecht-table__cell">${formatDateTime(language, i.createdAt)}</td>
  <td class="utrecht-table__cell">${t(`address.importStatus.${i.status}`)}</td>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${n(i.rowsValid)}</td>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${n(i.rowsInvalid)}</td>
</tr>`)}</tbody></table></div>`;
}

function uploadForm(overview: AddressesOverview, errors: readonly FieldError[], t: Translate, language: Language, csrfToken: string): Html {
  const action = `/rounds/${overview.round.id}/addresses`;
  return html`<h2 class="utrecht-heading-2">${t('address.upload.title')}</h2>
${overview.invitees.total > 0 ? html`<div class="utrecht-alert utrecht-alert--warning"><p class="utrecht-paragraph">${t('address.upload.replaces', { count: formatNumber(language, overview.invitees.total) })}</p></div>` : ''}
<form method="post" action="${action}" enctype="multipart/form-data" novalidate>
  ${csrfField(csrfToken)}
  <div class="utrecht-form-field ${errors.length ? 'utrecht-form-field--invalid' : ''}">
    <label class="utrecht-form-label" for="file">${t('address.upload.file')}</label>
    <p class="utrecht-form-field-description" id="file-hint">${t('address.upload.hint')}</p>
    ${fieldError(errors, 'file')}
    <input class="utrecht-textbox ks-file" id="file" name="file" type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ${describedBy(errors, 'file', true)} ${invalid(errors, 'file')}>
  </div>
  <button class="utrecht-button utrecht-button--primary-action" type="submit">${t('address.upload.submit')}</button>
</form>`;
}

/** /rounds/:id/addresses: what is imported, a pending upload, the upload form, earlier files. */
export function addressesPageBody(
  overview: AddressesOverview,
  props: { t: Translate; language: Language; csrfToken: string; errors: readonly FieldError[] },
): Html {
  const { t, language, csrfToken } = props;
  const { round, invitees, pending } = overview;
  const base = `/rounds/${round.id}/addresses`;
  const status = invitees.total > 0
    ? t('address.current', { count: formatNumber(language, invitees.total), email: formatNumber(language, invitees.withEmail) })
    : t('address.none');
  const blocked = overview.sample
    ? html`<p class="utrecht-paragraph">${t('address.sampleDrawn')} <a class="utrecht-link" href="/rounds/${round.id}/sample">${t('address.toSample')}</a></p>`
    : !overview.canUpload
      ? html`<p class="utrecht-paragraph">${t('address.closed')}</p>`
      : '';
  const running = overview.runningJobId
    ? html`<div class="utrecht-alert utrecht-alert--info" role="status"><p class="utrecht-paragraph">${t('address.running')} <a class="utrecht-link" href="/jobs/${overview.runningJobId}">${t('address.running.link')}</a></p></div>`
    : '';
  const pendingBlock = pending && overview.canUpload
    ? html`<div class="ks-panel"><p class="utrecht-paragraph">${t('address.pending', { name: pending.fileName })}</p>
<div class="utrecht-button-group">
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="${base}/${pending.id}/${pending.mapping ? 'check' : 'mapping'}">${t('address.pending.continue')}</a>
<form method="post" action="${base}/${pending.id}/discard">${csrfField(csrfToken)}<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('address.pending.discard')}</button></form>
</div></div>`
    : '';
  return html`${fieldworkHeading(round.id, round.name, t('address.title'), t)}
${errorSummary(t, props.errors)}
<p class="utrecht-paragraph">${t('address.intro')}</p>
<p class="utrecht-paragraph"><strong>${status}</strong></p>
${running}
${blocked}
${pendingBlock}
${overview.canUpload && !overview.runningJobId ? uploadForm(overview, props.errors, t, language, csrfToken) : ''}
${importsTable(overview, t, language)}`;
}
