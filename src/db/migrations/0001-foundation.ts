import { sql, type Kysely } from 'kysely';

// Foundation schema. Every table holding tenant data has organisation_id and a row-level-security
// policy on the per-transaction setting app.org (see tenant-transaction.ts). Answers are one row
// per item (per chosen option for multiple choice) with typed columns, so SQL can aggregate them.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

/** Tables whose rows belong to exactly one organisation. */
export const TENANT_TABLES = [
  'memberships',
  'api_tokens',
  'audit_log',
  'rounds',
  'access_codes',
  'invitees',
  'invitee_codes',
  'response_sessions',
  'responses',
  'answers',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table settings (
      key text primary key,
      value text not null
    );

    create table organisations (
      id uuid primary key,
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null check (length(name) between 1 and 200),
      inhabitants integer,
      region text,
      created_at timestamptz not null default now()
    );

    create table users (
      id uuid primary key,
      email text not null unique check (email = lower(email)),
      name text not null,
      password_hash text not null,
      is_benchmark_organiser boolean not null default false,
      language text not null default 'nl',
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    );

    create table memberships (
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('administrator', 'researcher', 'viewer', 'council')),
      created_at timestamptz not null default now(),
      primary key (organisation_id, user_id)
    );
    create index memberships_user on memberships(user_id);

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      -- Which of the user's organisations they work in now; sessions are not tenant data.
      current_organisation_id uuid references organisations(id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user on sessions(user_id);

    create table api_tokens (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      name text not null,
      role text not null check (role in ('administrator', 'researcher', 'viewer', 'council')),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_on date,
      revoked_at timestamptz
    );

    create table audit_log (
      id bigserial primary key,
      organisation_id uuid references organisations(id) on delete cascade,
      user_id uuid references users(id) on delete set null,
      action text not null,
      details jsonb not null default '{}'::jsonb,
      at timestamptz not null default now()
    );
    create index audit_log_org_at on audit_log(organisation_id, at desc);

    create table questionnaires (
      id uuid primary key,
      organisation_id uuid references organisations(id) on delete cascade,
      key text not null,
      title jsonb not null,
      is_standard boolean not null default false,
      created_at timestamptz not null default now()
    );
    create unique index questionnaires_key on questionnaires(coalesce(organisation_id::text, ''), key);

    create table questionnaire_versions (
      id uuid primary key,
      questionnaire_id uuid not null references questionnaires(id) on delete cascade,
      organisation_id uuid references organisations(id) on delete cascade,
      version integer not null check (version > 0),
      definition jsonb not null,
      content_hash text not null,
      created_at timestamptz not null default now(),
      unique (questionnaire_id, version)
    );

    -- A version is immutable: changing a questionnaire makes a new version, so answers keep meaning.
    create function questionnaire_version_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'questionnaire versions are immutable; create a new version';
    end $$;
    create trigger questionnaire_versions_no_update before update on questionnaire_versions
      for each row execute function questionnaire_version_immutable();

    create table rounds (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      year integer not null check (year between 2000 and 2100),
      questionnaire_version_id uuid not null references questionnaire_versions(id),
      source_version_id uuid references questionnaire_versions(id),
      disabled_modules text[] not null default '{}',
      own_blocks jsonb not null default '[]'::jsonb,
      access text not null default 'codes' check (access in ('codes', 'open')),
      status text not null default 'draft'
        check (status in ('draft', 'fieldwork', 'closed', 'published')),
      target_group text not null default '',
      fieldwork_start date,
      fieldwork_end date,
      created_at timestamptz not null default now(),
      check (fieldwork_end is null or fieldwork_start is null or fieldwork_end >= fieldwork_start)
    );
    create index rounds_org on rounds(organisation_id, year desc);

    -- Anonymous access codes. Only a hash is kept; the plain code exists on the letter.
    create table access_codes (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      code_hash text not null unique,
      state text not null default 'unused' check (state in ('unused', 'started', 'completed')),
      delivered boolean not null default true
    );
    create index access_codes_round on access_codes(round_id, state);

    -- Personal data from the address file; destroyed when fieldwork ends.
    create table invitees (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      initials text, prefix text, surname text,
      street text, house_number text, house_number_addition text, postcode text, town text,
      email text, language text
    );
    create index invitees_round on invitees(round_id);

    -- The only link between a person and a code; used for reminders, deleted after fieldwork.
    create table invitee_codes (
      organisation_id uuid not null references organisations(id) on delete cascade,
      invitee_id uuid not null references invitees(id) on delete cascade,
      access_code_id uuid not null unique references access_codes(id) on delete cascade,
      primary key (invitee_id)
    );

    create table responses (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      channel text not null check (channel in ('web', 'paper', 'phone')),
      language text not null,
      status text not null check (status in ('in_progress', 'completed')),
      started_on date not null,
      completed_on date,
      check ((status = 'completed') = (completed_on is not null))
    );
    create index responses_round on responses(round_id, status);

    -- Links a code to its unfinished response so the respondent can resume on another device.
    -- Deleted when the response is completed: afterwards nothing joins a response to a code.
    create table response_sessions (
      organisation_id uuid not null references organisations(id) on delete cascade,
      access_code_id uuid primary key references access_codes(id) on delete cascade,
      response_id uuid not null unique references responses(id) on delete cascade
    );

    create table answers (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      response_id uuid not null references responses(id) on delete cascade,
      item_key text not null,
      option_code text not null default '',
      value_num double precision,
      value_text text,
      not_applicable boolean not null default false,
      primary key (response_id, item_key, option_code),
      check (
        (not_applicable and value_num is null and value_text is null and option_code = '')
        or (not not_applicable and num_nonnulls(value_num, value_text, nullif(option_code, '')) = 1)
      )
    );
    create index answers_round_item on answers(round_id, item_key) include (value_num, option_code, not_applicable);
  `.execute(db);

  for (const table of TENANT_TABLES) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_tenant on ${table} using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
  }
  // Shared rows (organisation_id null: the standard questionnaire) are readable by every tenant,
  // writable by none.
  for (const table of ['questionnaires', 'questionnaire_versions']) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_read on ${table} for select
        using (organisation_id is null or ${orgPolicy});
      create policy ${table}_write on ${table} for insert with check (${orgPolicy});
      create policy ${table}_delete on ${table} for delete using (${orgPolicy});`).execute(db);
  }
  await sql.raw(`alter table organisations enable row level security;
    create policy organisations_tenant on organisations
      using (id = nullif(current_setting('app.org', true), '')::uuid);
    alter table users enable row level security;
    create policy users_member on users using (exists (
      select 1 from memberships m where m.user_id = users.id and ${'m.' + orgPolicy}));`).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted; restore a backup instead.');
}
