// A council's advices on a round, their numbered points with cited figures, and the
// organisation's response per point. Every query filters on the organisation; row-level
// security enforces it too.

import { sql } from 'kysely';
import type { AdviceDecision, AdviceStatus, Citation } from './council-schema.ts';
import type { Tx } from './tenant-transaction.ts';

export interface AdviceResponse {
  readonly pointId: string;
  readonly decision: AdviceDecision;
  readonly reasons: string;
  readonly respondedBy: string | null;
  readonly respondedOn: string;
}

export interface AdvicePoint {
  readonly id: string;
  readonly number: number;
  readonly text: string;
  readonly citations: readonly Citation[];
  readonly response: AdviceResponse | null;
}

export interface Advice {
  readonly id: string;
  readonly roundId: string;
  readonly title: string;
  readonly introduction: string;
  readonly status: AdviceStatus;
  readonly sentOn: string | null;
  readonly points: readonly AdvicePoint[];
}

export async function insertAdvice(tx: Tx, organisationId: string, advice: { id: string; roundId: string; title: string; introduction: string; createdBy: string | null }): Promise<void> {
  await tx.insertInto('council_advices').values({
    id: advice.id, organisation_id: organisationId, round_id: advice.roundId, title: advice.title, introduction: advice.introduction, created_by: advice.createdBy,
  }).execute();
}

/** The round's advices, oldest first, each with its points and their responses. */
export async function listAdvices(tx: Tx, organisationId: string, roundId: string, adviceId?: string): Promise<Advice[]> {
  let query = tx.selectFrom('council_advices')
    .select(['id', 'round_id as roundId', 'title', 'introduction', 'status', sql<string | null>`sent_on::text`.as('sentOn')])
    .where('organisation_id', '=', organisationId).where('round_id', '=', roundId);
  if (adviceId) query = query.where('id', '=', adviceId);
  const advices = await query.orderBy('created_at').orderBy('id').execute();
  if (advices.length === 0) return [];
  const points = await tx.selectFrom('advice_points as p')
    .leftJoin('advice_responses as r', 'r.point_id', 'p.id')
    .select(['p.id', 'p.advice_id as adviceId', 'p.number', 'p.text', 'p.citations', 'r.decision', 'r.reasons', 'r.responded_by as respondedBy', sql<string | null>`r.responded_on::text`.as('respondedOn')])
    .where('p.organisation_id', '=', organisationId).where('p.advice_id', 'in', advices.map((a) => a.id))
    .orderBy('p.number').execute();
  return advices.map((advice) => ({
    ...advice,
    points: points.filter((p) => p.adviceId === advice.id).map((p) => ({
      id: p.id, number: p.number, text: p.text, citations: p.citations,
      response: p.decision && p.respondedOn ? { pointId: p.id, decision: p.decision, reasons: p.reasons ?? '', respondedBy: p.respondedBy, respondedOn: p.respondedOn } : null,
    })),
  }));
}

export async function getAdvice(tx: Tx, organisationId: string, roundId: string, adviceId: string): Promise<Advice | undefined> {
  return (await listAdvices(tx, organisationId, roundId, adviceId))[0];
}

/** Adds a point numbered after the last one; returns its number. */
export async function insertAdvicePoint(tx: Tx, organisationId: string, point: { id: string; adviceId: string; text: string; citations: readonly Citation[] }): Promise<number> {
  const last = await tx.selectFrom('advice_points').select(sql<number | null>`max(number)`.as('last'))
    .where('organisation_id', '=', organisationId).where('advice_id', '=', point.adviceId).executeTakeFirst();
  const number = (last?.last ?? 0) + 1;
  await tx.insertInto('advice_points').values({
    id: point.id, organisation_id: organisationId, advice_id: point.adviceId, number, text: point.text, citations: JSON.stringify(point.citations),
  }).execute();
  return number;
}

export async function markAdviceSent(tx: Tx, organisationId: string, adviceId: string, sentOn: string): Promise<void> {
  await tx.updateTable('council_advices').set({ status: 'sent', sent_on: sentOn })
    .where('organisation_id', '=', organisationId).where('id', '=', adviceId).execute();
}

/** Records or replaces the organisation's response to one point. */
export async function saveAdviceResponse(tx: Tx, organisationId: string, response: AdviceResponse): Promise<void> {
  await tx.insertInto('advice_responses').values({
    organisation_id: organisationId, point_id: response.pointId, decision: response.decision, reasons: response.reasons,
    responded_by: response.respondedBy, responded_on: response.respondedOn,
  }).onConflict((oc) => oc.column('point_id').doUpdateSet({
    decision: response.decision, reasons: response.reasons, responded_by: response.respondedBy, responded_on: response.respondedOn,
  })).execute();
}
