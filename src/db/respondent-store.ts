import { sql } from 'kysely';
import { addCompletedResponses } from './item-statistics-store.ts';
import { answerRow } from './response-store.ts';
import type { StoredAnswer } from '../domain/questionnaire/answer-encoding.ts';
import type { Channel } from './schema.ts';
import type { Tx } from './tenant-transaction.ts';

export interface AccessCodeRow {
  readonly id: string;
  readonly organisationId: string;
  readonly roundId: string;
  readonly state: 'unused' | 'started' | 'completed';
}

/** Looked up before the organisation is known, so it runs in the system context. */
export async function findAccessCode(tx: Tx, codeHash: string): Promise<AccessCodeRow | undefined> {
  return tx
    .selectFrom('access_codes')
    .select(['id', 'organisation_id as organisationId', 'round_id as roundId', 'state'])
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
}

export async function responseOfCode(tx: Tx, accessCodeId: string): Promise<string | undefined> {
  const row = await tx.selectFrom('response_sessions').select('response_id').where('access_code_id', '=', accessCodeId).executeTakeFirst();
  return row?.response_id;
}

export interface NewResponse {
  readonly id: string;
  readonly organisationId: string;
  readonly roundId: string;
  readonly channel: Channel;
  readonly language: string;
  readonly today: string;
  /** Null for open-link rounds. */
  readonly accessCodeId: string | null;
}

export async function insertStartedResponse(tx: Tx, response: NewResponse): Promise<void> {
  await tx
    .insertInto('responses')
    .values({
      id: response.id,
      organisation_id: response.organisationId,
      round_id: response.roundId,
      channel: response.channel,
      language: response.language,
      status: 'in_progress',
      started_on: response.today,
      completed_on: null,
      // The coarse variables the code carries (only shared combinations; see draw-round-sample).
      ...(response.accessCodeId ? { carried: sql<string>`(select carried from access_codes where id = ${response.accessCodeId})` } : {}),
    })
    .execute();
  if (response.accessCodeId) {
    await tx
      .insertInto('response_sessions')
      .values({ organisation_id: response.organisationId, access_code_id: response.accessCodeId, response_id: response.id })
      .execute();
    await tx.updateTable('access_codes').set({ state: 'started' }).where('id', '=', response.accessCodeId).execute();
  }
}

export interface ResponseRow {
  readonly id: string;
  readonly organisationId: string;
  readonly roundId: string;
  readonly status: 'in_progress' | 'completed';
  readonly language: string;
  readonly channel: Channel;
  readonly lastBlock: string | null;
}

