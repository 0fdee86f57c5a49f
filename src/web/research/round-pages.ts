import type { RoundSummary } from '../../db/round-store.ts';
import type { Round } from '../../db/round-store.ts';
import { ITEM_TYPES, localize, type Module, type Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import { formatDate, formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';
import type { OwnItemFormValues } from './own-item-form.ts';
import type { RoundFormValues } from './round-form.ts';

export function statusBadge(t: Translate, status: Round['status']): Html {
  const tone = { draft: 'neutral', fieldwork: 'warning', closed: 'inactive', published: 'success' }[status];
  return html`<span class="utrecht-status-badge utrecht-status-badge--${tone}">${t(`status.${status}`)}</span>`;
}

export function period(language: Language, start: string | null, end: string | null): string {
  if (!start && !end) return '—';
  return `${start ? formatDate(language, start) : '…'} – ${end ? formatDate(language, end) : '…'}`;
}

export function roundsTable(rounds: readonly RoundSummary[], t: Translate, language: Language): Html {
  if (rounds.length === 0) return html`<p class="utrecht-paragraph">${t('rounds.empty')}</p>`;
  return html`<div class="utrecht-table-container ks-scroll"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('rounds.col.name')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('rounds.col.year')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('rounds.col.status')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('rounds.col.fieldwork')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('rounds.col.invitations')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('rounds.col.completed')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('rounds.col.rate')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${rounds.map(
    (r) => html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="/rounds/${r.id}">${r.name}</a>${r.ownerKind === 'council' ? html` <span class="ks-badge">${t('round.owner.council')}</span>` : ''}</th>
  <td class="utrecht-table__cell">${r.year}</td>
  <td class="utrecht-table__cell">${statusBadge(t, r.status)}</td>
  <td class="utrecht-table__cell">${period(language, r.fieldworkStart, r.fieldworkEnd)}</td>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, r.invitations)}</td>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, r.completed)}</td>
  <td class="utrecht-table__cell utrecht-table__cell--numeric">${r.invitations > 0 ? `${formatNumber(language, (100 * r.completed) / r.invitations, 0)}%` : '—'}</td>
</tr>`,
  )}</tbody></table></div>`;
}

function textField(name: string, label: string, value: string, errors: FieldError[], opts: { hint?: string; type?: string; width?: string } = {}): Html {
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === name) ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="${name}">${label}</label>
  ${opts.hint ? html`<p class="utrecht-form-field-description" id="${name}-hint">${opts.hint}</p>` : ''}
  ${fieldError(errors, name)}
  <input class="utrecht-textbox utrecht-textbox--html-input ${opts.width ?? ''}" id="${name}" name="${name}" type="${opts.type ?? 'text'}" value="${value}" ${describedBy(errors, name, Boolean(opts.hint))} ${invalid(errors, name)}>
</div>`;
}

export function roundForm(
  values: RoundFormValues,
  modules: readonly Module[],
  errors: FieldError[],
  ctx: { t: Translate; language: Language; csrfToken: string; action: string; submit: string },
): Html {
  const { t, language } = ctx;
  return html`${errorSummary(t, errors)}
<form method="post" action="${ctx.action}" novalidate>
  ${csrfField(ctx.csrfToken)}
  ${textField('name', t('round.field.name'), values.name, errors, { hint: t('round.field.name.hint') })}
  ${textField('year', t('round.field.year'), values.year, errors, { type: 'text', width: 'ks-width-s' })}
  ${textField('targetGroup', t('round.field.targetGroup'), values.targetGroup, errors, { hint: t('round.field.targetGroup.hint') })}
  ${textField('fieldworkStart', t('round.field.fieldworkStart'), values.fieldworkStart, errors, { hint: t('round.field.date.hint'), width: 'ks-width-m' })}
  ${textField('fieldworkEnd', t('round.field.fieldworkEnd'), values.fieldworkEnd, errors, { hint: t('round.field.date.hint'), width: 'ks-width-m' })}
  <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
    <legend class="utrecht-form-fieldset__legend">${t('round.field.access')}</legend>
    ${(['codes', 'open'] as const).map(
      (access) => html`<div class="utrecht-form-field utrecht-form-field--radio">
      <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="access-${access}" name="access" value="${access}" ${values.access === access ? 'checked' : ''}>
      <label class="utrecht-form-label utrecht-form-label--radio" for="access-${access}">${t(`round.access.${access}`)}</label></div>`,
    )}
  </fieldset>
  <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby="modules-hint">
    <legend class="utrecht-form-fieldset__legend">${t('round.field.modules')}</legend>
    <p class="utrecht-form-field-description" id="modules-hint">${t('round.field.modules.hint')}</p>
    ${modules.map(
      (m) => html`<div class="utrecht-form-field utrecht-form-field--checkbox">
      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="module-${m.key}" name="modules" value="${m.key}"
        ${m.required || values.modules.includes(m.key) ? 'checked' : ''} ${m.required ? 'disabled' : ''}>
      <label class="utrecht-form-label utrecht-form-label--checkbox" for="module-${m.key}">${localize(m.title, language)}${m.required ? html` <span class="ks-muted">${t('round.module.required')}</span>` : ''}</label></div>`,
    )}
  </fieldset>
  <button class="utrecht-button utrecht-button--primary-action" type="submit">${ctx.submit}</button>
</form>`;
}

