// The improvement plan page of a round: the effect of an earlier plan in this round, and the
// plan that has this round as its baseline (focus points with their items and measures).
// Only prints app/plan/plan-of-round.ts's model; overdue is decided by the domain rule.

import type { EarlierPlan, PlanContent, PlanOfRound } from '../../app/plan/plan-of-round.ts';
import type { FocusPoint, Measure } from '../../db/improvement-plan-store.ts';
import { isOverdue } from '../../domain/plan/measure-status.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import { formatDate } from '../i18n/translate.ts';
import { csrfField } from '../layout.ts';
import type { ViewCtx } from '../research/item-report-format.ts';
import { effectList } from './plan-effect-table.ts';

export interface PlanPageProps extends ViewCtx {
  readonly csrfToken: string;
  readonly canEdit: boolean;
  /** YYYY-MM-DD in the Netherlands. */
  readonly today: string;
}

const buttonLink = (href: string, label: string, kind: 'primary' | 'secondary' = 'secondary') =>
  html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${kind}-action" href="${href}">${label}</a>`;

function itemList(view: PlanOfRound, point: FocusPoint, props: PlanPageProps): Html {
  if (point.itemKeys.length === 0) return html`<p class="utrecht-paragraph ks-muted">${props.t('plan.focusPoint.noItems')}</p>`;
  return html`<h4 class="utrecht-heading-4">${props.t('plan.focusPoint.items')}</h4>
<ul class="utrecht-unordered-list">${point.itemKeys.map((key) => {
    const item = view.items.get(key);
    return html`<li>${item ? localize(item.text, props.language) : key} <span class="ks-code">${key}</span></li>`;
  })}</ul>`;
}

function statusText(measure: Measure, props: PlanPageProps): Html {
  const late = isOverdue(measure, props.today);
  return html`${props.t(`plan.status.${measure.status}`)}${late ? html` <span class="utrecht-status-badge utrecht-status-badge--warning">${props.t('plan.overdue')}</span>` : ''}`;
}

/** One card per measure: reads at 360 px without sideways scrolling, unlike a five-column table. */
function measuresList(roundId: string, point: FocusPoint, props: PlanPageProps, canEdit: boolean): Html {
  const { t, language } = props;
  const heading = html`<h4 class="utrecht-heading-4">${t('plan.measures.heading')}</h4>`;
  if (point.measures.length === 0) return html`${heading}<p class="utrecht-paragraph ks-muted">${t('plan.measure.none')}</p>`;
  return html`${heading}<ul class="ks-card-list ks-measures" aria-label="${t('plan.measures', { title: point.title })}">${point.measures.map((m) => html`<li>
<p class="utrecht-paragraph"><strong>${m.description}</strong></p>
${m.note ? html`<p class="utrecht-paragraph ks-muted">${m.note}</p>` : ''}
<dl class="ks-facts">
  <dt>${t('plan.col.owner')}</dt><dd>${m.owner || '—'}</dd>
  <dt>${t('plan.col.targetDate')}</dt><dd>${m.targetDate ? formatDate(language, m.targetDate) : t('plan.noDate')}</dd>
  <dt>${t('plan.col.status')}</dt><dd>${statusText(m, props)}</dd>
</dl>
${canEdit ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${roundId}/plan/measures/${m.id}/edit">${t('plan.measure.edit')}<span class="ks-visually-hidden">: ${m.description}</span></a> ·
<a class="utrecht-link" href="/rounds/${roundId}/plan/measures/${m.id}/delete">${t('plan.measure.delete')}<span class="ks-visually-hidden">: ${m.description}</span></a></p>` : ''}
</li>`)}</ul>`;
}

function overdueSummary(content: PlanContent, props: PlanPageProps): Html | '' {
  const count = content.focusPoints.flatMap((p) => p.measures).filter((m) => isOverdue(m, props.today)).length;
  return count > 0 ? html`<p class="utrecht-paragraph"><span class="utrecht-status-badge utrecht-status-badge--warning">${props.t('plan.overdue')}</span> ${props.t('plan.overdue.summary', { count })}</p>` : '';
}

function publishForm(view: PlanOfRound, content: PlanContent, props: PlanPageProps): Html {
  const { t } = props;
  return html`<h2 class="utrecht-heading-2">${t('plan.publish.title')}</h2>
