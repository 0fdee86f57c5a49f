import { sql, type Kysely } from 'kysely';

// Paper forms typed in by staff. paper_entry_settings holds the per-round choice for double
// entry. pending_paper_entries holds a first entry until a second person has typed the same
// form: it links a code to answers, like response_sessions does for an unfinished web response,
// and is deleted the moment the response is created.
//
// The pending answers are JSON (an array in the shape of answer rows), not rows in a table of
// their own: they are never counted or averaged, only compared with the second entry and then
// copied into `answers`, where every analysed answer lives as one row per answer.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export const PAPER_TENANT_TABLES = ['paper_entry_settings', 'pending_paper_entries'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table paper_entry_settings (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid primary key references rounds(id) on delete cascade,
      double_entry boolean not null default false
    );

    create table pending_paper_entries (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      access_code_id uuid not null unique references access_codes(id) on delete cascade,
      language text not null,
      first_entered_by uuid not null references users(id) on delete cascade,
      first_answers jsonb not null,
      second_entered_by uuid references users(id) on delete cascade,
      second_answers jsonb,
      created_at timestamptz not null default now(),
      check (second_entered_by is null or second_entered_by <> first_entered_by),
      check ((second_entered_by is null) = (second_answers is null))
    );
    create index pending_paper_entries_round on pending_paper_entries(round_id);
  `.execute(db);
  for (const table of PAPER_TENANT_TABLES) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_tenant on ${table} using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table pending_paper_entries; drop table paper_entry_settings;`.execute(db);
}
