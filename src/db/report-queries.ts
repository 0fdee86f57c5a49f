// Aggregates for the round report: counts per item and value, never single answers. Only
// completed responses count. Nothing here touches invitees: answers are never joined to them.
// The counts come from the sufficient statistics kept when responses complete; the reference
// group comes through the one SECURITY DEFINER function that pools other organisations.

import { sql } from 'kysely';
import type { ItemAnswerCounts } from '../domain/report/item-figures.ts';
import type { RoundCounts } from '../domain/report/build-round-report.ts';
import { REFERENCE_MIN_ORGANISATIONS, type ReferenceInput, type ReferenceItemCounts } from '../domain/report/reference-group.ts';
import { countsFromCells, withPublishedFigures, type StatisticCell, type StatisticCellKind } from '../domain/report/round-counts.ts';
import type { PublishedFigure } from '../domain/report/published-figure.ts';
import { publishedFiguresOf } from './published-figures-store.ts';
import { itemMomentsOf, itemStatisticsOf, ROUND_ROW_KEY } from './item-statistics-store.ts';
import type { Tx } from './tenant-transaction.ts';

/**
 * Counts per item of one round: per value, per option, "n.v.t.", and responses answering it,
 * read from the stored sufficient statistics (item-statistics-store.ts), not from the answers.
 */
export async function roundAnswerCounts(tx: Tx, organisationId: string, roundId: string): Promise<RoundCounts> {
  const [counts, completed] = await Promise.all([
    roundsAnswerCounts(tx, organisationId, [roundId]),
    completedResponses(tx, organisationId, [roundId]),
  ]);
  return { completed: completed.get(roundId) ?? 0, items: counts.get(roundId) ?? new Map() };
}

/** Counts per item for several rounds at once (trend), optionally only some items. */
export async function roundsAnswerCounts(
  tx: Tx,
  organisationId: string,
  roundIds: readonly string[],
  itemKeys?: readonly string[],
): Promise<Map<string, ReadonlyMap<string, ItemAnswerCounts>>> {
  return (await roundsStatistics(tx, organisationId, roundIds, itemKeys)).counts;
}

/** Counts per item and completed responses of several rounds, in two queries. */
export async function roundsStatistics(
  tx: Tx,
  organisationId: string,
  roundIds: readonly string[],
  itemKeys?: readonly string[],
): Promise<{ counts: Map<string, ReadonlyMap<string, ItemAnswerCounts>>; completed: Map<string, number> }> {
  const cells = await itemStatisticsOf(tx, organisationId, roundIds, itemKeys ? [...itemKeys, ROUND_ROW_KEY] : undefined);
  const moments = await itemMomentsOf(tx, organisationId, roundIds, itemKeys);
  const published = (await publishedFiguresOf(tx, organisationId, roundIds)).filter((f) => !itemKeys || itemKeys.includes(f.itemKey));
  const counts = new Map<string, ReadonlyMap<string, ItemAnswerCounts>>();
  const completed = new Map<string, number>();
  for (const roundId of roundIds) {
    const own = cells.filter((c) => c.roundId === roundId);
    const counted = countsFromCells(own.filter((c) => c.itemKey !== ROUND_ROW_KEY), moments.filter((m) => m.roundId === roundId));
    const figures = published.filter((f) => f.roundId === roundId);
    completed.set(roundId, own.find((c) => c.itemKey === ROUND_ROW_KEY && c.kind === 'respondents')?.count ?? respondentsOfFigures(figures));
    counts.set(roundId, withPublishedFigures(counted, figures));
  }
  return { counts, completed };
}

/** A round known only from its report: as many respondents as its best-answered item had. */
function respondentsOfFigures(figures: readonly PublishedFigure[]): number {
  return figures.reduce((most, f) => Math.max(most, f.n), 0);
}

/** Completed responses per round, from the round rows of the statistics (no scan of responses). */
export async function completedResponses(tx: Tx, organisationId: string, roundIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await itemStatisticsOf(tx, organisationId, roundIds, [ROUND_ROW_KEY]);
  return new Map(rows.filter((r) => r.kind === 'respondents').map((r) => [r.roundId, r.count]));
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

export interface ReportRound {
  readonly id: string;
  readonly name: string;
  readonly year: number;
}

/**
 * The organisation's rounds for a trend: closed or published rounds up to the year of this
 * round, and this round itself (also during fieldwork), oldest first.
 */
export async function trendRoundsOf(tx: Tx, organisationId: string, round: { id: string; year: number }): Promise<ReportRound[]> {
  return tx
    .selectFrom('rounds')
    .select(['id', 'name', 'year'])
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([
      eb('id', '=', round.id),
      eb.and([
        eb('status', 'in', ['closed', 'published']), eb('year', '<=', round.year),
        // A council's own survey and the organisation's rounds are never one trend.
        eb('owner_kind', '=', eb.selectFrom('rounds as self').select('self.owner_kind').where('self.id', '=', round.id)),
      ]),
    ]))
    .orderBy('year')
    .orderBy('created_at')
    .execute();
}

