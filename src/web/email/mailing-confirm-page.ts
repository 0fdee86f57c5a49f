import type { MailingPlan } from '../../app/email/start-mailing.ts';
import { html, type Html } from '../html.ts';
import { formatDate, formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField } from '../layout.ts';

/** "Send N invitations / reminder n?" with the count, the expected duration and yes/no. */
export function mailingConfirmPage(input: {
  roundId: string;
  roundName: string;
  plan: MailingPlan;
  days: number;
  t: Translate;
  language: Language;
  csrfToken: string;
}): Html {
  const { plan, t, language } = input;
  const base = `/rounds/${input.roundId}/email`;
  const count = formatNumber(language, plan.recipients);
  const perMinute = plan.perMinute ?? 1;
  const minutes = formatNumber(language, Math.max(1, Math.ceil(plan.recipients / perMinute)));
  const reminder = plan.mailing.kind === 'reminder' ? plan.mailing : undefined;
  const title = reminder ? t('email.remind.confirm.title', { number: reminder.reminderNumber }) : t('email.invite.confirm.title');
  const text = reminder
    ? t('email.remind.confirm.text', { number: reminder.reminderNumber, count, date: formatDate(language, reminder.invitedOnOrBefore), perMinute: formatNumber(language, perMinute), minutes })
    : t('email.invite.confirm.text', { count, perMinute: formatNumber(language, perMinute), minutes });
  const back = html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${base}">${t('email.confirm.no')}</a>`;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${base}">← ${t('email.title')}: ${input.roundName}</a></p>
<h1 class="utrecht-heading-1">${title}</h1>
${plan.problem
    ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${t(`email.problem.${plan.problem}`)}</p></div>
<div class="utrecht-button-group">${back}</div>`
    : html`<p class="utrecht-paragraph">${text}</p>
<form method="post" action="${base}/${reminder ? 'reminders' : 'invitations'}">${csrfField(input.csrfToken)}
${reminder ? html`<input type="hidden" name="days" value="${input.days}">` : ''}
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${reminder ? t('email.remind.confirm.yes', { count }) : t('email.invite.confirm.yes', { count })}</button>
${back}</div></form>`}`;
}
