import type { OpenItemProgress } from '../../app/open-answers/open-answer-coding.ts';
import type { ModelEvaluation } from '../../app/open-answers/train-coding-model.ts';
import type { Round } from '../../db/round-store.ts';
import { MIN_TRAINING_ANSWERS } from '../../domain/open-answers/suggest-codes.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import { formatDate, formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField } from '../layout.ts';

export interface OpenAnswersPageProps {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
  readonly round: Round;
  readonly items: readonly OpenItemProgress[];
  readonly evaluation: (ModelEvaluation & { trainedAt: Date }) | undefined;
}

/** The round's open questions with coding and review progress, coder agreement and the suggestion model. */
export function openAnswersPage(props: OpenAnswersPageProps): Html {
  const { t, language, csrfToken, round, items, evaluation } = props;
  const dec = (value: number | null, digits = 2) => (value === null ? '–' : formatNumber(language, value, digits));
  const base = `/rounds/${round.id}/open-answers`;
  if (items.length === 0) {
    return html`<h1 class="utrecht-heading-1">${t('openAnswers.title', { name: round.name })}</h1><p class="utrecht-paragraph">${t('openAnswers.none')}</p>`;
  }
  const agreements = items.filter((i) => i.agreement);
  return html`<h1 class="utrecht-heading-1">${t('openAnswers.title', { name: round.name })}</h1>
<p class="utrecht-paragraph">${t('openAnswers.intro')}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/codebook">${t('openAnswers.codebook.link')}</a></p>
<div class="utrecht-table-container ks-scroll"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('openAnswers.col.question')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('openAnswers.col.answered')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('openAnswers.col.coded')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('openAnswers.col.second')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('openAnswers.col.reviewed')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('openAnswers.col.actions')}</th></tr></thead>
<tbody class="utrecht-table__body">${items.map((row) => {
    const question = localize(row.item.text, language);
    const itemBase = `${base}/${encodeURIComponent(row.item.key)}`;
    return html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${question}</th>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${row.answered}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${row.codedFirst}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${row.codedSecond}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${row.reviewed}</td>
<td class="utrecht-table__cell"><ul class="ks-plain-list">
<li><a class="utrecht-link" href="${itemBase}/code">${t('openAnswers.action.code')}<span class="ks-visually-hidden">: ${question}</span></a></li>
<li><a class="utrecht-link" href="${itemBase}/list">${t('openAnswers.action.list')}<span class="ks-visually-hidden">: ${question}</span></a></li>
<li><a class="utrecht-link" href="${itemBase}/code?coder=2">${t('openAnswers.action.second')}<span class="ks-visually-hidden">: ${question}</span></a></li>
<li><a class="utrecht-link" href="${itemBase}/review">${t('openAnswers.action.review')}<span class="ks-visually-hidden">: ${question}</span></a></li></ul></td></tr>`;
  })}</tbody></table></div>
<h2 class="utrecht-heading-2">${t('openAnswers.agreement.heading')}</h2>
${agreements.length
    ? html`<ul class="utrecht-unordered-list">${agreements.map((row) => {
        const a = row.agreement!;
        const values = { question: localize(row.item.text, language), kappa: dec(a.kappa), answers: a.answers, observed: `${formatNumber(language, (a.observedAgreement ?? 0) * 100, 1)} %` };
        return html`<li>${a.kappa === null ? t('openAnswers.agreement.undefined', values) : t('openAnswers.agreement.text', values)}</li>`;
      })}</ul><p class="utrecht-paragraph ks-muted">${t('openAnswers.agreement.scale')}</p>`
    : html`<p class="utrecht-paragraph">${t('openAnswers.agreement.none')}</p>`}
<h2 class="utrecht-heading-2">${t('openAnswers.model.heading')}</h2>
<p class="utrecht-paragraph">${evaluation
    ? t('openAnswers.model.trained', {
        trainedOn: evaluation.trainedOn, heldOut: evaluation.heldOut, date: formatDate(language, evaluation.trainedAt),
        f1: dec(evaluation.f1), kappa: dec(evaluation.kappa), lexiconF1: dec(evaluation.lexiconF1), lexiconKappa: dec(evaluation.lexiconKappa),
      })
    : t('openAnswers.model.none', { min: MIN_TRAINING_ANSWERS })}</p>
<form method="post" action="${base}/train">${csrfField(csrfToken)}
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('openAnswers.model.train')}</button></form>`;
}
