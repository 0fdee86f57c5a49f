import type { OpenAnswerPoints } from '../../app/open-answers/open-answer-points.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';

// "Pluspunten en verbeterpunten" in the report: per open question the codes ranked by the
// respondents who mentioned them, with share, interval, base and the share in earlier rounds
// (the trend of each point), and a few reviewed quotes.

const TOP_WITH_QUOTES = 5;

export function pointsSection(ctx: { t: Translate; language: Language }, points: OpenAnswerPoints | undefined, thresholds: { hideBelow: number; indicativeBelow: number }): Html {
  const { t, language } = ctx;
  if (!points || points.questions.length === 0) return html``;
  const labels = new Map(points.codebook.map((code) => [code.key, language === 'en' ? code.label.en : code.label.nl]));
  const percent = (share: number) => `${formatNumber(language, share * 100, 0)} %`;
  return html`<section class="ks-points" aria-labelledby="points-heading">
<h2 class="utrecht-heading-2" id="points-heading">${t('points.heading')}</h2>
<p class="utrecht-paragraph">${t('points.intro')}</p>
${points.questions.map(({ item, ranked, earlier, quotes }) => {
    const question = localize(item.text, language);
    const id = `points-${item.key.replace(/\W+/g, '-')}`;
    if (ranked.nClass === 'hidden') {
      return html`<h3 class="utrecht-heading-3" id="${id}">${question}</h3><p class="utrecht-paragraph">${t('points.hidden', { min: thresholds.hideBelow })}</p>`;
    }
    return html`<h3 class="utrecht-heading-3" id="${id}">${question}</h3>
<p class="utrecht-paragraph">${t('points.base', { base: ranked.base })}${ranked.nClass === 'indicative' ? html` <strong>(${t('points.indicative', { min: thresholds.indicativeBelow })})</strong>` : ''}</p>
${ranked.points.length === 0 ? html`<p class="utrecht-paragraph">${t('points.none')}</p>` : html`<div class="utrecht-table-container ks-scroll"><table class="utrecht-table utrecht-table--html-table" aria-labelledby="${id}">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('points.col.point')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('points.col.count')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('points.col.share')}${earlier.length ? html` <abbr title="${points.roundName}">${points.roundYear}</abbr>` : ''}</th>
${earlier.map((round) => html`<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col"><abbr title="${round.name}">${round.year}</abbr></th>`)}</tr></thead>
<tbody class="utrecht-table__body">${ranked.points.map((point) => html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${labels.get(point.code) ?? point.code}</th>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${point.count}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${percent(point.share.share)} <span class="ks-muted">(${percent(point.share.ci.lower)} – ${percent(point.share.ci.upper)})</span></td>
${earlier.map((round) => html`<td class="utrecht-table__cell utrecht-table__cell--numeric">${round.shares.has(point.code) ? percent(round.shares.get(point.code)!.share) : '0 %'}</td>`)}</tr>`)}</tbody></table></div>`}
${ranked.points.some((p) => (quotes.get(p.code) ?? []).length) ? html`<h4 class="utrecht-heading-4">${t('points.quotes')}</h4>
<ul class="ks-quotes">${ranked.points.slice(0, TOP_WITH_QUOTES).flatMap((p) => (quotes.get(p.code) ?? []).map((quote) => html`<li><span class="ks-muted">${labels.get(p.code) ?? p.code}:</span> <q lang="nl">${quote}</q></li>`))}</ul>` : ''}`;
  })}
</section>`;
}
