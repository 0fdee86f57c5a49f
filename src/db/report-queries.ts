// Aggregates for the round report: counts per item and value, never single answers. Only
// completed responses count. Nothing here touches invitees: answers are never joined to them.

import { sql } from 'kysely';
import type { ItemAnswerCounts } from '../domain/report/item-figures.ts';
import type { RoundCounts } from '../domain/report/build-round-report.ts';
import type { Tx } from './tenant-transaction.ts';

interface MutableCounts {
  values: Map<number, number>;
  options: Map<string, number>;
  notApplicable: number;
  respondents: number;
}

/** Counts per item: per value_num, per option_code, "n.v.t.", and responses answering it. */
export async function roundAnswerCounts(tx: Tx, organisationId: string, roundId: string): Promise<RoundCounts> {
  const rows = await tx
    .selectFrom('answers as a')
    .innerJoin('responses as r', 'r.id', 'a.response_id')
    .select([
      'a.item_key as itemKey',
      'a.value_num as valueNum',
      'a.option_code as optionCode',
      'a.not_applicable as notApplicable',
      sql<string>`count(*)`.as('count'),
    ])
    .where('a.organisation_id', '=', organisationId)
    .where('a.round_id', '=', roundId)
    .where('r.status', '=', 'completed')
    .where('a.value_text', 'is', null)
    .groupBy(['a.item_key', 'a.value_num', 'a.option_code', 'a.not_applicable'])
    .execute();
  const respondents = await tx
    .selectFrom('answers as a')
    .innerJoin('responses as r', 'r.id', 'a.response_id')
    .select(['a.item_key as itemKey', sql<string>`count(distinct a.response_id)`.as('count')])
    .where('a.organisation_id', '=', organisationId)
    .where('a.round_id', '=', roundId)
    .where('r.status', '=', 'completed')
    .where('a.not_applicable', '=', false)
    .groupBy('a.item_key')
    .execute();
  const completed = await tx
    .selectFrom('responses')
    .select(sql<string>`count(*)`.as('count'))
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .where('status', '=', 'completed')
    .executeTakeFirstOrThrow();

  const items = new Map<string, MutableCounts>();
  const entry = (key: string): MutableCounts => {
    let found = items.get(key);
    if (!found) {
      found = { values: new Map(), options: new Map(), notApplicable: 0, respondents: 0 };
      items.set(key, found);
    }
    return found;
  };
  for (const row of rows) {
    const counts = entry(row.itemKey);
    const count = Number(row.count);
    if (row.notApplicable) counts.notApplicable += count;
    else if (row.optionCode) counts.options.set(row.optionCode, (counts.options.get(row.optionCode) ?? 0) + count);
    else if (row.valueNum !== null) {
      const value = Number(row.valueNum);
      counts.values.set(value, (counts.values.get(value) ?? 0) + count);
    }
  }
  for (const row of respondents) entry(row.itemKey).respondents = Number(row.count);
  return { completed: Number(completed.count), items: items as ReadonlyMap<string, ItemAnswerCounts> };
}

/** Access codes of the round that reached the invitee (bounced ones excluded). */
export async function deliveredCodes(tx: Tx, organisationId: string, roundId: string): Promise<number> {
  const row = await tx
    .selectFrom('access_codes')
    .select(sql<string>`count(*)`.as('count'))
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .where('delivered', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface PreviousRound {
  readonly id: string;
  readonly name: string;
  readonly year: number;
}

/** The organisation's most recent other round of an earlier year that is closed or published. */
export async function previousRoundOf(tx: Tx, organisationId: string, roundId: string, year: number): Promise<PreviousRound | undefined> {
  return tx
    .selectFrom('rounds')
    .select(['id', 'name', 'year'])
    .where('organisation_id', '=', organisationId)
    .where('id', '<>', roundId)
    .where('year', '<', year)
    .where('status', 'in', ['closed', 'published'])
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
