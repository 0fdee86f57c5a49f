// The sufficient statistics of every round: per item, how many completed responses gave each
// value, chose each option, said "n.v.t.", wrote an open answer, or answered at all; and for
// numeric answers n, Σx and Σx². Reports read these few hundred rows instead of scanning a
// million answers (see bench/report.ts), and they add up exactly across organisations.
//
// They are kept up to date in the same transaction that completes a response (web, paper, bulk
// insert), by one statement that aggregates the answers of those responses and adds them, so the
// counts can never drift from the answers. rebuildItemStatistics recomputes them from scratch
// (the migration does it for existing data; `npm run cli -- rebuild-statistics` on demand).
//
// Values: a whole value from −1000 to 1000 (marks, agreement, yes/no, small numbers) is counted
// per value. Other numbers (a number item asking an amount, or a fraction) are not counted per
// value but still in the moments table, so a mean stays exact and a distribution is offered
// only when the counts cover every numeric answer (see ItemMoments). Open text is counted as
// "answered", never copied.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tx } from './tenant-transaction.ts';

/** The largest absolute whole value counted per value. */
export const COUNTED_VALUE_LIMIT = 1000;

export type StatisticKind = 'value' | 'option' | 'not_applicable' | 'text' | 'respondents';

export interface ItemStatisticRow {
  readonly roundId: string;
  readonly itemKey: string;
  readonly kind: StatisticKind;
  /** The answer value for kind 'value'; 0 otherwise. */
  readonly value: number;
  /** The option code for kind 'option'; '' otherwise. */
  readonly optionCode: string;
  readonly count: number;
}

export interface ItemMomentsRow {
  readonly roundId: string;
  readonly itemKey: string;
  readonly n: number;
  readonly sum: number;
  readonly sumSquares: number;
}

/** Tables of migrations/0009-item-statistics.ts, typed next to their only store. */
export interface ItemStatisticsTables {
  item_statistics: {
    organisation_id: string;
    round_id: string;
    item_key: string;
    kind: StatisticKind;
    value: number;
    option_code: string;
    count: number;
  };
  item_moments: {
    organisation_id: string;
    round_id: string;
    item_key: string;
    n: number;
    sum: number;
    sum_squares: number;
  };
}

// Works inside a tenant transaction and, for the migration, on the bare connection.
type Executor = Tx | Kysely<any> | Transaction<any>;

/**
 * Which answers to aggregate: those of some responses (just completed), of one round, or all.
 * Only answers of completed responses are ever counted.
 */
type Scope = { readonly responseIds: readonly string[] } | { readonly roundId: string } | 'all';

function answersOf(scope: Scope) {
  const columns = sql`a.organisation_id, a.round_id, a.item_key, a.response_id, a.option_code, a.value_num, a.value_text, a.not_applicable`;
  if (scope !== 'all' && 'responseIds' in scope) {
    // A join on the id list rather than "= any(…)": a bulk insert passes thousands of ids.
    return sql`select ${columns} from unnest(${`{${scope.responseIds.join(',')}}`}::uuid[]) as done(id)
      join responses r on r.id = done.id join answers a on a.response_id = done.id
      where r.status = 'completed'`;
  }
  const filter = scope === 'all' ? sql`true` : sql`a.round_id = ${scope.roundId}`;
  return sql`select ${columns} from answers a join responses r on r.id = a.response_id
    where r.status = 'completed' and ${filter}`;
}

/** The round's own row: item_key '' counts its completed responses (answered or not). */
export const ROUND_ROW_KEY = '';

function completedOf(scope: Scope) {
  if (scope !== 'all' && 'responseIds' in scope) {
    return sql`select r.organisation_id, r.round_id from unnest(${`{${scope.responseIds.join(',')}}`}::uuid[]) as done(id)
      join responses r on r.id = done.id where r.status = 'completed'`;
  }
  const filter = scope === 'all' ? sql`true` : sql`r.round_id = ${scope.roundId}`;
  return sql`select r.organisation_id, r.round_id from responses r where r.status = 'completed' and ${filter}`;
}

