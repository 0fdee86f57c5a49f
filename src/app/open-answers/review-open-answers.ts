import type { Kysely } from 'kysely';
import { openAnswersOfItem, reviewsOfItem, writeReview, type ReviewDecision, type ReviewRow } from '../../db/open-answer-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { redact, screenPersonalData, type PersonalDataFinding } from '../../domain/open-answers/privacy-screen.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { todayInNetherlands } from '../today.ts';
import { openItemsOfRound, type CodingActor } from './open-answer-coding.ts';

// The privacy review: no open answer reaches a report, an export or the public page before a
// person approved it. The screen flags names, phone numbers, e-mail addresses, citizen service
// numbers, case numbers and addresses, and offers a redacted text; an answer with a finding
// cannot be approved as it is, only redacted (and the redaction must leave no finding) or
// excluded.

export interface AnswerToReview {
  readonly responseId: string;
  readonly text: string;
  readonly findings: readonly PersonalDataFinding[];
  readonly suggestedRedaction: string | undefined;
  readonly review: ReviewRow | undefined;
}

export async function reviewView(db: Kysely<DB>, organisationId: string, roundId: string, itemKey: string) {
  const found = await openItemsOfRound(db, organisationId, roundId);
  const item = found?.items.find((i) => i.key === itemKey);
  if (!found || !item) return undefined;
  return withTenant(db, organisationId, async (tx) => {
    const answers = await openAnswersOfItem(tx, organisationId, roundId, itemKey);
    const reviews = await reviewsOfItem(tx, organisationId, roundId, itemKey);
    const rows: AnswerToReview[] = answers.map((answer) => {
      const findings = screenPersonalData(answer.text);
      return {
        ...answer,
        findings,
        suggestedRedaction: findings.length ? redact(answer.text, findings) : undefined,
        review: reviews.get(answer.responseId),
      };
    });
    return { round: found.round, item, answers: rows };
  });
}

export type ReviewProblem =
  | { readonly code: 'not-found' }
  | { readonly code: 'has-personal-data'; readonly findings: readonly PersonalDataFinding[] }
  | { readonly code: 'redaction-empty' };

export async function reviewAnswer(
  db: Kysely<DB>,
  actor: CodingActor,
  input: { roundId: string; itemKey: string; responseId: string; decision: ReviewDecision; redactedText?: string },
): Promise<Result<void, ReviewProblem>> {
  const view = await reviewView(db, actor.organisationId, input.roundId, input.itemKey);
  const answer = view?.answers.find((a) => a.responseId === input.responseId);
  if (!answer) return err({ code: 'not-found' });
  let redactedText: string | null = null;
  if (input.decision === 'approved' && answer.findings.length) return err({ code: 'has-personal-data', findings: answer.findings });
  if (input.decision === 'redacted') {
    redactedText = (input.redactedText ?? '').trim();
    if (redactedText === '') return err({ code: 'redaction-empty' });
    const left = screenPersonalData(redactedText);
    if (left.length) return err({ code: 'has-personal-data', findings: left });
  }
  await withTenant(db, actor.organisationId, (tx) =>
    writeReview(
      tx,
      { organisationId: actor.organisationId, roundId: input.roundId, responseId: input.responseId, itemKey: input.itemKey },
      { decision: input.decision, redactedText, reviewedBy: actor.userId, reviewedOn: todayInNetherlands() },
    ),
  );
  return ok(undefined);
}

/** Approves, in one step, every unreviewed answer of the item in which the screen found nothing. */
export async function approveAnswersWithoutFindings(db: Kysely<DB>, actor: CodingActor, roundId: string, itemKey: string): Promise<number | undefined> {
  const view = await reviewView(db, actor.organisationId, roundId, itemKey);
  if (!view) return undefined;
  const clean = view.answers.filter((answer) => !answer.review && answer.findings.length === 0);
  await withTenant(db, actor.organisationId, async (tx) => {
    for (const answer of clean) {
      await writeReview(
        tx,
        { organisationId: actor.organisationId, roundId, responseId: answer.responseId, itemKey },
        { decision: 'approved', redactedText: null, reviewedBy: actor.userId, reviewedOn: todayInNetherlands() },
      );
    }
  });
  return clean.length;
}
