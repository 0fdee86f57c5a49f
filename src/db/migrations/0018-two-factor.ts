import { sql, type Kysely } from 'kysely';

// Optional second factor for staff (TOTP). The shared secret is stored sealed under the server
// secret. A sign-in whose password was right but whose code is still to come is a challenge:
// the browser holds its token, the table only a hash. Neither table is tenant data, and the
// application role cannot read them: only sign-in (as owner) does.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table user_second_factors (
      user_id uuid primary key references users(id) on delete cascade,
      secret_sealed text not null,
      confirmed_at timestamptz,
      last_step bigint not null default -1,
      created_at timestamptz not null default now()
    );
    create table sign_in_challenges (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      replaces_session_id text,
      failures integer not null default 0 check (failures >= 0),
      expires_at timestamptz not null
    );
    create index sign_in_challenges_user on sign_in_challenges(user_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table sign_in_challenges; drop table user_second_factors`.execute(db);
}
