import type { Tx } from './tenant-transaction.ts';

export interface SecondFactorRow {
  readonly secretSealed: string;
  readonly confirmed: boolean;
  /** The last TOTP time step accepted; a code of that step or before is refused. */
  readonly lastStep: number;
}

export async function findSecondFactor(tx: Tx, userId: string): Promise<SecondFactorRow | undefined> {
  const row = await tx
    .selectFrom('user_second_factors')
    .select(['secret_sealed', 'confirmed_at', 'last_step'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && { secretSealed: row.secret_sealed, confirmed: row.confirmed_at !== null, lastStep: Number(row.last_step) };
}

/** A new, unconfirmed secret replaces an unconfirmed one; a confirmed one is never overwritten. */
export async function saveUnconfirmedSecondFactor(tx: Tx, userId: string, secretSealed: string): Promise<boolean> {
  const result = await tx
    .insertInto('user_second_factors')
    .values({ user_id: userId, secret_sealed: secretSealed })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret_sealed: secretSealed, last_step: '-1' }).where('user_second_factors.confirmed_at', 'is', null))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function confirmSecondFactor(tx: Tx, userId: string, step: number, at: Date): Promise<void> {
  await tx.updateTable('user_second_factors').set({ confirmed_at: at, last_step: String(step) }).where('user_id', '=', userId).execute();
}

/** Records the step just used, only when it is later than the last: two racing uses, one wins. */
export async function useSecondFactorStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const result = await tx
    .updateTable('user_second_factors')
    .set({ last_step: String(step) })
    .where('user_id', '=', userId)
    .where('last_step', '<', String(step))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteSecondFactor(tx: Tx, userId: string): Promise<boolean> {
  const result = await tx.deleteFrom('user_second_factors').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export interface ChallengeRow {
  readonly userId: string;
  readonly replacesSessionId: string | null;
  readonly failures: number;
}

export async function insertChallenge(tx: Tx, challenge: { id: string; userId: string; replacesSessionId: string | null; expiresAt: Date }): Promise<void> {
  await tx.deleteFrom('sign_in_challenges').where('expires_at', '<', new Date()).execute();
  await tx
    .insertInto('sign_in_challenges')
    .values({ id: challenge.id, user_id: challenge.userId, replaces_session_id: challenge.replacesSessionId, expires_at: challenge.expiresAt })
    .execute();
}

/** The challenge, locked for this transaction so two code attempts are counted one by one. */
export async function findChallengeForUpdate(tx: Tx, id: string, now: Date): Promise<ChallengeRow | undefined> {
  const row = await tx
    .selectFrom('sign_in_challenges')
    .select(['user_id', 'replaces_session_id', 'failures'])
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
  return row && { userId: row.user_id, replacesSessionId: row.replaces_session_id, failures: row.failures };
}

export async function countChallengeFailure(tx: Tx, id: string): Promise<void> {
  await tx.updateTable('sign_in_challenges').set((eb) => ({ failures: eb('failures', '+', 1) })).where('id', '=', id).execute();
}

export async function deleteChallenge(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('sign_in_challenges').where('id', '=', id).execute();
}

/** Which of these users have a confirmed second factor. */
export async function usersWithConfirmedSecondFactor(tx: Tx, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx.selectFrom('user_second_factors').select('user_id').where('user_id', 'in', userIds).where('confirmed_at', 'is not', null).execute();
  return new Set(rows.map((row) => row.user_id));
}
