import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { FieldworkTables } from './fieldwork-schema.ts';
import type { ImprovementPlanTables } from './improvement-plan-schema.ts';
import type { PublicationTables } from './publication-schema.ts';
import type { OpenAnswersTables } from './open-answers-schema.ts';
import type { WeightingTables } from './weighting-schema.ts';
import type { CouncilTables } from './council-schema.ts';
import type { HistoricRoundTables } from './historic-rounds-schema.ts';
import type { HistoryImportTables } from './history-import-schema.ts';
import type { BenchmarkTables } from './benchmark-schema.ts';
import type { QualitativeTables } from './qualitative-schema.ts';

// Kysely's view of the tables created by migrations/. Dates that are only dates are strings
// (YYYY-MM-DD) so no time zone can shift them.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export type Role = 'administrator' | 'researcher' | 'viewer' | 'council';
export type RoundStatus = 'draft' | 'fieldwork' | 'closed' | 'published';
export type Channel = 'web' | 'paper' | 'phone';

export interface SettingsTable { key: string; value: string }

export interface OrganisationsTable {
  id: string;
  slug: string;
  name: string;
  inhabitants: number | null;
  region: string | null;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_benchmark_organiser: Generated<boolean>;
  language: Generated<string>;
  created_at: Generated<Date>;
  disabled_at: Timestamp | null;
}

export interface MembershipsTable {
  organisation_id: string;
  user_id: string;
  role: Role;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  current_organisation_id: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface UserSecondFactorsTable {
  user_id: string;
  secret_sealed: string;
  confirmed_at: Timestamp | null;
  last_step: Generated<string>;
  created_at: Generated<Date>;
}

export interface SignInChallengesTable {
  id: string;
  user_id: string;
  replaces_session_id: string | null;
  failures: Generated<number>;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  organisation_id: string;
  name: string;
  role: Role;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_on: DateOnly | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  organisation_id: string | null;
  user_id: string | null;
  action: string;
  details: ColumnType<unknown, string | undefined, string>;
  at: Generated<Date>;
}

export interface QuestionnairesTable {
  id: string;
  organisation_id: string | null;
  key: string;
  title: ColumnType<Record<string, string>, string, string>;
  is_standard: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface QuestionnaireVersionsTable {
  id: string;
  questionnaire_id: string;
  organisation_id: string | null;
  version: number;
  definition: ColumnType<unknown, string, never>;
  content_hash: string;
  created_at: Generated<Date>;
}

export interface RoundsTable {
  id: string;
  organisation_id: string;
  name: string;
  year: number;
  questionnaire_version_id: string;
  source_version_id: string | null;
  disabled_modules: ColumnType<string[], string[] | undefined, string[]>;
  own_blocks: ColumnType<unknown, string | undefined, string>;
  access: Generated<'codes' | 'open'>;
  status: Generated<RoundStatus>;
  target_group: Generated<string>;
  fieldwork_start: DateOnly | null;
  fieldwork_end: DateOnly | null;
  created_at: Generated<Date>;
  purge_after_days: Generated<number>;
  purge_due_on: DateOnly | null;
  purged_at: Timestamp | null;
  /** 'council': the client council's own survey, kept out of trends and reference groups. */
  owner_kind: Generated<'organisation' | 'council'>;
}

export interface AccessCodesTable {
  id: string;
  organisation_id: string;
  round_id: string;
  code_hash: string;
  state: Generated<'unused' | 'started' | 'completed'>;
  delivered: Generated<boolean>;
  carried: JSONColumnType<Record<string, string>, string | undefined, string>;
}

export interface InviteesTable {
  id: string;
  organisation_id: string;
  round_id: string;
  initials: string | null;
  prefix: string | null;
  surname: string | null;
  street: string | null;
  house_number: string | null;
  house_number_addition: string | null;
  postcode: string | null;
  town: string | null;
  email: string | null;
  language: string | null;
  import_id: string | null;
  row_number: number | null;
  age_band: string | null;
  district: string | null;
  benefit_type: string | null;
  sampled: Generated<boolean>;
  opted_out: Generated<boolean>;
  email_bounced: Generated<boolean>;
}

export interface InviteeCodesTable {
  organisation_id: string;
  invitee_id: string;
  access_code_id: string;
  code_sealed: Generated<string>;
}

export interface ResponsesTable {
  id: string;
  organisation_id: string;
  round_id: string;
  channel: Channel;
  language: string;
  status: 'in_progress' | 'completed';
  started_on: DateOnly;
  completed_on: DateOnly | null;
  last_block: ColumnType<string | null, string | null | undefined, string | null>;
  /** Goes up with every save (migrations/0029). */
  revision: Generated<number>;
  carried: JSONColumnType<Record<string, string>, string | undefined, string>;
}

export interface ResponseSessionsTable {
  organisation_id: string;
  access_code_id: string;
  response_id: string;
}

export interface AnswersTable {
  organisation_id: string;
  round_id: string;
  response_id: string;
  item_key: string;
  option_code: Generated<string>;
  value_num: number | null;
  value_text: string | null;
  not_applicable: Generated<boolean>;
}

export interface DB extends FieldworkTables, PublicationTables, WeightingTables, OpenAnswersTables, ImprovementPlanTables, CouncilTables, HistoryImportTables, HistoricRoundTables, BenchmarkTables, QualitativeTables {
  settings: SettingsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  user_second_factors: UserSecondFactorsTable;
  sign_in_challenges: SignInChallengesTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  questionnaires: QuestionnairesTable;
  questionnaire_versions: QuestionnaireVersionsTable;
  rounds: RoundsTable;
  access_codes: AccessCodesTable;
  invitees: InviteesTable;
  invitee_codes: InviteeCodesTable;
  responses: ResponsesTable;
  response_sessions: ResponseSessionsTable;
  answers: AnswersTable;
}
