// Improvement plans, their focus points and measures. Every query filters on the organisation;
// row-level security enforces the same. Focus points and measures are looked up through their
// plan, so an id from another plan (or a made-up one) finds nothing.

import { sql } from 'kysely';
import type { MeasureStatus } from '../domain/plan/measure-status.ts';
import type { Tx } from './tenant-transaction.ts';

export interface Plan {
  readonly id: string;
  readonly baselineRoundId: string;
  readonly baselineRoundName: string;
  readonly baselineYear: number;
  readonly title: string;
  readonly published: boolean;
}

export interface Measure {
  readonly id: string;
  readonly focusPointId: string;
  readonly description: string;
  readonly owner: string;
  readonly targetDate: string | null;
  readonly status: MeasureStatus;
  readonly note: string;
}

export interface FocusPoint {
  readonly id: string;
  readonly position: number;
  readonly title: string;
  readonly description: string;
  readonly itemKeys: readonly string[];
  readonly measures: readonly Measure[];
}

export type FocusPointFields = Pick<FocusPoint, 'title' | 'description' | 'itemKeys'>;
export type MeasureFields = Pick<Measure, 'description' | 'owner' | 'targetDate' | 'status' | 'note'>;

function plans(tx: Tx, organisationId: string) {
  return tx.selectFrom('improvement_plans as p').innerJoin('rounds as r', 'r.id', 'p.baseline_round_id')
    .select(['p.id', 'p.baseline_round_id as baselineRoundId', 'r.name as baselineRoundName', 'r.year as baselineYear', 'p.title', 'p.published'])
    .where('p.organisation_id', '=', organisationId);
}

/** The plan that has this round as its baseline. */
export async function planWithBaseline(tx: Tx, organisationId: string, roundId: string): Promise<Plan | undefined> {
  return plans(tx, organisationId).where('p.baseline_round_id', '=', roundId).executeTakeFirst();
}

/** The latest plan whose baseline is a round of an earlier year: what a later round is judged against. */
export async function latestPlanBefore(tx: Tx, organisationId: string, year: number): Promise<Plan | undefined> {
  return plans(tx, organisationId).where('r.year', '<', year).orderBy('r.year', 'desc').orderBy('p.created_at', 'desc').limit(1).executeTakeFirst();
}

export async function insertPlan(tx: Tx, organisationId: string, plan: { id: string; baselineRoundId: string; title: string; createdBy: string | null }): Promise<void> {
  await tx.insertInto('improvement_plans')
    .values({ id: plan.id, organisation_id: organisationId, baseline_round_id: plan.baselineRoundId, title: plan.title, created_by: plan.createdBy })
    .execute();
}

export async function setPlanPublished(tx: Tx, organisationId: string, planId: string, published: boolean): Promise<void> {
  await tx.updateTable('improvement_plans').set({ published }).where('organisation_id', '=', organisationId).where('id', '=', planId).execute();
}

/** The focus points of a plan in their order, each with its measures (by target date). */
export async function focusPointsOf(tx: Tx, organisationId: string, planId: string): Promise<FocusPoint[]> {
  const points = await tx.selectFrom('focus_points')
    .select(['id', 'position', 'title', 'description', 'item_keys as itemKeys'])
    .where('organisation_id', '=', organisationId).where('plan_id', '=', planId)
    .orderBy('position').orderBy('id').execute();
  if (points.length === 0) return [];
  const measures = await tx.selectFrom('measures')
    .select(['id', 'focus_point_id as focusPointId', 'description', 'owner', 'target_date as targetDate', 'status', 'note'])
    .where('organisation_id', '=', organisationId).where('focus_point_id', 'in', points.map((p) => p.id))
    .orderBy(sql`target_date nulls last`).orderBy('description').orderBy('id').execute();
  return points.map((p) => ({ ...p, measures: measures.filter((m) => m.focusPointId === p.id) }));
}

export async function insertFocusPoint(tx: Tx, organisationId: string, planId: string, id: string, fields: FocusPointFields): Promise<void> {
  const last = await tx.selectFrom('focus_points').select(sql<number>`coalesce(max(position), -1)`.as('position'))
    .where('organisation_id', '=', organisationId).where('plan_id', '=', planId).executeTakeFirst();
  await tx.insertInto('focus_points').values({
    id, organisation_id: organisationId, plan_id: planId, position: Number(last?.position ?? -1) + 1,
    title: fields.title, description: fields.description, item_keys: [...fields.itemKeys],
  }).execute();
}

/** Changes a focus point of the plan; false when the plan has no such focus point. */
export async function updateFocusPoint(tx: Tx, organisationId: string, planId: string, id: string, fields: FocusPointFields): Promise<boolean> {
  const result = await tx.updateTable('focus_points')
    .set({ title: fields.title, description: fields.description, item_keys: [...fields.itemKeys] })
    .where('organisation_id', '=', organisationId).where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a focus point with its measures; false when the plan has no such focus point. */
export async function deleteFocusPoint(tx: Tx, organisationId: string, planId: string, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('focus_points')
    .where('organisation_id', '=', organisationId).where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertMeasure(tx: Tx, organisationId: string, focusPointId: string, id: string, fields: MeasureFields): Promise<void> {
  await tx.insertInto('measures').values({
    id, organisation_id: organisationId, focus_point_id: focusPointId,
    description: fields.description, owner: fields.owner, target_date: fields.targetDate, status: fields.status, note: fields.note,
  }).execute();
}

const ofPlan = (tx: Tx, organisationId: string, planId: string) =>
  tx.selectFrom('focus_points').select('id').where('organisation_id', '=', organisationId).where('plan_id', '=', planId);

/** Changes a measure of the plan; false when the plan has no such measure. */
export async function updateMeasure(tx: Tx, organisationId: string, planId: string, id: string, fields: MeasureFields): Promise<boolean> {
  const result = await tx.updateTable('measures')
    .set({ description: fields.description, owner: fields.owner, target_date: fields.targetDate, status: fields.status, note: fields.note, updated_at: new Date() })
    .where('organisation_id', '=', organisationId).where('id', '=', id).where('focus_point_id', 'in', ofPlan(tx, organisationId, planId))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a measure of the plan; false when the plan has no such measure. */
export async function deleteMeasure(tx: Tx, organisationId: string, planId: string, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('measures')
    .where('organisation_id', '=', organisationId).where('id', '=', id).where('focus_point_id', 'in', ofPlan(tx, organisationId, planId))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every plan of the organisation, newest baseline first (to link a study's recommendation to). */
export async function allPlans(tx: Tx, organisationId: string): Promise<Plan[]> {
  return plans(tx, organisationId).orderBy('r.year', 'desc').orderBy('p.created_at', 'desc').execute();
}