export async function getResponse(tx: Tx, id: string): Promise<ResponseRow | undefined> {
  return tx
    .selectFrom('responses')
    .select(['id', 'organisation_id as organisationId', 'round_id as roundId', 'status', 'language', 'channel', 'last_block as lastBlock'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Replaces the answers to the given items (one page) in one statement pair. */
export async function replaceAnswers(
  tx: Tx,
  response: { id: string; organisationId: string; roundId: string },
  itemKeys: readonly string[],
  rows: readonly StoredAnswer[],
): Promise<void> {
  if (itemKeys.length > 0) {
    await tx.deleteFrom('answers').where('response_id', '=', response.id).where('item_key', 'in', [...itemKeys]).execute();
  }
  if (rows.length === 0) return;
  await tx
    .insertInto('answers')
    .values(
      rows.map((a) => answerRow({ organisationId: response.organisationId, roundId: response.roundId, responseId: response.id }, a)),
    )
    .execute();
}

export async function markPageSaved(tx: Tx, id: string, blockKey: string, language: string): Promise<void> {
  await tx.updateTable('responses').set({ last_block: blockKey, language }).where('id', '=', id).execute();
}

/**
 * Completes a response: answers to items the respondent was not routed to are dropped, the
 * code is spent, and the link between code and response is deleted so that afterwards nothing
 * joins the response to a code (or, through the code, to a person).
 */
export async function completeResponse(
  tx: Tx,
  input: { id: string; keepItemKeys: readonly string[]; today: string },
): Promise<boolean> {
  const updated = await tx
    .updateTable('responses')
    .set({ status: 'completed', completed_on: input.today, last_block: null })
    .where('id', '=', input.id)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  let drop = tx.deleteFrom('answers').where('response_id', '=', input.id);
  if (input.keepItemKeys.length > 0) drop = drop.where('item_key', 'not in', [...input.keepItemKeys]);
  await drop.execute();
  await addCompletedResponses(tx, [input.id]);
  const link = await tx.deleteFrom('response_sessions').where('response_id', '=', input.id).returning('access_code_id').executeTakeFirst();
  if (link) await tx.updateTable('access_codes').set({ state: 'completed' }).where('id', '=', link.access_code_id).execute();
  return true;
}

/**
 * The code of one round, for staff typing in a paper form; locked for the rest of the
 * transaction so two people saving the same form one after the other cannot both count it.
 */
export async function lockRoundAccessCode(tx: Tx, roundId: string, codeHash: string): Promise<AccessCodeRow | undefined> {
  return tx
    .selectFrom('access_codes')
    .select(['id', 'organisation_id as organisationId', 'round_id as roundId', 'state'])
    .where('round_id', '=', roundId)
    .where('code_hash', '=', codeHash)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Spends a code for a paper form. A web response the respondent started but did not finish is
 * discarded (with its link to the code), so one code never counts twice. False when the code
 * was already completed.
 */
/** The coarse variables an access code carries to its response ({} for none). */
export async function carriedOfCode(tx: Tx, accessCodeId: string): Promise<Record<string, string>> {
  const row = await tx.selectFrom('access_codes').select('carried').where('id', '=', accessCodeId).executeTakeFirst();
  return row?.carried ?? {};
}

export async function spendCodeOnPaper(tx: Tx, accessCodeId: string): Promise<boolean> {
  const spent = await tx
    .updateTable('access_codes')
    .set({ state: 'completed' })
    .where('id', '=', accessCodeId)
    .where('state', '!=', 'completed')
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) return false;
  const started = await tx.deleteFrom('response_sessions').where('access_code_id', '=', accessCodeId).returning('response_id').executeTakeFirst();
  if (started) await tx.deleteFrom('responses').where('id', '=', started.response_id).where('status', '=', 'in_progress').execute();
  return true;
}

/** Whether a code (by hash) belongs to a round, e.g. before printing it on a paper form. */
export async function roundHasAccessCode(tx: Tx, roundId: string, codeHash: string): Promise<boolean> {
  const row = await tx.selectFrom('access_codes').select('id').where('round_id', '=', roundId).where('code_hash', '=', codeHash).executeTakeFirst();
  return row !== undefined;
}

export interface ResponseContext extends ResponseRow {
  /** The answers saved so far, fetched in the same statement (one round trip less per page). */
  readonly answers: StoredAnswer[];
  readonly roundName: string;
  readonly roundStatus: 'draft' | 'fieldwork' | 'closed' | 'published';
  readonly roundAccess: 'codes' | 'open';
  readonly questionnaireVersionId: string;
  readonly organisationName: string;
}

/**
 * Everything a respondent page needs about its response, round and organisation, in one query.
 * With lock, the response row stays locked until the transaction ends, so two saves of the same
 * response (a double click) run one after the other instead of colliding on the answer rows.
 */
export async function getResponseContext(tx: Tx, id: string, lock = false): Promise<ResponseContext | undefined> {
  const query = tx
    .selectFrom('responses as p')
    .innerJoin('rounds as r', 'r.id', 'p.round_id')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id', 'p.organisation_id as organisationId', 'p.round_id as roundId', 'p.status', 'p.language', 'p.channel', 'p.last_block as lastBlock',
      'r.name as roundName', 'r.status as roundStatus', 'r.access as roundAccess', 'r.questionnaire_version_id as questionnaireVersionId',
      'o.name as organisationName',
      sql<StoredAnswerRow[]>`coalesce((select json_agg(json_build_object('k', a.item_key, 'o', a.option_code, 'n', a.value_num, 't', a.value_text, 'na', a.not_applicable))
        from answers a where a.response_id = p.id), '[]'::json)`.as('answerRows'),
    ])
    .where('p.id', '=', id);
  const row = await (lock ? query.forUpdate('p') : query).executeTakeFirst();
  if (!row) return undefined;
  const { answerRows, ...context } = row;
  return { ...context, answers: answerRows.map(storedAnswer) };
}

interface StoredAnswerRow { k: string; o: string; n: number | null; t: string | null; na: boolean }

function storedAnswer(r: StoredAnswerRow): StoredAnswer {
  return {
    itemKey: r.k,
    ...(r.o ? { optionCode: r.o } : {}),
    ...(r.n !== null ? { valueNum: r.n } : {}),
    ...(r.t !== null ? { valueText: r.t } : {}),
    ...(r.na ? { notApplicable: true } : {}),
  };
}
