import type { Kysely } from 'kysely';
import type { CodebookRow } from '../../db/codebook-store.ts';
import {
  codingsOfItem,
  loadCodingModel,
  openAnswersOfItem,
  peekUndo,
  rememberForUndo,
  removeCoding,
  reviewsOfItem,
  takeUndo,
  writeCoding,
  type Coder,
} from '../../db/open-answer-store.ts';
import { getRound, type Round } from '../../db/round-store.ts';
import { getVersion } from '../../db/questionnaire-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { coderAgreement, type KappaResult } from '../../domain/open-answers/agreement.ts';
import { parseNaiveBayesModel, type NaiveBayesModel } from '../../domain/open-answers/naive-bayes.ts';
import { polarityOfItem } from '../../domain/open-answers/rank-points.ts';
import { suggestCodes, type CodeSuggestion } from '../../domain/open-answers/suggest-codes.ts';
import type { OpenItem } from '../../domain/questionnaire/questionnaire.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { todayInNetherlands } from '../today.ts';
import { ensureCodebook } from './codebook.ts';

// Coding the answers to one open question, one answer at a time or as a list, by a first and
// optionally a second coder (for the agreement check). Suggestions come from the lexicon and
// the organisation's trained model; a person always decides.

export interface CodingActor {
  readonly organisationId: string;
  readonly userId: string;
}

export interface AnswerToCode {
  readonly responseId: string;
  readonly text: string;
  /** The coder's codes; undefined while not coded. */
  readonly codes: readonly string[] | undefined;
}

export interface CodingView {
  readonly round: Round;
  readonly item: OpenItem;
  readonly coder: Coder;
  readonly codebook: readonly CodebookRow[];
  readonly answers: readonly AnswerToCode[];
  readonly coded: number;
}

async function openItemOfRound(tx: Tx, organisationId: string, roundId: string, itemKey: string): Promise<{ round: Round; item: OpenItem } | undefined> {
  const round = await getRound(tx, organisationId, roundId);
  if (!round) return undefined;
  const version = await getVersion(tx, round.questionnaireVersionId);
  const item = version?.definition.blocks.flatMap((block) => block.items).find((i) => i.key === itemKey);
  return item?.type === 'open' ? { round, item } : undefined;
}

/** The open questions of a round. */
export async function openItemsOfRound(db: Kysely<DB>, organisationId: string, roundId: string): Promise<{ round: Round; items: OpenItem[] } | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const round = await getRound(tx, organisationId, roundId);
    if (!round) return undefined;
    const version = await getVersion(tx, round.questionnaireVersionId);
    const items = (version?.definition.blocks ?? []).flatMap((block) => block.items).filter((i): i is OpenItem => i.type === 'open');
    return { round, items };
  });
}

export async function codingView(db: Kysely<DB>, organisationId: string, roundId: string, itemKey: string, coder: Coder): Promise<CodingView | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const found = await openItemOfRound(tx, organisationId, roundId, itemKey);
    if (!found) return undefined;
    const codebook = await ensureCodebook(tx, organisationId);
    const answers = await openAnswersOfItem(tx, organisationId, roundId, itemKey);
    const codings = await codingsOfItem(tx, organisationId, roundId, itemKey, coder);
    return {
      ...found,
      coder,
      codebook,
      answers: answers.map((answer) => ({ ...answer, codes: codings.get(answer.responseId) })),
      coded: answers.filter((answer) => codings.has(answer.responseId)).length,
    };
  });
}

export type SaveCodingProblem = 'not-found' | 'unknown-code';

/** Records the codes a person chose for one answer (none is a choice too), remembering the old ones for undo. */
export async function saveAnswerCoding(
  db: Kysely<DB>,
  actor: CodingActor,
  input: { roundId: string; itemKey: string; responseId: string; coder: Coder; codes: readonly string[] },
): Promise<Result<void, SaveCodingProblem>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const found = await openItemOfRound(tx, actor.organisationId, input.roundId, input.itemKey);
    if (!found) return err('not-found');
    const answers = await openAnswersOfItem(tx, actor.organisationId, input.roundId, input.itemKey);
    if (!answers.some((answer) => answer.responseId === input.responseId)) return err('not-found');
    const codebook = await ensureCodebook(tx, actor.organisationId);
    const usable = new Set(codebook.filter((code) => !code.archived).map((code) => code.key));
    const codes = [...new Set(input.codes)];
    if (codes.some((code) => !usable.has(code))) return err('unknown-code');
    const key = { organisationId: actor.organisationId, roundId: input.roundId, responseId: input.responseId, itemKey: input.itemKey, coder: input.coder };
    const before = (await codingsOfItem(tx, actor.organisationId, input.roundId, input.itemKey, input.coder)).get(input.responseId);
    await rememberForUndo(tx, actor.userId, { ...key, wasCoded: before !== undefined, previousCodes: before ?? [] });
    await writeCoding(tx, key, codes, actor.userId, todayInNetherlands());
    return ok(undefined);
  });
}

