import type { Kysely } from 'kysely';
import { approveAnswersWithoutFindings } from '../../src/app/open-answers/review-open-answers.ts';
import type { DB } from '../../src/db/schema.ts';

/** A researcher approves, in the privacy review, every open answer of the round without findings. */
export async function releaseOpenAnswers(db: Kysely<DB>, organisationId: string, roundId: string, reviewerEmail: string): Promise<void> {
  const reviewer = await db.selectFrom('users').select('id').where('email', '=', reviewerEmail).executeTakeFirstOrThrow();
  for (const itemKey of ['open.pluspunten', 'open.verbeterpunten']) {
    await approveAnswersWithoutFindings(db, { organisationId, userId: reviewer.id }, roundId, itemKey);
  }
}
