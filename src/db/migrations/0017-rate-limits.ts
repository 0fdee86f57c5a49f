import { sql, type Kysely } from 'kysely';

// Rate-limit windows shared by every application process on the database: attempts per client
// per route and failed access codes in total. Keys are HMACs (no IP address is stored); rows of
// windows long past are pruned as new attempts come in. Not tenant data: no organisation.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rate_limit_windows (
      key text primary key,
      window_start timestamptz not null,
      count integer not null check (count >= 0)
    );
    create index rate_limit_windows_start on rate_limit_windows(window_start);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table rate_limit_windows`.execute(db);
}
