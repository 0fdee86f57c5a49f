import type { AnswerToReview } from '../../app/open-answers/review-open-answers.ts';
import type { Round } from '../../db/round-store.ts';
import type { PersonalDataFinding } from '../../domain/open-answers/privacy-screen.ts';
import { localize, type OpenItem } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import type { Language, Translate } from '../i18n/translate.ts';
import { csrfField, errorSummary, fieldError, type FieldError } from '../layout.ts';

// The privacy review of one open question: each answer with what the screen found marked,
// and a decision per answer (approve as is, approve a redacted text, do not use).

/** The text with each finding in a <mark>. */
export function markedText(text: string, findings: readonly PersonalDataFinding[]): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at) continue;
    parts.push(html`${text.slice(at, finding.start)}<mark>${text.slice(finding.start, finding.end)}</mark>`);
    at = finding.end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

export const kindsText = (t: Translate, findings: readonly PersonalDataFinding[]) => [...new Set(findings.map((f) => t(`review.kind.${f.kind}`)))].join(', ');

export interface ReviewPageProps {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
  readonly round: Round;
  readonly item: OpenItem;
  readonly answers: readonly AnswerToReview[];
  readonly showAll: boolean;
  readonly errors: readonly FieldError[];
  /** The text typed for the answer whose decision was refused. */
  readonly typed?: { readonly responseId: string; readonly text: string };
}

export interface ReviewDecisionProps {
  readonly t: Translate;
  readonly errors: readonly FieldError[];
  /** Id of the fieldset, and the stem of its controls' ids. */
  readonly field: string;
  readonly legend: string;
  /** A text with findings cannot be approved as it is: the option is not offered. */
  readonly hasFindings: boolean;
  readonly decision: 'approved' | 'redacted' | 'excluded';
  readonly redaction: string;
}

/** The decision on one text: approve as is, approve a redacted text, or do not use. */
export function reviewDecision(props: ReviewDecisionProps): Html {
  const { t, errors, field, decision } = props;
  return html`<fieldset class="utrecht-form-fieldset" id="${field}">
<legend class="utrecht-form-fieldset__legend">${props.legend}</legend>
${fieldError(errors, field)}
${props.hasFindings ? '' : html`<div class="ks-radio"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${field}-approved" name="decision" value="approved" ${decision === 'approved' ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--radio" for="${field}-approved">${t('review.approve')}</label></div>`}
<div class="ks-radio"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${field}-redacted" name="decision" value="redacted" ${decision === 'redacted' ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--radio" for="${field}-redacted">${t('review.redact')}</label></div>
<label class="utrecht-form-label" for="${field}-text">${t('review.redactedText')}</label>
<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="${field}-text" name="redactedText" rows="3">${props.redaction}</textarea>
<div class="ks-radio"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="${field}-excluded" name="decision" value="excluded" ${decision === 'excluded' ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--radio" for="${field}-excluded">${t('review.exclude')}</label></div>
</fieldset>`;
}

export function reviewPage(props: ReviewPageProps): Html {
  const { t, language, csrfToken, round, item, answers, showAll, errors } = props;
  const base = `/rounds/${round.id}/open-answers/${encodeURIComponent(item.key)}/review`;
  const reviewed = answers.filter((a) => a.review).length;
  const flagged = answers.filter((a) => a.findings.length).length;
  const clean = answers.filter((a) => !a.review && a.findings.length === 0).length;
  const shown = answers.map((answer, index) => ({ answer, number: index + 1 })).filter(({ answer }) => showAll || !answer.review);
  const state = (a: AnswerToReview) => t(a.review ? `review.state.${a.review.decision}` : 'review.state.open');
  return html`<h1 class="utrecht-heading-1">${t('review.title', { question: localize(item.text, language) })}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}/open-answers">${t('openAnswers.title', { name: round.name })}</a></p>
<p class="utrecht-paragraph">${t('review.intro')}</p>
<p class="utrecht-paragraph">${t('review.progress', { reviewed, total: answers.length, flagged })}</p>
${clean ? html`<form method="post" action="${base}/approve-clean">${csrfField(csrfToken)}
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('review.bulk', { count: clean })}</button></form>` : ''}
<p class="utrecht-paragraph">${showAll
    ? html`<a class="utrecht-link" href="${base}">${t('review.show.open')}</a>`
    : html`<a class="utrecht-link" href="${base}?show=all">${t('review.show.all')}</a>`}</p>
${shown.length === 0 ? html`<p class="utrecht-paragraph" role="status">${t('review.nothing')}</p>` : ''}
${shown.slice(0, 50).map(({ answer, number }) => {
    const field = `answer-${answer.responseId}`;
    const typed = props.typed?.responseId === answer.responseId ? props.typed.text : undefined;
    const decision = answer.review?.decision ?? (answer.findings.length ? 'redacted' : 'approved');
    const redaction = typed ?? answer.review?.redactedText ?? answer.suggestedRedaction ?? answer.text;
    return html`<section class="ks-review-item" aria-labelledby="${field}-heading">
<h2 class="utrecht-heading-3" id="${field}-heading">${t('coding.answer')} ${number} <span class="ks-muted">· ${state(answer)}</span></h2>
<blockquote class="ks-answer-text">${markedText(answer.text, answer.findings)}</blockquote>
${answer.findings.length ? html`<p class="utrecht-paragraph"><strong>${t('review.findings', { kinds: kindsText(t, answer.findings) })}</strong></p>` : ''}
<form method="post" action="${base}" novalidate>${csrfField(csrfToken)}
<input type="hidden" name="responseId" value="${answer.responseId}">
${reviewDecision({ t, errors, field, legend: t('review.decision', { number }), hasFindings: answer.findings.length > 0, decision, redaction })}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('review.save')}<span class="ks-visually-hidden">: ${t('coding.answer')} ${number}</span></button>
</form></section>`;
  })}`;
}
