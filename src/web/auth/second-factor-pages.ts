import QRCode from 'qrcode';
import { html, trusted, type Html } from '../html.ts';
import type { Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';

// Templates of the second factor: the code step of signing in and the account page.

function codeField(t: Translate, errors: readonly FieldError[]): Html {
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === 'code') ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="code">${t('account.twoFactor.code')}</label>
  <p class="utrecht-form-field-description" id="code-hint">${t('account.twoFactor.codeHint')}</p>
  ${fieldError(errors, 'code')}
  <input class="utrecht-textbox utrecht-textbox--html-input ks-code-input" id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" maxlength="7" spellcheck="false" ${describedBy(errors, 'code', true)} ${invalid(errors, 'code')}>
</div>`;
}

export function signInCodeBody(t: Translate, csrfToken: string, next: string, errors: readonly FieldError[]): Html {
  return html`<div class="ks-narrow">
<h1 class="utrecht-heading-1">${t('signInCode.title')}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('signInCode.intro')}</p>
<form method="post" action="/sign-in/code" novalidate>
  ${csrfField(csrfToken)}
  <input type="hidden" name="next" value="${next}">
  ${codeField(t, errors)}
  <button class="utrecht-button utrecht-button--primary-action" type="submit">${t('signInCode.submit')}</button>
</form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/sign-in">${t('signInCode.back')}</a></p>
</div>`;
}

export type AccountView =
  | { readonly kind: 'off' }
  | { readonly kind: 'setting-up'; readonly secret: string; readonly uri: string }
  | { readonly kind: 'on' };

/** The key in groups of four, as authenticator apps show and accept it. */
function groupedKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export async function accountBody(t: Translate, csrfToken: string, view: AccountView, errors: readonly FieldError[]): Promise<Html> {
  const intro = html`<h1 class="utrecht-heading-1">${t('account.title')}</h1>
${errorSummary(t, errors)}
<h2 class="utrecht-heading-2">${t('account.twoFactor.heading')}</h2>
<p class="utrecht-paragraph">${t('account.twoFactor.intro')}</p>`;
  switch (view.kind) {
    case 'off':
      return html`${intro}
<p class="utrecht-paragraph"><strong>${t('account.twoFactor.off')}</strong></p>
<form method="post" action="/account/second-factor/setup">${csrfField(csrfToken)}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('account.twoFactor.begin')}</button></form>`;
    case 'setting-up': {
      const qr = await QRCode.toString(view.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return html`${intro}
<section class="ks-panel" aria-labelledby="setup-heading">
<h3 class="utrecht-heading-3" id="setup-heading">${t('account.twoFactor.setupHeading')}</h3>
<p class="utrecht-paragraph">${t('account.twoFactor.scan')}</p>
<div class="ks-qr" role="img" aria-label="${t('account.twoFactor.qrLabel')}">${trusted(qr.replace('<svg ', '<svg aria-hidden="true" focusable="false" '))}</div>
<p class="utrecht-paragraph">${t('account.twoFactor.manual')}</p>
<p class="utrecht-paragraph"><code class="ks-secret" translate="no">${groupedKey(view.secret)}</code></p>
</section>
<section class="ks-panel" aria-labelledby="confirm-heading">
<h3 class="utrecht-heading-3" id="confirm-heading">${t('account.twoFactor.confirmHeading')}</h3>
<form method="post" action="/account/second-factor/confirm" novalidate>${csrfField(csrfToken)}
${codeField(t, errors)}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('account.twoFactor.confirm')}</button></form>
</section>`;
    }
    case 'on':
      return html`${intro}
<p class="utrecht-paragraph"><strong>${t('account.twoFactor.on')}</strong></p>
<p class="utrecht-paragraph">${t('account.twoFactor.lostPhone')}</p>
<section class="ks-panel" aria-labelledby="off-heading">
<h3 class="utrecht-heading-3" id="off-heading">${t('account.twoFactor.turnOffHeading')}</h3>
<p class="utrecht-paragraph">${t('account.twoFactor.turnOffIntro')}</p>
<form method="post" action="/account/second-factor/off" novalidate>${csrfField(csrfToken)}
<div class="utrecht-form-field ${errors.some((e) => e.field === 'password') ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="password">${t('account.twoFactor.password')}</label>
  ${fieldError(errors, 'password')}
  <input class="utrecht-textbox utrecht-textbox--html-input" id="password" name="password" type="password" autocomplete="current-password" ${describedBy(errors, 'password')} ${invalid(errors, 'password')}>
</div>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('account.twoFactor.turnOff')}</button></form>
</section>`;
  }
}
