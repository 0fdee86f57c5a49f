import type { ColumnType, Generated, JSONColumnType } from 'kysely';

// Kysely's view of the tables created by migrations/0004-fieldwork.ts.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type TemplateKind = 'email-invitation' | 'email-reminder' | 'letter-invitation' | 'letter-reminder';

/** Field names an address-file column can be mapped to. */
export type AddressField =
  | 'initials' | 'prefix' | 'surname' | 'street' | 'house_number' | 'house_number_addition'
  | 'postcode' | 'town' | 'email' | 'language' | 'age_band' | 'district' | 'benefit_type';

export interface AddressImportsTable {
  id: string;
  organisation_id: string;
  round_id: string;
  file_name: string;
  byte_size: number;
  file: Buffer | null;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  mapping: JSONColumnType<Record<string, AddressField> | null, string | null, string | null>;
  status: Generated<'uploaded' | 'imported' | 'discarded'>;
  rows_total: number | null;
  rows_valid: number | null;
  rows_invalid: number | null;
  skipped_invalid: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  imported_at: Timestamp | null;
}

export interface AddressMappingsTable {
  organisation_id: string;
  mapping: JSONColumnType<Record<string, AddressField>>;
  updated_at: Generated<Date>;
}

export interface RoundSamplesTable {
  organisation_id: string;
  round_id: string;
  method: 'all' | 'simple' | 'stratified';
  stratify_by: string | null;
  seed: string;
  population: number;
  size: number;
  carried: ColumnType<string[], string[] | undefined, string[]>;
  drawn_by: string | null;
  drawn_at: Generated<Date>;
}

export interface JobsTable {
  id: string;
  organisation_id: string;
  round_id: string | null;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<JobStatus>;
  progress: Generated<number>;
  total: number | null;
  message: string | null;
  result: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  attempts: Generated<number>;
  run_after: Generated<Date>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface JobFilesTable {
  id: string;
  organisation_id: string;
  job_id: string;
  part: Generated<number>;
  name: string;
  content_type: string;
  bytes: Buffer;
  created_at: Generated<Date>;
}

export interface SmtpSettingsTable {
  organisation_id: string;
  host: string;
  port: number;
  security: Generated<'tls' | 'starttls' | 'none'>;
  username: string | null;
  password_sealed: string | null;
  from_address: string;
  from_name: Generated<string>;
  reply_to: string | null;
  per_minute: Generated<number>;
  updated_at: Generated<Date>;
}

export interface MessageTemplatesTable {
  organisation_id: string;
  round_id: string;
  kind: TemplateKind;
  language: string;
  subject: Generated<string>;
  body: string;
  updated_at: Generated<Date>;
}

export interface EmailMessagesTable {
  id: string;
  organisation_id: string;
  round_id: string;
  invitee_id: string | null;
  job_id: string | null;
  kind: 'invitation' | 'reminder';
  reminder_number: Generated<number>;
  status: Generated<'intended' | 'sent' | 'failed' | 'bounced'>;
  error: string | null;
  intended_at: Generated<Date>;
  sent_at: Timestamp | null;
  sent_on: DateOnly | null;
}

export interface LetterSettingsTable {
  organisation_id: string;
  round_id: string;
  sender_name: Generated<string>;
  return_address: Generated<string>;
  signer_name: Generated<string>;
  signer_title: Generated<string>;
  logo_data_url: string | null;
  signature_data_url: string | null;
  attach_questionnaire: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface LetterMailingsTable {
  id: string;
  organisation_id: string;
  round_id: string;
  job_id: string | null;
  kind: 'invitation' | 'reminder';
  reminder_number: Generated<number>;
  letters: number;
  created_on: Generated<string>;
}

export interface FieldworkTables {
  address_imports: AddressImportsTable;
  address_mappings: AddressMappingsTable;
  round_samples: RoundSamplesTable;
  jobs: JobsTable;
  job_files: JobFilesTable;
  smtp_settings: SmtpSettingsTable;
  message_templates: MessageTemplatesTable;
  email_messages: EmailMessagesTable;
  letter_settings: LetterSettingsTable;
  letter_mailings: LetterMailingsTable;
}
