import { sql, type Kysely } from 'kysely';

// The improvement plan ("plan van aanpak", domain.md): a round's results declared the baseline,
// focus points linked to item keys (so a later round can show the effect), and measures with
// an owner, a target date and a status. One plan per baseline round.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table improvement_plans (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      baseline_round_id uuid not null unique references rounds(id) on delete cascade,
      title text not null check (length(title) between 1 and 200),
      published boolean not null default false,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index improvement_plans_organisation on improvement_plans (organisation_id);
    create table focus_points (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      plan_id uuid not null references improvement_plans(id) on delete cascade,
      position integer not null check (position >= 0),
      title text not null check (length(title) between 1 and 200),
      description text not null default '' check (length(description) <= 2000),
      item_keys text[] not null default '{}'
    );
    create index focus_points_plan on focus_points (plan_id, position);
    create table measures (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      focus_point_id uuid not null references focus_points(id) on delete cascade,
      description text not null check (length(description) between 1 and 1000),
      owner text not null default '' check (length(owner) <= 200),
      target_date date,
      status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'dropped')),
      note text not null default '' check (length(note) <= 2000),
      updated_at timestamptz not null default now()
    );
    create index measures_focus_point on measures (focus_point_id);
  `.execute(db);
  for (const table of ['improvement_plans', 'focus_points', 'measures']) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_tenant on ${table} using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table measures; drop table focus_points; drop table improvement_plans`.execute(db);
}
