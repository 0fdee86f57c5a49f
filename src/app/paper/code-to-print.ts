import type { Kysely } from 'kysely';
import { roundHasAccessCode } from '../../db/respondent-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { normaliseAccessCode, type AccessCodeProblem } from '../../domain/access-code.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { hashAccessCode } from '../access-code-hash.ts';

/**
 * The code to print on a paper questionnaire: only a code of this round, so a typo never ends
 * up on thousands of letters. Undefined (an empty code box) when no code was asked for.
 */
export async function codeToPrint(
  db: Kysely<DB>,
  input: { organisationId: string; roundId: string; code: string | undefined },
): Promise<Result<string | undefined, AccessCodeProblem | 'unknown'>> {
  if (input.code === undefined || input.code.trim() === '') return ok(undefined);
  const normalised = normaliseAccessCode(input.code);
  if (!normalised.ok) return normalised;
  const known = await withTenant(db, input.organisationId, (tx) => roundHasAccessCode(tx, input.roundId, hashAccessCode(normalised.value)));
  return known ? ok(normalised.value) : err('unknown');
}
