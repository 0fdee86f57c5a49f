// Raw data of a round for the export: completed responses and their answers. The response id
// is read only to attach answers to their response; callers must not pass it on. Nothing here
// touches invitees or access codes: answers are never joined to them (domain.md, anonymity).

import { releasedText } from './open-answer-store.ts';
import type { StoredAnswer } from '../domain/questionnaire/answer-encoding.ts';
import type { Channel } from './schema.ts';
import type { Tx } from './tenant-transaction.ts';

export interface ExportedResponseRow {
  readonly id: string;
  readonly channel: Channel;
  readonly language: string;
  readonly completedOn: string;
}

export interface ExportedAnswerRow extends StoredAnswer {
  readonly responseId: string;
}

function dateOnly(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** Completed responses of the round, by completion date; within a date in id (random) order. */
export async function completedResponsesOfRound(tx: Tx, organisationId: string, roundId: string): Promise<ExportedResponseRow[]> {
  const rows = await tx
    .selectFrom('responses')
    .select(['id', 'channel', 'language', 'completed_on'])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .where('status', '=', 'completed')
    .orderBy('completed_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, channel: r.channel, language: r.language, completedOn: dateOnly(r.completed_on) }));
}

/** Answers of the completed responses of the round; open answers only when reviewed (redacted where chosen). */
export async function completedAnswersOfRound(tx: Tx, organisationId: string, roundId: string): Promise<ExportedAnswerRow[]> {
  const rows = await tx
    .selectFrom('answers as a')
    .innerJoin('responses as resp', 'resp.id', 'a.response_id')
    .leftJoin('open_answer_reviews as r', (join) => join.onRef('r.response_id', '=', 'a.response_id').onRef('r.item_key', '=', 'a.item_key'))
    // Free text leaves the database only as a person released it in the privacy review.
    .select(['a.response_id as responseId', 'a.item_key as itemKey', 'a.option_code as optionCode', 'a.value_num as valueNum', releasedText.as('valueText'), 'a.not_applicable as notApplicable'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.round_id', '=', roundId)
    .where('resp.status', '=', 'completed')
    .execute();
  return rows.map((r) => ({
    responseId: r.responseId,
    itemKey: r.itemKey,
    ...(r.optionCode ? { optionCode: r.optionCode } : {}),
    ...(r.valueNum !== null ? { valueNum: Number(r.valueNum) } : {}),
    ...(r.valueText !== null ? { valueText: r.valueText } : {}),
    ...(r.notApplicable ? { notApplicable: true } : {}),
  }));
}
