// Counts of one item per subgroup of respondents, for the item view's breakdowns. Unlike the
// round report these scan the answers of that one item (the index on round and item key makes
// it a few thousand rows), since the subgroup is a property of the response, not of the item.
// Only completed responses count; nothing here touches invitees.

import { sql, type RawBuilder } from 'kysely';
import { COUNTED_VALUE_LIMIT } from './item-statistics-store.ts';
import type { StatisticCell, StatisticCellKind } from '../domain/report/round-counts.ts';
import type { Moments } from '../domain/statistics/moments.ts';
import type { Tx } from './tenant-transaction.ts';

export type BreakdownSource =
  | { readonly kind: 'channel' }
  | { readonly kind: 'language' }
  /** The option chosen at a single-choice item of the same response (age band, household…). */
  | { readonly kind: 'item'; readonly itemKey: string }
  /** A variable carried from the address file to the response (age_band, district, benefit_type). */
  | { readonly kind: 'carried'; readonly variable: string };

export interface GroupCells {
  /** '' for responses without a value (not answered, not carried). */
  readonly group: string;
  readonly cells: StatisticCell[];
  /** n, Σx, Σx² of the numeric answers (a number item's mean needs every value). */
  readonly moments: Moments;
}

function groupExpression(source: BreakdownSource): { group: RawBuilder<unknown>; join: RawBuilder<unknown> } {
  switch (source.kind) {
    case 'channel': return { group: sql`r.channel`, join: sql`` };
    case 'language': return { group: sql`r.language`, join: sql`` };
    case 'carried': return { group: sql`r.carried ->> ${source.variable}`, join: sql`` };
    case 'item': return {
      group: sql`g.option_code`,
      join: sql`left join answers g on g.response_id = a.response_id and g.item_key = ${source.itemKey} and g.option_code <> ''`,
    };
  }
}

/** Cells of one item per group, in the same shape as the stored statistics. */
export async function itemCellsByGroup(tx: Tx, organisationId: string, roundId: string, itemKey: string, source: BreakdownSource): Promise<GroupCells[]> {
  const { group, join } = groupExpression(source);
  const small = sql.lit(COUNTED_VALUE_LIMIT);
  const rows = await sql<{ grp: string | null; kind: StatisticCellKind; value: number; option_code: string; count: string }>`
    with a as (
      select ${group} as grp, a.response_id, a.option_code, a.value_num, a.value_text, a.not_applicable
      from answers a join responses r on r.id = a.response_id ${join}
      where a.organisation_id = ${organisationId} and a.round_id = ${roundId} and a.item_key = ${itemKey} and r.status = 'completed'
    )
    select grp,
      case when not_applicable then 'not_applicable' when option_code <> '' then 'option'
           when value_text is not null then 'text' else 'value' end as kind,
      case when not not_applicable and option_code = '' and value_text is null then value_num::integer else 0 end as value,
      option_code, count(*)::text as count
    from a where value_num is null or (value_num = trunc(value_num) and abs(value_num) <= ${small})
    group by 1, 2, 3, 4
    union all
    select grp, 'respondents', 0, '', count(distinct response_id)::text from a where not not_applicable group by 1
    union all
    select grp, 'moments', count(value_num)::integer, sum(value_num)::text, sum(value_num * value_num)::text
    from a where value_num is not null group by 1`.execute(tx);
  const groups = new Map<string, { cells: StatisticCell[]; moments: Moments }>();
  for (const r of rows.rows) {
    const key = r.grp ?? '';
    if (!groups.has(key)) groups.set(key, { cells: [], moments: { n: 0, sum: 0, sumSquares: 0 } });
    const entry = groups.get(key)!;
    // The moments row reuses the columns: value = n, option_code = Σx, count = Σx².
    if ((r.kind as string) === 'moments') entry.moments = { n: Number(r.value), sum: Number(r.option_code), sumSquares: Number(r.count) };
    else entry.cells.push({ itemKey, kind: r.kind, value: Number(r.value), optionCode: r.option_code, count: Number(r.count) });
  }
  return [...groups].map(([group, entry]) => ({ group, ...entry }));
}

/** The carried variables present on the round's completed responses. */
export async function carriedVariablesOf(tx: Tx, organisationId: string, roundId: string): Promise<string[]> {
  const rows = await sql<{ key: string }>`
    select distinct jsonb_object_keys(carried) as key from responses
    where organisation_id = ${organisationId} and round_id = ${roundId} and status = 'completed' order by 1`.execute(tx);
  return rows.rows.map((r) => r.key);
}
