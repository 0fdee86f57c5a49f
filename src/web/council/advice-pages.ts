// Pages of the council's advice on a round: the timeline everyone on the staff reads, the
// council's workspace for a draft, and the form for the organisation's response to one point.
// The routes decide; these functions only print.

import type { Advice, AdvicePoint } from '../../db/council-advice-store.ts';
import type { Citation } from '../../db/council-schema.ts';
import type { Round } from '../../db/round-store.ts';
import { adviceTimeline } from '../../domain/council/advice-timeline.ts';
import { ADVICE_DECISIONS, type AdviceDecision } from '../../domain/council/advice-response-rules.ts';
import { html, type Html, type Printable } from '../html.ts';
import { formatDate, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';

export interface AdviceCtx {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
}

/** "Question — figure (n)": punctuation only, the same in every language. */
const citationText = (c: Citation): string => `${c.label} — ${c.value}`;

function citationList(citations: readonly Citation[], t: Translate): Printable {
  if (citations.length === 0) return '';
  return html`<p class="utrecht-paragraph ks-muted ks-citations-title">${t('council.citations')}</p>
<ul class="utrecht-unordered-list ks-citations">${citations.map((c) => html`<li class="utrecht-unordered-list__item">${citationText(c)}</li>`)}</ul>`;
}

function paragraphs(text: string): Html {
  return html`${text.split(/\n{2,}/).filter((p) => p.trim()).map((p) => html`<p class="utrecht-paragraph">${p}</p>`)}`;
}

function pointBlock(point: AdvicePoint, t: Translate): Html {
  return html`<h4 class="utrecht-heading-4 ks-point-title">${t('council.point', { number: point.number })}</h4>
${paragraphs(point.text)}
${citationList(point.citations, t)}`;
}

function decisionBadge(decision: AdviceDecision, t: Translate): Html {
  const tone = { adopted: 'success', partly: 'warning', not_adopted: 'danger' }[decision];
  return html`<span class="utrecht-status-badge utrecht-status-badge--${tone}">${t(`council.decision.${decision}`)}</span>`;
}

type Event = ReturnType<typeof adviceTimeline<Advice & { responses: (NonNullable<AdvicePoint['response']> & { point: AdvicePoint })[] }, NonNullable<AdvicePoint['response']> & { point: AdvicePoint }>>[number];

/** The timeline of sent advices and responses, oldest first; designers get links to respond. */
export function timelinePage(round: Round, advices: readonly Advice[], ctx: AdviceCtx & { canRespond: boolean; canWrite: boolean; values: { title: string; introduction: string } }): Html {
  const { t, language } = ctx;
  const withResponses = advices.map((a) => ({
    ...a,
    sentOn: a.sentOn,
    responses: a.points.flatMap((p) => (p.response ? [{ ...p.response, point: p }] : [])),
  }));
  const events: Event[] = adviceTimeline(withResponses);
  const drafts = advices.filter((a) => a.status === 'draft');
  const respondLink = (advice: Advice, point: AdvicePoint) => html`<a class="utrecht-link" href="/rounds/${round.id}/council/advices/${advice.id}/points/${point.id}/response">${t(point.response ? 'council.respond.change' : 'council.respond', { number: point.number })}</a>`;
  const eventItem = (event: Event): Html => event.kind === 'advice'
    ? html`<li class="ks-timeline__event">
<h3 class="utrecht-heading-3"><time datetime="${event.on}">${formatDate(language, event.on)}</time>: ${t('council.event.advice', { title: event.advice.title })}</h3>
${event.advice.introduction ? paragraphs(event.advice.introduction) : ''}
<ol class="ks-points">${event.advice.points.map((p) => html`<li>${pointBlock(p, t)}
${p.response ? '' : html`<p class="utrecht-paragraph ks-muted">${t('council.noResponse')}</p>`}
${ctx.canRespond && !p.response ? html`<p class="utrecht-paragraph">${respondLink(event.advice, p)}</p>` : ''}</li>`)}</ol>
</li>`
    : html`<li class="ks-timeline__event">
<h3 class="utrecht-heading-3"><time datetime="${event.on}">${formatDate(language, event.on)}</time>: ${t('council.event.response', { number: event.response.point.number })}</h3>
<blockquote class="ks-quote">${paragraphs(event.response.point.text)}</blockquote>
<p class="utrecht-paragraph">${decisionBadge(event.response.decision, t)}</p>
${event.response.reasons ? paragraphs(event.response.reasons) : ''}
${ctx.canRespond ? html`<p class="utrecht-paragraph">${respondLink(event.advice, event.response.point)}</p>` : ''}
</li>`;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}">← ${round.name}</a></p>
<h1 class="utrecht-heading-1">${t('council.title', { name: round.name })}</h1>
${errorSummary(t, ctx.errors)}
<p class="utrecht-paragraph">${t('council.intro')}</p>
<h2 class="utrecht-heading-2">${t('council.timeline')}</h2>
${events.length ? html`<ol class="ks-timeline">${events.map(eventItem)}</ol>` : html`<p class="utrecht-paragraph">${t('council.timeline.empty')}</p>`}
${ctx.canWrite && drafts.length ? html`<h2 class="utrecht-heading-2">${t('council.drafts')}</h2>
<ul class="utrecht-unordered-list">${drafts.map((d) => html`<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="/rounds/${round.id}/council/advices/${d.id}">${t('council.draft.open', { title: d.title, points: d.points.length })}</a></li>`)}</ul>` : ''}
${ctx.canWrite ? newAdviceForm(round, ctx) : ''}`;
}

function textField(name: string, label: string, value: string, errors: readonly FieldError[], hint?: string): Html {
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === name) ? 'utrecht-form-field--invalid' : ''}">
<label class="utrecht-form-label" for="${name}">${label}</label>
${hint ? html`<p class="utrecht-form-field-description" id="${name}-hint">${hint}</p>` : ''}
${fieldError(errors, name)}
<input class="utrecht-textbox utrecht-textbox--html-input" id="${name}" name="${name}" type="text" maxlength="200" value="${value}" ${describedBy(errors, name, Boolean(hint))} ${invalid(errors, name)}>
</div>`;
}

