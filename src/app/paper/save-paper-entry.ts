import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { deletePendingEntry, insertPendingEntry, setSecondEntry } from '../../db/paper-entry-store.ts';
import { carriedOfCode, spendCodeOnPaper } from '../../db/respondent-store.ts';
import { insertCompletedResponses } from '../../db/response-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { entryDifferences, mergeEntries, type Answers, type EntryChoice, type EntryDifference } from '../../domain/paper/entry-differences.ts';
import { paperItems, routePaperAnswers } from '../../domain/paper/route-paper-answers.ts';
import { encodeAnswer, type StoredAnswer } from '../../domain/questionnaire/answer-encoding.ts';
import { itemsOf, type Item, type Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import { readBlockAnswers, type BlockAnswers, type FormBody } from '../../domain/respondent/read-block-answers.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { todayInNetherlands } from '../today.ts';
import { decodeEntry, paperFormIn, type PaperActor, type PaperCodeProblem, type PaperForm } from './paper-form.ts';

export type PaperSaveOutcome =
  | { readonly kind: 'invalid'; readonly form: PaperForm; readonly read: BlockAnswers }
  /** Answers the routing would drop: shown to the typist, who saves again to confirm. */
  | { readonly kind: 'confirm-skips'; readonly form: PaperForm; readonly read: BlockAnswers; readonly skipped: readonly Item[]; readonly token: string }
  | { readonly kind: 'saved' | 'agreed' | 'resolved'; readonly skipped: readonly number[] }
  | { readonly kind: 'first-saved' }
  | { readonly kind: 'differences'; readonly form: PaperForm; readonly differences: readonly EntryDifference[]; readonly first: Answers; readonly second: Answers };

export interface PaperEntryInput {
  readonly code: string;
  /** Language the paper form was printed in. */
  readonly language: string;
  readonly body: FormBody;
  /** The token of the skip warning the typist saw, if any. */
  readonly confirmedSkips?: string;
  readonly now?: Date;
}

function encode(answers: Answers): StoredAnswer[] {
  return [...answers].flatMap(([key, value]) => (value === undefined ? [] : encodeAnswer(key, value)));
}

function numbersOf(questionnaire: Questionnaire, items: readonly Item[]): number[] {
  const all = itemsOf(questionnaire).map((i) => i.key);
  return items.map((item) => all.indexOf(item.key) + 1);
}

/** Creates the completed paper response: routed answers only, one row per answer, code spent. */
async function createResponse(tx: Tx, actor: PaperActor, form: PaperForm, language: string, answers: Answers, now?: Date): Promise<number[]> {
  const routed = routePaperAnswers(form.questionnaire, answers);
  // The code row is locked and was not completed when the form was checked.
  if (!(await spendCodeOnPaper(tx, form.accessCode.id))) throw new Error('access code was spent while locked');
  await deletePendingEntry(tx, form.accessCode.id);
  const today = todayInNetherlands(now);
  await insertCompletedResponses(tx, actor.organisationId, actor.roundId, [
    { id: randomUUID(), channel: 'paper', language, startedOn: today, completedOn: today, answers: encode(routed.kept), carried: await carriedOfCode(tx, form.accessCode.id) },
  ]);
  return numbersOf(form.questionnaire, routed.skipped);
}

/**
 * Saves one typed paper form. Everything on paper may be typed (routing is not enforced while
 * typing); answers the routing skips are pointed out once, then left out of the response. With
 * double entry, the first entry waits for a second person; equal entries make the response,
 * different ones come back as differences to settle with resolvePaperEntry.
 */
export async function savePaperEntry(db: Kysely<DB>, actor: PaperActor, input: PaperEntryInput): Promise<Result<PaperSaveOutcome, PaperCodeProblem>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const checked = await paperFormIn(tx, actor, input.code);
    if (!checked.ok) return checked;
    const form = checked.value;
    if (form.stage === 'resolve') return ok(await differencesOf(form));
    const read = readBlockAnswers(paperItems(form.questionnaire), input.body);
    if (read.problems.size > 0) return ok({ kind: 'invalid' as const, form, read });
    const skipped = routePaperAnswers(form.questionnaire, read.answers).skipped;
    const token = skipped.map((item) => item.key).join(' ');
    if (skipped.length > 0 && input.confirmedSkips !== token) return ok({ kind: 'confirm-skips' as const, form, read, skipped, token });
    switch (form.stage) {
      case 'single':
        return ok({ kind: 'saved' as const, skipped: await createResponse(tx, actor, form, input.language, read.answers, input.now) });
      case 'first':
        await insertPendingEntry(tx, {
          id: randomUUID(), organisationId: actor.organisationId, roundId: actor.roundId, accessCodeId: form.accessCode.id,
          language: input.language, enteredBy: actor.userId, answers: encode(read.answers),
        });
        return ok({ kind: 'first-saved' as const });
      case 'second': {
        const pending = form.pending!;
        const first = decodeEntry(form.questionnaire, pending.firstAnswers);
        const differences = entryDifferences(itemsOf(form.questionnaire), first, read.answers);
        if (differences.length === 0) {
          return ok({ kind: 'agreed' as const, skipped: await createResponse(tx, actor, form, pending.language, read.answers, input.now) });
        }
        await setSecondEntry(tx, pending.id, actor.userId, encode(read.answers));
        return ok({ kind: 'differences' as const, form, differences, first, second: read.answers });
      }
      default:
        throw new Error(`unexpected stage ${form.stage}`);
    }
  });
}

function differencesOf(form: PaperForm): PaperSaveOutcome {
  const first = decodeEntry(form.questionnaire, form.pending!.firstAnswers);
  const second = decodeEntry(form.questionnaire, form.pending!.secondAnswers ?? []);
  return { kind: 'differences', form, differences: entryDifferences(itemsOf(form.questionnaire), first, second), first, second };
}

/** The differences of a form whose two entries disagree (stage 'resolve'). */
export async function paperDifferences(db: Kysely<DB>, actor: PaperActor, code: string): Promise<Result<PaperSaveOutcome, PaperCodeProblem>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const checked = await paperFormIn(tx, actor, code);
    if (!checked.ok) return checked;
    if (checked.value.stage !== 'resolve') return err('unknown' as const);
    return ok(differencesOf(checked.value));
  });
}

/**
 * Settles the differences between two entries by a choice per question (made looking at the
 * paper), then creates the response. Someone other than the first typist settles them.
 * Returns the differences again when a choice is missing.
 */
export async function resolvePaperEntry(
  db: Kysely<DB>,
  actor: PaperActor,
  input: { code: string; choices: ReadonlyMap<string, EntryChoice>; now?: Date },
): Promise<Result<PaperSaveOutcome, PaperCodeProblem>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const checked = await paperFormIn(tx, actor, input.code);
    if (!checked.ok) return checked;
    const form = checked.value;
    if (form.stage !== 'resolve') return err('unknown' as const);
    const shown = differencesOf(form);
    if (shown.kind !== 'differences') return ok(shown);
    const merged = mergeEntries(itemsOf(form.questionnaire), shown.first, shown.second, input.choices);
    if (!merged) return ok(shown);
    return ok({ kind: 'resolved' as const, skipped: await createResponse(tx, actor, form, form.pending!.language, merged, input.now) });
  });
}
