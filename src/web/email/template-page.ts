import type { ComposedEmail } from '../../app/email/compose-email.ts';
import type { EmailLanguage, EmailTemplateKind } from '../../app/email/default-email-templates.ts';
import { PLACEHOLDERS } from '../../domain/fieldwork/fill-template.ts';
import { html, type Html } from '../html.ts';
import type { Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';

export interface TemplatePageInput {
  readonly roundId: string;
  readonly roundName: string;
  readonly kind: EmailTemplateKind;
  readonly language: EmailLanguage;
  readonly subject: string;
  readonly body: string;
  readonly errors: readonly FieldError[];
  readonly preview: ComposedEmail | undefined;
  readonly previewUnsaved: boolean;
  readonly t: Translate;
  readonly csrfToken: string;
}

export function templateTitle(t: Translate, kind: EmailTemplateKind, language: EmailLanguage): string {
  return t('email.template.title', { kind: t(`email.kind.${kind}`), language: t(`email.language.${language}`) });
}

export function templatePage(input: TemplatePageInput): Html {
  const { t, errors } = input;
  const base = `/rounds/${input.roundId}/email`;
  const direction = input.language === 'ar' ? 'rtl' : 'ltr';
  const invalidClass = (field: string) => (errors.some((e) => e.field === field) ? 'utrecht-form-field--invalid' : '');
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${base}">← ${t('email.title')}: ${input.roundName}</a></p>
<h1 class="utrecht-heading-1">${templateTitle(t, input.kind, input.language)}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('email.template.intro')}</p>
<form method="post" action="${base}/templates/${input.kind}/${input.language}" novalidate>${csrfField(input.csrfToken)}
<div class="utrecht-form-field ${invalidClass('subject')}">
  <label class="utrecht-form-label" for="subject">${t('email.template.subject')}</label>
  ${fieldError(errors, 'subject')}
  <input class="utrecht-textbox utrecht-textbox--html-input" id="subject" name="subject" type="text" value="${input.subject}" lang="${input.language}" dir="${direction}" ${describedBy(errors, 'subject')} ${invalid(errors, 'subject')}>
</div>
<div class="utrecht-form-field ${invalidClass('body')}">
  <label class="utrecht-form-label" for="body">${t('email.template.body')}</label>
  <p class="utrecht-form-field-description" id="body-hint">${t('email.template.placeholders')}:</p>
  <ul class="utrecht-unordered-list ks-placeholders">${PLACEHOLDERS.map((p) => html`<li><code class="ks-code">{${p}}</code>: ${t(`email.placeholder.${p}`)}</li>`)}</ul>
  ${fieldError(errors, 'body')}
  <textarea class="utrecht-textarea utrecht-textarea--html-textarea ks-template-body" id="body" name="body" rows="20" lang="${input.language}" dir="${direction}" ${describedBy(errors, 'body', true)} ${invalid(errors, 'body')}>${input.body}</textarea>
</div>
<div class="utrecht-button-group">
  <button class="utrecht-button utrecht-button--primary-action" type="submit" name="action" value="save">${t('email.template.save')}</button>
  <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="action" value="preview">${t('email.template.preview')}</button>
</div>
</form>
${input.preview ? html`<h2 class="utrecht-heading-2" id="preview">${t('email.template.previewTitle')}</h2>
<p class="utrecht-paragraph">${t('email.template.previewIntro')}${input.previewUnsaved ? html` <strong>${t('email.template.previewUnsaved')}</strong>` : ''}</p>
<div class="ks-email-preview ks-panel" lang="${input.language}" dir="${direction}">
  <p class="utrecht-paragraph"><strong>${t('email.template.previewSubject', { subject: input.preview.subject })}</strong></p>
  ${input.preview.text.split(/\n{2,}/).map((paragraph) => html`<p class="utrecht-paragraph">${paragraph.split('\n').map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>`)}
</div>` : ''}`;
}
