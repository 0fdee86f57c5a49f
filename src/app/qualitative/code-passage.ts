import type { Kysely } from 'kysely';
import { passagesOfStudy, setPassageCodes, setPassageReview } from '../../db/qualitative-study-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { checkPassageReview, screenPassage, type PassageReviewDecision, type PassageReviewProblem } from '../../domain/qualitative/passage-review.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { ensureCodebook } from '../open-answers/codebook.ts';
import { todayInNetherlands } from '../today.ts';
import { studyToChange, type StudyAccessError, type StudyActor } from './study-actor.ts';

// Coding a passage with the organisation's codebook (the open answers' codebook), and its
// privacy review by the open answers' rule.

export type CodingError = StudyAccessError | 'unknown-code';

export async function codePassage(db: Kysely<DB>, actor: StudyActor, studyId: string, passageId: string, codes: readonly string[]): Promise<Result<void, CodingError>> {
  const found = await studyToChange(db, actor, studyId);
  if (!found.ok) return err(found.error);
  return withTenant(db, actor.organisationId, async (tx) => {
    const active = new Set((await ensureCodebook(tx, actor.organisationId)).filter((c) => !c.archived).map((c) => c.key));
    if (codes.some((code) => !active.has(code))) return err('unknown-code' as const);
    const passage = (await passagesOfStudy(tx, actor.organisationId, studyId)).find((p) => p.id === passageId);
    if (!passage) return err('not-found' as const);
    await setPassageCodes(tx, actor.organisationId, passageId, [...new Set(codes)], actor.userId);
    return ok(undefined);
  });
}

export type PassageReviewError = StudyAccessError | PassageReviewProblem;

export async function reviewPassage(
  db: Kysely<DB>, actor: StudyActor, studyId: string, passageId: string, decision: PassageReviewDecision, typedRedaction: string,
): Promise<Result<void, PassageReviewError>> {
  const found = await studyToChange(db, actor, studyId);
  if (!found.ok) return err(found.error);
  return withTenant(db, actor.organisationId, async (tx) => {
    const passage = (await passagesOfStudy(tx, actor.organisationId, studyId)).find((p) => p.id === passageId);
    if (!passage) return err('not-found' as const);
    const checked = checkPassageReview(passage.text, decision, typedRedaction);
    if (!checked.ok) return checked;
    await setPassageReview(tx, actor.organisationId, passageId, { ...checked.value, reviewedBy: actor.userId, reviewedOn: todayInNetherlands() });
    return ok(undefined);
  });
}

/** Approves every unreviewed coded passage in which the screen found nothing; the number approved. */
export async function approveCleanPassages(db: Kysely<DB>, actor: StudyActor, studyId: string): Promise<Result<number, StudyAccessError>> {
  const found = await studyToChange(db, actor, studyId);
  if (!found.ok) return err(found.error);
  return withTenant(db, actor.organisationId, async (tx) => {
    const clean = (await passagesOfStudy(tx, actor.organisationId, studyId)).filter((p) => p.coded && p.codes.length > 0 && !p.review && screenPassage(p.text).findings.length === 0);
    for (const passage of clean) {
      await setPassageReview(tx, actor.organisationId, passage.id, { decision: 'approved', redactedText: null, reviewedBy: actor.userId, reviewedOn: todayInNetherlands() });
    }
    return ok(clean.length);
  });
}