<form method="post" action="/rounds/${view.round.id}/plan/publication" novalidate>
  ${csrfField(props.csrfToken)}
  <div class="utrecht-form-field utrecht-form-field--checkbox">
    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="published" name="published" value="1" aria-describedby="published-hint" ${content.plan.published ? 'checked' : ''}>
    <label class="utrecht-form-label utrecht-form-label--checkbox" for="published">${t('plan.publish.field')}</label>
  </div>
  <p class="utrecht-form-field-description" id="published-hint">${t('plan.publish.hint')}</p>
  <button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('plan.publish.save')}</button>
</form>`;
}

function ownPlan(view: PlanOfRound, content: PlanContent, props: PlanPageProps): Html {
  const { t } = props;
  const base = `/rounds/${view.round.id}/plan`;
  return html`<h2 class="utrecht-heading-2">${content.plan.title}</h2>
<p class="utrecht-paragraph">${t('plan.baseline', { name: view.round.name })}</p>
${overdueSummary(content, props)}
${content.focusPoints.length === 0 ? html`<p class="utrecht-paragraph">${t('plan.focusPoint.none')}</p>` : ''}
${content.focusPoints.map((point, index) => html`<section class="ks-panel" aria-labelledby="focus-${point.id}">
<h3 class="utrecht-heading-3" id="focus-${point.id}">${index + 1}. ${point.title}</h3>
${point.description ? point.description.split(/\n\s*\n/).map((p) => html`<p class="utrecht-paragraph">${p}</p>`) : ''}
${itemList(view, point, props)}
${measuresList(view.round.id, point, props, props.canEdit)}
${props.canEdit ? html`<p class="utrecht-paragraph">${buttonLink(`${base}/focus-points/${point.id}/measures/new`, t('plan.measure.add'))}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${base}/focus-points/${point.id}/edit">${t('plan.focusPoint.edit')}<span class="ks-visually-hidden">: ${point.title}</span></a> ·
<a class="utrecht-link" href="${base}/focus-points/${point.id}/delete">${t('plan.focusPoint.delete')}<span class="ks-visually-hidden">: ${point.title}</span></a></p>` : ''}
</section>`)}
${props.canEdit ? html`<p class="utrecht-paragraph">${buttonLink(`${base}/focus-points/new`, t('plan.focusPoint.add'), 'primary')}</p>
${publishForm(view, content, props)}` : ''}`;
}

function earlierPlan(view: PlanOfRound, earlier: EarlierPlan, props: PlanPageProps): Html {
  const { t } = props;
  const byId = new Map(earlier.effect.focusPoints.map((f) => [f.focusPointId, f.items]));
  return html`<h2 class="utrecht-heading-2">${t('plan.effect.title', { title: earlier.plan.title })}</h2>
<p class="utrecht-paragraph">${t('plan.effect.intro', { baseline: earlier.plan.baselineRoundName })}</p>
${earlier.provisional ? html`<p class="utrecht-paragraph"><strong>${t('plan.effect.provisional')}</strong></p>` : ''}
${overdueSummary(earlier, props)}
${earlier.focusPoints.map((point, index) => html`<section class="ks-panel" aria-labelledby="effect-${point.id}">
<h3 class="utrecht-heading-3" id="effect-${point.id}">${index + 1}. ${point.title}</h3>
${(byId.get(point.id) ?? []).length > 0 ? effectList(props, point.title, byId.get(point.id)!) : html`<p class="utrecht-paragraph ks-muted">${t('plan.focusPoint.noItems')}</p>`}
${measuresList(earlier.plan.baselineRoundId, point, props, false)}
</section>`)}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${earlier.plan.baselineRoundId}/plan">${t('plan.effect.editAtBaseline')}</a></p>`;
}

function startOffer(view: PlanOfRound, props: PlanPageProps): Html {
  const { t } = props;
  if (view.earlier && !props.canEdit) return html``;
  return html`<p class="utrecht-paragraph">${t(view.earlier ? 'plan.start.later' : 'plan.none')}</p>
${props.canEdit ? (view.canBeBaseline
    ? html`<p class="utrecht-paragraph">${buttonLink(`/rounds/${view.round.id}/plan/start`, t('plan.start'), view.earlier ? 'secondary' : 'primary')}</p>`
    : html`<p class="utrecht-paragraph">${t('plan.start.notClosed')}</p>`) : ''}`;
}

export function planPage(view: PlanOfRound, props: PlanPageProps): Html {
  const { t } = props;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${view.round.id}">← ${view.round.name}</a></p>
<h1 class="utrecht-heading-1">${t('plan.title', { name: view.round.name })}</h1>
<p class="utrecht-paragraph">${t('plan.intro')}</p>
${view.earlier ? earlierPlan(view, view.earlier, props) : ''}
${view.own ? ownPlan(view, view.own, props) : startOffer(view, props)}`;
}
