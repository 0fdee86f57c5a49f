import type { PublicSigningKey } from '../../app/benchmark/signing-key.ts';
import { html, type Html } from '../html.ts';
import { csrfField } from '../layout.ts';
import { formatDateTime, type Language, type Translate } from '../i18n/translate.ts';

// The organisation's signing key: its public half to copy or download, and (for an
// administrator) generating it, or replacing it after a confirmation.

interface Ctx {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
}

const back = (t: Translate): Html => html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/benchmarks">← ${t('benchmarkFiles.overview.title')}</a></p>`;

export function signingKeyPage(ctx: Ctx, key: PublicSigningKey | undefined, canManage: boolean, problem?: string): Html {
  const { t, language } = ctx;
  const manage = !canManage
    ? html`<p class="utrecht-paragraph ks-muted">${t('benchmarkFiles.key.adminOnly')}</p>`
    : key
      ? html`<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/benchmark-key/replace">${t('benchmarkFiles.key.replace')}</a></p>`
      : html`<form method="post" action="/benchmark-key">${csrfField(ctx.csrfToken)}<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('benchmarkFiles.key.generate')}</button></form>`;
  return html`${back(t)}
<h1 class="utrecht-heading-1">${t('benchmarkFiles.key.title')}</h1>
${problem ? html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${problem}</p></div>` : ''}
<p class="utrecht-paragraph">${t('benchmarkFiles.key.intro')}</p>
${key ? html`<dl class="ks-facts">
  <dt>${t('benchmarkFiles.key.keyId')}</dt><dd><span class="ks-code">${key.keyId}</span></dd>
  <dt>${t('benchmarkFiles.key.createdAt')}</dt><dd>${formatDateTime(language, key.createdAt)}</dd>
</dl>
<div class="utrecht-form-field">
  <label class="utrecht-form-label" for="publicKey">${t('benchmarkFiles.key.public')}</label>
  <p class="utrecht-form-field-description" id="publicKey-hint">${t('benchmarkFiles.key.publicHint')}</p>
  <textarea class="utrecht-textarea utrecht-textarea--html-textarea ks-key-text" id="publicKey" rows="4" readonly aria-describedby="publicKey-hint">${key.publicKey}</textarea>
</div>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/benchmark-key/public.pem" download>${t('benchmarkFiles.key.download')}</a></p>` : html`<p class="utrecht-paragraph">${t('benchmarkFiles.key.none')}</p>`}
${manage}`;
}

export function replaceKeyPage(ctx: Ctx): Html {
  const { t } = ctx;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/benchmark-key">← ${t('benchmarkFiles.key.title')}</a></p>
<h1 class="utrecht-heading-1">${t('benchmarkFiles.replace.title')}</h1>
<div class="utrecht-alert utrecht-alert--warning" role="note"><p class="utrecht-paragraph">${t('benchmarkFiles.replace.warning')}</p></div>
<form method="post" action="/benchmark-key/replace">${csrfField(ctx.csrfToken)}
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('benchmarkFiles.replace.confirm')}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/benchmark-key">${t('common.cancel')}</a></div></form>`;
}
