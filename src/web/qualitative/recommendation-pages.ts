import type { StudyWorkspace } from '../../app/qualitative/study-workspace.ts';
import { RECOMMENDATION_STATUSES, type TypedRecommendation } from '../../domain/qualitative/recommendation-input.ts';
import { radioField, textField } from '../form-field.ts';
import { html, type Html } from '../html.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid } from '../layout.ts';
import { codeLabel } from '../open-answers/code-choices.ts';
import type { StudyCtx } from './study-pages.ts';

// The form of a recommendation: its text, the themes it rests on, what the organisation did
// with it and, once adopted, the focus point or measure of the improvement plan that carries it.

export function recommendationForm(workspace: StudyWorkspace, values: TypedRecommendation, ctx: StudyCtx & { title: string; action: string; deleteHref?: { href: string; label: string } }): Html {
  const { t, language, errors } = ctx;
  const back = `/studies/${workspace.study.id}`;
  const chosen = new Set(values.codes);
  const codes = workspace.codebook.filter((c) => !c.archived || chosen.has(c.key));
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${back}">← ${t('study.back')}</a></p>
<h1 class="utrecht-heading-1">${ctx.title}</h1>
${errorSummary(t, errors)}
<form method="post" action="${ctx.action}" novalidate>
${csrfField(ctx.csrfToken)}
${textField(errors, 'text', t('study.recommendation.text'), values.text, { rows: 4 })}
<fieldset class="utrecht-form-fieldset" id="codes" ${describedBy(errors, 'codes')}>
<legend class="utrecht-form-fieldset__legend">${t('study.recommendation.themes')}</legend>
${fieldError(errors, 'codes')}
<ul class="ks-code-list">${codes.map((code) => html`<li><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="theme-${code.key}" name="codes" value="${code.key}" ${chosen.has(code.key) ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--checkbox" for="theme-${code.key}">${codeLabel(code, language)}</label></li>`)}</ul>
</fieldset>
${radioField(errors, 'status', t('study.recommendation.status'), RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: t(`study.recommendation.status.${s}`) })), values.status)}
<div class="utrecht-form-field ${errors.some((e) => e.field === 'planLink') ? 'utrecht-form-field--invalid' : ''}">
<label class="utrecht-form-label" for="planLink">${t('study.recommendation.planLink')}</label>
<p class="utrecht-form-field-description" id="planLink-hint">${t('study.recommendation.planLink.hint')}</p>
${fieldError(errors, 'planLink')}
<select class="utrecht-select utrecht-select--html-select" id="planLink" name="planLink" ${describedBy(errors, 'planLink', true)} ${invalid(errors, 'planLink')}>
<option value="">${t('study.recommendation.planLink.none')}</option>
${workspace.planOptions.map((plan) => html`<optgroup label="${plan.planTitle}">${plan.focusPoints.map((f) => html`<option value="focus:${f.id}" ${values.planLink === `focus:${f.id}` ? 'selected' : ''}>${t('study.recommendation.planLink.focus', { title: f.title })}</option>
${f.measures.map((m) => html`<option value="measure:${m.id}" ${values.planLink === `measure:${m.id}` ? 'selected' : ''}>— ${t('study.recommendation.planLink.measure', { description: m.description })}</option>`)}`)}</optgroup>`)}
</select></div>
${textField(errors, 'response', t('study.recommendation.response'), values.response, { hint: t('study.recommendation.response.hint'), rows: 3 })}
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('study.recommendation.save')}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${back}">${t('study.form.cancel')}</a>
${ctx.deleteHref ? html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${ctx.deleteHref.href}">${ctx.deleteHref.label}</a>` : ''}</div>
</form>`;
}
