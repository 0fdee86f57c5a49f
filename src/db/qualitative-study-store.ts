// Qualitative studies, their conversations, passages and recommendations. Every query filters
// on the organisation; row-level security enforces it too.

import { sql } from 'kysely';
import type { ConversationSource, PassageReview, RecommendationStatus, StudyKind, StudyOwnerKind } from './qualitative-schema.ts';
import type { Tx } from './tenant-transaction.ts';

export interface Study {
  readonly id: string;
  readonly ownerKind: StudyOwnerKind;
  readonly kind: StudyKind;
  readonly title: string;
  readonly purpose: string;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly recruitment: string;
  readonly participants: Readonly<Record<string, number>>;
  readonly roundId: string | null;
  readonly onPublicPage: boolean;
}

export interface StudyValues extends Omit<Study, 'id' | 'ownerKind'> {}

export interface Conversation {
  readonly id: string;
  readonly number: number;
  readonly participantKind: string;
  readonly people: number;
  readonly heldOn: string | null;
  readonly source: ConversationSource;
  readonly summary: string;
}

export interface Passage {
  readonly id: string;
  readonly conversationId: string;
  readonly position: number;
  readonly text: string;
  readonly coded: boolean;
  readonly codes: readonly string[];
  readonly review: PassageReview | null;
  readonly redactedText: string | null;
}

export interface Recommendation extends RecommendationValues {
  readonly id: string;
  readonly number: number;
}

const studyColumns = [
  'id', 'owner_kind as ownerKind', 'kind', 'title', 'purpose', sql<string | null>`period_from::text`.as('periodFrom'), sql<string | null>`period_to::text`.as('periodTo'),
  'recruitment', 'participants', 'round_id as roundId', 'on_public_page as onPublicPage',
] as const;

export async function insertStudy(tx: Tx, organisationId: string, study: StudyValues & { id: string; ownerKind: StudyOwnerKind; createdBy: string | null }): Promise<void> {
  await tx.insertInto('qualitative_studies').values({
    id: study.id, organisation_id: organisationId, owner_kind: study.ownerKind, kind: study.kind, title: study.title, purpose: study.purpose,
    period_from: study.periodFrom, period_to: study.periodTo, recruitment: study.recruitment, participants: JSON.stringify(study.participants),
    round_id: study.roundId, on_public_page: study.onPublicPage, created_by: study.createdBy,
  }).execute();
}

