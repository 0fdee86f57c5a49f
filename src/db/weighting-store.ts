// The weighting of a round: the chosen stratifying variable, the population counts per stratum,
// and the completed responses and answers per stratum that weighted figures are built from.
// Strata are read from the response itself (a carried variable, or the option the respondent
// chose at a single-choice item); nothing here touches invitees.

import { sql, type RawBuilder } from 'kysely';
import type { StratumSource } from './weighting-schema.ts';
import type { Tx } from './tenant-transaction.ts';

export interface WeightingChoice {
  readonly source: StratumSource;
  readonly variable: string;
}

export async function getWeightingChoice(tx: Tx, organisationId: string, roundId: string): Promise<WeightingChoice | undefined> {
  return tx.selectFrom('round_weighting').select(['source', 'variable'])
    .where('organisation_id', '=', organisationId).where('round_id', '=', roundId).executeTakeFirst();
}

/** Sets the variable, or switches weighting off with null. */
export async function setWeightingChoice(tx: Tx, organisationId: string, roundId: string, choice: WeightingChoice | null, userId: string | null): Promise<void> {
  await tx.deleteFrom('round_weighting').where('organisation_id', '=', organisationId).where('round_id', '=', roundId).execute();
  if (choice) {
    await tx.insertInto('round_weighting')
      .values({ organisation_id: organisationId, round_id: roundId, source: choice.source, variable: choice.variable, updated_by: userId })
      .execute();
  }
}

/** Population count per stratum of one variable. */
export async function populationCounts(tx: Tx, organisationId: string, roundId: string, choice: WeightingChoice): Promise<Map<string, number>> {
  const rows = await tx.selectFrom('round_population_counts').select(['value', 'count'])
    .where('organisation_id', '=', organisationId).where('round_id', '=', roundId)
    .where('source', '=', choice.source).where('variable', '=', choice.variable)
    .orderBy('value').execute();
  return new Map(rows.map((r) => [r.value, r.count]));
}

/** Replaces the population counts of one variable. */
export async function savePopulationCounts(tx: Tx, organisationId: string, roundId: string, choice: WeightingChoice, counts: ReadonlyMap<string, number>): Promise<void> {
  await tx.deleteFrom('round_population_counts')
    .where('organisation_id', '=', organisationId).where('round_id', '=', roundId)
    .where('source', '=', choice.source).where('variable', '=', choice.variable).execute();
  if (counts.size === 0) return;
  await tx.insertInto('round_population_counts')
    .values([...counts].map(([value, count]) => ({ organisation_id: organisationId, round_id: roundId, source: choice.source, variable: choice.variable, value, count })))
    .execute();
}

function stratumOf(choice: WeightingChoice): RawBuilder<string | null> {
  return choice.source === 'carried'
    ? sql<string | null>`r.carried ->> ${choice.variable}`
    : sql<string | null>`(select g.option_code from answers g where g.response_id = r.id and g.item_key = ${choice.variable} and g.option_code <> '' limit 1)`;
}

/** Completed responses per stratum; '' holds those without a value. */
export async function respondentsPerStratum(tx: Tx, organisationId: string, roundId: string, choice: WeightingChoice): Promise<Map<string, number>> {
  const rows = await sql<{ stratum: string | null; n: string }>`
    select ${stratumOf(choice)} as stratum, count(*)::text as n from responses r
    where r.organisation_id = ${organisationId} and r.round_id = ${roundId} and r.status = 'completed'
    group by 1`.execute(tx);
  const result = new Map<string, number>();
  for (const row of rows.rows) result.set(row.stratum ?? '', (result.get(row.stratum ?? '') ?? 0) + Number(row.n));
  return result;
}

/**
 * Counts per item, stratum and value of the scale answers (marks, agreement, yes/no) of the
 * given items; "n.v.t." and choice, number and open answers are left out.
 */
export async function scaleCountsPerStratum(
  tx: Tx, organisationId: string, roundId: string, choice: WeightingChoice, itemKeys: readonly string[],
): Promise<Map<string, Map<string, Map<number, number>>>> {
  const result = new Map<string, Map<string, Map<number, number>>>();
  if (itemKeys.length === 0) return result;
  const rows = await sql<{ item_key: string; stratum: string | null; value: number; n: string }>`
    select a.item_key, ${stratumOf(choice)} as stratum, a.value_num::integer as value, count(*)::text as n
    from answers a join responses r on r.id = a.response_id
    where a.organisation_id = ${organisationId} and a.round_id = ${roundId} and r.status = 'completed'
      and a.item_key in (${sql.join(itemKeys)}) and not a.not_applicable and a.option_code = ''
      and a.value_text is null and a.value_num is not null and a.value_num = trunc(a.value_num)
    group by 1, 2, 3`.execute(tx);
  for (const row of rows.rows) {
    const strata = result.get(row.item_key) ?? new Map<string, Map<number, number>>();
    result.set(row.item_key, strata);
    const stratum = row.stratum ?? '';
    const counts = strata.get(stratum) ?? new Map<number, number>();
    strata.set(stratum, counts);
    counts.set(Number(row.value), (counts.get(Number(row.value)) ?? 0) + Number(row.n));
  }
  return result;
}
