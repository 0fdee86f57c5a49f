// The improvement plan on the public results page: focus points and their measures with target
// date and status. No owners and no notes (see app/plan/published-plan.ts).

import type { PublishedPlan } from '../../app/plan/published-plan.ts';
import { html, type Html } from '../html.ts';
import { formatDate, type Language, type Translate } from '../i18n/translate.ts';

export function publicPlanSection(ctx: { readonly t: Translate; readonly language: Language }, plan: PublishedPlan, organisation: string): Html {
  const { t, language } = ctx;
  return html`<section class="ks-public-plan" aria-labelledby="public-plan">
<h2 class="utrecht-heading-2" id="public-plan">${t('plan.public.title')}</h2>
<p class="utrecht-paragraph">${t('plan.public.intro', { organisation })} ${t('plan.baseline', { name: plan.baselineRoundName })}.</p>
${plan.focusPoints.map((point, index) => html`<h3 class="utrecht-heading-3">${index + 1}. ${point.title}</h3>
${point.description ? html`<p class="utrecht-paragraph">${point.description}</p>` : ''}
${point.measures.length === 0 ? '' : html`<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-label="${t('plan.public.caption', { title: point.title })}">
<table class="utrecht-table utrecht-table--html-table">
<caption class="utrecht-table__caption">${t('plan.public.caption', { title: point.title })}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('plan.col.measure')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('plan.col.targetDate')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('plan.col.status')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${point.measures.map((m) => html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row">${m.description}</th>
  <td class="utrecht-table__cell">${m.targetDate ? formatDate(language, m.targetDate) : t('plan.noDate')}</td>
  <td class="utrecht-table__cell">${t(`plan.status.${m.status}`)}</td>
</tr>`)}</tbody></table></div>`}`)}
</section>`;
}