/**
 * The reference group of the organisation in this transaction (app.org) for some item keys:
 * pooled counts of other, contributing organisations' closed or published rounds of the year.
 * The database function returns only keys with at least five organisations.
 */
export async function referenceCounts(tx: Tx, year: number, itemKeys: readonly string[]): Promise<ReferenceInput> {
  // As one JSON text: cheaper for PGlite than hundreds of rows.
  const result = await sql<{ cells: string | null }>`
    select json_agg(f)::text as cells from reference_item_counts(${year}, ${textArray(itemKeys)}::text[]) f`.execute(tx);
  return referenceFrom(year, JSON.parse(result.rows[0]?.cells ?? 'null') ?? []);
}

interface ReferenceRow { ref_item_key: string; ref_kind: StatisticCellKind; ref_value: number; ref_option_code: string; ref_count: number; ref_organisations: number }

const textArray = (values: readonly string[]) => `{${values.map((k) => `"${k.replace(/["\\]/g, '')}"`).join(',')}}`;

function referenceFrom(year: number, rows: readonly ReferenceRow[]): ReferenceInput {
  const organisations = new Map<string, number>();
  const cells: StatisticCell[] = rows.map((r) => {
    organisations.set(r.ref_item_key, Number(r.ref_organisations));
    return { itemKey: r.ref_item_key, kind: r.ref_kind, value: Number(r.ref_value), optionCode: r.ref_option_code, count: Number(r.ref_count) };
  });
  const items = new Map<string, ReferenceItemCounts>();
  for (const [key, counts] of countsFromCells(cells)) {
    const count = organisations.get(key) ?? 0;
    if (count >= REFERENCE_MIN_ORGANISATIONS) items.set(key, { counts, organisations: count });
  }
  return { year, items };
}

export interface ReportData {
  /** Per round: counts per item. */
  readonly counts: Map<string, ReadonlyMap<string, ItemAnswerCounts>>;
  /** Per round: completed responses. */
  readonly completed: Map<string, number>;
  readonly reference: ReferenceInput;
  /** Delivered access codes of the report's own round. */
  readonly delivered: number;
}

/**
 * Everything countable the report needs, in one statement (one round trip): the statistics and
 * moments of the organisation's rounds, the reference group of the year for the item keys, and
 * the delivered codes of the round.
 */
export async function reportData(
  tx: Tx,
  organisationId: string,
  input: { roundId: string; roundIds: readonly string[]; year: number; itemKeys: readonly string[] },
): Promise<ReportData> {
  const rounds = sql.join([...input.roundIds]);
  const result = await sql<{ data: string }>`
    select json_build_object(
      'cells', (select json_agg(json_build_array(round_id, item_key, kind, value, option_code, count)) from item_statistics
                where organisation_id = ${organisationId} and round_id in (${rounds})),
      'moments', (select json_agg(json_build_array(round_id, item_key, n, sum, sum_squares)) from item_moments
                  where organisation_id = ${organisationId} and round_id in (${rounds})),
      'reference', (select json_agg(f) from reference_item_counts(${input.year}, ${textArray(input.itemKeys)}::text[]) f),
      'delivered', (select count(*) from access_codes where organisation_id = ${organisationId} and round_id = ${input.roundId} and delivered),
      'published', (select json_agg(json_build_array(round_id, item_key, n, mean, sd, share)) from published_figures
                    where organisation_id = ${organisationId} and round_id in (${rounds}))
    )::text as data`.execute(tx);
  const data = JSON.parse(result.rows[0]!.data) as {
    cells: [string, string, StatisticCellKind, number, string, number][] | null;
    moments: [string, string, number, number, number][] | null;
    reference: ReferenceRow[] | null;
    delivered: number;
    published: [string, string, number, number | null, number | null, number | null][] | null;
  };
  const counts = new Map<string, ReadonlyMap<string, ItemAnswerCounts>>();
  const completed = new Map<string, number>();
  for (const roundId of input.roundIds) {
    const cells: StatisticCell[] = [];
    for (const [r, itemKey, kind, value, optionCode, count] of data.cells ?? []) {
      if (r !== roundId) continue;
      if (itemKey === ROUND_ROW_KEY) {
        if (kind === 'respondents') completed.set(roundId, count);
      } else cells.push({ itemKey, kind, value, optionCode, count });
    }
    const moments = (data.moments ?? []).filter(([r]) => r === roundId).map(([, itemKey, n, sum, sumSquares]) => ({ itemKey, n, sum, sumSquares }));
    const figures = (data.published ?? []).filter(([r]) => r === roundId).map(([, itemKey, n, mean, sd, share]) => ({ itemKey, n, mean, sd, share }));
    counts.set(roundId, withPublishedFigures(countsFromCells(cells, moments), figures));
    if (!completed.has(roundId)) completed.set(roundId, respondentsOfFigures(figures));
  }
  return { counts, completed, reference: referenceFrom(input.year, data.reference ?? []), delivered: Number(data.delivered) };
}
