import type { Conversation } from '../../db/qualitative-study-store.ts';
import type { TypedConversation } from '../../domain/qualitative/conversation-input.ts';
import { PARTICIPANT_KINDS } from '../../domain/qualitative/participant-kind.ts';
import { radioField, textField } from '../form-field.ts';
import { html, type Html } from '../html.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid } from '../layout.ts';
import type { StudyCtx } from './study-pages.ts';

// The form of one conversation: who it was with (a kind, never a name), how many people, when,
// and the summary typed or uploaded.

export function typedConversationOf(conversation: Conversation | undefined): TypedConversation {
  return {
    participantKind: conversation?.participantKind ?? '', people: String(conversation?.people ?? 1),
    heldOn: conversation?.heldOn ?? '', summary: conversation?.summary ?? '',
  };
}

export function conversationForm(values: TypedConversation, ctx: StudyCtx & { studyId: string; title: string; action: string; editing?: Conversation }): Html {
  const { t, errors } = ctx;
  const back = `/studies/${ctx.studyId}`;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${back}">← ${t('study.back')}</a></p>
<h1 class="utrecht-heading-1">${ctx.title}</h1>
${errorSummary(t, errors)}
${ctx.editing ? html`<p class="utrecht-paragraph">${t('study.conversation.editHint')}</p>` : ''}
<form method="post" action="${ctx.action}" enctype="multipart/form-data" novalidate>
${csrfField(ctx.csrfToken)}
${radioField(errors, 'participantKind', t('study.conversation.kind'), PARTICIPANT_KINDS.map((kind) => ({ value: kind, label: t(`study.one.${kind}`) })), values.participantKind)}
${textField(errors, 'people', t('study.conversation.people'), values.people, { hint: t('study.conversation.people.hint'), width: 'ks-width-xs', inputmode: 'numeric' })}
${textField(errors, 'heldOn', t('study.conversation.heldOn'), values.heldOn, { width: 'ks-width-s' })}
${textField(errors, 'summary', t('study.conversation.summary'), values.summary, { hint: t('study.conversation.summary.hint'), rows: 14 })}
<div class="utrecht-form-field ${errors.some((e) => e.field === 'file') ? 'utrecht-form-field--invalid' : ''}">
<label class="utrecht-form-label" for="file">${t('study.conversation.file')}</label>
<p class="utrecht-form-field-description" id="file-hint">${t('study.conversation.file.hint')}</p>
${fieldError(errors, 'file')}
<input class="utrecht-textbox utrecht-textbox--html-input" type="file" id="file" name="file" accept=".txt,.docx,.odt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text" ${describedBy(errors, 'file', true)} ${invalid(errors, 'file')}>
</div>
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('study.conversation.save')}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${back}">${t('study.form.cancel')}</a>
${ctx.editing ? html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${back}/conversations/${ctx.editing.id}/delete">${t('study.conversation.delete')}</a>` : ''}</div>
</form>`;
}
