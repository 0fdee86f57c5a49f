import { sql, type Kysely } from 'kysely';
import { REFERENCE_MIN_ORGANISATIONS_SQL } from './0009-item-statistics.ts';

// The client council (domain.md): its own small surveys and its formal advice with the
// organisation's response per point.
//
// rounds.owner_kind marks a council's own survey, so it never enters the organisation's trend
// or another organisation's reference group: a council asks its own questions of its own
// members, not of a sample of clients. reference_item_counts is redefined to leave council
// rounds out.
//
// A cited figure is stored as it was shown when the council cited it (jsonb, text values), so
// the advice keeps saying what it said when the report later changes (late paper forms,
// weighting, stricter thresholds).

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export const COUNCIL_TENANT_TABLES = ['council_advices', 'advice_points', 'advice_responses'] as const;

function referenceFunction(councilClause: string): string {
  return `
    create or replace function reference_item_counts(p_year integer, p_item_keys text[])
    returns table (ref_item_key text, ref_kind text, ref_value integer, ref_option_code text, ref_count bigint, ref_organisations integer)
    language sql stable security definer set search_path = public, pg_temp as $$
      with caller as (select nullif(current_setting('app.org', true), '')::uuid as id),
      contributing as (
        select s.organisation_id, s.item_key, s.kind, s.value, s.option_code, s.count
        from item_statistics s
        join rounds r on r.id = s.round_id
        join organisations o on o.id = s.organisation_id
        where r.year = p_year
          and r.status in ('closed', 'published')
          ${councilClause}
          and o.contributes_to_reference
          and s.organisation_id <> (select id from caller)
          and s.item_key = any(p_item_keys)
      ),
      per_item as (
        select item_key, count(distinct organisation_id)::integer as organisations
        from contributing where kind in ('value', 'option') and count > 0
        group by item_key
      )
      select c.item_key, c.kind, c.value, c.option_code, sum(c.count)::bigint, p.organisations
      from contributing c join per_item p on p.item_key = c.item_key
      where p.organisations >= ${REFERENCE_MIN_ORGANISATIONS_SQL}
      group by c.item_key, c.kind, c.value, c.option_code, p.organisations
    $$;`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table rounds add column owner_kind text not null default 'organisation'
      check (owner_kind in ('organisation', 'council'));
    create table council_advices (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      title text not null check (length(title) between 1 and 200),
      introduction text not null default '' check (length(introduction) <= 5000),
      status text not null default 'draft' check (status in ('draft', 'sent')),
      sent_on date,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      check ((status = 'sent') = (sent_on is not null))
    );
    create index council_advices_round on council_advices (organisation_id, round_id);
    create table advice_points (
      id uuid primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      advice_id uuid not null references council_advices(id) on delete cascade,
      number integer not null check (number between 1 and 99),
      text text not null check (length(text) between 1 and 5000),
      citations jsonb not null default '[]'::jsonb check (jsonb_typeof(citations) = 'array'),
      unique (advice_id, number)
    );
    create table advice_responses (
      organisation_id uuid not null references organisations(id) on delete cascade,
      point_id uuid primary key references advice_points(id) on delete cascade,
      decision text not null check (decision in ('adopted', 'partly', 'not_adopted')),
      reasons text not null default '' check (length(reasons) <= 5000),
      responded_by uuid references users(id) on delete set null,
      responded_on date not null,
      check (decision = 'adopted' or length(reasons) > 0)
    );
  `.execute(db);
  for (const table of COUNCIL_TENANT_TABLES) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_tenant on ${table} using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
  }
  await sql.raw(referenceFunction(`and r.owner_kind = 'organisation'`)).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(referenceFunction('')).execute(db);
  await sql`drop table advice_responses; drop table advice_points; drop table council_advices;
    alter table rounds drop column owner_kind`.execute(db);
}
