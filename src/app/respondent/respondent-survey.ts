import type { Kysely } from 'kysely';
import { getVersionOf } from '../../db/questionnaire-store.ts';
import { completeResponse, getResponseContext, lockResponseContexts, lockResponses, writePages, type PageWrite, type ResponseContext, type ResponseRow } from '../../db/respondent-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { decodeAnswers, encodeAnswer } from '../../domain/questionnaire/answer-encoding.ts';
import type { AnswerValue } from '../../domain/questionnaire/answer-value.ts';
import { itemsOf, type Item, type Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import { nextPage, pageFlow, type PageFlow } from '../../domain/respondent/page-flow.ts';
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
  return surveyOf(tx, ticket.organisationId, await getResponseContext(tx, ticket.responseId, lock));
}

async function surveyOf(tx: Tx, organisationId: string, context: ResponseContext | undefined): Promise<Result<Survey, SurveyProblem>> {
  if (!context) return err('gone');
  if (context.status === 'completed') return err('completed');
  if (context.roundStatus !== 'fieldwork') return err('closed');
  const version = await getVersionOf(tx, organisationId, context.questionnaireVersionId);
  if (!version) return err('gone');
  const questionnaire = version.definition;
  const { answers, roundName, roundStatus, roundAccess, questionnaireVersionId, organisationName, ...response } = context;
  return ok({
    organisationName,
    roundId: context.roundId,
    roundName,
    access: roundAccess,
    questionnaire,
    answers: decodeAnswers(itemIndex(questionnaire), answers),
    response,
  });
}

// The pages and items routing shows for a state, worked out once per state (states are
// immutable; a save makes a new one).
const flows = new WeakMap<Survey, PageFlow>();
export function flowOf(survey: Survey): PageFlow {
  let flow = flows.get(survey);
  if (!flow) {
    flow = pageFlow(survey.questionnaire, survey.answers);
    flows.set(survey, flow);
  }
  return flow;
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

/** fromMemory: the state saved onto was the one this process held, not read from the database. */
export type SaveOutcome =
  | { readonly kind: 'saved'; readonly next: string; readonly survey: Survey; readonly fromMemory: boolean }
  | { readonly kind: 'invalid'; readonly read: BlockAnswers; readonly survey: Survey; readonly fromMemory: boolean }
  | { readonly kind: 'off-route' };

export interface PageSave {
  readonly ticket: RespondentTicket;
  readonly blockKey: string;
  readonly body: FormBody;
  /** The language the browser chose; without one the response keeps its own. */
  readonly language?: string;
}

/**
 * Saves one page. Valid answers are kept even when another question on the page has a problem,
 * so closing the browser loses nothing; the respondent moves on only when the page is valid.
 */
export async function saveBlock(db: Kysely<DB>, ticket: RespondentTicket, input: Omit<PageSave, 'ticket'>): Promise<Result<SaveOutcome, SurveyProblem>> {
  const [outcome] = await savePages(db, ticket.organisationId, [{ ticket, ...input }]);
  return outcome!;
}

/**
 * Saves pages of several responses of one organisation in one transaction (each response at most
 * once): the rows are locked, every page is checked against its own response's state exactly as
 * a save on its own would be, and the answers are written in three statements for all of them.
 */
export async function savePages(
  db: Kysely<DB>,
  organisationId: string,
  saves: readonly PageSave[],
  /** A state this process holds for a response (any revision), to spare reading its answers. */
  known: (responseId: string) => Survey | undefined = () => undefined,
): Promise<Result<SaveOutcome, SurveyProblem>[]> {
  return withTenant(db, organisationId, async (tx) => {
    const ids = saves.map((s) => s.ticket.responseId);
    const locked = await lockResponses(tx, ids);
    // A state held in memory is used when it is of the revision now locked in the database:
    // every write to a response's answers goes through here and raises the revision. The rest
    // are read in full (under the same lock).
    const current = new Map<string, Survey>();
    for (const id of ids) {
      const row = locked.get(id);
      const state = known(id);
      if (row && state && row.revision === state.response.revision && row.status === 'in_progress' && row.roundStatus === 'fieldwork') current.set(id, state);
    }
    const contexts = await lockResponseContexts(tx, ids.filter((id) => locked.has(id) && !current.has(id)));
    const planned: { outcome: Result<SaveOutcome, SurveyProblem>; write?: PageWrite }[] = [];
    for (const save of saves) {
      const id = save.ticket.responseId;
      const context = contexts.get(id);
      const loaded = current.has(id)
        ? ok(current.get(id)!)
        : await surveyOf(tx, organisationId, context?.organisationId === save.ticket.organisationId ? context : undefined);
      const fromMemory = current.has(id);
      planned.push(loaded.ok ? planPage(loaded.value, save, fromMemory) : { outcome: loaded });
    }
    const writes = planned.flatMap((p) => (p.write ? [p.write] : []));
    const revisions = writes.length > 0 ? await writePages(tx, writes) : new Map<string, number>();
    return planned.map(({ outcome }) => {
      if (!outcome.ok || outcome.value.kind === 'off-route') return outcome;
      const survey = outcome.value.survey;
      const revision = revisions.get(survey.response.id) ?? survey.response.revision;
      return ok({ ...outcome.value, survey: { ...survey, response: { ...survey.response, revision } } });
    });
  });
}

/** What saving one page does to one response's state, decided before anything is written. */
function planPage(survey: Survey, save: PageSave, fromMemory: boolean): { outcome: Result<SaveOutcome, SurveyProblem>; write?: PageWrite } {
  const flow = flowOf(survey);
  const block = flow.pages.find((b) => b.key === save.blockKey);
  if (!block) return { outcome: ok({ kind: 'off-route' as const }) };
  const shown = flow.items.filter((i) => block.items.includes(i));
  const read = readBlockAnswers(shown, save.body);
  const valid = [...read.answers].filter(([key, value]) => value !== undefined && !read.problems.has(key));
  const kept = [...survey.answers].filter(([key]) => !shown.some((i) => i.key === key && !read.problems.has(key)));
  // Through the stored form and back, so the state kept in memory is exactly what a read of the
  // database would give.
  const answers = decodeAnswers(itemIndex(survey.questionnaire), [...kept, ...valid].flatMap(([key, value]) => (value ? encodeAnswer(key, value) : [])));
  const invalid = read.problems.size > 0;
  const language = save.language ?? survey.response.language;
  const write: PageWrite = {
    response: { id: survey.response.id, organisationId: survey.response.organisationId, roundId: survey.roundId },
    clearItemKeys: shown.filter((i) => !read.problems.has(i.key)).map((i) => i.key),
    rows: valid.flatMap(([key, value]) => encodeAnswer(key, value!)),
    ...(invalid ? {} : { lastBlock: block.key, language }),
  };
  const after: Survey = {
    ...survey,
    answers,
    response: invalid ? survey.response : { ...survey.response, lastBlock: block.key, language },
  };
  if (invalid) return { outcome: ok({ kind: 'invalid' as const, read, survey: after, fromMemory }), write };
  return { outcome: ok({ kind: 'saved' as const, next: nextPage(survey.questionnaire, pageFlow(survey.questionnaire, answers), block.key), survey: after, fromMemory }), write };
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