function textArea(name: string, label: string, value: string, errors: readonly FieldError[], hint?: string): Html {
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === name) ? 'utrecht-form-field--invalid' : ''}">
<label class="utrecht-form-label" for="${name}">${label}</label>
${hint ? html`<p class="utrecht-form-field-description" id="${name}-hint">${hint}</p>` : ''}
${fieldError(errors, name)}
<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="${name}" name="${name}" rows="5" ${describedBy(errors, name, Boolean(hint))} ${invalid(errors, name)}>${value}</textarea>
</div>`;
}

function newAdviceForm(round: Round, ctx: AdviceCtx & { values: { title: string; introduction: string } }): Html {
  const { t } = ctx;
  return html`<h2 class="utrecht-heading-2">${t('council.new')}</h2>
<p class="utrecht-paragraph">${t('council.new.hint')}</p>
<form method="post" action="/rounds/${round.id}/council/advices" novalidate>${csrfField(ctx.csrfToken)}
${textField('title', t('council.field.title'), ctx.values.title, ctx.errors)}
${textArea('introduction', t('council.field.introduction'), ctx.values.introduction, ctx.errors)}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('council.create')}</button>
</form>`;
}

/** The council's workspace: the points so far, a form for the next one, and sending. */
export function advicePage(round: Round, advice: Advice, ctx: AdviceCtx & { figures: readonly Citation[]; values: { text: string; cite: readonly string[] } }): Html {
  const { t, language } = ctx;
  const next = advice.points.length + 1;
  const base = `/rounds/${round.id}/council/advices/${advice.id}`;
  const citeSelect = (index: number) => {
    const id = `cite-${index}`;
    const chosen = ctx.values.cite[index - 1] ?? '';
    return html`<div class="utrecht-form-field ${ctx.errors.some((e) => e.field === id) ? 'utrecht-form-field--invalid' : ''}">
