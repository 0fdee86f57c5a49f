import { sql } from 'kysely';
import type { Tx } from './tenant-transaction.ts';

// Open answers of completed responses, their codes per coder and their privacy review.

export type Coder = 1 | 2;
export type ReviewDecision = 'approved' | 'redacted' | 'excluded';

export interface OpenAnswerRow {
  readonly responseId: string;
  readonly text: string;
}

/** The non-empty answers to one open item of the round's completed responses, oldest first. */
export async function openAnswersOfItem(tx: Tx, organisationId: string, roundId: string, itemKey: string): Promise<OpenAnswerRow[]> {
  const rows = await tx
    .selectFrom('answers as a')
    .innerJoin('responses as r', 'r.id', 'a.response_id')
    .select(['a.response_id as responseId', 'a.value_text as text'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.round_id', '=', roundId)
    .where('a.item_key', '=', itemKey)
    .where('r.status', '=', 'completed')
    .where('a.value_text', 'is not', null)
    .orderBy('r.completed_on')
    .orderBy('r.id')
    .execute();
  return rows.filter((row) => (row.text ?? '').trim() !== '').map((row) => ({ responseId: row.responseId, text: row.text! }));
}

/** Codes per coded answer of one item and coder; an answer coded with no code maps to []. */
export async function codingsOfItem(tx: Tx, organisationId: string, roundId: string, itemKey: string, coder: Coder): Promise<Map<string, string[]>> {
  const rows = await tx
    .selectFrom('open_answer_codings as c')
    .leftJoin('open_answer_codes as k', (join) =>
      join.onRef('k.response_id', '=', 'c.response_id').onRef('k.item_key', '=', 'c.item_key').onRef('k.coder', '=', 'c.coder'))
    .select(['c.response_id as responseId', 'k.code_key as code'])
    .where('c.organisation_id', '=', organisationId)
    .where('c.round_id', '=', roundId)
    .where('c.item_key', '=', itemKey)
    .where('c.coder', '=', coder)
    .orderBy('k.code_key')
    .execute();
  const codings = new Map<string, string[]>();
  for (const row of rows) {
    const codes = codings.get(row.responseId) ?? [];
    if (row.code) codes.push(row.code);
    codings.set(row.responseId, codes);
  }
  return codings;
}

export interface CodingKey {
  readonly organisationId: string;
  readonly roundId: string;
  readonly responseId: string;
  readonly itemKey: string;
  readonly coder: Coder;
}

/** Replaces the codes of one answer for one coder (an empty list records "coded, no code"). */
export async function writeCoding(tx: Tx, key: CodingKey, codes: readonly string[], codedBy: string, codedOn: string): Promise<void> {
  await removeCoding(tx, key);
  await tx
    .insertInto('open_answer_codings')
    .values({ organisation_id: key.organisationId, round_id: key.roundId, response_id: key.responseId, item_key: key.itemKey, coder: key.coder, coded_by: codedBy, coded_on: codedOn })
    .execute();
  if (codes.length === 0) return;
  await tx
    .insertInto('open_answer_codes')
    .values(codes.map((code) => ({ organisation_id: key.organisationId, round_id: key.roundId, response_id: key.responseId, item_key: key.itemKey, coder: key.coder, code_key: code })))
    .execute();
}

export async function removeCoding(tx: Tx, key: CodingKey): Promise<void> {
  await tx
    .deleteFrom('open_answer_codings')
    .where('organisation_id', '=', key.organisationId)
    .where('response_id', '=', key.responseId)
    .where('item_key', '=', key.itemKey)
    .where('coder', '=', key.coder)
    .execute();
}

export interface UndoRow extends CodingKey {
  readonly wasCoded: boolean;
  readonly previousCodes: readonly string[];
}

export async function rememberForUndo(tx: Tx, userId: string, undo: UndoRow): Promise<void> {
  const values = {
    organisation_id: undo.organisationId, user_id: userId, round_id: undo.roundId, response_id: undo.responseId,
    item_key: undo.itemKey, coder: undo.coder, was_coded: undo.wasCoded, previous_codes: [...undo.previousCodes],
  };
  await tx.insertInto('open_answer_undo').values(values).onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doUpdateSet(values)).execute();
}

/** The user's last coding change, removed as it is taken. */
export async function takeUndo(tx: Tx, organisationId: string, userId: string): Promise<UndoRow | undefined> {
  const row = await tx
    .deleteFrom('open_answer_undo')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .returning(['round_id', 'response_id', 'item_key', 'coder', 'was_coded', 'previous_codes'])
    .executeTakeFirst();
  return row && {
    organisationId, roundId: row.round_id, responseId: row.response_id, itemKey: row.item_key,
    coder: row.coder as Coder, wasCoded: row.was_coded, previousCodes: row.previous_codes,
  };
}

export async function peekUndo(tx: Tx, organisationId: string, userId: string): Promise<{ roundId: string; itemKey: string; responseId: string } | undefined> {
  const row = await tx
    .selectFrom('open_answer_undo')
    .select(['round_id', 'item_key', 'response_id'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && { roundId: row.round_id, itemKey: row.item_key, responseId: row.response_id };
}

export interface ReviewRow {
  readonly decision: ReviewDecision;
  readonly redactedText: string | null;
}

export async function reviewsOfItem(tx: Tx, organisationId: string, roundId: string, itemKey: string): Promise<Map<string, ReviewRow>> {
  const rows = await tx
    .selectFrom('open_answer_reviews')
    .select(['response_id', 'decision', 'redacted_text'])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .where('item_key', '=', itemKey)
    .execute();
  return new Map(rows.map((row) => [row.response_id, { decision: row.decision, redactedText: row.redacted_text }]));
}

export async function writeReview(
  tx: Tx,
  key: Omit<CodingKey, 'coder'>,
  review: ReviewRow & { reviewedBy: string; reviewedOn: string },
): Promise<void> {
  const values = {
    organisation_id: key.organisationId, round_id: key.roundId, response_id: key.responseId, item_key: key.itemKey,
    decision: review.decision, redacted_text: review.redactedText, reviewed_by: review.reviewedBy, reviewed_on: review.reviewedOn,
  };
  await tx.insertInto('open_answer_reviews').values(values).onConflict((oc) => oc.columns(['response_id', 'item_key']).doUpdateSet(values)).execute();
}

/**
 * The text of an open answer as it may appear outside the coding screens: the original when a
 * person approved it, the redacted text when they redacted it, nothing otherwise.
 */
export const releasedText = sql<string | null>`case r.decision when 'approved' then a.value_text when 'redacted' then r.redacted_text else null end`;

/** Released texts of one round, by response and item. */
export async function releasedTextsOfRound(tx: Tx, organisationId: string, roundId: string): Promise<Map<string, string>> {
  const rows = await tx
    .selectFrom('answers as a')
    .innerJoin('open_answer_reviews as r', (join) => join.onRef('r.response_id', '=', 'a.response_id').onRef('r.item_key', '=', 'a.item_key'))
    .select(['a.response_id as responseId', 'a.item_key as itemKey', releasedText.as('text')])
    .where('a.organisation_id', '=', organisationId)
    .where('a.round_id', '=', roundId)
    .where('a.value_text', 'is not', null)
    .execute();
  return new Map(rows.filter((row) => row.text !== null).map((row) => [`${row.responseId}/${row.itemKey}`, row.text!]));
}

export interface CodedTrainingRow {
  readonly itemKey: string;
  readonly text: string;
  readonly codes: readonly string[];
}

/** Every answer the first coder coded in the organisation, across rounds, for training. */
export async function codedAnswersOfOrganisation(tx: Tx, organisationId: string): Promise<CodedTrainingRow[]> {
  const rows = await tx
    .selectFrom('open_answer_codings as c')
    .innerJoin('answers as a', (join) => join.onRef('a.response_id', '=', 'c.response_id').onRef('a.item_key', '=', 'c.item_key'))
    .leftJoin('open_answer_codes as k', (join) =>
      join.onRef('k.response_id', '=', 'c.response_id').onRef('k.item_key', '=', 'c.item_key').onRef('k.coder', '=', 'c.coder'))
    .select(['c.response_id as responseId', 'c.item_key as itemKey', 'a.value_text as text', 'k.code_key as code'])
    .where('c.organisation_id', '=', organisationId)
    .where('c.coder', '=', 1)
    .orderBy('c.response_id')
    .orderBy('c.item_key')
    .execute();
  const byAnswer = new Map<string, { itemKey: string; text: string; codes: string[] }>();
  for (const row of rows) {
    const key = `${row.responseId}/${row.itemKey}`;
    const entry = byAnswer.get(key) ?? { itemKey: row.itemKey, text: row.text ?? '', codes: [] };
    if (row.code) entry.codes.push(row.code);
    byAnswer.set(key, entry);
  }
  return [...byAnswer.values()];
}

export async function loadCodingModel(tx: Tx, organisationId: string): Promise<{ model: unknown; evaluation: unknown; trainedAt: Date } | undefined> {
  const row = await tx.selectFrom('coding_models').select(['model', 'evaluation', 'trained_at']).where('organisation_id', '=', organisationId).executeTakeFirst();
  return row && { model: row.model, evaluation: row.evaluation, trainedAt: row.trained_at };
}

export async function saveCodingModel(tx: Tx, organisationId: string, model: unknown, evaluation: unknown): Promise<void> {
  const values = { organisation_id: organisationId, model: JSON.stringify(model), evaluation: JSON.stringify(evaluation) };
  await tx.insertInto('coding_models').values(values).onConflict((oc) => oc.column('organisation_id').doUpdateSet({ ...values, trained_at: new Date() })).execute();
}

export interface RoundCodeCounts {
  /** Respondents whose answer to the item the first coder coded. */
  readonly base: number;
  /** Respondents per code. */
  readonly counts: ReadonlyMap<string, number>;
}

/** First-coder counts per open item of a round: the base and the respondents per code. */
export async function codeCountsOfRound(tx: Tx, organisationId: string, roundId: string): Promise<Map<string, RoundCodeCounts>> {
  const bases = await tx
    .selectFrom('open_answer_codings')
    .select(['item_key', (eb) => eb.fn.countAll<string>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .where('coder', '=', 1)
    .groupBy('item_key')
    .execute();
  const codes = await tx
    .selectFrom('open_answer_codes')
    .select(['item_key', 'code_key', (eb) => eb.fn.countAll<string>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .where('coder', '=', 1)
    .groupBy(['item_key', 'code_key'])
    .execute();
  const result = new Map<string, { base: number; counts: Map<string, number> }>();
  for (const row of bases) result.set(row.item_key, { base: Number(row.n), counts: new Map() });
  for (const row of codes) result.get(row.item_key)?.counts.set(row.code_key, Number(row.n));
  return result;
}

/** Released (reviewed) texts of a round's open answers with the first coder's codes. */
export async function releasedCodedTexts(tx: Tx, organisationId: string, roundId: string): Promise<{ itemKey: string; text: string; codes: string[] }[]> {
  const rows = await tx
    .selectFrom('open_answer_codes as k')
    .innerJoin('answers as a', (join) => join.onRef('a.response_id', '=', 'k.response_id').onRef('a.item_key', '=', 'k.item_key'))
    .innerJoin('open_answer_reviews as r', (join) => join.onRef('r.response_id', '=', 'k.response_id').onRef('r.item_key', '=', 'k.item_key'))
    .select(['k.response_id as responseId', 'k.item_key as itemKey', 'k.code_key as code', releasedText.as('text')])
    .where('k.organisation_id', '=', organisationId)
    .where('k.round_id', '=', roundId)
    .where('k.coder', '=', 1)
    .orderBy('k.response_id')
    .execute();
  const byAnswer = new Map<string, { itemKey: string; text: string; codes: string[] }>();
  for (const row of rows) {
    if (row.text === null) continue;
    const key = `${row.responseId}/${row.itemKey}`;
    const entry = byAnswer.get(key) ?? { itemKey: row.itemKey, text: row.text, codes: [] };
    entry.codes.push(row.code);
    byAnswer.set(key, entry);
  }
  return [...byAnswer.values()];
}
