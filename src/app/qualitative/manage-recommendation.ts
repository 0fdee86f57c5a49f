import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { deleteRecommendation, insertRecommendation, recommendationsOf, updateRecommendation, type RecommendationValues } from '../../db/qualitative-study-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { checkRecommendation, type RecommendationInput, type RecommendationProblem, type TypedRecommendation } from '../../domain/qualitative/recommendation-input.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { ensureCodebook } from '../open-answers/codebook.ts';
import { studyWorkspace } from './study-workspace.ts';
import { studyToChange, type StudyAccessError, type StudyActor } from './study-actor.ts';

// The recommendations of a study: each rests on themes, and once adopted it names the focus
// point or measure of the improvement plan that carries it.

export type RecommendationError = StudyAccessError | { readonly kind: 'invalid'; readonly problems: readonly RecommendationProblem[] };

async function checked(db: Kysely<DB>, actor: StudyActor, studyId: string, typed: TypedRecommendation): Promise<Result<RecommendationValues, RecommendationError>> {
  const found = await studyToChange(db, actor, studyId);
  if (!found.ok) return err(found.error);
  const workspace = await studyWorkspace(db, actor.organisationId, studyId);
  if (!workspace) return err('not-found');
  const codes = new Set((await withTenant(db, actor.organisationId, (tx) => ensureCodebook(tx, actor.organisationId))).map((c) => c.key));
  const focusPoints = new Set(workspace.planOptions.flatMap((p) => p.focusPoints.map((f) => f.id)));
  const measures = new Set(workspace.planOptions.flatMap((p) => p.focusPoints.flatMap((f) => f.measures.map((m) => m.id))));
  const result = checkRecommendation(typed, { codes, focusPoints, measures });
  if (!result.ok) return err({ kind: 'invalid', problems: result.error });
  return ok(valuesOf(result.value));
}

function valuesOf(input: RecommendationInput): RecommendationValues {
  return {
    text: input.text, codes: input.codes, status: input.status, response: input.response,
    focusPointId: input.planLink?.kind === 'focus' ? input.planLink.id : null,
    measureId: input.planLink?.kind === 'measure' ? input.planLink.id : null,
  };
}

export async function addRecommendation(db: Kysely<DB>, actor: StudyActor, studyId: string, typed: TypedRecommendation): Promise<Result<string, RecommendationError>> {
  const values = await checked(db, actor, studyId, typed);
  if (!values.ok) return values;
  const id = randomUUID();
  await withTenant(db, actor.organisationId, (tx) => insertRecommendation(tx, actor.organisationId, studyId, { id, ...values.value }));
  return ok(id);
}

async function ownRecommendation(db: Kysely<DB>, actor: StudyActor, studyId: string, id: string): Promise<boolean> {
  return withTenant(db, actor.organisationId, async (tx) => (await recommendationsOf(tx, actor.organisationId, studyId)).some((r) => r.id === id));
}

export async function editRecommendation(db: Kysely<DB>, actor: StudyActor, studyId: string, id: string, typed: TypedRecommendation): Promise<Result<void, RecommendationError>> {
  const values = await checked(db, actor, studyId, typed);
  if (!values.ok) return values;
  if (!(await ownRecommendation(db, actor, studyId, id))) return err('not-found');
  await withTenant(db, actor.organisationId, (tx) => updateRecommendation(tx, actor.organisationId, id, values.value));
  return ok(undefined);
}

export async function removeRecommendation(db: Kysely<DB>, actor: StudyActor, studyId: string, id: string): Promise<Result<void, StudyAccessError>> {
  const found = await studyToChange(db, actor, studyId);
  if (!found.ok) return err(found.error);
  if (!(await ownRecommendation(db, actor, studyId, id))) return err('not-found');
  await withTenant(db, actor.organisationId, (tx) => deleteRecommendation(tx, actor.organisationId, id));
  return ok(undefined);
}
