import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getRound } from '../../db/round-store.ts';
import { findAccessCode, insertStartedResponse, responseOfCode } from '../../db/respondent-store.ts';
import type { DB } from '../../db/schema.ts';
import { withSystem, withTenant } from '../../db/tenant-transaction.ts';
import { normaliseAccessCode, type AccessCodeProblem } from '../../domain/access-code.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { hashAccessCode } from '../access-code-hash.ts';
import { todayInNetherlands } from '../today.ts';

/** What a respondent's browser holds: which response it may fill in, of which organisation. */
export interface RespondentTicket {
  readonly organisationId: string;
  readonly responseId: string;
}

export type EntryProblem = AccessCodeProblem | 'unknown' | 'completed' | 'not-open';

/**
 * Starts or resumes the response that belongs to an access code. The format (length, alphabet,
 * check character) is checked before the database is asked, so typos cost no lookup.
 */
export async function enterWithCode(
  db: Kysely<DB>,
  input: { code: string; language: string; now?: Date },
): Promise<Result<RespondentTicket, EntryProblem>> {
  const normalised = normaliseAccessCode(input.code);
  if (!normalised.ok) return normalised;
  const code = await withSystem(db, (tx) => findAccessCode(tx, hashAccessCode(normalised.value)));
  if (!code) return err('unknown');
  if (code.state === 'completed') return err('completed');
  return withTenant(db, code.organisationId, async (tx) => {
    const round = await getRound(tx, code.organisationId, code.roundId);
    if (!round || round.status !== 'fieldwork') return err('not-open' as const);
    const existing = await responseOfCode(tx, code.id);
    if (existing) return ok({ organisationId: code.organisationId, responseId: existing });
    const responseId = randomUUID();
    await insertStartedResponse(tx, {
      id: responseId,
      organisationId: code.organisationId,
      roundId: code.roundId,
      channel: 'web',
      language: input.language,
      today: todayInNetherlands(input.now),
      accessCodeId: code.id,
    });
    return ok({ organisationId: code.organisationId, responseId });
  });
}
