import { sql, type Kysely } from 'kysely';

// Coding open answers (issue #8): the organisation's codebook, codes per answer per coder (one
// row per code, so counts are plain SQL), a row per coded answer per coder (coded with no code
// is an answer too), the privacy review that must pass before any text leaves the coding
// screens, the last change per user for undo, and the organisation's trained suggestion model.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;
const TABLES = ['codebook_codes', 'open_answer_codings', 'open_answer_codes', 'open_answer_reviews', 'open_answer_undo', 'coding_models'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table codebook_codes (
      organisation_id uuid not null references organisations(id) on delete cascade,
      key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
      label_nl text not null check (length(label_nl) between 1 and 120),
      label_en text not null check (length(label_en) between 1 and 120),
      definition_nl text not null default '' check (length(definition_nl) <= 2000),
      definition_en text not null default '' check (length(definition_en) <= 2000),
      examples text[] not null default '{}',
      position integer not null,
      archived boolean not null default false,
      primary key (organisation_id, key)
    );
    create table open_answer_codings (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      response_id uuid not null references responses(id) on delete cascade,
      item_key text not null,
      coder smallint not null check (coder in (1, 2)),
      coded_by uuid references users(id) on delete set null,
      coded_on date not null,
      primary key (response_id, item_key, coder)
    );
    create index open_answer_codings_round on open_answer_codings(round_id, item_key, coder);
    create table open_answer_codes (
      organisation_id uuid not null,
      round_id uuid not null references rounds(id) on delete cascade,
      response_id uuid not null,
      item_key text not null,
      coder smallint not null,
      code_key text not null,
      primary key (response_id, item_key, coder, code_key),
      foreign key (response_id, item_key, coder) references open_answer_codings(response_id, item_key, coder) on delete cascade,
      foreign key (organisation_id, code_key) references codebook_codes(organisation_id, key)
    );
    create index open_answer_codes_round on open_answer_codes(round_id, item_key, coder, code_key);
    create table open_answer_reviews (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      response_id uuid not null references responses(id) on delete cascade,
      item_key text not null,
      decision text not null check (decision in ('approved', 'redacted', 'excluded')),
      redacted_text text check ((decision = 'redacted') = (redacted_text is not null)),
      reviewed_by uuid references users(id) on delete set null,
      reviewed_on date not null,
      primary key (response_id, item_key)
    );
    create table open_answer_undo (
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      response_id uuid not null references responses(id) on delete cascade,
      item_key text not null,
      coder smallint not null,
      was_coded boolean not null,
      previous_codes text[] not null default '{}',
      primary key (organisation_id, user_id)
    );
    create table coding_models (
      organisation_id uuid primary key references organisations(id) on delete cascade,
      model jsonb not null,
      evaluation jsonb not null,
      trained_at timestamptz not null default now()
    );
  `.execute(db);
  for (const table of TABLES) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_tenant on ${table} using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table ${[...TABLES].reverse().join(', ')}`).execute(db);
}
