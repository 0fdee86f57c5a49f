import type { Label, StudyChapter } from '../../domain/qualitative/study-chapter.ts';
import { html, type Html } from '../html.ts';
import { formatDate, type Language, type Translate } from '../i18n/translate.ts';
import { formatPercent } from '../research/item-report-format.ts';

// The chapter of a qualitative study, as printed on the study page, in the round report, in its
// PDF and on the public page. The caveat on representativeness is always printed: the template
// has no way to leave it out.

export interface ChapterCtx {
  readonly t: Translate;
  readonly language: Language;
  /** The chapter heading's level: 2 on a page of its own, 3 inside a report section. */
  readonly level: 2 | 3;
}

const labelIn = (label: Label, language: Language) => (language === 'en' ? label.en : label.nl);

function heading(level: 2 | 3, text: string, id?: string): Html {
  return level === 2
    ? html`<h3 class="utrecht-heading-3" ${id ? html`id="${id}"` : ''}>${text}</h3>`
    : html`<h4 class="utrecht-heading-4" ${id ? html`id="${id}"` : ''}>${text}</h4>`;
}

function paragraphs(text: string): Html {
  return html`${text.split(/\n{2,}/).filter((p) => p.trim()).map((p) => html`<p class="utrecht-paragraph">${p}</p>`)}`;
}

function method(chapter: StudyChapter, ctx: ChapterCtx): Html {
  const { t, language } = ctx;
  const period = chapter.periodFrom && chapter.periodTo
    ? t('study.chapter.periodRange', { from: formatDate(language, chapter.periodFrom), to: formatDate(language, chapter.periodTo) })
    : chapter.periodFrom ? formatDate(language, chapter.periodFrom) : chapter.periodTo ? formatDate(language, chapter.periodTo) : '';
  const owner = t(chapter.owner === 'council' ? 'study.chapter.ownerCouncil' : 'study.chapter.ownerOrganisation');
  return html`${heading(ctx.level, t('study.chapter.method'))}
<p class="utrecht-paragraph">${t('study.chapter.kindOwner', { kind: t(`study.kind.${chapter.kind}`), owner })}</p>
<dl class="ks-study-facts">
<dt>${t('study.chapter.purpose')}</dt><dd>${paragraphs(chapter.purpose)}</dd>
${period ? html`<dt>${t('study.chapter.period')}</dt><dd>${period}</dd>` : ''}
<dt>${t('study.chapter.participants')}</dt><dd>${chapter.participants.map((p) => `${t(`study.participant.${p.kind}`)}: ${p.count}`).join(' · ')}</dd>
<dt>${t('study.chapter.recruitment')}</dt><dd>${paragraphs(chapter.recruitment)}</dd>
<dt>${t('study.chapter.conversations')}</dt><dd>${t('study.chapter.conversationCount', { count: chapter.conversations, coded: chapter.codedConversations })}</dd>
</dl>
<div class="utrecht-alert utrecht-alert--warning ks-study-caveat" role="note"><p class="utrecht-paragraph">${t('study.chapter.caveat')}</p></div>`;
}

