import type { ColumnType, Generated, JSONColumnType } from 'kysely';

// Kysely's view of the tables created by migrations/0027-qualitative-studies.ts.

type DateOnly = ColumnType<string | null, string | null | undefined, string | null>;

export type StudyOwnerKind = 'organisation' | 'council';
export type StudyKind = 'interviews' | 'group-conversations';
export type PassageReview = 'approved' | 'redacted' | 'excluded';
export type RecommendationStatus = 'open' | 'adopted' | 'not-adopted';
export type ConversationSource = 'typed' | 'txt' | 'docx' | 'odt';

export interface QualitativeStudiesTable {
  id: string;
  organisation_id: string;
  owner_kind: StudyOwnerKind;
  kind: StudyKind;
  title: string;
  purpose: Generated<string>;
  period_from: DateOnly;
  period_to: DateOnly;
  recruitment: Generated<string>;
  /** Participant kind → number of people spoken to. */
  participants: JSONColumnType<Record<string, number>, string, string>;
  round_id: string | null;
  on_public_page: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface StudyConversationsTable {
  id: string;
  organisation_id: string;
  study_id: string;
  number: number;
  participant_kind: string;
  people: Generated<number>;
  held_on: DateOnly;
  source: ConversationSource;
  summary: string;
  created_at: Generated<Date>;
}

export interface StudyPassagesTable {
  id: string;
  organisation_id: string;
  study_id: string;
  conversation_id: string;
  position: number;
  text: string;
  coded: Generated<boolean>;
  codes: ColumnType<string[], string[] | undefined, string[]>;
  coded_by: string | null;
  review: PassageReview | null;
  redacted_text: string | null;
  reviewed_by: string | null;
  reviewed_on: DateOnly;
}

export interface StudyRecommendationsTable {
  id: string;
  organisation_id: string;
  study_id: string;
  number: number;
  text: string;
  code_keys: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<RecommendationStatus, RecommendationStatus | undefined, RecommendationStatus>;
  response: Generated<string>;
  focus_point_id: string | null;
  measure_id: string | null;
}

export interface QualitativeTables {
  qualitative_studies: QualitativeStudiesTable;
  study_conversations: StudyConversationsTable;
  study_passages: StudyPassagesTable;
  study_recommendations: StudyRecommendationsTable;
}
