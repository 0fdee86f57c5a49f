// The weighted figures of a round: choose what to weight by, give the population per group,
// see the weights and every figure weighted next to unweighted, always with the unweighted n.
// Figures come from app/weighted-report.ts; this file only prints.

import type { StratumRow, WeightedItemRow, WeightingView } from '../../app/weighted-report.ts';
import type { WeightingChoice } from '../../db/weighting-store.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { classifyN } from '../../domain/statistics/reporting-thresholds.ts';
import { html, type Html } from '../html.ts';
import { formatNumber } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';
import { figureText, formatInterval, formatPercent, nClassBadge, type ViewCtx } from '../research/item-report-format.ts';

export interface WeightingPageProps extends ViewCtx {
  readonly csrfToken: string;
  readonly canEdit: boolean;
  readonly errors: readonly FieldError[];
  /** Population counts as typed, when a save was refused. */
  readonly typed?: ReadonlyMap<string, string>;
}

export const choiceValue = (choice: WeightingChoice): string => `${choice.source}:${choice.variable}`;

function variableLabel(view: WeightingView, choice: WeightingChoice, props: WeightingPageProps): string {
  if (choice.source === 'carried') return props.t('weighting.variable.carried', { name: props.t(`address.field.${choice.variable as 'age_band'}`) });
  const item = view.questionnaire.blocks.flatMap((b) => b.items).find((i) => i.key === choice.variable);
  return props.t('weighting.variable.item', { question: item ? localize(item.text, props.language) : choice.variable });
}

export function stratumLabel(view: WeightingView, value: string, props: ViewCtx): string {
  const choice = view.choice;
  if (choice?.source !== 'item') return value;
  const item = view.questionnaire.blocks.flatMap((b) => b.items).find((i) => i.key === choice.variable);
  const option = item?.type === 'single' ? item.options.find((o) => o.code === value) : undefined;
  return option ? localize(option.label, props.language) : value;
}

function choiceForm(view: WeightingView, props: WeightingPageProps): Html {
  const { t } = props;
  const current = view.choice ? choiceValue(view.choice) : '';
  return html`<form method="post" action="/rounds/${view.round.id}/report/weighting" novalidate>
  ${csrfField(props.csrfToken)}
  <div class="utrecht-form-field">
    <label class="utrecht-form-label" for="variable">${t('weighting.choose')}</label>
    <p class="utrecht-form-field-description" id="variable-hint">${t('weighting.choose.hint')}</p>
    <select class="utrecht-select utrecht-select--html-select" id="variable" name="variable" aria-describedby="variable-hint">
      <option value="" ${current === '' ? 'selected' : ''}>${t('weighting.none')}</option>
      ${view.variables.map((v) => html`<option value="${choiceValue(v)}" ${current === choiceValue(v) ? 'selected' : ''}>${variableLabel(view, v, props)}</option>`)}
    </select>
  </div>
  <button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('weighting.choose.save')}</button>
</form>`;
}

/** A group's respondents are shown only from the smallest reportable group size on. */
function respondentsCell(view: WeightingView, row: StratumRow, props: WeightingPageProps): Html {
  if (row.respondents > 0 && row.respondents < view.thresholds.hideBelow) return html`<td class="utrecht-table__cell utrecht-table__cell--numeric ks-muted">${props.t('weighting.tooSmall')}</td>`;
  return html`<td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(props.language, row.respondents)}</td>`;
}

function populationForm(view: WeightingView, props: WeightingPageProps): Html {
  const { t, language, errors } = props;
  const fieldId = (index: number) => `population-${index}`;
  return html`<form method="post" action="/rounds/${view.round.id}/report/population" novalidate>
  ${csrfField(props.csrfToken)}
  <div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-label="${t('weighting.groups')}">
  <table class="utrecht-table utrecht-table--html-table">
  <caption class="utrecht-table__caption">${t('weighting.groups')}</caption>
  <thead class="utrecht-table__header"><tr class="utrecht-table__row">
    <th class="utrecht-table__header-cell" scope="col">${t('weighting.col.group')}</th>
    <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('weighting.col.respondents')}</th>
    <th class="utrecht-table__header-cell" scope="col">${t('weighting.col.population')}</th>
    <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('weighting.col.weight')}</th>
  </tr></thead>
  <tbody class="utrecht-table__body">${view.strata.map((row, index) => {
    const id = fieldId(index);
    const typed = props.typed?.get(row.value) ?? (row.population === null ? '' : String(row.population));
    const hidden = row.respondents > 0 && row.respondents < view.thresholds.hideBelow;
    return html`<tr class="utrecht-table__row">
    <th class="utrecht-table__header-cell" scope="row"><label for="${id}">${stratumLabel(view, row.value, props)}</label></th>
    ${respondentsCell(view, row, props)}
    <td class="utrecht-table__cell">${fieldError(errors, id)}
      <input type="hidden" name="stratum" value="${row.value}">
      <input class="utrecht-textbox utrecht-textbox--html-input ks-width-s" id="${id}" name="count" inputmode="numeric" value="${typed}" ${describedBy(errors, id, false)} ${invalid(errors, id)}></td>
    <td class="utrecht-table__cell utrecht-table__cell--numeric">${row.weight === null || hidden ? '—' : formatNumber(language, row.weight, 2)}</td>
  </tr>`;
  })}</tbody></table></div>
  ${view.unknownRespondents > 0 ? html`<p class="utrecht-paragraph">${t('weighting.unknown', { count: view.unknownRespondents })}</p>` : ''}
  ${props.canEdit ? html`<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('weighting.population.save')}</button>` : ''}
</form>`;
}

