import { sql, type Kysely } from 'kysely';

// What an organisation publishes of a round on its public results page (/p/<slug>/<round>):
// which modules, whether the trend and the reference group are shown, and an introduction.
// Publishing itself is the round status 'published'; this table only narrows what is shown.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table publication_settings (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid primary key references rounds(id) on delete cascade,
      modules text[] not null default '{}',
      show_trend boolean not null default true,
      show_reference boolean not null default true,
      introduction text not null default '' check (length(introduction) <= 2000),
      updated_by uuid references users(id) on delete set null,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
  await sql.raw(`alter table publication_settings enable row level security;
    create policy publication_settings_tenant on publication_settings using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table publication_settings`.execute(db);
}
