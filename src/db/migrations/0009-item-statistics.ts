import { sql, type Kysely } from 'kysely';
import { rebuildItemStatistics } from '../item-statistics-store.ts';

// Sufficient statistics for reports (see item-statistics-store.ts), the organisation's report
// settings, and the one narrow path across tenants: the reference group.
//
// reference_item_counts is SECURITY DEFINER: it runs as the owner of the tables, so it can read
// the statistics of other organisations, but it only ever returns counts pooled over at least
// five of them, per item key, with the number of organisations — nothing per organisation. The
// organisation it leaves out is the one in app.org, never a parameter: otherwise a caller could
// ask "everyone but A" and "everyone but B" and subtract. The application role keeps reading
// only its own rows of every table.

const orgPolicy = `organisation_id = nullif(current_setting('app.org', true), '')::uuid`;

export const STATISTICS_TENANT_TABLES = ['item_statistics', 'item_moments'] as const;

/** At least this many other organisations must contribute before a reference group is shown. */
export const REFERENCE_MIN_ORGANISATIONS_SQL = 5;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisations
      add column contributes_to_reference boolean not null default true,
      add column report_hide_below integer check (report_hide_below between 1 and 1000),
      add column report_indicative_below integer check (report_indicative_below between 1 and 1000);

    create table item_statistics (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      item_key text not null,
      kind text not null check (kind in ('value', 'option', 'not_applicable', 'text', 'respondents')),
      value integer not null default 0,
      option_code text not null default '',
      count integer not null check (count >= 0),
      primary key (round_id, item_key, kind, value, option_code)
    );
    create index item_statistics_org on item_statistics(organisation_id, round_id);

    create table item_moments (
      organisation_id uuid not null references organisations(id) on delete cascade,
      round_id uuid not null references rounds(id) on delete cascade,
      item_key text not null,
      n integer not null check (n >= 0),
      sum double precision not null,
      sum_squares double precision not null,
      primary key (round_id, item_key)
    );
    create index item_moments_org on item_moments(organisation_id, round_id);
  `.execute(db);

  for (const table of STATISTICS_TENANT_TABLES) {
    await sql.raw(`alter table ${table} enable row level security;
      create policy ${table}_tenant on ${table} using (${orgPolicy}) with check (${orgPolicy});`).execute(db);
  }

  await sql.raw(`
    create function reference_item_counts(p_year integer, p_item_keys text[])
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
    $$;
  `).execute(db);

  await rebuildItemStatistics(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop function reference_item_counts(integer, text[]);
    drop table item_moments;
    drop table item_statistics;
    alter table organisations drop column contributes_to_reference, drop column report_hide_below, drop column report_indicative_below;
  `.execute(db);
}