/** Puts back what the user's last coding replaced. */
export async function undoLastCoding(db: Kysely<DB>, actor: CodingActor): Promise<Result<{ roundId: string; itemKey: string; responseId: string; coder: Coder }, 'nothing-to-undo'>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const undo = await takeUndo(tx, actor.organisationId, actor.userId);
    if (!undo) return err('nothing-to-undo');
    if (undo.wasCoded) await writeCoding(tx, undo, undo.previousCodes, actor.userId, todayInNetherlands());
    else await removeCoding(tx, undo);
    return ok({ roundId: undo.roundId, itemKey: undo.itemKey, responseId: undo.responseId, coder: undo.coder });
  });
}

/** The answer the user's last coding was about, when it can still be undone. */
export function lastCodingOf(db: Kysely<DB>, actor: CodingActor) {
  return withTenant(db, actor.organisationId, (tx) => peekUndo(tx, actor.organisationId, actor.userId));
}

export async function codingModelOf(db: Kysely<DB>, organisationId: string): Promise<NaiveBayesModel | undefined> {
  const stored = await withTenant(db, organisationId, (tx) => loadCodingModel(tx, organisationId));
  if (!stored) return undefined;
  const parsed = parseNaiveBayesModel(stored.model);
  return parsed.ok ? parsed.value : undefined;
}

export function suggestionsFor(text: string, itemKey: string, codebook: readonly CodebookRow[], model: NaiveBayesModel | undefined): CodeSuggestion[] {
  const polarity = polarityOfItem(itemKey);
  return suggestCodes(text, {
    codebookKeys: codebook.filter((code) => !code.archived).map((code) => code.key),
    ...(model ? { model } : {}),
    ...(polarity ? { question: polarity } : {}),
  });
}

export interface OpenItemProgress {
  readonly item: OpenItem;
  readonly answered: number;
  readonly codedFirst: number;
  readonly codedSecond: number;
  readonly reviewed: number;
  /** Agreement of the two coders on the answers both coded; null when none or undefined. */
  readonly agreement: (KappaResult & { readonly answers: number }) | null;
}

export async function openAnswersOverview(db: Kysely<DB>, organisationId: string, roundId: string): Promise<{ round: Round; items: OpenItemProgress[] } | undefined> {
  const found = await openItemsOfRound(db, organisationId, roundId);
  if (!found) return undefined;
  return withTenant(db, organisationId, async (tx) => {
    const codebook = await ensureCodebook(tx, organisationId);
    const items: OpenItemProgress[] = [];
    for (const item of found.items) {
      const answers = await openAnswersOfItem(tx, organisationId, roundId, item.key);
      const first = await codingsOfItem(tx, organisationId, roundId, item.key, 1);
      const second = await codingsOfItem(tx, organisationId, roundId, item.key, 2);
      const reviews = await reviewsOfItem(tx, organisationId, roundId, item.key);
      const both = answers.filter((a) => first.has(a.responseId) && second.has(a.responseId));
      const agreement = both.length
        ? coderAgreement(
            both.map((a) => ({ id: a.responseId, codes: first.get(a.responseId)! })),
            both.map((a) => ({ id: a.responseId, codes: second.get(a.responseId)! })),
            codebook.map((code) => code.key),
          ).overall
        : null;
      items.push({
        item,
        answered: answers.length,
        codedFirst: answers.filter((a) => first.has(a.responseId)).length,
        codedSecond: answers.filter((a) => second.has(a.responseId)).length,
        reviewed: answers.filter((a) => reviews.has(a.responseId)).length,
        agreement: agreement && { ...agreement, answers: both.length },
      });
    }
    return { round: found.round, items };
  });
}
