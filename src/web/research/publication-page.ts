// The publication settings form: which modules the public page shows, trend and reference,
// an introduction. Prints only; publication-routes.ts validates.

import type { PublicationView } from '../../app/publication-settings.ts';
import { INTRODUCTION_MAX } from '../../domain/publication/public-report.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import type { Language, Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';

export interface PublicationFormValues {
  readonly modules: readonly string[];
  readonly showTrend: boolean;
  readonly showReference: boolean;
  readonly introduction: string;
}

export function publicationPage(
  ctx: { t: Translate; language: Language; csrfToken: string; publicUrl: string; hideBelow: number },
  view: PublicationView,
  values: PublicationFormValues,
  errors: readonly FieldError[],
): Html {
  const { t, language } = ctx;
  const { round } = view;
  const firstModule = view.modules[0]?.key;
  const check = (id: string, name: string, value: string, label: string, checked: boolean) => html`<div class="utrecht-form-field utrecht-form-field--checkbox">
    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="${id}" name="${name}" value="${value}" ${checked ? 'checked' : ''}>
    <label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}">${label}</label></div>`;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}/report">← ${t('publish.settings.back')}</a></p>
<h1 class="utrecht-heading-1">${t('publish.settings.title', { name: round.name })}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('publish.settings.intro')}</p>
<p class="utrecht-paragraph">${round.status === 'published'
    ? html`${t('publish.settings.published')} <a class="utrecht-link" href="${ctx.publicUrl}">${ctx.publicUrl}</a>`
    : t('publish.settings.notPublished')}</p>
<form method="post" action="/rounds/${round.id}/publication" novalidate>
  ${csrfField(ctx.csrfToken)}
  <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ${errors.some((e) => e.field === 'modules') ? 'utrecht-form-fieldset--invalid' : ''}" aria-describedby="modules-hint${errors.some((e) => e.field === 'modules') ? ' modules-error' : ''}">
    <legend class="utrecht-form-fieldset__legend">${t('publish.settings.modules')}</legend>
    <p class="utrecht-form-field-description" id="modules-hint">${t('publish.settings.modules.hint', { hide: ctx.hideBelow })}</p>
    ${fieldError(errors, 'modules')}
    ${view.modules.length === 0 ? html`<p class="utrecht-paragraph">${t('publish.settings.modules.none')}</p>` : ''}
    ${view.modules.map((m) => check(m.key === firstModule ? 'modules' : `module-${m.key}`, 'modules', m.key, localize(m.title, language), values.modules.includes(m.key)))}
  </fieldset>
  <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
    <legend class="utrecht-form-fieldset__legend">${t('publish.settings.show')}</legend>
    ${check('showTrend', 'showTrend', 'yes', t('publish.settings.trend'), values.showTrend)}
    ${check('showReference', 'showReference', 'yes', t('publish.settings.reference'), values.showReference)}
  </fieldset>
  <div class="utrecht-form-field ${errors.some((e) => e.field === 'introduction') ? 'utrecht-form-field--invalid' : ''}">
    <label class="utrecht-form-label" for="introduction">${t('publish.settings.introduction')}</label>
    <p class="utrecht-form-field-description" id="introduction-hint">${t('publish.settings.introduction.hint', { max: INTRODUCTION_MAX })}</p>
    ${fieldError(errors, 'introduction')}
    <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="introduction" name="introduction" rows="6" ${describedBy(errors, 'introduction', true)} ${invalid(errors, 'introduction')}>${values.introduction}</textarea>
  </div>
  <button class="utrecht-button utrecht-button--primary-action" type="submit">${t('publish.settings.save')}</button>
</form>`;
}
