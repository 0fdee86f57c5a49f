import type { SmtpSettingsForm, SmtpSettingsView } from '../../app/email/smtp-settings.ts';
import { html, type Html } from '../html.ts';
import type { Translate } from '../i18n/translate.ts';
import { csrfField, errorSummary, fieldError, type FieldError } from '../layout.ts';
import { textField } from './text-field.ts';

export type SmtpFormValues = Omit<SmtpSettingsForm, 'password'>;

export interface TestOutcome {
  readonly ok: boolean;
  readonly message: string;
}

export function smtpSettingsPage(input: {
  values: SmtpFormValues;
  passwordSet: boolean;
  errors: readonly FieldError[];
  testErrors: readonly FieldError[];
  testTo: string;
  test: TestOutcome | undefined;
  t: Translate;
  csrfToken: string;
}): Html {
  const { values, errors, t } = input;
  const security = (['starttls', 'tls', 'none'] as const).map((option) => html`<div class="utrecht-form-field utrecht-form-field--radio">
  <input class="utrecht-radio-button" type="radio" id="security-${option}" name="security" value="${option}" ${values.security === option ? 'checked' : ''}>
  <label class="utrecht-form-label utrecht-form-label--radio" for="security-${option}">${t(`smtp.security.${option}`)}</label>
</div>`);
  return html`<h1 class="utrecht-heading-1">${t('smtp.title')}</h1>
${errorSummary(t, [...errors, ...input.testErrors])}
${input.test
    ? html`<div class="utrecht-alert ${input.test.ok ? 'utrecht-alert--ok' : 'utrecht-alert--error'}" role="${input.test.ok ? 'status' : 'alert'}"><p class="utrecht-paragraph">${input.test.message}</p></div>`
    : ''}
<p class="utrecht-paragraph">${t('smtp.intro')}</p>
<form method="post" action="/settings/email" novalidate class="ks-narrow">${csrfField(input.csrfToken)}
${textField('host', t('smtp.host'), values.host, errors, { hint: t('smtp.host.hint') })}
${textField('port', t('smtp.port'), values.port, errors, { hint: t('smtp.port.hint'), width: 'ks-width-s', inputmode: 'numeric' })}
<fieldset class="utrecht-form-fieldset ${errors.some((e) => e.field === 'security-starttls') ? 'utrecht-form-field--invalid' : ''}">
  <legend class="utrecht-form-fieldset__legend">${t('smtp.security')}</legend>
  ${fieldError(errors, 'security-starttls')}
  ${security}
</fieldset>
${textField('username', t('smtp.username'), values.username, errors, { autocomplete: 'off' })}
${textField('password', t('smtp.password'), '', errors, { type: 'password', hint: t(input.passwordSet ? 'smtp.password.hintSet' : 'smtp.password.hintNew'), autocomplete: 'new-password' })}
${textField('fromAddress', t('smtp.fromAddress'), values.fromAddress, errors, { type: 'email', hint: t('smtp.fromAddress.hint') })}
${textField('fromName', t('smtp.fromName'), values.fromName, errors, { hint: t('smtp.fromName.hint') })}
${textField('replyTo', t('smtp.replyTo'), values.replyTo, errors, { type: 'email', hint: t('smtp.replyTo.hint') })}
${textField('perMinute', t('smtp.perMinute'), values.perMinute, errors, { hint: t('smtp.perMinute.hint'), width: 'ks-width-s', inputmode: 'numeric' })}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('smtp.save')}</button>
</form>
<h2 class="utrecht-heading-2">${t('smtp.test.title')}</h2>
<p class="utrecht-paragraph">${t('smtp.test.text')}</p>
<form method="post" action="/settings/email/test" novalidate class="ks-narrow">${csrfField(input.csrfToken)}
${textField('testTo', t('smtp.test.to'), input.testTo, input.testErrors, { type: 'email', autocomplete: 'email' })}
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('smtp.test.send')}</button>
</form>`;
}