async function addScope(db: Executor, scope: Scope): Promise<void> {
  const small = sql.lit(COUNTED_VALUE_LIMIT);
  // Rows are inserted in key order so that concurrent completions lock shared rows in the same
  // order and wait for each other instead of deadlocking.
  await sql`
    with a as (${answersOf(scope)}),
    cells as (
      select organisation_id, round_id, item_key,
        case when not_applicable then 'not_applicable' when option_code <> '' then 'option'
             when value_text is not null then 'text' else 'value' end as kind,
        case when not not_applicable and option_code = '' and value_text is null then value_num::integer else 0 end as value,
        option_code, count(*)::integer as count
      from a
      where value_num is null or (value_num = trunc(value_num) and abs(value_num) <= ${small})
      group by 1, 2, 3, 4, 5, 6
      union all
      select organisation_id, round_id, item_key, 'respondents', 0, '', count(distinct response_id)::integer
      from a where not not_applicable group by 1, 2, 3
      union all
      select organisation_id, round_id, ${ROUND_ROW_KEY}, 'respondents', 0, '', count(*)::integer
      from (${completedOf(scope)}) c group by 1, 2
    )
    insert into item_statistics (organisation_id, round_id, item_key, kind, value, option_code, count)
    select * from cells order by round_id, item_key, kind, value, option_code
    on conflict (round_id, item_key, kind, value, option_code) do update set count = item_statistics.count + excluded.count`.execute(db);
  await sql`
    with a as (${answersOf(scope)})
    insert into item_moments (organisation_id, round_id, item_key, n, sum, sum_squares)
    select organisation_id, round_id, item_key, count(*)::integer, sum(value_num), sum(value_num * value_num)
    from a where value_num is not null
    group by 1, 2, 3 order by 2, 3
    on conflict (round_id, item_key) do update set
      n = item_moments.n + excluded.n, sum = item_moments.sum + excluded.sum, sum_squares = item_moments.sum_squares + excluded.sum_squares`.execute(db);
}

/**
 * Adds the answers of responses that were completed in this transaction. Call it exactly once
 * per response, right after it became completed (and after its unrouted answers were dropped).
 */
export async function addCompletedResponses(tx: Tx, responseIds: readonly string[]): Promise<void> {
  if (responseIds.length === 0) return;
  await addScope(tx, { responseIds });
}

/** Recomputes the statistics of one round (or of every round) from the answers. */
export async function rebuildItemStatistics(db: Executor, roundId?: string): Promise<void> {
  const scope: Scope = roundId === undefined ? 'all' : { roundId };
  for (const table of ['item_statistics', 'item_moments']) {
    if (roundId === undefined) await sql`delete from ${sql.table(table)}`.execute(db);
    else await sql`delete from ${sql.table(table)} where round_id = ${roundId}`.execute(db);
  }
  await addScope(db, scope);
}

/**
 * The stored counts of some rounds of the organisation (RLS limits them to it as well), the
 * round rows (item key '') included. Fetched as one JSON text per round: hundreds of small rows
 * cost PGlite far more to hand over one by one than to parse as JSON.
 */
export async function itemStatisticsOf(tx: Tx, organisationId: string, roundIds: readonly string[], itemKeys?: readonly string[]): Promise<ItemStatisticRow[]> {
  if (roundIds.length === 0) return [];
  const items = itemKeys ? sql`and item_key in (${sql.join(itemKeys.length > 0 ? [...itemKeys] : [''])})` : sql``;
  const rows = await sql<{ round_id: string; cells: string }>`
    select round_id, json_agg(json_build_array(item_key, kind, value, option_code, count))::text as cells
    from item_statistics
    where organisation_id = ${organisationId} and round_id in (${sql.join([...roundIds])}) ${items}
    group by round_id`.execute(tx);
  return rows.rows.flatMap((row) => (JSON.parse(row.cells) as [string, StatisticKind, number, string, number][]).map(
    ([itemKey, kind, value, optionCode, count]) => ({ roundId: row.round_id, itemKey, kind, value, optionCode, count })));
}

export async function itemMomentsOf(tx: Tx, organisationId: string, roundIds: readonly string[], itemKeys?: readonly string[]): Promise<ItemMomentsRow[]> {
  if (roundIds.length === 0) return [];
  const items = itemKeys ? sql`and item_key in (${sql.join(itemKeys.length > 0 ? [...itemKeys] : [''])})` : sql``;
  const rows = await sql<{ cells: string | null }>`
    select json_agg(json_build_array(round_id, item_key, n, sum, sum_squares))::text as cells
    from item_moments
    where organisation_id = ${organisationId} and round_id in (${sql.join([...roundIds])}) ${items}`.execute(tx);
  return (JSON.parse(rows.rows[0]?.cells ?? 'null') as [string, string, number, number, number][] | null ?? []).map(
    ([roundId, itemKey, n, sum, sumSquares]) => ({ roundId, itemKey, n, sum, sumSquares }));
}
