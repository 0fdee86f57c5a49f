import { sql, type Kysely } from 'kysely';

// Qualitative studies beside the survey (issue #11): interviews or group conversations owned by
// the organisation or its client council, a summary per conversation (participant kind only, no
// names), the passages of each summary coded with the organisation's codebook and reviewed for
// personal data like open answers, and recommendations linked to themes and to the improvement
// plan. A passage is one paragraph of its summary.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export const QUALITATIVE_TENANT_TABLES = ['qualitative_studies', 'study_conversations', 'study_passages', 'study_recommendations'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table qualitative_studies (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      owner_kind text not null check (owner_kind in ('organisation', 'council')),
      kind text not null check (kind in ('interviews', 'group-conversations')),
      title text not null check (length(title) between 1 and 200),
      purpose text not null default '' check (length(purpose) <= 5000),
      period_from date,
      period_to date,
      recruitment text not null default '' check (length(recruitment) <= 5000),
      participants jsonb not null default '{}'::jsonb check (jsonb_typeof(participants) = 'object'),
      round_id uuid references rounds(id) on delete set null,
      on_public_page boolean not null default false,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      check (period_from is null or period_to is null or period_from <= period_to)
    );
    create index qualitative_studies_organisation on qualitative_studies (organisation_id, created_at);
    create table study_conversations (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      study_id uuid not null references qualitative_studies(id) on delete cascade,
      number integer not null check (number between 1 and 999),
      participant_kind text not null,
      people integer not null default 1 check (people between 1 and 99),
      held_on date,
      source text not null check (source in ('typed', 'txt', 'docx', 'odt')),
      summary text not null check (length(summary) between 1 and 200000),
      created_at timestamptz not null default now(),
      unique (study_id, number)
    );
    create table study_passages (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      study_id uuid not null references qualitative_studies(id) on delete cascade,
      conversation_id uuid not null references study_conversations(id) on delete cascade,
      position integer not null,
      text text not null check (length(text) between 1 and 200000),
      coded boolean not null default false,
      codes text[] not null default '{}',
      coded_by uuid references users(id) on delete set null,
      review text check (review in ('approved', 'redacted', 'excluded')),
      redacted_text text,
      reviewed_by uuid references users(id) on delete set null,
      reviewed_on date,
      unique (conversation_id, position),
      check ((review = 'redacted') = (redacted_text is not null))
    );
    create index study_passages_study on study_passages (organisation_id, study_id);
    create table study_recommendations (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      study_id uuid not null references qualitative_studies(id) on delete cascade,
      number integer not null check (number between 1 and 99),
      text text not null check (length(text) between 1 and 5000),
      code_keys text[] not null default '{}',
      status text not null default 'open' check (status in ('open', 'adopted', 'not-adopted')),
      response text not null default '' check (length(response) <= 5000),
      focus_point_id uuid references focus_points(id) on delete set null,
      measure_id uuid references measures(id) on delete set null,
      unique (study_id, number)
    );
  `.execute(db);
  for (const table of QUALITATIVE_TENANT_TABLES) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_tenant on ${table} using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table study_recommendations; drop table study_passages; drop table study_conversations; drop table qualitative_studies`.execute(db);
}
