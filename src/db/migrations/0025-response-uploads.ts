import { sql, type Kysely } from 'kysely';

// A response file between upload and import: the researcher maps its columns to questions on a
// page of its own, so the file is kept as a table until then. It may hold more than the answers
// (an agency's file can have names or client numbers in columns nobody maps), so it is deleted
// when imported and any upload older than a day is deleted at the next upload.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table response_uploads (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      file_name text not null check (length(file_name) <= 255),
      headers jsonb not null check (jsonb_typeof(headers) = 'array'),
      rows jsonb not null check (jsonb_typeof(rows) = 'array'),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index response_uploads_organisation on response_uploads (organisation_id, created_at);
  `.execute(db);
  await sql.raw(`alter table response_uploads enable row level security;
    create policy response_uploads_tenant on response_uploads using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table response_uploads`.execute(db);
}
