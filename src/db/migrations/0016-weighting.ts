import { sql, type Kysely } from 'kysely';

// Weighting a round's figures to the population (domain.md: optional, by age band or district,
// always with the unweighted n). The population is described by counts per stratum: taken from
// the whole address file when the sample is drawn (carried variables) or typed in by the
// researcher (e.g. clients per age band from the benefits system, for the age question). Counts
// of groups, never persons.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table round_weighting (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid primary key references rounds(id) on delete cascade,
      source text not null check (source in ('carried', 'item')),
      variable text not null check (length(variable) between 1 and 100),
      updated_by uuid references users(id) on delete set null,
      updated_at timestamptz not null default now()
    );
    create table round_population_counts (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      source text not null check (source in ('carried', 'item')),
      variable text not null check (length(variable) between 1 and 100),
      value text not null check (length(value) between 1 and 200),
      count integer not null check (count >= 0),
      primary key (round_id, source, variable, value)
    );
  `.execute(db);
  for (const table of ['round_weighting', 'round_population_counts']) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_tenant on ${table} using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table round_population_counts; drop table round_weighting`.execute(db);
}