function themes(chapter: StudyChapter, ctx: ChapterCtx): Html {
  const { t, language } = ctx;
  if (chapter.themes.length === 0) return html`${heading(ctx.level, t('study.chapter.themes'))}<p class="utrecht-paragraph">${t('study.chapter.themes.none')}</p>`;
  const questions = chapter.surveyQuestions;
  const year = chapter.surveyRound?.year ?? '';
  return html`${heading(ctx.level, t('study.chapter.themes'))}
<div class="ks-scroll" role="region" aria-label="${t('study.chapter.themes.caption')}" tabindex="0">
<table class="utrecht-table ks-study-themes">
<caption class="utrecht-table__caption">${t('study.chapter.themes.caption')}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('study.chapter.col.theme')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('study.chapter.col.conversations')}</th>
${questions.map((q) => html`<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('study.chapter.col.survey', { year, question: labelIn(q.text, language) })}</th>`)}
</tr></thead>
<tbody class="utrecht-table__body">${chapter.themes.map((theme) => html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${labelIn(theme.label, language)}</th>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${t('study.chapter.conversationsOf', { count: theme.conversations, total: chapter.conversations })}</td>
${questions.map((q) => {
    const share = theme.survey.find((s) => s.itemKey === q.itemKey);
    return html`<td class="utrecht-table__cell utrecht-table__cell--numeric">${share ? html`${t('study.chapter.surveyShare', { percent: formatPercent(language, share.share.share), base: share.share.n })}${share.indicative ? html` <span class="ks-muted">${t('study.chapter.indicative')}</span>` : ''}` : '–'}</td>`;
  })}
</tr>`)}</tbody></table></div>
${questions.length ? html`<p class="utrecht-paragraph ks-muted">${t('study.chapter.surveyNote')}</p>` : ''}
${chapter.themes.some((theme) => theme.quotes.length) ? html`${heading(ctx.level, t('study.chapter.quotes'))}
${chapter.themes.filter((theme) => theme.quotes.length).map((theme) => html`<section class="ks-study-quotes" aria-label="${t('study.chapter.quotesFor', { theme: labelIn(theme.label, language) })}">
<p class="utrecht-paragraph"><strong>${labelIn(theme.label, language)}</strong></p>
${theme.quotes.map((quote) => html`<blockquote class="ks-quote">${quote}</blockquote>`)}</section>`)}` : ''}`;
}

function recommendations(chapter: StudyChapter, ctx: ChapterCtx): Html {
  const { t, language } = ctx;
  return html`${heading(ctx.level, t('study.chapter.recommendations'))}
${chapter.recommendations.length === 0 ? html`<p class="utrecht-paragraph">${t('study.chapter.none')}</p>` : html`<ol class="ks-study-recommendations">
${chapter.recommendations.map((r) => html`<li value="${r.number}">
${paragraphs(r.text)}
${r.themes.length ? html`<p class="utrecht-paragraph ks-muted">${t('study.chapter.recommendation.themes', { themes: r.themes.map((l) => labelIn(l, language)).join(', ') })}</p>` : ''}
<p class="utrecht-paragraph"><strong>${t(`study.recommendation.status.${r.status}`)}</strong></p>
${r.plan ? html`<p class="utrecht-paragraph">${t('study.chapter.recommendation.plan', { focus: r.plan.focusPoint })}</p>` : ''}
${r.plan?.measure ? html`<p class="utrecht-paragraph">${t('study.chapter.recommendation.measure', {
    description: r.plan.measure.description,
    owner: r.plan.measure.owner || t('study.chapter.recommendation.noOwner'),
    date: r.plan.measure.targetDate ? formatDate(language, r.plan.measure.targetDate) : t('study.chapter.recommendation.noDate'),
    status: t(`plan.status.${r.plan.measure.status}`),
  })}</p>` : ''}
${r.response ? paragraphs(r.response) : ''}
</li>`)}</ol>`}`;
}

/** The chapters of the studies beside a round, under one heading; nothing when there are none. */
export function studiesSection(chapters: readonly StudyChapter[], ctx: Omit<ChapterCtx, 'level'>): Html | '' {
  if (chapters.length === 0) return '';
  return html`<section class="ks-studies" aria-labelledby="studies-heading">
<h2 class="utrecht-heading-2" id="studies-heading">${ctx.t('study.list.title')}</h2>
${chapters.map((chapter) => studyChapterSection(chapter, { ...ctx, level: 3 }))}
</section>`;
}

/** The chapter; headingId lets a page link to it. */
export function studyChapterSection(chapter: StudyChapter, ctx: ChapterCtx, headingId = `study-${chapter.studyId}`): Html {
  const title = ctx.t('study.chapter.heading', { title: chapter.title });
  return html`<section class="ks-study-chapter" aria-labelledby="${headingId}">
${ctx.level === 2 ? html`<h2 class="utrecht-heading-2" id="${headingId}">${title}</h2>` : html`<h3 class="utrecht-heading-3" id="${headingId}">${title}</h3>`}
${method(chapter, ctx)}
${themes(chapter, ctx)}
${recommendations(chapter, ctx)}
</section>`;
}
