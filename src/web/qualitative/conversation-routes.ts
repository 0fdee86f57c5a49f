import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { addConversation, editConversation, removeConversation, type ConversationChangeError, type UploadedSummary } from '../../app/qualitative/record-conversation.ts';
import { studyWorkspace, type StudyWorkspace } from '../../app/qualitative/study-workspace.ts';
import type { DB } from '../../db/schema.ts';
import type { ConversationProblem, TypedConversation } from '../../domain/qualitative/conversation-input.ts';
import { describeDocumentRefusal, DOCUMENT_LIMITS } from '../../domain/qualitative/document-text.ts';
import { passagesOf } from '../../domain/qualitative/passages-of.ts';
import { acceptUploads, uploadedFile } from '../accept-uploads.ts';
import { requireRole, STAFF, type Member } from '../guards.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import type { FieldError } from '../layout.ts';
import { conversationForm, typedConversationOf } from './conversation-pages.ts';
import { confirmPage } from './study-pages.ts';
import { actorOf, idParam, refuse, sendPage, text, studyOfOwner } from './study-web.ts';

// Conversations of a study: added and changed by the study's owner, typed or uploaded. Only
// these routes accept uploads (multipart is registered in this plugin).

const PROBLEM_MESSAGES: Record<string, MessageKey> = {
  'participantKind:required': 'study.error.participantKind', 'people:invalid': 'study.error.people', 'heldOn:invalid': 'study.error.heldOn',
  'summary:required': 'study.error.summary', 'summary:too-long': 'study.error.summaryTooLong', 'summary:too-many-passages': 'study.error.tooManyPassages',
};

function typedConversation(body: Record<string, unknown>): TypedConversation {
  return { participantKind: text(body.participantKind), people: text(body.people), heldOn: text(body.heldOn), summary: text(body.summary) };
}

function uploadOf(body: Record<string, unknown>): UploadedSummary | undefined {
  const file = uploadedFile(body, 'file');
  return file && { fileName: file.filename, bytes: file.bytes };
}

export async function conversationRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;
  const showForm = (request: FastifyRequest, reply: FastifyReply, member: Member, workspace: StudyWorkspace, values: TypedConversation, conversationId: string | undefined, errors: FieldError[] = []) => {
    const { t, language, csrfToken } = request.ctx;
    const editing = workspace.conversations.find((c) => c.id === conversationId);
    const title = editing ? t('study.conversation.editTitle', { number: editing.number, title: workspace.study.title }) : t('study.conversation.newTitle', { title: workspace.study.title });
    const base = `/studies/${workspace.study.id}/conversations`;
    const action = editing ? `${base}/${editing.id}` : `${base}/new`;
    const body = conversationForm(values, { t, language, csrfToken, errors, studyId: workspace.study.id, title, action, ...(editing ? { editing } : {}) });
    return sendPage(request, reply, member, title, body, { status: errors.length ? 400 : 200, path: action });
  };

  const errorsOf = (request: FastifyRequest, error: Exclude<ConversationChangeError, string>): FieldError[] => {
    const { t, language } = request.ctx;
    if (error.kind === 'file') return [{ field: 'file', message: describeDocumentRefusal(error.refusal, language) }];
    return error.problems.map((p: ConversationProblem) => ({ field: p.field, message: t(PROBLEM_MESSAGES[`${p.field}:${p.code}`] ?? 'study.error.summary') }));
  };

  await acceptUploads(app, { fileBytes: DOCUMENT_LIMITS.inputBytes, fields: 10, fieldBytes: 1_000_000 }, async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return reply;
    return showForm(request, reply, owned.member, owned.workspace, typedConversationOf(undefined), idParam(request, 'conversationId'), [{ field: 'file', message: request.ctx.t('study.error.tooLarge') }]);
  });

  const saved = (studyId: string, summary: string) => `/studies/${studyId}?done=conversation-saved&count=${passagesOf(summary).length}`;

  app.get('/studies/:id/conversations/new', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    return showForm(request, reply, member, workspace, typedConversationOf(undefined), undefined);
  });

  app.post('/studies/:id/conversations/new', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = typedConversation(body);
    const added = await addConversation(db, actorOf(member), workspace.study.id, values, uploadOf(body));
    if (added.ok) {
      const after = await studyWorkspace(db, member.membership.organisationId, workspace.study.id);
      return reply.redirect(saved(workspace.study.id, after?.conversations.find((c) => c.id === added.value)?.summary ?? ''), 303);
    }
    return typeof added.error === 'string' ? refuse(request, reply, added.error) : showForm(request, reply, member, workspace, values, undefined, errorsOf(request, added.error));
  });

  app.get('/studies/:id/conversations/:conversationId', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    const conversation = workspace.conversations.find((c) => c.id === idParam(request, 'conversationId'));
    if (!conversation) return reply.callNotFound();
    return showForm(request, reply, member, workspace, typedConversationOf(conversation), conversation.id);
  });

  app.post('/studies/:id/conversations/:conversationId', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    const conversationId = idParam(request, 'conversationId');
    if (!conversationId || !workspace.conversations.some((c) => c.id === conversationId)) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = typedConversation(body);
    const upload = uploadOf(body);
    const edited = await editConversation(db, actorOf(member), workspace.study.id, conversationId, values, upload);
    if (edited.ok) {
      const after = await studyWorkspace(db, member.membership.organisationId, workspace.study.id);
      return reply.redirect(saved(workspace.study.id, after?.conversations.find((c) => c.id === conversationId)?.summary ?? ''), 303);
    }
    return typeof edited.error === 'string' ? refuse(request, reply, edited.error) : showForm(request, reply, member, workspace, values, conversationId, errorsOf(request, edited.error));
  });

  app.get('/studies/:id/conversations/:conversationId/delete', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    const conversation = workspace.conversations.find((c) => c.id === idParam(request, 'conversationId'));
    if (!conversation) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const title = t('study.conversation.delete.title', { number: conversation.number });
    const base = `/studies/${workspace.study.id}/conversations/${conversation.id}`;
    return sendPage(request, reply, member, title, confirmPage({
      t, language, csrfToken, errors: [], title, text: t('study.conversation.delete.text', { number: conversation.number }),
      action: `${base}/delete`, confirm: t('study.conversation.delete.confirm'), cancel: base,
    }));
  });

  app.post('/studies/:id/conversations/:conversationId/delete', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = idParam(request, 'id');
    const conversationId = idParam(request, 'conversationId');
    if (!id || !conversationId) return reply.callNotFound();
    const removed = await removeConversation(db, actorOf(member), id, conversationId);
    return removed.ok ? reply.redirect(`/studies/${id}?done=conversation-deleted`, 303) : refuse(request, reply, removed.error);
  });
}
