import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import type { DB } from '../db/schema.ts';
import {
  confirmSecondFactor,
  countChallengeFailure,
  deleteChallenge,
  deleteSecondFactor,
  findChallengeForUpdate,
  findSecondFactor,
  saveUnconfirmedSecondFactor,
  useSecondFactorStep,
  usersWithConfirmedSecondFactor,
} from '../db/second-factor-store.ts';
import { withSystem } from '../db/tenant-transaction.ts';
import { getUser, membershipsOfUser } from '../db/user-store.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { verifyPassword } from './passwords.ts';
import { openSealedText, sealText } from './sealed-text.ts';
import { sessionIdOf, startSession } from './sign-in.ts';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.ts';

// The optional second factor for staff: a TOTP app (any authenticator). Set up by the user
// (scan, then prove it works with a code), turned off by the user with their password, or
// reset by an administrator of their organisation when the phone is lost.

const PURPOSE = 'totp-secret';
/** Wrong codes allowed on one sign-in before it must start again with the password. */
export const CODE_FAILURES_ALLOWED = 5;

export type SecondFactorState = 'off' | 'being-set-up' | 'on';

export async function secondFactorState(db: Kysely<DB>, userId: string): Promise<SecondFactorState> {
  const factor = await withSystem(db, (tx) => findSecondFactor(tx, userId));
  return !factor ? 'off' : factor.confirmed ? 'on' : 'being-set-up';
}

/** Which of these users sign in with two steps (for the administrator's list of users). */
export async function usersWithSecondFactor(db: Kysely<DB>, userIds: readonly string[]): Promise<Set<string>> {
  return withSystem(db, (tx) => usersWithConfirmedSecondFactor(tx, userIds));
}

/** A new secret to scan, replacing one that was never confirmed; refused when the factor is on. */
export async function beginSecondFactorSetup(
  db: Kysely<DB>,
  serverSecret: string,
  user: { userId: string; email: string },
): Promise<Result<{ secret: string; uri: string }, 'already-on'>> {
  const secret = newTotpSecret();
  const saved = await withSystem(db, (tx) => saveUnconfirmedSecondFactor(tx, user.userId, sealText(serverSecret, PURPOSE, secret)));
  if (!saved) return err('already-on');
  return ok({ secret, uri: otpauthUri(secret, user.email) });
}

/** The secret being set up (to show it again after a wrong code). */
export async function pendingSecondFactor(db: Kysely<DB>, serverSecret: string, user: { userId: string; email: string }): Promise<{ secret: string; uri: string } | undefined> {
  const factor = await withSystem(db, (tx) => findSecondFactor(tx, user.userId));
  if (!factor || factor.confirmed) return undefined;
  const secret = openSealedText(serverSecret, PURPOSE, factor.secretSealed);
  return { secret, uri: otpauthUri(secret, user.email) };
}

export async function confirmSecondFactorSetup(
  db: Kysely<DB>,
  serverSecret: string,
  input: { userId: string; organisationId: string | null; code: string; now?: Date },
): Promise<Result<void, 'not-being-set-up' | 'wrong-code'>> {
  const now = input.now ?? new Date();
  return withSystem(db, async (tx) => {
    const factor = await findSecondFactor(tx, input.userId);
    if (!factor || factor.confirmed) return err('not-being-set-up');
    const step = matchTotp(openSealedText(serverSecret, PURPOSE, factor.secretSealed), input.code, now);
    if (step === undefined) return err('wrong-code');
    await confirmSecondFactor(tx, input.userId, step, now);
    await recordAudit(tx, { organisationId: input.organisationId, userId: input.userId, action: 'second-factor-on' });
    return ok(undefined);
  });
}

export async function turnOffSecondFactor(
  db: Kysely<DB>,
  input: { userId: string; organisationId: string | null; password: string },
): Promise<Result<void, 'wrong-password'>> {
  const user = await withSystem(db, (tx) => getUser(tx, input.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.password))) return err('wrong-password');
  await withSystem(db, async (tx) => {
    if (await deleteSecondFactor(tx, input.userId)) {
      await recordAudit(tx, { organisationId: input.organisationId, userId: input.userId, action: 'second-factor-off' });
    }
  });
  return ok(undefined);
}

/** An administrator removes the second factor of a member of their organisation (lost phone). */
export async function resetSecondFactor(
  db: Kysely<DB>,
  input: { organisationId: string; actorId: string; userId: string },
): Promise<Result<void, 'not-a-member'>> {
  return withSystem(db, async (tx) => {
    const memberships = await membershipsOfUser(tx, input.userId);
    if (!memberships.some((m) => m.organisationId === input.organisationId)) return err('not-a-member');
    if (await deleteSecondFactor(tx, input.userId)) {
      await recordAudit(tx, { organisationId: input.organisationId, userId: input.actorId, action: 'second-factor-reset', details: { userId: input.userId } });
    }
    return ok(undefined);
  });
}

/**
 * The second step of a sign-in: the code from the app. A right code opens the session; a wrong
 * one is counted, and after CODE_FAILURES_ALLOWED the challenge is gone and the password must be
 * given again. Each code works once.
 */
export async function answerChallenge(
  db: Kysely<DB>,
  serverSecret: string,
  input: { challengeToken: string; code: string; now?: Date },
): Promise<Result<{ token: string; userId: string }, 'expired' | 'wrong-code' | 'too-many'>> {
  const now = input.now ?? new Date();
  const id = sessionIdOf(input.challengeToken);
  const outcome = await withSystem(db, async (tx): Promise<Result<{ userId: string; replacesSessionId: string | null }, 'expired' | 'wrong-code' | 'too-many'>> => {
    const challenge = await findChallengeForUpdate(tx, id, now);
    if (!challenge) return err('expired');
    const factor = await findSecondFactor(tx, challenge.userId);
    if (!factor?.confirmed) {
      await deleteChallenge(tx, id);
      return err('expired');
    }
    const step = matchTotp(openSealedText(serverSecret, PURPOSE, factor.secretSealed), input.code, now, factor.lastStep);
    if (step === undefined || !(await useSecondFactorStep(tx, challenge.userId, step))) {
      const [first] = await membershipsOfUser(tx, challenge.userId);
      await recordAudit(tx, { organisationId: first?.organisationId ?? null, userId: challenge.userId, action: 'second-factor-failed' });
      if (challenge.failures + 1 >= CODE_FAILURES_ALLOWED) {
        await deleteChallenge(tx, id);
        return err('too-many');
      }
      await countChallengeFailure(tx, id);
      return err('wrong-code');
    }
    await deleteChallenge(tx, id);
    return ok({ userId: challenge.userId, replacesSessionId: challenge.replacesSessionId });
  });
  if (!outcome.ok) return outcome;
  return ok(await startSession(db, outcome.value.userId, outcome.value.replacesSessionId, now));
}