export function ownItemForm(
  values: OwnItemFormValues,
  errors: FieldError[],
  ctx: { t: Translate; csrfToken: string; action: string },
): Html {
  const { t } = ctx;
  return html`<form method="post" action="${ctx.action}" novalidate class="ks-panel">
  <h3 class="utrecht-heading-3">${t('ownItem.add')}</h3>
  ${errorSummary(t, errors)}
  ${csrfField(ctx.csrfToken)}
  ${textField('key', t('ownItem.key'), values.key, errors, { hint: t('ownItem.key.hint'), width: 'ks-width-m' })}
  <div class="utrecht-form-field">
    <label class="utrecht-form-label" for="type">${t('ownItem.type')}</label>
    <select class="utrecht-select utrecht-select--html-select" id="type" name="type">${ITEM_TYPES.map(
      (type) => html`<option value="${type}" ${values.type === type ? 'selected' : ''}>${t(`type.${type}`)}</option>`,
    )}</select>
  </div>
  ${textField('textNl', t('ownItem.textNl'), values.textNl, errors)}
  ${textField('textEn', t('ownItem.textEn'), values.textEn, errors)}
  <div class="utrecht-form-field ${errors.some((e) => e.field === 'options') ? 'utrecht-form-field--invalid' : ''}">
    <label class="utrecht-form-label" for="options">${t('ownItem.options')}</label>
    <p class="utrecht-form-field-description" id="options-hint">${t('ownItem.options.hint')}</p>
    ${fieldError(errors, 'options')}
    <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="options" name="options" rows="4" ${describedBy(errors, 'options', true)} ${invalid(errors, 'options')}>${values.options}</textarea>
  </div>
  <div class="utrecht-form-field utrecht-form-field--checkbox">
    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="allowNotApplicable" name="allowNotApplicable" ${values.allowNotApplicable ? 'checked' : ''}>
    <label class="utrecht-form-label utrecht-form-label--checkbox" for="allowNotApplicable">${t('ownItem.allowNa')}</label>
  </div>
  <div class="utrecht-form-field utrecht-form-field--checkbox">
    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="required" name="required" ${values.required ? 'checked' : ''}>
    <label class="utrecht-form-label utrecht-form-label--checkbox" for="required">${t('ownItem.required')}</label>
  </div>
  ${textField('showIf', t('ownItem.showIf'), values.showIf, errors, { hint: t('ownItem.showIf.hint') })}
  <button class="utrecht-button utrecht-button--primary-action" type="submit">${t('ownItem.add')}</button>
</form>`;
}

export function ownItemsList(round: Round, questionnaire: Questionnaire, t: Translate, language: Language, editable: boolean): Html {
  const items = round.ownBlocks.flatMap((b) => b.items);
  if (items.length === 0) return html`<p class="utrecht-paragraph">${t('round.ownItems.none')}</p>`;
  void questionnaire;
  return html`<ul class="ks-card-list">${items.map(
    (item) => html`<li><p class="utrecht-paragraph"><strong>${localize(item.text, language)}</strong></p>
<p class="utrecht-paragraph ks-muted">${t(`type.${item.type}`)} · <code class="ks-code">${item.key}</code></p>
${editable ? html`<a class="utrecht-link" href="/rounds/${round.id}/items/${item.key}/remove">${t('ownItem.remove')}<span class="ks-visually-hidden">: ${localize(item.text, language)}</span></a>` : ''}</li>`,
  )}</ul>`;
}
