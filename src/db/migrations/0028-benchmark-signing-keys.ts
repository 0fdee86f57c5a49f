import { sql, type Kysely } from 'kysely';

// The organisation's own Ed25519 key pair for signing benchmark files made in the browser. The
// command line keeps its private key in a file; the web keeps it here, sealed with the server
// secret (src/app/sealed-text.ts), so a copy of the database alone cannot sign files. One key per
// organisation: generating a new one replaces it. Row-level security like every tenant table.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table benchmark_signing_keys (
      organisation_id uuid primary key references organisations(id) on delete cascade,
      public_key text not null,
      key_id text not null check (key_id ~ '^[0-9a-f]{32}$'),
      private_key_sealed text not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);
  await sql.raw(`alter table benchmark_signing_keys enable row level security;
    create policy benchmark_signing_keys_tenant on benchmark_signing_keys using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table benchmark_signing_keys`.execute(db);
}
