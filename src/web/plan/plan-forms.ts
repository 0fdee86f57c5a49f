// The forms of the improvement plan: declaring the baseline, a focus point with its items,
// a measure, and the confirmation pages before deleting. Templates only print.

import type { FocusPoint, Measure } from '../../db/improvement-plan-store.ts';
import type { LinkableModule } from '../../domain/plan/linkable-items.ts';
import { MEASURE_STATUSES } from '../../domain/plan/measure-status.ts';
import type { TypedFocusPoint, TypedMeasure } from '../../domain/plan/plan-input.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';
import type { ViewCtx } from '../research/item-report-format.ts';

export interface FormProps extends ViewCtx {
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
  readonly roundId: string;
  readonly roundName: string;
}

const backLink = (props: FormProps) =>
  html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${props.roundId}/plan">← ${props.t('plan.back')}</a></p>`;

const cancelLink = (props: FormProps) =>
  html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/rounds/${props.roundId}/plan">${props.t('plan.cancel')}</a>`;

function textField(props: FormProps, name: string, label: string, value: string, opts: { hint?: string; width?: string; rows?: number } = {}): Html {
  const { errors } = props;
  const control = opts.rows
    ? html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="${name}" name="${name}" rows="${opts.rows}" ${describedBy(errors, name, Boolean(opts.hint))} ${invalid(errors, name)}>${value}</textarea>`
    : html`<input class="utrecht-textbox utrecht-textbox--html-input ${opts.width ?? ''}" id="${name}" name="${name}" type="text" value="${value}" ${describedBy(errors, name, Boolean(opts.hint))} ${invalid(errors, name)}>`;
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === name) ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="${name}">${label}</label>
  ${opts.hint ? html`<p class="utrecht-form-field-description" id="${name}-hint">${opts.hint}</p>` : ''}
  ${fieldError(errors, name)}
  ${control}
</div>`;
}

export function startPlanPage(props: FormProps, title: string): Html {
  const { t } = props;
  return html`${backLink(props)}
<h1 class="utrecht-heading-1">${t('plan.start.title', { name: props.roundName })}</h1>
${errorSummary(t, props.errors)}
<p class="utrecht-paragraph">${t('plan.start.text', { name: props.roundName })}</p>
<form method="post" action="/rounds/${props.roundId}/plan/start" novalidate>
  ${csrfField(props.csrfToken)}
  ${textField(props, 'title', t('plan.start.field.title'), title, { width: 'ks-width-m' })}
  <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('plan.start.confirm')}</button>
  ${cancelLink(props)}</div>
</form>`;
}

function itemChoices(props: FormProps, modules: readonly LinkableModule[], chosen: readonly string[]): Html {
  const { t, errors, language } = props;
  let index = 0;
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === 'items') ? 'utrecht-form-field--invalid' : ''}">
<p class="utrecht-form-label" id="items-label">${t('plan.focusPoint.field.items')}</p>
<p class="utrecht-form-field-description" id="items-hint">${t('plan.focusPoint.field.items.hint')}</p>
${fieldError(errors, 'items')}
${modules.map((module) => html`<fieldset class="utrecht-form-fieldset" aria-describedby="items-hint"><legend class="utrecht-form-fieldset__legend">${localize(module.title, language)}</legend>
${module.items.map((item) => {
    const id = index++ === 0 ? 'items' : `item-${index - 1}`;
    return html`<div class="utrecht-form-field utrecht-form-field--checkbox">
  <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="${id}" name="items" value="${item.key}" ${chosen.includes(item.key) ? 'checked' : ''} ${invalid(errors, 'items')}>
  <label class="utrecht-form-label utrecht-form-label--checkbox" for="${id}">${localize(item.text, language)}</label>
</div>`;
  })}
</fieldset>`)}
</div>`;
}

/** focusPoint: the one being changed, or undefined for a new one. */
export function focusPointForm(props: FormProps, modules: readonly LinkableModule[], values: TypedFocusPoint, focusPoint?: FocusPoint): Html {
  const { t } = props;
  const action = focusPoint ? `/rounds/${props.roundId}/plan/focus-points/${focusPoint.id}/edit` : `/rounds/${props.roundId}/plan/focus-points`;
  return html`${backLink(props)}
<h1 class="utrecht-heading-1">${t(focusPoint ? 'plan.focusPoint.edit.title' : 'plan.focusPoint.new.title')}</h1>
${errorSummary(t, props.errors)}
<form method="post" action="${action}" novalidate>
  ${csrfField(props.csrfToken)}
  ${textField(props, 'title', t('plan.focusPoint.field.title'), values.title, { hint: t('plan.focusPoint.field.title.hint'), width: 'ks-width-m' })}
  ${textField(props, 'description', t('plan.focusPoint.field.description'), values.description, { rows: 4 })}
  ${itemChoices(props, modules, values.itemKeys)}
  <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('plan.focusPoint.save')}</button>
  ${cancelLink(props)}</div>
</form>`;
}

/** target: the focus point a new measure is for, or the measure being changed. */
export function measureForm(props: FormProps, values: TypedMeasure, target: { readonly focusPoint: FocusPoint; readonly measure?: Measure }): Html {
  const { t, errors } = props;
  const action = target.measure ? `/rounds/${props.roundId}/plan/measures/${target.measure.id}/edit` : `/rounds/${props.roundId}/plan/focus-points/${target.focusPoint.id}/measures`;
  return html`${backLink(props)}
<h1 class="utrecht-heading-1">${t(target.measure ? 'plan.measure.edit.title' : 'plan.measure.new.title')}</h1>
<p class="utrecht-paragraph">${t('plan.measure.new.for', { title: target.focusPoint.title })}</p>
${errorSummary(t, errors)}
<form method="post" action="${action}" novalidate>
  ${csrfField(props.csrfToken)}
  ${textField(props, 'description', t('plan.measure.field.description'), values.description, { hint: t('plan.measure.field.description.hint'), rows: 3 })}
  ${textField(props, 'owner', t('plan.measure.field.owner'), values.owner, { hint: t('plan.measure.field.owner.hint'), width: 'ks-width-m' })}
  ${textField(props, 'targetDate', t('plan.measure.field.targetDate'), values.targetDate, { hint: t('plan.measure.field.targetDate.hint'), width: 'ks-width-s' })}
  <div class="utrecht-form-field ${errors.some((e) => e.field === 'status') ? 'utrecht-form-field--invalid' : ''}">
    <label class="utrecht-form-label" for="status">${t('plan.measure.field.status')}</label>
    ${fieldError(errors, 'status')}
    <select class="utrecht-select utrecht-select--html-select" id="status" name="status" ${describedBy(errors, 'status', false)} ${invalid(errors, 'status')}>
      ${MEASURE_STATUSES.map((s) => html`<option value="${s}" ${values.status === s ? 'selected' : ''}>${t(`plan.status.${s}`)}</option>`)}
    </select>
  </div>
  ${textField(props, 'note', t('plan.measure.field.note'), values.note, { rows: 3 })}
  <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('plan.measure.save')}</button>
  ${cancelLink(props)}</div>
</form>`;
}

export function confirmDeletePage(props: FormProps, what: { readonly title: string; readonly text: string; readonly confirm: string; readonly action: string }): Html {
  return html`${backLink(props)}
<h1 class="utrecht-heading-1">${what.title}</h1>
<p class="utrecht-paragraph">${what.text}</p>
<form method="post" action="${what.action}" novalidate>
  ${csrfField(props.csrfToken)}
  <div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action utrecht-button--danger" type="submit">${what.confirm}</button>
  ${cancelLink(props)}</div>
</form>`;
}
