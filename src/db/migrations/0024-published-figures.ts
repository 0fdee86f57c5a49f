import { sql, type Kysely } from 'kysely';

// Rounds from before Klantstem of which only a report survives: per item the figures the report
// gave (respondents, mean, standard deviation when given, a share). One row per item and round;
// the round itself is an ordinary closed round without responses, so the trend, the previous
// round and the improvement plan take it as they take any other.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table published_figures (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      item_key text not null check (length(item_key) between 1 and 100),
      n integer not null check (n between 1 and 1000000),
      mean double precision check (mean between 1 and 10),
      sd double precision check (sd >= 0),
      share double precision check (share between 0 and 1),
      source text not null default '' check (length(source) <= 500),
      primary key (round_id, item_key)
    );
    create index published_figures_organisation on published_figures (organisation_id, round_id);
  `.execute(db);
  await sql.raw(`alter table published_figures enable row level security;
    create policy published_figures_tenant on published_figures using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table published_figures`.execute(db);
}
