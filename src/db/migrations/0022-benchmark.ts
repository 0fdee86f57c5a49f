import { sql, type Kysely } from 'kysely';

// The benchmark across organisations (domain.md), by signed files rather than a shared
// database: each installation keeps its own answers, and only aggregates travel.
//
// benchmarks exist on both sides. The organiser's row (role 'organiser') holds the registered
// participants and their imported contributions; a participant's row (role 'participant')
// holds the organiser's public key, its own public key (the private key never enters the
// database: it stays in a file the CLI reads) and the reference figures it imported.
// Every table belongs to one organisation and has row-level security like every tenant table.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export const BENCHMARK_TENANT_TABLES = ['benchmarks', 'benchmark_participants', 'benchmark_contributions', 'benchmark_reference_figures'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table benchmarks (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      role text not null check (role in ('organiser', 'participant')),
      name text not null check (length(name) between 1 and 200),
      year integer not null check (year between 2000 and 2100),
      questionnaire_version text not null check (length(questionnaire_version) between 1 and 200),
      organiser_public_key text,
      own_public_key text,
      created_at timestamptz not null default now(),
      unique (organisation_id, name, year),
      check ((role = 'participant') = (organiser_public_key is not null and own_public_key is not null))
    );
    create table benchmark_participants (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      benchmark_id uuid not null references benchmarks(id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      public_key text not null,
      key_id text not null check (key_id ~ '^[0-9a-f]{32}$'),
      consent text not null check (consent in ('named', 'anonymous')),
      size_class text,
      region text check (length(region) between 1 and 200),
      unique (benchmark_id, key_id),
      unique (benchmark_id, name)
    );
    create table benchmark_contributions (
      file_id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      benchmark_id uuid not null references benchmarks(id) on delete cascade,
      participant_id uuid not null references benchmark_participants(id) on delete cascade,
      size_class text,
      region text,
      hide_below integer not null,
      aggregates jsonb not null check (jsonb_typeof(aggregates) = 'object'),
      imported_at timestamptz not null default now()
    );
    create index benchmark_contributions_participant on benchmark_contributions (participant_id, imported_at desc);
    create table benchmark_reference_figures (
      file_id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      benchmark_id uuid not null references benchmarks(id) on delete cascade,
      figures jsonb not null check (jsonb_typeof(figures) = 'object'),
      imported_at timestamptz not null default now()
    );
    create index benchmark_reference_figures_benchmark on benchmark_reference_figures (benchmark_id, imported_at desc);
  `.execute(db);
  for (const table of BENCHMARK_TENANT_TABLES) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_tenant on ${table} using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table benchmark_reference_figures; drop table benchmark_contributions; drop table benchmark_participants; drop table benchmarks`.execute(db);
}
