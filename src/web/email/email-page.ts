import { EMAIL_LANGUAGES, EMAIL_TEMPLATE_KINDS } from '../../app/email/default-email-templates.ts';
import type { EmailOverview } from '../../app/email/email-overview.ts';
import type { MailingCount, MessageState } from '../../db/email-store.ts';
import { html, type Html } from '../html.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';
import { textField } from './text-field.ts';

const STATES: readonly MessageState[] = ['sent', 'bounced', 'failed', 'sending', 'interrupted'];

export function mailingName(t: Translate, kind: 'invitation' | 'reminder', reminderNumber: number): string {
  return kind === 'invitation' ? t('email.mailing.invitation') : t('email.mailing.reminder', { number: reminderNumber });
}

function countsTable(counts: readonly MailingCount[], t: Translate, language: Language): Html {
  if (counts.length === 0) return html`<p class="utrecht-paragraph">${t('email.sent.empty')}</p>`;
  const mailings = [...new Map(counts.map((c) => [`${c.kind}:${c.reminderNumber}`, c])).values()];
  const count = (m: MailingCount, state: MessageState) =>
    counts.find((c) => c.kind === m.kind && c.reminderNumber === m.reminderNumber && c.state === state)?.count ?? 0;
  const interrupted = counts.some((c) => c.state === 'interrupted');
  // Focusable, so a keyboard user can scroll the table sideways on a narrow screen.
  return html`<div class="utrecht-table-container ks-scroll" role="region" aria-label="${t('email.sent.title')}" tabindex="0"><table class="utrecht-table utrecht-table--html-table">
<caption class="ks-visually-hidden">${t('email.sent.title')}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('email.sent.mailing')}</th>
  ${STATES.map((s) => html`<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t(`email.state.${s}`)}</th>`)}
</tr></thead>
<tbody class="utrecht-table__body">${mailings.map((m) => html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row">${mailingName(t, m.kind, m.reminderNumber)}</th>
  ${STATES.map((s) => html`<td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, count(m, s))}</td>`)}
</tr>`)}</tbody></table></div>
${interrupted ? html`<p class="utrecht-paragraph ks-muted">${t('email.sent.interruptedHint')}</p>` : ''}`;
}

export interface EmailPageInput {
  readonly overview: EmailOverview;
  readonly isAdministrator: boolean;
  readonly reminder: { readonly days: string; readonly count: number; readonly number: number };
  readonly errors: readonly FieldError[];
  readonly bounceText: string;
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
}

export function emailPage(input: EmailPageInput): Html {
  const { overview, t, language, errors, csrfToken } = input;
  const { round } = overview;
  const base = `/rounds/${round.id}/email`;
  const canSend = round.status === 'fieldwork' && overview.smtpConfigured;
  const jobs = overview.jobs.length === 0 ? '' : html`<h2 class="utrecht-heading-2">${t('email.jobs.title')}</h2>
<ul class="utrecht-unordered-list">${overview.jobs.map((job) => html`<li><a class="utrecht-link" href="/jobs/${job.id}">${t('email.jobs.item', {
    kind: t(`jobs.kind.${job.kind}` as MessageKey), status: t(`jobs.status.${job.status}` as MessageKey),
    done: formatNumber(language, job.progress), total: job.total === null ? '?' : formatNumber(language, job.total),
  })}</a></li>`)}</ul>`;

  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}">← ${round.name}</a></p>
<h1 class="utrecht-heading-1">${t('email.title')}: ${round.name}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('email.intro')}</p>
${overview.smtpConfigured ? '' : html`<div class="utrecht-alert utrecht-alert--error" role="status"><p class="utrecht-paragraph">${t('email.noSettings')}
  ${input.isAdministrator ? html`<a class="utrecht-link" href="/settings/email">${t('email.settingsLink')}</a>` : ''}</p></div>`}
${round.status === 'fieldwork' ? '' : html`<div class="utrecht-alert utrecht-alert--error" role="status"><p class="utrecht-paragraph">${t('email.notFieldwork')}</p></div>`}

<h2 class="utrecht-heading-2">${t('email.sent.title')}</h2>
${countsTable(overview.counts, t, language)}
${jobs}

<h2 class="utrecht-heading-2">${t('email.invite.title')}</h2>
<p class="utrecht-paragraph">${t('email.invite.count', { count: formatNumber(language, overview.invitationRecipients) })}</p>
${canSend && overview.invitationRecipients > 0
    ? html`<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="${base}/invitations">${t('email.invite.start')}</a></p>`
    : ''}

<h2 class="utrecht-heading-2">${t('email.remind.title')}</h2>
<p class="utrecht-paragraph">${t('email.remind.text')}</p>
<p class="utrecht-paragraph">${t('email.remind.countNow', { days: input.reminder.days, count: formatNumber(language, input.reminder.count), number: input.reminder.number })}</p>
${canSend ? html`<form method="get" action="${base}/reminders" novalidate class="ks-narrow">
${textField('days', t('email.remind.days'), input.reminder.days, errors, { hint: t('email.remind.days.hint'), width: 'ks-width-s', inputmode: 'numeric' })}
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('email.remind.check')}</button>
</form>` : ''}

<h2 class="utrecht-heading-2">${t('email.templates.title')}</h2>
<p class="utrecht-paragraph">${t('email.templates.intro')}</p>
<div class="utrecht-table-container ks-scroll" role="region" aria-label="${t('email.templates.title')}" tabindex="0"><table class="utrecht-table utrecht-table--html-table">
<caption class="ks-visually-hidden">${t('email.templates.title')}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('email.templates.kind')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('email.templates.language')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('email.templates.text')}</th>
  <th class="utrecht-table__header-cell" scope="col"><span class="ks-visually-hidden">${t('email.templates.edit')}</span></th>
</tr></thead>
<tbody class="utrecht-table__body">${EMAIL_TEMPLATE_KINDS.flatMap((kind) => EMAIL_LANGUAGES.map((lang) => {
    const view = overview.templates.find((v) => v.kind === kind && v.language === lang)!;
    const kindName = t(`email.kind.${kind}`);
    const languageName = t(`email.language.${lang}`);
    return html`<tr class="utrecht-table__row">
  <td class="utrecht-table__cell">${kindName}</td>
  <td class="utrecht-table__cell">${languageName}</td>
  <td class="utrecht-table__cell">${t(`email.source.${view.source}`)}</td>
  <td class="utrecht-table__cell"><a class="utrecht-link" href="${base}/templates/${kind}/${lang}" aria-label="${t('email.templates.editLabel', { kind: kindName, language: languageName })}">${t('email.templates.edit')}</a></td>
</tr>`;
  }))}</tbody></table></div>

<h2 class="utrecht-heading-2">${t('email.bounces.title')}</h2>
<p class="utrecht-paragraph">${t('email.bounces.text')}</p>
<form method="post" action="${base}/bounces" novalidate class="ks-narrow">${csrfField(csrfToken)}
<div class="utrecht-form-field ${errors.some((e) => e.field === 'bounces') ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="bounces">${t('email.bounces.field')}</label>
  ${fieldError(errors, 'bounces')}
  <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="bounces" name="bounces" rows="5" spellcheck="false" ${describedBy(errors, 'bounces')} ${invalid(errors, 'bounces')}>${input.bounceText}</textarea>
</div>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('email.bounces.submit')}</button>
</form>`;
}
