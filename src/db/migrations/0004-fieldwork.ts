import { sql, type Kysely } from 'kysely';

// Fieldwork: address files, the sample, sealed codes for letters and e-mail, durable jobs,
// e-mail and letters, and retention.
//
// Personal data lives only in address_imports (the uploaded file, until imported or discarded),
// invitees (one row per address-file row), invitee_codes (the person <-> code link, with the
// plain code sealed so letters and reminders can print it again) and email_messages.invitee_id.
// All of it is deleted by the purge; what remains (round_samples, counts in email_messages and
// letter_mailings, jobs without payload) holds no person.
//
// Carried variables (age band, district, benefit type) go from invitee to access code to
// response as jsonb; a value is carried only when at least the minimum group size of sampled
// invitees shares the whole combination, so the variables never single a person out.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export const FIELDWORK_TENANT_TABLES = [
  'address_imports',
  'address_mappings',
  'round_samples',
  'jobs',
  'job_files',
  'smtp_settings',
  'message_templates',
  'email_messages',
  'letter_settings',
  'letter_mailings',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- An uploaded address file, kept until it is imported or discarded; then file is nulled.
    create table address_imports (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      file_name text not null,
      byte_size integer not null,
      file bytea,
      format text not null check (format in ('csv', 'xlsx')),
      encoding text,
      delimiter text,
      mapping jsonb,
      status text not null default 'uploaded' check (status in ('uploaded', 'imported', 'discarded')),
      rows_total integer,
      rows_valid integer,
      rows_invalid integer,
      skipped_invalid boolean not null default false,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      imported_at timestamptz
    );
    create index address_imports_round on address_imports(round_id);

    -- The last column mapping an organisation used: header text -> field, offered next time.
    create table address_mappings (
      organisation_id uuid primary key references organisations(id) on delete cascade,
      mapping jsonb not null,
      updated_at timestamptz not null default now()
    );

    alter table invitees
      add column import_id uuid references address_imports(id) on delete cascade,
      add column row_number integer,
      add column age_band text,
      add column district text,
      add column benefit_type text,
      add column sampled boolean not null default false,
      add column opted_out boolean not null default false,
      add column email_bounced boolean not null default false;
    create index invitees_round_sampled on invitees(round_id, sampled);

    -- The draw, kept after the purge for the method section and to reproduce it.
    create table round_samples (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid primary key references rounds(id) on delete cascade,
      method text not null check (method in ('all', 'simple', 'stratified')),
      stratify_by text,
      seed text not null,
      population integer not null,
      size integer not null,
      carried text[] not null default '{}',
      drawn_by uuid references users(id) on delete set null,
      drawn_at timestamptz not null default now()
    );

    -- The plain code, sealed (AES-256-GCM under the server secret), so the letter and each
    -- reminder can print it. Deleted with the link by the purge.
    alter table invitee_codes add column code_sealed text not null default '';

    alter table access_codes add column carried jsonb not null default '{}'::jsonb;
    alter table responses add column carried jsonb not null default '{}'::jsonb;

    alter table rounds
      add column purge_after_days integer not null default 30 check (purge_after_days between 0 and 365),
      add column purge_due_on date,
      add column purged_at timestamptz;

    -- Durable background work, claimed with FOR UPDATE SKIP LOCKED so two instances never take
    -- the same job; a claim expires (locked_until) so a crashed instance's job is resumed.
    create table jobs (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid references rounds(id) on delete cascade,
      kind text not null,
      payload jsonb not null default '{}'::jsonb,
      status text not null default 'queued'
        check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
      progress integer not null default 0,
      total integer,
      message text,
      result jsonb,
      attempts integer not null default 0,
      run_after timestamptz not null default now(),
      locked_by text,
      locked_until timestamptz,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    create index jobs_ready on jobs(status, run_after);
    create index jobs_round on jobs(round_id, created_at desc);

    -- Files a job produced (the letters PDF), in parts so no single value grows too large.
    create table job_files (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      job_id uuid not null references jobs(id) on delete cascade,
      part integer not null default 0,
      name text not null,
      content_type text not null,
      bytes bytea not null,
      created_at timestamptz not null default now(),
      unique (job_id, name, part)
    );

    create table smtp_settings (
      organisation_id uuid primary key references organisations(id) on delete cascade,
      host text not null,
      port integer not null check (port between 1 and 65535),
      security text not null default 'starttls' check (security in ('tls', 'starttls', 'none')),
      username text,
      password_sealed text,
      from_address text not null,
      from_name text not null default '',
      reply_to text,
      per_minute integer not null default 60 check (per_minute between 1 and 10000),
      updated_at timestamptz not null default now()
    );

    -- E-mail and letter texts per round, kind and language, with {placeholders}.
    create table message_templates (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      kind text not null check (kind in ('email-invitation', 'email-reminder', 'letter-invitation', 'letter-reminder')),
      language text not null,
      subject text not null default '',
      body text not null,
      updated_at timestamptz not null default now(),
      primary key (round_id, kind, language)
    );

    -- One row per e-mail: intent recorded before sending, marked after, so a crash never sends
    -- twice. invitee_id is nulled by the purge; the counts remain for the monitor.
    create table email_messages (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      invitee_id uuid references invitees(id) on delete set null,
      job_id uuid references jobs(id) on delete set null,
      kind text not null check (kind in ('invitation', 'reminder')),
      reminder_number integer not null default 0,
      status text not null default 'intended' check (status in ('intended', 'sent', 'failed', 'bounced')),
      error text,
      intended_at timestamptz not null default now(),
      sent_at timestamptz,
      sent_on date
    );
    create index email_messages_round on email_messages(round_id, status);
    create unique index email_messages_once on email_messages(invitee_id, kind, reminder_number);

    -- Letter layout per round: signer, logo and signature images (data URLs), return address.
    create table letter_settings (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid primary key references rounds(id) on delete cascade,
      sender_name text not null default '',
      return_address text not null default '',
      signer_name text not null default '',
      signer_title text not null default '',
      logo_data_url text,
      signature_data_url text,
      attach_questionnaire boolean not null default false,
      updated_at timestamptz not null default now()
    );

    -- One row per letters batch (invitation or reminder), for the monitor and the method section.
    create table letter_mailings (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      job_id uuid references jobs(id) on delete set null,
      kind text not null check (kind in ('invitation', 'reminder')),
      reminder_number integer not null default 0,
      letters integer not null,
      created_on date not null default current_date
    );
  `.execute(db);
  for (const table of FIELDWORK_TENANT_TABLES) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_tenant on ${table} using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The fieldwork migration cannot be reverted; restore a backup instead.');
}