function weightsSummary(view: WeightingView, props: WeightingPageProps): Html {
  const { t, language } = props;
  const w = view.weights;
  if (!w) return html`<p class="utrecht-paragraph">${t('weighting.needPopulation')}</p>`;
  return html`<p class="utrecht-paragraph">${t('weighting.effective', { n: formatNumber(language, w.n), effective: formatNumber(language, w.effectiveN, 0) })}</p>
${w.unweightable.length > 0 ? html`<p class="utrecht-paragraph">${t('weighting.unweightable', { groups: w.unweightable.map((s) => stratumLabel(view, s, props)).join(', '), share: formatPercent(language, w.coveredPopulationShare) })}</p>` : ''}
${w.outsidePopulation.length > 0 ? html`<p class="utrecht-paragraph">${t('weighting.outside', { groups: w.outsidePopulation.map((s) => stratumLabel(view, s, props)).join(', ') })}</p>` : ''}`;
}

function itemRow(view: WeightingView, row: WeightedItemRow, props: WeightingPageProps): Html {
  const nClass = classifyN(row.n, view.thresholds);
  const cell = (content: Html | string) => html`<td class="utrecht-table__cell utrecht-table__cell--numeric">${content}</td>`;
  const hidden = nClass === 'hidden';
  const weighted = row.weighted.figure;
  return html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row">${localize(row.item.text, props.language)}</th>
  ${cell(formatNumber(props.language, row.n))}
  ${cell(hidden || !row.unweighted ? props.t(hidden ? 'report.hidden' : 'common.none') : html`${figureText(props, row.item.type, row.unweighted)}${nClassBadge(props, nClass)}`)}
  ${cell(hidden || !weighted ? props.t(hidden ? 'report.hidden' : 'common.none') : html`<strong>${figureText(props, row.item.type, weighted)}</strong>`)}
  ${cell(hidden || !weighted ? '—' : formatInterval(props, weighted))}
  ${cell(hidden || !weighted ? '—' : formatNumber(props.language, weighted.effectiveN, 0))}
</tr>`;
}

function figuresTables(view: WeightingView, props: WeightingPageProps): Html {
  const { t, language } = props;
  return html`${view.blocks.map(({ block, items }) => html`<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-label="${localize(block.title, language)}">
<table class="utrecht-table utrecht-table--html-table">
<caption class="utrecht-table__caption">${localize(block.title, language)}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('weighting.col.question')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('weighting.col.n')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('weighting.col.unweighted')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('weighting.col.weighted')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('weighting.col.interval')}</th>
  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('weighting.col.effective')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${items.map((row) => itemRow(view, row, props))}</tbody>
</table></div>`)}`;
}

export function weightingPage(view: WeightingView, props: WeightingPageProps): Html {
  const { t } = props;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${view.round.id}/report">← ${t('report.title', { name: view.round.name })}</a></p>
<h1 class="utrecht-heading-1">${t('weighting.title', { name: view.round.name })}</h1>
${errorSummary(t, [...props.errors])}
<p class="utrecht-paragraph">${t('weighting.intro')}</p>
${view.variables.length === 0 ? html`<p class="utrecht-paragraph">${t('weighting.noVariables')}</p>` : props.canEdit ? choiceForm(view, props) : ''}
${view.choice ? html`<h2 class="utrecht-heading-2">${t('weighting.population', { variable: variableLabel(view, view.choice, props) })}</h2>
<p class="utrecht-paragraph">${t('weighting.population.hint')}</p>
${populationForm(view, props)}
${weightsSummary(view, props)}
${view.weights ? html`<h2 class="utrecht-heading-2">${t('weighting.figures')}</h2>
<p class="utrecht-paragraph">${t('weighting.figures.hint')}</p>
${figuresTables(view, props)}` : ''}` : ''}`;
}
