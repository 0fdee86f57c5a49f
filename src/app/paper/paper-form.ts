import type { Kysely } from 'kysely';
import { deletePendingEntry, findPendingEntry, isDoubleEntry, type PendingEntry } from '../../db/paper-entry-store.ts';
import { getVersion } from '../../db/questionnaire-store.ts';
import { lockRoundAccessCode, type AccessCodeRow } from '../../db/respondent-store.ts';
import { getRound, type Round } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { normaliseAccessCode, type AccessCodeProblem } from '../../domain/access-code.ts';
import { decodeAnswers } from '../../domain/questionnaire/answer-encoding.ts';
import type { AnswerValue } from '../../domain/questionnaire/answer-value.ts';
import { itemsOf, type Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { hashAccessCode } from '../access-code-hash.ts';

/**
 * unknown: not a code of this round; completed: already counted (web or paper); same-typer: the
 * person who typed the first entry cannot type (or settle) the second.
 */
export type PaperCodeProblem = AccessCodeProblem | 'unknown' | 'completed' | 'not-fieldwork' | 'same-typer';

/** single: no double entry; first/second: double entry; resolve: both typed, they differ. */
export type PaperStage = 'single' | 'first' | 'second' | 'resolve';

export interface PaperForm {
  readonly round: Round;
  readonly questionnaire: Questionnaire;
  /** Normalised code, as typed on the form again when saving. */
  readonly code: string;
  readonly accessCode: AccessCodeRow;
  readonly stage: PaperStage;
  /** The respondent started on the web and did not finish; the paper form replaces that. */
  readonly startedOnline: boolean;
  readonly pending: PendingEntry | undefined;
}

export interface PaperActor {
  readonly organisationId: string;
  readonly roundId: string;
  readonly userId: string;
}

/** Checks the code and decides the stage, inside the caller's transaction (the code row is locked). */
export async function paperFormIn(tx: Tx, actor: PaperActor, typedCode: string): Promise<Result<PaperForm, PaperCodeProblem>> {
  const normalised = normaliseAccessCode(typedCode);
  if (!normalised.ok) return normalised;
  const round = await getRound(tx, actor.organisationId, actor.roundId);
  if (!round) return err('unknown');
  if (round.status !== 'fieldwork') return err('not-fieldwork');
  const accessCode = await lockRoundAccessCode(tx, round.id, hashAccessCode(normalised.value));
  if (!accessCode) return err('unknown');
  const pending = await findPendingEntry(tx, accessCode.id);
  if (accessCode.state === 'completed') {
    // A respondent answered online while a first paper entry waited: that entry is moot.
    if (pending) await deletePendingEntry(tx, accessCode.id);
    return err('completed');
  }
  const version = await getVersion(tx, round.questionnaireVersionId);
  if (!version) return err('unknown');
  // A first entry keeps its code in double entry even if double entry was switched off since.
  const stage: PaperStage = pending
    ? pending.secondAnswers ? 'resolve' : 'second'
    : (await isDoubleEntry(tx, round.id)) ? 'first' : 'single';
  if (pending && pending.firstBy === actor.userId) return err('same-typer');
  return ok({ round, questionnaire: version.definition, code: normalised.value, accessCode, stage, startedOnline: accessCode.state === 'started', pending });
}

export function openPaperForm(db: Kysely<DB>, actor: PaperActor, typedCode: string): Promise<Result<PaperForm, PaperCodeProblem>> {
  return withTenant(db, actor.organisationId, (tx) => paperFormIn(tx, actor, typedCode));
}

export function decodeEntry(questionnaire: Questionnaire, rows: Parameters<typeof decodeAnswers>[1]): Map<string, AnswerValue> {
  return decodeAnswers(new Map(itemsOf(questionnaire).map((item) => [item.key, item])), rows);
}
