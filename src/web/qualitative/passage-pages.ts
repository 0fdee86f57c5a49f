import type { StudyWorkspace } from '../../app/qualitative/study-workspace.ts';
import type { Passage } from '../../db/qualitative-study-store.ts';
import type { CodeSuggestion } from '../../domain/open-answers/suggest-codes.ts';
import { screenPassage } from '../../domain/qualitative/passage-review.ts';
import { html, type Html } from '../html.ts';
import { csrfField, errorSummary } from '../layout.ts';
import { codebookDefinitions, codeChoices } from '../open-answers/code-choices.ts';
import { kindsText, markedText, reviewDecision } from '../open-answers/review-page.ts';
import type { StudyCtx } from './study-pages.ts';

// Coding the passages of a study's conversations with the open answers' screen, one passage at
// a time, and their privacy review by the open answers' rule.

export type PassageFilter = 'uncoded' | 'all';

function sourceOf(workspace: StudyWorkspace, passage: Passage, ctx: StudyCtx): string {
  const conversation = workspace.conversations.find((c) => c.id === passage.conversationId)!;
  return ctx.t('study.coding.source', { number: conversation.number, kind: ctx.t(`study.one.${conversation.participantKind as 'client'}`) });
}

export function passageCodingPage(workspace: StudyWorkspace, ctx: StudyCtx & {
  filter: PassageFilter; current: { index: number; previousId: string | undefined; nextId: string | undefined } | undefined; suggestions: readonly CodeSuggestion[];
}): Html {
  const { t, language } = ctx;
  const { study, passages } = workspace;
  const base = `/studies/${study.id}/code`;
  const coded = passages.filter((p) => p.coded).length;
  const link = (id: string) => `${base}?filter=${ctx.filter}&passage=${id}`;
  const top = html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/studies/${study.id}">← ${t('study.back')}</a></p>
<h1 class="utrecht-heading-1">${t('study.coding.title', { title: study.title })}</h1>
${errorSummary(t, ctx.errors)}
<div class="ks-coding-progress"><label for="coding-progress">${t('study.coding.progress', { coded, total: passages.length })}</label>
<progress id="coding-progress" max="${Math.max(passages.length, 1)}" value="${coded}">${coded}/${passages.length}</progress></div>
<form method="get" action="${base}" class="ks-inline-form ks-coding-filter">
<label class="utrecht-form-label" for="filter">${t('coding.filter')}</label>
<select class="utrecht-select utrecht-select--html-select" id="filter" name="filter">
<option value="uncoded" ${ctx.filter === 'uncoded' ? 'selected' : ''}>${t('coding.filter.uncoded')}</option>
<option value="all" ${ctx.filter === 'all' ? 'selected' : ''}>${t('study.coding.filter.all')}</option></select>
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('coding.filter.apply')}</button></form>`;
  if (passages.length === 0) return html`${top}<p class="utrecht-paragraph">${t('study.coding.empty')}</p>`;
  if (!ctx.current) return html`${top}<p class="utrecht-paragraph" role="status">${t('study.coding.done')}</p>`;
  const passage = passages[ctx.current.index]!;
  return html`${top}
