import { addCompletedResponses } from './item-statistics-store.ts';
import type { StoredAnswer } from '../domain/questionnaire/answer-encoding.ts';
import type { Channel } from './schema.ts';
import type { Tx } from './tenant-transaction.ts';

/** One answer row: exactly one of optionCode, valueNum, valueText, or notApplicable. */
export type AnswerInput = StoredAnswer;

/** An answer as a row of the answers table: the one place that knows the column encoding. */
export function answerRow(response: { organisationId: string; roundId: string; responseId: string }, a: StoredAnswer) {
  return {
    organisation_id: response.organisationId,
    round_id: response.roundId,
    response_id: response.responseId,
    item_key: a.itemKey,
    option_code: a.optionCode ?? '',
    value_num: a.valueNum ?? null,
    value_text: a.valueText ?? null,
    not_applicable: a.notApplicable ?? false,
  };
}

export interface CompletedResponseInput {
  readonly id: string;
  readonly channel: Channel;
  readonly language: string;
  readonly startedOn: string;
  readonly completedOn: string;
  readonly answers: readonly AnswerInput[];
  /** Coarse variables carried by the access code (paper entry), if any. */
  readonly carried?: Readonly<Record<string, string>>;
}

const CHUNK = 1000;

/** Bulk insert of completed responses (demo data, paper batches, history import). */
export async function insertCompletedResponses(
  tx: Tx,
  organisationId: string,
  roundId: string,
  responses: readonly CompletedResponseInput[],
): Promise<void> {
  for (let i = 0; i < responses.length; i += CHUNK) {
    const slice = responses.slice(i, i + CHUNK);
    await tx
      .insertInto('responses')
      .values(
        slice.map((r) => ({
          id: r.id,
          organisation_id: organisationId,
          round_id: roundId,
          channel: r.channel,
          language: r.language,
          status: 'completed' as const,
          started_on: r.startedOn,
          completed_on: r.completedOn,
          ...(r.carried ? { carried: JSON.stringify(r.carried) } : {}),
        })),
      )
      .execute();
  }
  const rows = responses.flatMap((r) =>
    r.answers.map((a) => answerRow({ organisationId, roundId, responseId: r.id }, a)),
  );
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insertInto('answers').values(rows.slice(i, i + CHUNK)).execute();
  }
  await addCompletedResponses(tx, responses.map((r) => r.id));
}

export async function insertAccessCodes(
  tx: Tx,
  organisationId: string,
  roundId: string,
  codes: readonly { id: string; codeHash: string }[],
): Promise<void> {
  for (let i = 0; i < codes.length; i += CHUNK) {
    await tx
      .insertInto('access_codes')
      .values(
        codes.slice(i, i + CHUNK).map((c) => ({
          id: c.id,
          organisation_id: organisationId,
          round_id: roundId,
          code_hash: c.codeHash,
        })),
      )
      .execute();
  }
}
