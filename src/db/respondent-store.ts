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
  /** Goes up with every save. */
  readonly revision: number;
}

/** One page saved: the answers to clear, the rows to store, and what to note on the response. */
export interface PageWrite {
  readonly response: { readonly id: string; readonly organisationId: string; readonly roundId: string };
  /** Items whose stored answers are replaced (the page's questions, minus those with a problem). */
  readonly clearItemKeys: readonly string[];
  readonly rows: readonly StoredAnswer[];
  /** The page to resume at; undefined keeps the one stored (a page with a problem). */
  readonly lastBlock?: string;
  readonly language?: string;
}

/**
 * Stores the pages of several responses (locked by the caller) in three statements whatever
 * their number: one delete, one insert, one update that raises each revision. Returns the new
 * revision of each response.
 */
export async function writePages(tx: Tx, writes: readonly PageWrite[]): Promise<Map<string, number>> {
  const cleared = writes.flatMap((w) => w.clearItemKeys.map((k) => ({ r: w.response.id, k })));
  if (cleared.length > 0) {
    await sql`delete from answers a using jsonb_to_recordset(${JSON.stringify(cleared)}::jsonb) as d(r uuid, k text)
      where a.response_id = d.r and a.item_key = d.k`.execute(tx);
  }
  const rows = writes.flatMap((w) => w.rows.map((a) => answerRow({ organisationId: w.response.organisationId, roundId: w.response.roundId, responseId: w.response.id }, a)));
  for (let i = 0; i < rows.length; i += 1000) await tx.insertInto('answers').values(rows.slice(i, i + 1000)).execute();
  const notes = writes.map((w) => ({ id: w.response.id, b: w.lastBlock ?? null, l: w.language ?? null }));
  const updated = await sql<{ id: string; revision: number }>`update responses p
      set revision = p.revision + 1, last_block = coalesce(n.b, p.last_block), language = coalesce(n.l, p.language)
      from jsonb_to_recordset(${JSON.stringify(notes)}::jsonb) as n(id uuid, b text, l text)
      where p.id = n.id
      returning p.id, p.revision`.execute(tx);
  return new Map(updated.rows.map((r) => [r.id, Number(r.revision)]));
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

function contextQuery(tx: Tx) {
  return tx
    .selectFrom('responses as p')
    .innerJoin('rounds as r', 'r.id', 'p.round_id')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id', 'p.organisation_id as organisationId', 'p.round_id as roundId', 'p.status', 'p.language', 'p.channel', 'p.last_block as lastBlock', 'p.revision',
      'r.name as roundName', 'r.status as roundStatus', 'r.access as roundAccess', 'r.questionnaire_version_id as questionnaireVersionId',
      'o.name as organisationName',
      sql<StoredAnswerRow[]>`coalesce((select json_agg(json_build_object('k', a.item_key, 'o', a.option_code, 'n', a.value_num, 't', a.value_text, 'na', a.not_applicable))
        from answers a where a.response_id = p.id), '[]'::json)`.as('answerRows'),
    ]);
}

function toContext(row: Awaited<ReturnType<ReturnType<typeof contextQuery>['executeTakeFirstOrThrow']>>): ResponseContext {
  const { answerRows, ...context } = row;
  return { ...context, answers: answerRows.map(storedAnswer) };
}

/**
 * Everything a respondent page needs about its response, round and organisation, in one query.
 * With lock, the response row stays locked until the transaction ends, so two saves of the same
 * response (a double click) run one after the other instead of colliding on the answer rows.
 */
export async function getResponseContext(tx: Tx, id: string, lock = false): Promise<ResponseContext | undefined> {
  const query = contextQuery(tx).where('p.id', '=', id);
  const row = await (lock ? query.forUpdate('p') : query).executeTakeFirst();
  return row && toContext(row);
}

export interface LockedResponse {
  readonly id: string;
  readonly organisationId: string;
  readonly revision: number;
  readonly status: 'in_progress' | 'completed';
  readonly roundStatus: 'draft' | 'fieldwork' | 'closed' | 'published';
}

/**
 * Locks several responses (in id order, see below) and returns just what tells whether a state
 * held in memory is still theirs: revision, status and the round's status.
 */
export async function lockResponses(tx: Tx, ids: readonly string[]): Promise<Map<string, LockedResponse>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('responses as p')
    .innerJoin('rounds as r', 'r.id', 'p.round_id')
    .select(['p.id', 'p.organisation_id as organisationId', 'p.revision', 'p.status', 'r.status as roundStatus'])
    .where('p.id', 'in', [...ids])
    .orderBy('p.id')
    .forUpdate('p')
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The same for several responses in one query, each row locked. Rows are locked in id order, so
 * two transactions that lock overlapping sets wait for each other instead of deadlocking.
 */
export async function lockResponseContexts(tx: Tx, ids: readonly string[]): Promise<Map<string, ResponseContext>> {
  if (ids.length === 0) return new Map();
  const rows = await contextQuery(tx).where('p.id', 'in', [...ids]).orderBy('p.id').forUpdate('p').execute();
  return new Map(rows.map((row) => [row.id, toContext(row)]));
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