<section class="ks-panel" aria-labelledby="passage-heading">
<h2 class="utrecht-heading-2" id="passage-heading">${t('study.coding.position', { position: ctx.current.index + 1, total: passages.length })}</h2>
<p class="utrecht-paragraph ks-muted">${sourceOf(workspace, passage, ctx)}</p>
<blockquote class="ks-answer-text">${passage.text}</blockquote>
</section>
<form method="post" action="${base}" class="ks-coding-form" data-shortcuts="on">
${csrfField(ctx.csrfToken)}
<input type="hidden" name="passageId" value="${passage.id}">
<input type="hidden" name="filter" value="${ctx.filter}">
${ctx.suggestions.map((s) => html`<input type="hidden" name="suggested" value="${s.code}">`)}
${codeChoices({ t, language, codebook: workspace.codebook, chosen: passage.coded ? passage.codes : [], suggestions: ctx.suggestions, legend: t('study.coding.codes'), hint: t('study.coding.hint') })}
<div class="utrecht-button-group">
<button class="utrecht-button utrecht-button--primary-action" type="submit" name="action" value="save">${t('coding.save')}</button>
${ctx.suggestions.length ? html`<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="action" value="accept" data-accept>${t('coding.accept')}</button>` : ''}
${ctx.current.nextId ? html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${link(ctx.current.nextId)}">${t('coding.skip')}</a>` : ''}
${ctx.current.previousId ? html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${link(ctx.current.previousId)}">${t('coding.previous')}</a>` : ''}
</div>
</form>
${codebookDefinitions(t, language, workspace.codebook)}
<script src="/assets/coding-shortcuts.js" defer></script>`;
}

export function passageReviewPage(workspace: StudyWorkspace, ctx: StudyCtx & { showAll: boolean; typed?: { passageId: string; text: string } }): Html {
  const { t, errors } = ctx;
  const { study } = workspace;
  const base = `/studies/${study.id}/review`;
  const coded = workspace.passages.filter((p) => p.coded && p.codes.length > 0).map((p) => ({ passage: p, ...screenPassage(p.text) }));
  const reviewed = coded.filter((c) => c.passage.review).length;
  const flagged = coded.filter((c) => c.findings.length).length;
  const clean = coded.filter((c) => !c.passage.review && c.findings.length === 0).length;
  const shown = coded.filter((c) => ctx.showAll || !c.passage.review);
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/studies/${study.id}">← ${t('study.back')}</a></p>
<h1 class="utrecht-heading-1">${t('study.review.title', { title: study.title })}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('study.review.intro')}</p>
<p class="utrecht-paragraph">${t('study.review.progress', { reviewed, total: coded.length, flagged })}</p>
${clean ? html`<form method="post" action="${base}/approve-clean">${csrfField(ctx.csrfToken)}
<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('study.review.bulk', { count: clean })}</button></form>` : ''}
<p class="utrecht-paragraph">${ctx.showAll ? html`<a class="utrecht-link" href="${base}">${t('review.show.open')}</a>` : html`<a class="utrecht-link" href="${base}?show=all">${t('study.review.show.all')}</a>`}</p>
${shown.length === 0 ? html`<p class="utrecht-paragraph" role="status">${t('study.review.nothing')}</p>` : ''}
${shown.slice(0, 50).map(({ passage, findings, suggestedRedaction }, index) => {
    const field = `passage-${passage.id}`;
    const number = workspace.conversations.find((c) => c.id === passage.conversationId)?.number ?? 0;
    const typed = ctx.typed?.passageId === passage.id ? ctx.typed.text : undefined;
    const decision = passage.review ?? (findings.length ? 'redacted' : 'approved');
    const redaction = typed ?? passage.redactedText ?? suggestedRedaction ?? passage.text;
    const state = t(passage.review ? `review.state.${passage.review}` : 'review.state.open');
    return html`<section class="ks-review-item" aria-labelledby="${field}-heading">
<h2 class="utrecht-heading-3" id="${field}-heading">${t('study.review.passage', { number })} <span class="ks-muted">· ${state}</span></h2>
<blockquote class="ks-answer-text">${markedText(passage.text, findings)}</blockquote>
${findings.length ? html`<p class="utrecht-paragraph"><strong>${t('review.findings', { kinds: kindsText(t, findings) })}</strong></p>` : ''}
<form method="post" action="${base}" novalidate>${csrfField(ctx.csrfToken)}
<input type="hidden" name="passageId" value="${passage.id}">
${ctx.showAll ? html`<input type="hidden" name="show" value="all">` : ''}
${reviewDecision({ t, errors, field, legend: t('study.review.decision', { number: index + 1 }), hasFindings: findings.length > 0, decision, redaction })}
<button class="utrecht-button utrecht-button--primary-action" type="submit">${t('review.save')}<span class="ks-visually-hidden">: ${t('study.review.passage', { number })}</span></button>
</form></section>`;
  })}`;
}
