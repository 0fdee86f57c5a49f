import { answerRow, type CompletedResponseInput } from '../../db/response-store.ts';
import type { Tx } from '../../db/tenant-transaction.ts';

// Unfinished questionnaires of a round in fieldwork, stored the way the respondent form leaves
// them: an in-progress response, the answers given so far, and the session row that lets the
// code holder resume. (response-store has a bulk insert for completed responses only.)

export interface StartedResponse {
  readonly accessCodeId: string;
  /** completedOn is ignored; answers are the part filled in so far. */
  readonly response: CompletedResponseInput;
}

export async function insertStartedResponses(
  tx: Tx,
  organisationId: string,
  roundId: string,
  started: readonly StartedResponse[],
): Promise<void> {
  if (started.length === 0) return;
  await tx
    .insertInto('responses')
    .values(
      started.map(({ response }) => ({
        id: response.id,
        organisation_id: organisationId,
        round_id: roundId,
        channel: response.channel,
        language: response.language,
        status: 'in_progress' as const,
        started_on: response.startedOn,
        completed_on: null,
      })),
    )
    .execute();
  const answers = started.flatMap(({ response }) =>
    response.answers.map((a) => answerRow({ organisationId, roundId, responseId: response.id }, a)),
  );
  if (answers.length > 0) await tx.insertInto('answers').values(answers).execute();
  await tx
    .insertInto('response_sessions')
    .values(
      started.map(({ accessCodeId, response }) => ({
        organisation_id: organisationId,
        access_code_id: accessCodeId,
        response_id: response.id,
      })),
    )
    .execute();
}
