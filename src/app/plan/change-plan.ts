import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as store from '../../db/improvement-plan-store.ts';
import { getVersionOf } from '../../db/questionnaire-store.ts';
import { getRound, type Round } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { linkableItems } from '../../domain/plan/linkable-items.ts';
import { checkFocusPoint, checkMeasure, checkPlanTitle, type PlanFieldProblem, type TypedFocusPoint, type TypedMeasure } from '../../domain/plan/plan-input.ts';
import { err, ok, type Result } from '../../domain/result.ts';

// Changing an improvement plan. Every change works on the plan whose baseline is the given
// round, in one tenant transaction; a focus point or measure of another plan is "not found".

export interface PlanActor {
  readonly organisationId: string;
  readonly userId: string | null;
}

export type PlanChangeError =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'no-plan' }
  | { readonly kind: 'not-closed' }
  | { readonly kind: 'exists' }
  | { readonly kind: 'invalid'; readonly problems: readonly PlanFieldProblem[] };

const fail = (kind: 'not-found' | 'no-plan' | 'not-closed' | 'exists') => err({ kind } as PlanChangeError);
const invalid = (problems: readonly PlanFieldProblem[]) => err({ kind: 'invalid', problems } as PlanChangeError);

type Work<T> = (tx: Tx, plan: store.Plan, round: Round) => Promise<Result<T, PlanChangeError>>;

/** Runs work on the plan of the round, or says why there is none. */
async function onPlan<T>(db: Kysely<DB>, actor: PlanActor, roundId: string, work: Work<T>): Promise<Result<T, PlanChangeError>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const round = await getRound(tx, actor.organisationId, roundId);
    if (!round) return fail('not-found');
    const plan = await store.planWithBaseline(tx, actor.organisationId, roundId);
    if (!plan) return fail('no-plan');
    return work(tx, plan, round);
  });
}

/** Declares the round's results the baseline and starts its plan: only for a closed or published round. */
export async function startPlan(db: Kysely<DB>, actor: PlanActor, roundId: string, typedTitle: string): Promise<Result<string, PlanChangeError>> {
  const title = checkPlanTitle(typedTitle);
  return withTenant(db, actor.organisationId, async (tx) => {
    const round = await getRound(tx, actor.organisationId, roundId);
    if (!round) return fail('not-found');
    if (await store.planWithBaseline(tx, actor.organisationId, roundId)) return fail('exists');
    if (round.status !== 'closed' && round.status !== 'published') return fail('not-closed');
    if (!title.ok) return invalid(title.error);
    const id = randomUUID();
    await store.insertPlan(tx, actor.organisationId, { id, baselineRoundId: roundId, title: title.value, createdBy: actor.userId });
    return ok(id);
  });
}

export async function publishPlan(db: Kysely<DB>, actor: PlanActor, roundId: string, published: boolean): Promise<Result<void, PlanChangeError>> {
  return onPlan(db, actor, roundId, async (tx, plan) => {
    await store.setPlanPublished(tx, actor.organisationId, plan.id, published);
    return ok(undefined);
  });
}

async function linkableKeys(tx: Tx, organisationId: string, round: Round): Promise<Set<string>> {
  const version = await getVersionOf(tx, organisationId, round.questionnaireVersionId);
  return new Set(version ? linkableItems(version.definition, round.disabledModules).flatMap((m) => m.items.map((i) => i.key)) : []);
}

/** Adds a focus point (focusPointId null) or changes one. */
export async function saveFocusPoint(db: Kysely<DB>, actor: PlanActor, roundId: string, focusPointId: string | null, typed: TypedFocusPoint): Promise<Result<void, PlanChangeError>> {
  return onPlan(db, actor, roundId, async (tx, plan, round) => {
    const checked = checkFocusPoint(typed, await linkableKeys(tx, actor.organisationId, round));
    if (!checked.ok) return invalid(checked.error);
    if (focusPointId === null) {
      await store.insertFocusPoint(tx, actor.organisationId, plan.id, randomUUID(), checked.value);
      return ok(undefined);
    }
    return (await store.updateFocusPoint(tx, actor.organisationId, plan.id, focusPointId, checked.value)) ? ok(undefined) : fail('not-found');
  });
}

export async function removeFocusPoint(db: Kysely<DB>, actor: PlanActor, roundId: string, focusPointId: string): Promise<Result<void, PlanChangeError>> {
  return onPlan(db, actor, roundId, async (tx, plan) =>
    (await store.deleteFocusPoint(tx, actor.organisationId, plan.id, focusPointId)) ? ok(undefined) : fail('not-found'));
}

/** Adds a measure to a focus point, or changes a measure. */
export async function saveMeasure(
  db: Kysely<DB>, actor: PlanActor, roundId: string, target: { readonly focusPointId: string } | { readonly measureId: string }, typed: TypedMeasure,
): Promise<Result<void, PlanChangeError>> {
  return onPlan(db, actor, roundId, async (tx, plan) => {
    const points = await store.focusPointsOf(tx, actor.organisationId, plan.id);
    const exists = 'focusPointId' in target
      ? points.some((p) => p.id === target.focusPointId)
      : points.some((p) => p.measures.some((m) => m.id === target.measureId));
    if (!exists) return fail('not-found');
    const checked = checkMeasure(typed);
    if (!checked.ok) return invalid(checked.error);
    if ('focusPointId' in target) await store.insertMeasure(tx, actor.organisationId, target.focusPointId, randomUUID(), checked.value);
    else await store.updateMeasure(tx, actor.organisationId, plan.id, target.measureId, checked.value);
    return ok(undefined);
  });
}

export async function removeMeasure(db: Kysely<DB>, actor: PlanActor, roundId: string, measureId: string): Promise<Result<void, PlanChangeError>> {
  return onPlan(db, actor, roundId, async (tx, plan) =>
    (await store.deleteMeasure(tx, actor.organisationId, plan.id, measureId)) ? ok(undefined) : fail('not-found'));
}
