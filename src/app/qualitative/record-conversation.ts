import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  conversationsOf, deleteConversation, insertConversation, nextConversationNumber, passagesOfStudy, replacePassages, updateConversation, type Passage,
} from '../../db/qualitative-study-store.ts';
import type { ConversationSource } from '../../db/qualitative-schema.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { checkConversation, type ConversationInput, type ConversationProblem, type TypedConversation } from '../../domain/qualitative/conversation-input.ts';
import { documentText, type DocumentRefusal } from '../../domain/qualitative/document-text.ts';
import { carryOver, passagesOf } from '../../domain/qualitative/passages-of.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { studyToChange, type StudyAccessError, type StudyActor } from './study-actor.ts';

// Recording a conversation: its summary typed, or uploaded as plain text, .docx or .odt (turned
// into text). The summary is split into passages (paragraphs) for coding; editing it keeps the
// coding and review of every paragraph that did not change. A refused upload changes nothing.

export interface UploadedSummary {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export type ConversationChangeError =
  | StudyAccessError
  | { readonly kind: 'invalid'; readonly problems: readonly ConversationProblem[] }
  | { readonly kind: 'file'; readonly refusal: DocumentRefusal };

function sourceOf(fileName: string): ConversationSource {
  const extension = fileName.toLowerCase().split('.').pop();
  return extension === 'docx' ? 'docx' : extension === 'odt' ? 'odt' : 'txt';
}

/** The checked conversation with its source; the upload, when there is one, replaces the typed summary. */
function readInput(typed: TypedConversation, upload: UploadedSummary | undefined): Result<{ input: ConversationInput; source: ConversationSource }, ConversationChangeError> {
  let summary = typed.summary;
  let source: ConversationSource = 'typed';
  if (upload && upload.bytes.length > 0) {
    const text = documentText(upload.bytes, upload.fileName);
    if (!text.ok) return err({ kind: 'file', refusal: text.error });
    summary = text.value;
    source = sourceOf(upload.fileName);
  }
  const checked = checkConversation({ ...typed, summary });
  return checked.ok ? ok({ input: checked.value, source }) : err({ kind: 'invalid', problems: checked.error });
}

async function writePassages(tx: Tx, organisationId: string, studyId: string, conversationId: string, summary: string, earlier: readonly Passage[]): Promise<void> {
  const kept = carryOver(earlier, passagesOf(summary));
  await replacePassages(tx, organisationId, studyId, conversationId, kept.map(({ text, earlier: before }, position) => ({
    id: before?.id ?? randomUUID(), position, text,
    coded: before?.coded ?? false, codes: before?.codes ?? [], review: before?.review ?? null, redactedText: before?.redactedText ?? null,
  })));
}

export async function addConversation(db: Kysely<DB>, actor: StudyActor, studyId: string, typed: TypedConversation, upload?: UploadedSummary): Promise<Result<string, ConversationChangeError>> {
  const found = await studyToChange(db, actor, studyId);
  if (!found.ok) return err(found.error);
  const read = readInput(typed, upload);
  if (!read.ok) return read;
  const id = randomUUID();
  await withTenant(db, actor.organisationId, async (tx) => {
    const number = await nextConversationNumber(tx, actor.organisationId, studyId);
    await insertConversation(tx, actor.organisationId, studyId, { id, number, source: read.value.source, ...read.value.input });
    await writePassages(tx, actor.organisationId, studyId, id, read.value.input.summary, []);
  });
  return ok(id);
}

export async function editConversation(db: Kysely<DB>, actor: StudyActor, studyId: string, conversationId: string, typed: TypedConversation, upload?: UploadedSummary): Promise<Result<void, ConversationChangeError>> {
  const found = await studyToChange(db, actor, studyId);
  if (!found.ok) return err(found.error);
  const exists = await withTenant(db, actor.organisationId, async (tx) => (await conversationsOf(tx, actor.organisationId, studyId)).some((c) => c.id === conversationId));
  if (!exists) return err('not-found');
  const read = readInput(typed, upload);
  if (!read.ok) return read;
  await withTenant(db, actor.organisationId, async (tx) => {
    const earlier = (await passagesOfStudy(tx, actor.organisationId, studyId)).filter((p) => p.conversationId === conversationId);
    await updateConversation(tx, actor.organisationId, conversationId, { source: read.value.source, ...read.value.input });
    await writePassages(tx, actor.organisationId, studyId, conversationId, read.value.input.summary, earlier);
  });
  return ok(undefined);
}

export async function removeConversation(db: Kysely<DB>, actor: StudyActor, studyId: string, conversationId: string): Promise<Result<void, StudyAccessError>> {
  const found = await studyToChange(db, actor, studyId);
  if (!found.ok) return err(found.error);
  const removed = await withTenant(db, actor.organisationId, async (tx) => {
    const conversations = await conversationsOf(tx, actor.organisationId, studyId);
    return conversations.some((c) => c.id === conversationId) && deleteConversation(tx, actor.organisationId, conversationId);
  });
  return removed ? ok(undefined) : err('not-found');
}
