import type { Kysely } from 'kysely';
import { getVersionOf } from '../../db/questionnaire-store.ts';
import { completeResponse, getResponseContext, markPageSaved, replaceAnswers, type ResponseRow } from '../../db/respondent-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { decodeAnswers, encodeAnswer } from '../../domain/questionnaire/answer-encoding.ts';
import type { AnswerValue } from '../../domain/questionnaire/answer-value.ts';
import { itemsOf, type Item, type Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import { nextPage, pageFlow } from '../../domain/respondent/page-flow.ts';
import { readBlockAnswers, type BlockAnswers, type FormBody } from '../../domain/respondent/read-block-answers.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { todayInNetherlands } from '../today.ts';
import type { RespondentTicket } from './enter-with-code.ts';

export interface Survey {
  readonly organisationName: string;
  readonly roundId: string;
  readonly roundName: string;
  readonly access: 'codes' | 'open';
  readonly questionnaire: Questionnaire;
  readonly answers: ReadonlyMap<string, AnswerValue | undefined>;
  readonly response: ResponseRow;
}

/** gone: no such response (or not this browser's); completed: already sent; closed: fieldwork is over. */
export type SurveyProblem = 'gone' | 'completed' | 'closed';

async function loadIn(tx: Tx, ticket: RespondentTicket, lock = false): Promise<Result<Survey, SurveyProblem>> {
  const context = await getResponseContext(tx, ticket.responseId, lock);
  if (!context) return err('gone');
  if (context.status === 'completed') return err('completed');
  if (context.roundStatus !== 'fieldwork') return err('closed');
  const version = await getVersionOf(tx, ticket.organisationId, context.questionnaireVersionId);
  if (!version) return err('gone');
  const questionnaire = version.definition;
  return ok({
    organisationName: context.organisationName,
    roundId: context.roundId,
    roundName: context.roundName,
    access: context.roundAccess,
    questionnaire,
    answers: decodeAnswers(itemIndex(questionnaire), context.answers),
    response: context,
  });
}

// Item lookup per questionnaire definition, built once (definitions are cached and immutable).
const itemIndexes = new WeakMap<Questionnaire, Map<string, Item>>();
function itemIndex(questionnaire: Questionnaire): Map<string, Item> {
  let index = itemIndexes.get(questionnaire);
  if (!index) {
    index = new Map(itemsOf(questionnaire).map((i) => [i.key, i]));
    itemIndexes.set(questionnaire, index);
  }
  return index;
}

export function loadSurvey(db: Kysely<DB>, ticket: RespondentTicket): Promise<Result<Survey, SurveyProblem>> {
  return withTenant(db, ticket.organisationId, (tx) => loadIn(tx, ticket));
}

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly next: string }
  | { readonly kind: 'invalid'; readonly read: BlockAnswers; readonly survey: Survey }
  | { readonly kind: 'off-route' };

/**
 * Saves one page. Valid answers are kept even when another question on the page has a problem,
 * so closing the browser loses nothing; the respondent moves on only when the page is valid.
 */
export async function saveBlock(
  db: Kysely<DB>,
  ticket: RespondentTicket,
  input: { blockKey: string; body: FormBody; language: string },
): Promise<Result<SaveOutcome, SurveyProblem>> {
  return withTenant(db, ticket.organisationId, async (tx) => {
    const loaded = await loadIn(tx, ticket, true);
    if (!loaded.ok) return loaded;
    const survey = loaded.value;
    const flow = pageFlow(survey.questionnaire, survey.answers);
    const block = flow.pages.find((b) => b.key === input.blockKey);
    if (!block) return ok({ kind: 'off-route' as const });
    const shown = flow.items.filter((i) => block.items.includes(i));
    const read = readBlockAnswers(shown, input.body);
    const valid = [...read.answers].filter(([key, value]) => value !== undefined && !read.problems.has(key));
    const unchangedOnProblem = shown.filter((i) => read.problems.has(i.key)).map((i) => i.key);
    await replaceAnswers(
      tx,
      { id: survey.response.id, organisationId: ticket.organisationId, roundId: survey.roundId },
      shown.map((i) => i.key).filter((k) => !unchangedOnProblem.includes(k)),
      valid.flatMap(([key, value]) => encodeAnswer(key, value!)),
    );
    if (read.problems.size > 0) return ok({ kind: 'invalid' as const, read, survey });
    await markPageSaved(tx, survey.response.id, block.key, input.language);
    const answers = new Map(survey.answers);
    for (const [key, value] of read.answers) answers.set(key, value);
    return ok({ kind: 'saved' as const, next: nextPage(survey.questionnaire, pageFlow(survey.questionnaire, answers), block.key) });
  });
}

export type CompleteProblem = SurveyProblem | 'missing';

/** Sends the answers: required questions on the route must be answered; the rest is dropped. */
export async function completeSurvey(
  db: Kysely<DB>,
  ticket: RespondentTicket,
  now: Date = new Date(),
): Promise<Result<void, { kind: CompleteProblem; block?: string }>> {
  return withTenant(db, ticket.organisationId, async (tx) => {
    const loaded = await loadIn(tx, ticket, true);
    if (!loaded.ok) return err({ kind: loaded.error });
    const survey = loaded.value;
    const flow = pageFlow(survey.questionnaire, survey.answers);
    const missing = flow.items.find((i) => i.required && survey.answers.get(i.key) === undefined);
    if (missing) {
      const block = flow.pages.find((b) => b.items.includes(missing));
      return err({ kind: 'missing' as const, block: block?.key });
    }
    const done = await completeResponse(tx, { id: survey.response.id, keepItemKeys: flow.items.map((i) => i.key), today: todayInNetherlands(now) });
    return done ? ok(undefined) : err({ kind: 'completed' as const });
  });
}
