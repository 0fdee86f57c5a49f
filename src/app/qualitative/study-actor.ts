import type { Kysely } from 'kysely';
import { getStudy, type Study } from '../../db/qualitative-study-store.ts';
import type { DB, Role } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { isStudyResearcher } from '../../domain/qualitative/study-permissions.ts';

// The signed-in user acting on a qualitative study, and the check every change makes: only the
// study's owner (the organisation's researchers, or the council for its own study) changes it.

export interface StudyActor {
  readonly organisationId: string;
  readonly userId: string;
  readonly role: Role;
}

export type StudyAccessError = 'not-found' | 'forbidden';

/** The study when the actor may change it; otherwise why not. */
export async function studyToChange(db: Kysely<DB>, actor: StudyActor, studyId: string): Promise<{ ok: true; study: Study } | { ok: false; error: StudyAccessError }> {
  const study = await withTenant(db, actor.organisationId, (tx) => getStudy(tx, actor.organisationId, studyId));
  if (!study) return { ok: false, error: 'not-found' };
  if (!isStudyResearcher(actor.role, study.ownerKind)) return { ok: false, error: 'forbidden' };
  return { ok: true, study };
}