export async function updateStudy(tx: Tx, organisationId: string, id: string, study: StudyValues): Promise<boolean> {
  const result = await tx.updateTable('qualitative_studies').set({
    kind: study.kind, title: study.title, purpose: study.purpose, period_from: study.periodFrom, period_to: study.periodTo,
    recruitment: study.recruitment, participants: JSON.stringify(study.participants), round_id: study.roundId, on_public_page: study.onPublicPage,
  }).where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteStudy(tx: Tx, organisationId: string, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('qualitative_studies').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The organisation's studies, newest first; with roundId, only those linked to that round. */
export async function listStudies(tx: Tx, organisationId: string, roundId?: string): Promise<Study[]> {
  let query = tx.selectFrom('qualitative_studies').select(studyColumns).where('organisation_id', '=', organisationId);
  if (roundId) query = query.where('round_id', '=', roundId);
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function getStudy(tx: Tx, organisationId: string, id: string): Promise<Study | undefined> {
  return tx.selectFrom('qualitative_studies').select(studyColumns).where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function conversationsOf(tx: Tx, organisationId: string, studyId: string): Promise<Conversation[]> {
  return tx.selectFrom('study_conversations')
    .select(['id', 'number', 'participant_kind as participantKind', 'people', sql<string | null>`held_on::text`.as('heldOn'), 'source', 'summary'])
    .where('organisation_id', '=', organisationId).where('study_id', '=', studyId).orderBy('number').execute();
}

export async function nextConversationNumber(tx: Tx, organisationId: string, studyId: string): Promise<number> {
  const row = await tx.selectFrom('study_conversations').select(sql<number>`coalesce(max(number), 0) + 1`.as('next'))
    .where('organisation_id', '=', organisationId).where('study_id', '=', studyId).executeTakeFirstOrThrow();
  return Number(row.next);
}

export interface ConversationValues {
  readonly participantKind: string;
  readonly people: number;
  readonly heldOn: string | null;
  readonly source: ConversationSource;
  readonly summary: string;
}

export async function insertConversation(tx: Tx, organisationId: string, studyId: string, conversation: ConversationValues & { id: string; number: number }): Promise<void> {
  await tx.insertInto('study_conversations').values({
    id: conversation.id, organisation_id: organisationId, study_id: studyId, number: conversation.number, participant_kind: conversation.participantKind,
    people: conversation.people, held_on: conversation.heldOn, source: conversation.source, summary: conversation.summary,
  }).execute();
}

export async function updateConversation(tx: Tx, organisationId: string, id: string, conversation: ConversationValues): Promise<void> {
  await tx.updateTable('study_conversations').set({
    participant_kind: conversation.participantKind, people: conversation.people, held_on: conversation.heldOn, source: conversation.source, summary: conversation.summary,
  }).where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}

export async function deleteConversation(tx: Tx, organisationId: string, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('study_conversations').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

const passageColumns = ['id', 'conversation_id as conversationId', 'position', 'text', 'coded', 'codes', 'review', 'redacted_text as redactedText'] as const;

/** The study's passages in conversation and text order. */
export async function passagesOfStudy(tx: Tx, organisationId: string, studyId: string): Promise<Passage[]> {
  return tx.selectFrom('study_passages as p').innerJoin('study_conversations as c', 'c.id', 'p.conversation_id')
    .select(passageColumns.map((c) => `p.${c}` as const))
    .where('p.organisation_id', '=', organisationId).where('p.study_id', '=', studyId)
    .orderBy('c.number').orderBy('p.position').execute();
}

/** Replaces a conversation's passages; a kept passage keeps its id, coding and review. */
export async function replacePassages(tx: Tx, organisationId: string, studyId: string, conversationId: string, passages: readonly (Omit<Passage, 'conversationId'>)[]): Promise<void> {
  await tx.deleteFrom('study_passages').where('organisation_id', '=', organisationId).where('conversation_id', '=', conversationId).execute();
  if (passages.length === 0) return;
  await tx.insertInto('study_passages').values(passages.map((p) => ({
    id: p.id, organisation_id: organisationId, study_id: studyId, conversation_id: conversationId, position: p.position, text: p.text,
    coded: p.coded, codes: [...p.codes], review: p.review, redacted_text: p.redactedText,
  }))).execute();
}

export async function setPassageCodes(tx: Tx, organisationId: string, passageId: string, codes: readonly string[], codedBy: string): Promise<boolean> {
  const result = await tx.updateTable('study_passages').set({ coded: true, codes: [...codes], coded_by: codedBy })
    .where('organisation_id', '=', organisationId).where('id', '=', passageId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setPassageReview(tx: Tx, organisationId: string, passageId: string, review: { decision: PassageReview; redactedText: string | null; reviewedBy: string; reviewedOn: string }): Promise<boolean> {
  const result = await tx.updateTable('study_passages').set({ review: review.decision, redacted_text: review.redactedText, reviewed_by: review.reviewedBy, reviewed_on: review.reviewedOn })
    .where('organisation_id', '=', organisationId).where('id', '=', passageId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

const recommendationColumns = ['id', 'number', 'text', 'code_keys as codes', 'status', 'response', 'focus_point_id as focusPointId', 'measure_id as measureId'] as const;

export async function recommendationsOf(tx: Tx, organisationId: string, studyId: string): Promise<Recommendation[]> {
  return tx.selectFrom('study_recommendations').select(recommendationColumns)
    .where('organisation_id', '=', organisationId).where('study_id', '=', studyId).orderBy('number').execute();
}

export interface RecommendationValues {
  readonly text: string;
  readonly codes: readonly string[];
  readonly status: RecommendationStatus;
  readonly response: string;
  readonly focusPointId: string | null;
  readonly measureId: string | null;
}

const recommendationRow = (r: RecommendationValues) => ({
  text: r.text, code_keys: [...r.codes], status: r.status, response: r.response, focus_point_id: r.focusPointId, measure_id: r.measureId,
});

export async function insertRecommendation(tx: Tx, organisationId: string, studyId: string, recommendation: RecommendationValues & { id: string }): Promise<void> {
  const row = await tx.selectFrom('study_recommendations').select(sql<number>`coalesce(max(number), 0) + 1`.as('next'))
    .where('organisation_id', '=', organisationId).where('study_id', '=', studyId).executeTakeFirstOrThrow();
  await tx.insertInto('study_recommendations').values({
    id: recommendation.id, organisation_id: organisationId, study_id: studyId, number: Number(row.next), ...recommendationRow(recommendation),
  }).execute();
}

export async function updateRecommendation(tx: Tx, organisationId: string, id: string, recommendation: RecommendationValues): Promise<boolean> {
  const result = await tx.updateTable('study_recommendations').set(recommendationRow(recommendation))
    .where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteRecommendation(tx: Tx, organisationId: string, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('study_recommendations').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
