import type { StudySummary, StudyWorkspace } from '../../app/qualitative/study-workspace.ts';
import { PARTICIPANT_KINDS } from '../../domain/qualitative/participant-kind.ts';
import { STUDY_KINDS, type TypedStudy } from '../../domain/qualitative/study-input.ts';
import { textField, radioField } from '../form-field.ts';
import { html, type Html } from '../html.ts';
import { formatDate, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';
import { studyChapterSection } from './study-chapter-section.ts';

// The list of studies, the study's description form, the study page (the owner's workspace, or
// the chapter alone for everyone else) and the confirmation before deleting a study.

export interface StudyCtx {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
}

const button = (href: string, text: string, kind: 'primary' | 'secondary' = 'secondary') =>
  html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${kind}-action" href="${href}">${text}</a>`;

export function studyListPage(studies: readonly StudySummary[], ctx: StudyCtx & { canStart: boolean }): Html {
  const { t } = ctx;
  return html`<h1 class="utrecht-heading-1">${t('study.list.title')}</h1>
<p class="utrecht-paragraph">${t('study.list.intro')}</p>
${ctx.canStart ? html`<p class="utrecht-paragraph">${button('/studies/new', t('study.list.new'), 'primary')}</p>` : ''}
${studies.length === 0 ? html`<p class="utrecht-paragraph">${t('study.list.none')}</p>` : html`<div class="ks-scroll" role="region" aria-label="${t('study.list.caption')}" tabindex="0">
<table class="utrecht-table"><caption class="utrecht-table__caption">${t('study.list.caption')}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('study.list.col.title')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('study.list.col.kind')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('study.list.col.owner')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('study.list.col.conversations')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('study.list.col.progress')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${studies.map((s) => html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="/studies/${s.id}">${s.title}</a></th>
<td class="utrecht-table__cell">${t(`study.kind.${s.kind}`)}</td>
<td class="utrecht-table__cell">${t(`study.owner.${s.ownerKind}`)}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${s.conversations}</td>
<td class="utrecht-table__cell">${t('study.list.progress', { coded: s.coded, reviewed: s.reviewed, passages: s.passages })}</td>
</tr>`)}</tbody></table></div>`}`;
}

export function typedStudyOf(study: StudyWorkspace['study'] | undefined): TypedStudy {
  return {
    kind: study?.kind ?? 'interviews', title: study?.title ?? '', purpose: study?.purpose ?? '',
    periodFrom: study?.periodFrom ?? '', periodTo: study?.periodTo ?? '', recruitment: study?.recruitment ?? '',
    participants: Object.fromEntries(Object.entries(study?.participants ?? {}).map(([k, v]) => [k, String(v)])),
    roundId: study?.roundId ?? '', onPublicPage: study?.onPublicPage ?? false,
  };
}

export function studyForm(values: TypedStudy, ctx: StudyCtx & { action: string; cancel: string; title: string; rounds: StudyWorkspace['rounds'] }): Html {
  const { t, errors } = ctx;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${ctx.cancel}">← ${t(ctx.cancel === '/studies' ? 'study.backToList' : 'study.back')}</a></p>
<h1 class="utrecht-heading-1">${ctx.title}</h1>
${errorSummary(t, errors)}
<form method="post" action="${ctx.action}" novalidate>
${csrfField(ctx.csrfToken)}
${radioField(errors, 'kind', t('study.form.kind'), STUDY_KINDS.map((kind) => ({ value: kind, label: t(`study.kind.${kind}`) })), values.kind)}
${textField(errors, 'title', t('study.form.title'), values.title, { width: 'ks-width-l' })}
${textField(errors, 'purpose', t('study.form.purpose'), values.purpose, { hint: t('study.form.purpose.hint'), rows: 4 })}
${textField(errors, 'periodFrom', t('study.form.periodFrom'), values.periodFrom, { width: 'ks-width-s' })}
${textField(errors, 'periodTo', t('study.form.periodTo'), values.periodTo, { width: 'ks-width-s' })}
<fieldset class="utrecht-form-fieldset" id="participants" ${describedBy(errors, 'participants', true)}>
<legend class="utrecht-form-fieldset__legend">${t('study.form.participants')}</legend>
<p class="utrecht-form-field-description" id="participants-hint">${t('study.form.participants.hint')}</p>
${fieldError(errors, 'participants')}
<div class="ks-participant-counts">${PARTICIPANT_KINDS.map((kind) => html`<div class="utrecht-form-field">
<label class="utrecht-form-label" for="participants-${kind}">${t(`study.participant.${kind}`)}</label>
<input class="utrecht-textbox utrecht-textbox--html-input ks-width-xs" id="participants-${kind}" name="participants-${kind}" inputmode="numeric" value="${values.participants[kind] ?? ''}" ${invalid(errors, 'participants')}></div>`)}</div>
</fieldset>
${textField(errors, 'recruitment', t('study.form.recruitment'), values.recruitment, { hint: t('study.form.recruitment.hint'), rows: 3 })}
<div class="utrecht-form-field">
<label class="utrecht-form-label" for="roundId">${t('study.form.round')}</label>
<p class="utrecht-form-field-description" id="roundId-hint">${t('study.form.round.hint')}</p>
${fieldError(errors, 'roundId')}
<select class="utrecht-select utrecht-select--html-select" id="roundId" name="roundId" ${describedBy(errors, 'roundId', true)} ${invalid(errors, 'roundId')}>
<option value="">${t('study.form.round.none')}</option>
${ctx.rounds.map((r) => html`<option value="${r.id}" ${r.id === values.roundId ? 'selected' : ''}>${r.name} (${r.year})</option>`)}
</select></div>
<div class="utrecht-form-field utrecht-form-field--checkbox">
<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="onPublicPage" name="onPublicPage" value="yes" ${values.onPublicPage ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--checkbox" for="onPublicPage">${t('study.form.public')}</label></div>
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('study.form.save')}</button>
${button(ctx.cancel, t('study.form.cancel'))}</div>
</form>`;
}

function conversationTable(workspace: StudyWorkspace, ctx: StudyCtx): Html {
  const { t, language } = ctx;
  const { study, conversations, passages } = workspace;
  if (conversations.length === 0) return html`<p class="utrecht-paragraph">${t('study.conversations.none')}</p>`;
  return html`<div class="ks-scroll" role="region" aria-label="${t('study.conversations.caption')}" tabindex="0">
<table class="utrecht-table"><caption class="utrecht-table__caption">${t('study.conversations.caption')}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('study.conversations.col.number')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('study.conversations.col.kind')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('study.conversations.col.date')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('study.conversations.col.passages')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('study.conversations.col.coded')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('study.conversations.col.reviewed')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${conversations.map((c) => {
    const own = passages.filter((p) => p.conversationId === c.id);
    const kind = t(`study.one.${c.participantKind as 'client'}`);
    return html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="/studies/${study.id}/conversations/${c.id}" aria-label="${t('study.conversation.edit', { number: c.number })}">${c.number}</a></th>
<td class="utrecht-table__cell">${c.people > 1 ? t('study.conversations.people', { kind, people: c.people }) : kind}</td>
<td class="utrecht-table__cell">${c.heldOn ? formatDate(language, c.heldOn) : '–'}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${own.length}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${own.filter((p) => p.coded).length}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${own.filter((p) => p.review).length}</td></tr>`;
  })}</tbody></table></div>`;
}

function recommendationList(workspace: StudyWorkspace, ctx: StudyCtx): Html {
  const { t } = ctx;
  const base = `/studies/${workspace.study.id}/recommendations`;
  return html`${workspace.recommendations.length === 0 ? html`<p class="utrecht-paragraph">${t('study.recommendations.none')}</p>` : html`<ul class="utrecht-unordered-list">
${workspace.recommendations.map((r) => html`<li class="utrecht-unordered-list__item"><strong>${t('study.recommendation.number', { number: r.number })}</strong>: ${r.text.length > 140 ? `${r.text.slice(0, 140)}…` : r.text}
<span class="ks-muted">(${t(`study.recommendation.status.${r.status}`)})</span>
<a class="utrecht-link" href="${base}/${r.id}">${t('study.recommendation.edit', { number: r.number })}</a></li>`)}</ul>`}
<p class="utrecht-paragraph">${button(`${base}/new`, t('study.recommendation.add'))}</p>`;
}

/** The owner's workspace: conversations, coding and review, recommendations, then the chapter. */
export function studyPage(workspace: StudyWorkspace, ctx: StudyCtx & { researcher: boolean }): Html {
  const { t, language } = ctx;
  const { study, chapter } = workspace;
  const chapterHtml = studyChapterSection(chapter, { t, language, level: 2 });
  const top = html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/studies">← ${t('study.backToList')}</a></p>
<h1 class="utrecht-heading-1">${study.title}</h1>
<p class="utrecht-paragraph"><span class="utrecht-status-badge">${t(`study.owner.${study.ownerKind}`)}</span> ${t(`study.kind.${study.kind}`)}</p>`;
  if (!ctx.researcher) {
    return html`${top}<p class="utrecht-paragraph">${t('study.readOnly', { owner: t(study.ownerKind === 'council' ? 'study.readOnly.council' : 'study.readOnly.organisation') })}</p>${chapterHtml}`;
  }
  const coded = workspace.passages.filter((p) => p.coded).length;
  return html`${top}
<div class="utrecht-button-group">${button(`/studies/${study.id}/edit`, t('study.edit'))}${button(`/studies/${study.id}/delete`, t('study.delete'))}</div>
<h2 class="utrecht-heading-2">${t('study.conversations')}</h2>
${conversationTable(workspace, ctx)}
<div class="utrecht-button-group">${button(`/studies/${study.id}/conversations/new`, t('study.conversation.add'), 'primary')}
${workspace.passages.length ? html`${button(`/studies/${study.id}/code`, t('study.coding'))}${button(`/studies/${study.id}/review`, t('study.review'))}` : ''}</div>
${workspace.passages.length ? html`<p class="utrecht-paragraph">${t('study.coding.progress', { coded, total: workspace.passages.length })}</p>` : ''}
<h2 class="utrecht-heading-2">${t('study.recommendations')}</h2>
${recommendationList(workspace, ctx)}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/studies/${study.id}/passages.csv" download>${t('study.export')}</a></p>
<h2 class="utrecht-heading-2 ks-study-preview-title">${t('study.chapter.preview')}</h2>
<div class="ks-study-preview">${studyChapterSection(chapter, { t, language, level: 3 })}</div>`;
}

export function confirmPage(ctx: StudyCtx & { title: string; text: string; action: string; confirm: string; cancel: string }): Html {
  const { t } = ctx;
  return html`<h1 class="utrecht-heading-1">${ctx.title}</h1>
<p class="utrecht-paragraph">${ctx.text}</p>
<form method="post" action="${ctx.action}">${csrfField(ctx.csrfToken)}
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${ctx.confirm}</button>
${button(ctx.cancel, t('study.form.cancel'))}</div></form>`;
}
