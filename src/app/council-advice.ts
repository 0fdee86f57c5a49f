import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import { getAdvice, insertAdvice, insertAdvicePoint, listAdvices, markAdviceSent, saveAdviceResponse, type Advice } from '../db/council-advice-store.ts';
import type { Citation } from '../db/council-schema.ts';
import { getRound, type Round } from '../db/round-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { checkAdviceResponse, MAX_ADVICE_TEXT, type ResponseProblem } from '../domain/council/advice-response-rules.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { todayInNetherlands } from './today.ts';

// The council writes an advice on a round (numbered points, each may cite figures from the
// round's report), sends it, and from then on it is read-only; the organisation records its
// response per point. Every step is in the audit log.

export interface CouncilActor {
  readonly organisationId: string;
  readonly userId: string | null;
}

/** The point form offers two figure choices. */
export const MAX_CITATIONS = 2;

export interface RoundAdvices {
  readonly round: Round;
  readonly advices: readonly Advice[];
}

/** The round with its advices, or undefined when the round is not the organisation's. */
export function roundAdvices(db: Kysely<DB>, organisationId: string, roundId: string): Promise<RoundAdvices | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const round = await getRound(tx, organisationId, roundId);
    return round && { round, advices: await listAdvices(tx, organisationId, roundId) };
  });
}

export function adviceOf(db: Kysely<DB>, organisationId: string, roundId: string, adviceId: string): Promise<{ round: Round; advice: Advice } | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const round = await getRound(tx, organisationId, roundId);
    const advice = round && (await getAdvice(tx, organisationId, roundId, adviceId));
    return round && advice ? { round, advice } : undefined;
  });
}

export type StartAdviceProblem = 'not-found' | 'title' | 'introduction';

export async function startAdvice(
  db: Kysely<DB>, actor: CouncilActor, roundId: string, input: { title: string; introduction: string },
): Promise<Result<string, StartAdviceProblem[]>> {
  const title = input.title.trim(), introduction = input.introduction.trim();
  const problems: StartAdviceProblem[] = [];
  if (title.length < 1 || title.length > 200) problems.push('title');
  if (introduction.length > MAX_ADVICE_TEXT) problems.push('introduction');
  return withTenant(db, actor.organisationId, async (tx) => {
    if (!(await getRound(tx, actor.organisationId, roundId))) return err(['not-found' as const]);
    if (problems.length) return err(problems);
    const id = randomUUID();
    await insertAdvice(tx, actor.organisationId, { id, roundId, title, introduction, createdBy: actor.userId });
    await recordAudit(tx, { organisationId: actor.organisationId, userId: actor.userId, action: 'council-advice-started', details: { roundId, adviceId: id } });
    return ok(id);
  });
}

export type AddPointProblem = 'not-found' | 'sent' | 'text' | 'citations';

export async function addAdvicePoint(
  db: Kysely<DB>, actor: CouncilActor, roundId: string, adviceId: string, input: { text: string; citations: readonly Citation[] },
): Promise<Result<number, AddPointProblem>> {
  const text = input.text.trim();
  return withTenant(db, actor.organisationId, async (tx) => {
    const advice = await getAdvice(tx, actor.organisationId, roundId, adviceId);
    if (!advice) return err('not-found' as const);
    if (advice.status === 'sent') return err('sent' as const);
    if (text === '' || text.length > MAX_ADVICE_TEXT) return err('text' as const);
    if (input.citations.length > MAX_CITATIONS) return err('citations' as const);
    const number = await insertAdvicePoint(tx, actor.organisationId, { id: randomUUID(), adviceId, text, citations: input.citations });
    await recordAudit(tx, { organisationId: actor.organisationId, userId: actor.userId, action: 'council-advice-point-added', details: { roundId, adviceId, number } });
    return ok(number);
  });
}

export type SendAdviceProblem = 'not-found' | 'sent' | 'no-points';

/** Sends the advice to the organisation: dated today, read-only from now on. */
export async function sendAdvice(db: Kysely<DB>, actor: CouncilActor, roundId: string, adviceId: string, now?: Date): Promise<Result<string, SendAdviceProblem>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const advice = await getAdvice(tx, actor.organisationId, roundId, adviceId);
    if (!advice) return err('not-found' as const);
    if (advice.status === 'sent') return err('sent' as const);
    if (advice.points.length === 0) return err('no-points' as const);
    const sentOn = todayInNetherlands(now);
    await markAdviceSent(tx, actor.organisationId, adviceId, sentOn);
    await recordAudit(tx, { organisationId: actor.organisationId, userId: actor.userId, action: 'council-advice-sent', details: { roundId, adviceId, points: advice.points.length } });
    return ok(sentOn);
  });
}

export type RecordResponseProblem = 'not-found' | 'not-sent' | ResponseProblem;

/** The organisation's decision on one point of a sent advice, with reasons; replaces an earlier one. */
export async function recordAdviceResponse(
  db: Kysely<DB>, actor: CouncilActor, ids: { roundId: string; adviceId: string; pointId: string },
  input: { decision: unknown; reasons: string }, now?: Date,
): Promise<Result<void, RecordResponseProblem[]>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const advice = await getAdvice(tx, actor.organisationId, ids.roundId, ids.adviceId);
    const point = advice?.points.find((p) => p.id === ids.pointId);
    if (!advice || !point) return err(['not-found' as const]);
    if (advice.status !== 'sent') return err(['not-sent' as const]);
    const checked = checkAdviceResponse(input.decision, input.reasons);
    if (!checked.ok) return checked;
    await saveAdviceResponse(tx, actor.organisationId, {
      pointId: point.id, ...checked.value, respondedBy: actor.userId, respondedOn: todayInNetherlands(now),
    });
    await recordAudit(tx, { organisationId: actor.organisationId, userId: actor.userId, action: 'council-advice-response', details: { roundId: ids.roundId, adviceId: ids.adviceId, number: point.number, decision: checked.value.decision } });
    return ok(undefined);
  });
}
