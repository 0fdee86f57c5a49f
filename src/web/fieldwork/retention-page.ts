import type { RetentionView } from '../../app/retention-settings.ts';
import type { Round } from '../../db/round-store.ts';
import { html, type Html } from '../html.ts';
import { formatDate, formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';

export function retentionPage(
  round: Round,
  view: RetentionView,
  props: { t: Translate; language: Language; csrfToken: string; errors: FieldError[]; days: string },
): Html {
  const { t, language, errors } = props;
  const { retention, held } = view;
  const n = (value: number): string => formatNumber(language, value);
  const closed = round.status === 'closed' || round.status === 'published';
  const status = retention.purgedAt
    ? t('fieldwork.status.purged', { date: formatDate(language, retention.purgedAt) })
    : retention.purgeDueOn
      ? t('fieldwork.status.purgeDue', { date: formatDate(language, retention.purgeDueOn) })
      : t('fieldwork.status.purgeAfter', { days: retention.purgeAfterDays });
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}/fieldwork">← ${t('fieldwork.title', { name: round.name })}</a></p>
<h1 class="utrecht-heading-1">${t('retention.title', { name: round.name })}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('retention.intro')}</p>
<p class="utrecht-paragraph"><strong>${status}</strong></p>
<h2 class="utrecht-heading-2">${t('retention.held')}</h2>
<dl class="ks-facts">
  <dt>${t('retention.held.invitees')}</dt><dd>${n(held.invitees)}</dd>
  <dt>${t('retention.held.links')}</dt><dd>${n(held.links)}</dd>
  <dt>${t('retention.held.files')}</dt><dd>${n(held.files)}</dd>
  <dt>${t('retention.held.documents')}</dt><dd>${n(held.documents)}</dd>
  <dt>${t('retention.held.unfinished')}</dt><dd>${n(held.unfinishedLinks)}</dd>
</dl>
${retention.purgedAt ? '' : html`<form method="post" action="/rounds/${round.id}/retention" novalidate>
  ${csrfField(props.csrfToken)}
  <div class="utrecht-form-field ${errors.length ? 'utrecht-form-field--invalid' : ''}">
    <label class="utrecht-form-label" for="days">${t('retention.days')}</label>
    <p class="utrecht-form-field-description" id="days-hint">${t('retention.days.hint')}</p>
    ${fieldError(errors, 'days')}
    <input class="utrecht-textbox utrecht-textbox--html-input ks-width-s" id="days" name="days" inputmode="numeric" value="${props.days}" ${describedBy(errors, 'days', true)} ${invalid(errors, 'days')}>
  </div>
  <button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('retention.save')}</button>
</form>`}
<h2 class="utrecht-heading-2">${t('retention.now')}</h2>
${closed
    ? html`<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/rounds/${round.id}/retention/purge">${t('retention.now')}</a></p>`
    : html`<p class="utrecht-paragraph">${t('retention.now.notClosed')}</p>`}`;
}

export function purgeConfirmPage(round: Round, view: RetentionView, props: { t: Translate; csrfToken: string }): Html {
  const { t } = props;
  return html`<h1 class="utrecht-heading-1">${t('retention.confirm.title')}</h1>
<p class="utrecht-paragraph">${t('retention.confirm.text', { invitees: view.held.invitees })}</p>
<form method="post" action="/rounds/${round.id}/retention/purge">
  ${csrfField(props.csrfToken)}
  <div class="utrecht-button-group">
    <button class="utrecht-button utrecht-button--primary-action" type="submit">${t('retention.confirm.yes')}</button>
    <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/rounds/${round.id}/retention">${t('retention.confirm.no')}</a>
  </div>
</form>`;
}
