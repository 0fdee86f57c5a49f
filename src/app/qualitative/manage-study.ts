import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { deleteStudy, insertStudy, updateStudy } from '../../db/qualitative-study-store.ts';
import { listRounds } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { checkStudy, type StudyProblem, type TypedStudy } from '../../domain/qualitative/study-input.ts';
import { ownerFor } from '../../domain/qualitative/study-permissions.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { studyToChange, type StudyAccessError, type StudyActor } from './study-actor.ts';

// Starting, describing and removing a qualitative study.

export type StudyChangeError = StudyAccessError | { readonly kind: 'invalid'; readonly problems: readonly StudyProblem[] };

async function linkableRounds(db: Kysely<DB>, organisationId: string): Promise<Set<string>> {
  const rounds = await withTenant(db, organisationId, (tx) => listRounds(tx, organisationId));
  return new Set(rounds.filter((r) => r.ownerKind === 'organisation').map((r) => r.id));
}

export async function createStudy(db: Kysely<DB>, actor: StudyActor, typed: TypedStudy): Promise<Result<string, StudyChangeError>> {
  const owner = ownerFor(actor.role);
  if (!owner) return err('forbidden');
  const checked = checkStudy(typed, await linkableRounds(db, actor.organisationId));
  if (!checked.ok) return err({ kind: 'invalid', problems: checked.error });
  const id = randomUUID();
  await withTenant(db, actor.organisationId, (tx) => insertStudy(tx, actor.organisationId, { id, ownerKind: owner, createdBy: actor.userId, ...checked.value }));
  return ok(id);
}

export async function editStudy(db: Kysely<DB>, actor: StudyActor, studyId: string, typed: TypedStudy): Promise<Result<void, StudyChangeError>> {
  const found = await studyToChange(db, actor, studyId);
  if (!found.ok) return err(found.error);
  const checked = checkStudy(typed, await linkableRounds(db, actor.organisationId));
  if (!checked.ok) return err({ kind: 'invalid', problems: checked.error });
  await withTenant(db, actor.organisationId, (tx) => updateStudy(tx, actor.organisationId, studyId, checked.value));
  return ok(undefined);
}

/** Removes the study with its conversations, passages and recommendations (after a confirmation page). */
export async function removeStudy(db: Kysely<DB>, actor: StudyActor, studyId: string): Promise<Result<void, StudyAccessError>> {
  const found = await studyToChange(db, actor, studyId);
  if (!found.ok) return err(found.error);
  await withTenant(db, actor.organisationId, (tx) => deleteStudy(tx, actor.organisationId, studyId));
  return ok(undefined);
}
