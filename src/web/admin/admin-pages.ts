import { ROLES } from '../../app/manage-members.ts';
import type { AuditRow } from '../../db/audit-store.ts';
import type { Role } from '../../db/schema.ts';
import type { Member } from '../../db/user-store.ts';
import { html, type Html } from '../html.ts';
import { formatDateTime, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';

export interface NewUserValues {
  readonly name: string;
  readonly email: string;
  readonly role: Role;
}

function roleSelect(id: string, selected: Role, t: Translate, label?: string): Html {
  return html`<select class="utrecht-select utrecht-select--html-select" id="${id}" name="role" ${label ? html`aria-label="${label}"` : ''}>${ROLES.map(
    (role) => html`<option value="${role}" ${role === selected ? 'selected' : ''}>${t(`role.${role}`)}</option>`,
  )}</select>`;
}

export function membersTable(members: readonly Member[], selfId: string, twoStep: ReadonlySet<string>, t: Translate, csrfToken: string): Html {
  return html`<div class="utrecht-table-container ks-scroll"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('users.col.name')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('users.col.email')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('users.col.role')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('users.col.actions')}</th></tr></thead>
<tbody class="utrecht-table__body">${members.map(
    (m) => html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${m.name}</th>
<td class="utrecht-table__cell">${m.email}</td>
<td class="utrecht-table__cell"><form method="post" action="/admin/users/${m.userId}/role" class="ks-inline-form" id="role-${m.userId}">${csrfField(csrfToken)}
${roleSelect(`role-select-${m.userId}`, m.role, t, `${t('users.col.role')}: ${m.name}`)}
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('users.changeRole')}<span class="ks-visually-hidden">: ${m.name}</span></button></form></td>
<td class="utrecht-table__cell">${m.userId === selfId ? '' : html`<ul class="ks-plain-list"><li><a class="utrecht-link" href="/admin/users/${m.userId}/remove">${t('users.remove')}<span class="ks-visually-hidden">: ${m.name}</span></a></li>${
      twoStep.has(m.userId) ? html`<li><a class="utrecht-link" href="/admin/users/${m.userId}/second-factor">${t('users.twoFactor.reset')}<span class="ks-visually-hidden">: ${m.name}</span></a></li>` : ''
    }</ul>`}</td>
</tr>`,
  )}</tbody></table></div>`;
}

export function newUserForm(values: NewUserValues, errors: FieldError[], t: Translate, csrfToken: string): Html {
  const field = (name: string, label: string, value: string, type: string, autocomplete: string, hint?: string) => html`
<div class="utrecht-form-field ${errors.some((e) => e.field === name) ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="${name}">${label}</label>
  ${hint ? html`<p class="utrecht-form-field-description" id="${name}-hint">${hint}</p>` : ''}
  ${fieldError(errors, name)}
  <input class="utrecht-textbox utrecht-textbox--html-input" id="${name}" name="${name.replace('new-', '')}" type="${type}" autocomplete="${autocomplete}" value="${value}" ${describedBy(errors, name, Boolean(hint))} ${invalid(errors, name)}>
</div>`;
  return html`<h2 class="utrecht-heading-2" id="add-user">${t('users.add')}</h2>
${errorSummary(t, errors)}
<form method="post" action="/admin/users" novalidate class="ks-panel" aria-labelledby="add-user">
${csrfField(csrfToken)}
${field('new-name', t('users.field.name'), values.name, 'text', 'off')}
${field('new-email', t('users.field.email'), values.email, 'email', 'off')}
<div class="utrecht-form-field"><label class="utrecht-form-label" for="new-role">${t('users.field.role')}</label>${roleSelect('new-role', values.role, t)}</div>
${field('new-password', t('users.field.password'), '', 'password', 'new-password', t('users.field.password.hint'))}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('users.add')}</button>
</form>`;
}

export function auditTable(rows: readonly AuditRow[], t: Translate, language: Language): Html {
  if (rows.length === 0) return html`<p class="utrecht-paragraph">${t('audit.empty')}</p>`;
  return html`<div class="utrecht-table-container ks-scroll"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('audit.col.at')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('audit.col.who')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('audit.col.action')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('audit.col.details')}</th></tr></thead>
<tbody class="utrecht-table__body">${rows.map(
    (r) => html`<tr class="utrecht-table__row">
<td class="utrecht-table__cell">${formatDateTime(language, r.at)}</td>
<td class="utrecht-table__cell">${r.userName ?? '—'}</td>
<td class="utrecht-table__cell"><code class="ks-code">${r.action}</code></td>
<td class="utrecht-table__cell"><code class="ks-code">${JSON.stringify(r.details)}</code></td></tr>`,
  )}</tbody></table></div>`;
}
