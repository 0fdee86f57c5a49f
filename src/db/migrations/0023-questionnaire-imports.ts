import { sql, type Kysely } from 'kysely';

// Questionnaires brought in from another tool (issue #9, "bring your history"): the import
// report and the mapping of imported questions to standard item keys. The questionnaire itself
// is an ordinary organisation questionnaire with immutable versions; the original version is
// kept, so a new mapping is always applied to what was imported, never to an earlier mapping.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export const HISTORY_TENANT_TABLES = ['questionnaire_imports'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table questionnaire_imports (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      questionnaire_id uuid not null references questionnaires(id) on delete cascade,
      original_version_id uuid not null references questionnaire_versions(id),
      current_version_id uuid not null references questionnaire_versions(id),
      source_format text not null check (source_format in ('limesurvey')),
      file_name text not null check (length(file_name) between 1 and 255),
      report jsonb not null check (jsonb_typeof(report) = 'array'),
      source_codes jsonb not null check (jsonb_typeof(source_codes) = 'object'),
      key_mapping jsonb not null default '{}'::jsonb check (jsonb_typeof(key_mapping) = 'object'),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index questionnaire_imports_organisation on questionnaire_imports (organisation_id, created_at desc);
  `.execute(db);
  for (const table of HISTORY_TENANT_TABLES) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_tenant on ${table} using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table questionnaire_imports`.execute(db);
}