<label class="utrecht-form-label" for="${id}">${t('council.point.cite.n', { n: index })}</label>
${fieldError(ctx.errors, id)}
<select class="utrecht-select utrecht-select--html-select" id="${id}" name="cite" ${describedBy(ctx.errors, id)} ${invalid(ctx.errors, id)}>
<option value="">${t('council.point.cite.none')}</option>
${ctx.figures.map((f) => html`<option value="${f.itemKey}" ${chosen === f.itemKey ? 'selected' : ''}>${citationText(f)}</option>`)}
</select></div>`;
  };
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}/council">← ${t('council.advice.back')}</a></p>
<h1 class="utrecht-heading-1">${advice.title}</h1>
${errorSummary(t, ctx.errors)}
${advice.sentOn ? html`<div class="utrecht-alert utrecht-alert--info"><p class="utrecht-paragraph">${t('council.advice.sentOn', { date: formatDate(language, advice.sentOn) })}</p></div>` : ''}
${advice.introduction ? paragraphs(advice.introduction) : ''}
<h2 class="utrecht-heading-2">${t('council.advice.points')}</h2>
${advice.points.length ? html`<ol class="ks-points">${advice.points.map((p) => html`<li>${pointBlock(p, t)}</li>`)}</ol>` : html`<p class="utrecht-paragraph">${t('council.advice.noPoints')}</p>`}
${advice.status === 'draft' ? html`<h2 class="utrecht-heading-2">${t('council.point.new', { number: next })}</h2>
<form method="post" action="${base}/points" novalidate>${csrfField(ctx.csrfToken)}
${textArea('text', t('council.point.text', { number: next }), ctx.values.text, ctx.errors, t('council.point.text.hint'))}
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby="cite-hint">
<legend class="utrecht-form-fieldset__legend">${t('council.point.cite')}</legend>
<p class="utrecht-form-field-description" id="cite-hint">${t('council.point.cite.hint')}</p>
${citeSelect(1)}
${citeSelect(2)}
</fieldset>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('council.point.add')}</button>
</form>
<h2 class="utrecht-heading-2">${t('council.send')}</h2>
<p class="utrecht-paragraph" id="send-hint">${t('council.send.hint')}</p>
<form method="post" action="${base}/send" novalidate>${csrfField(ctx.csrfToken)}
<button class="utrecht-button utrecht-button--primary-action" type="submit" id="send" aria-describedby="send-hint">${t('council.send')}</button>
</form>` : ''}`;
}

/** The organisation's response to one point of a sent advice. */
export function responsePage(round: Round, advice: Advice, point: AdvicePoint, ctx: AdviceCtx & { values: { decision: string; reasons: string } }): Html {
  const { t } = ctx;
  const hasError = (field: string) => ctx.errors.some((e) => e.field === field);
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}/council">← ${t('council.advice.back')}</a></p>
<h1 class="utrecht-heading-1">${t('council.response.title', { number: point.number })}</h1>
${errorSummary(t, ctx.errors)}
<p class="utrecht-paragraph">${t('council.response.intro')}</p>
<div class="ks-panel"><p class="utrecht-paragraph ks-muted">${advice.title}</p>${pointBlock(point, t)}</div>
<form method="post" action="/rounds/${round.id}/council/advices/${advice.id}/points/${point.id}/response" novalidate>${csrfField(ctx.csrfToken)}
<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ${hasError('decision-adopted') ? 'utrecht-form-field--invalid' : ''}" ${describedBy(ctx.errors, 'decision-adopted')}>
<legend class="utrecht-form-fieldset__legend">${t('council.response.decision')}</legend>
${fieldError(ctx.errors, 'decision-adopted')}
${ADVICE_DECISIONS.map((d) => html`<div class="utrecht-form-field utrecht-form-field--radio">
<input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="decision-${d}" name="decision" value="${d}" ${ctx.values.decision === d ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--radio" for="decision-${d}">${t(`council.decision.${d}`)}</label>
</div>`)}
</fieldset>
${textArea('reasons', t('council.response.reasons'), ctx.values.reasons, ctx.errors, t('council.response.reasons.hint'))}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('council.response.save')}</button>
</form>`;
}
