import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import type { DB, Role } from '../db/schema.ts';
import {
  deleteSession,
  deleteSessionsOfUser,
  findSession,
  insertSession,
  setSessionOrganisation,
} from '../db/session-store.ts';
import { findSecondFactor, insertChallenge } from '../db/second-factor-store.ts';
import { withSystem } from '../db/tenant-transaction.ts';
import { findUserByEmail, getUser, membershipsOfUser, type Membership } from '../db/user-store.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { normaliseEmail } from './create-user.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';

export const SESSION_HOURS = 12;

/** The cookie holds the token; the database only its hash, so a leaked table opens no session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A session, or, for a user with a second factor, the challenge to answer with a code. */
export type SignedIn =
  | { readonly kind: 'session'; readonly token: string; readonly userId: string }
  | { readonly kind: 'second-factor'; readonly challengeToken: string };

export async function signIn(
  db: Kysely<DB>,
  input: { email: string; password: string; now?: Date; /** The session the browser held before, ended now. */ replacesSessionId?: string },
): Promise<Result<SignedIn, 'invalid'>> {
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  const user = email ? await withSystem(db, (tx) => findUserByEmail(tx, email)) : undefined;
  if (!user || user.disabled) {
    await burnPasswordCheck(input.password);
    return err('invalid');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await withSystem(db, async (tx) => {
      const [first] = await membershipsOfUser(tx, user.id);
      await recordAudit(tx, { organisationId: first?.organisationId ?? null, userId: user.id, action: 'sign-in-failed' });
    });
    return err('invalid');
  }
  const secondFactor = await withSystem(db, (tx) => findSecondFactor(tx, user.id));
  if (secondFactor?.confirmed) {
    // The password was right; the session starts only after the code from the app.
    const challengeToken = randomBytes(32).toString('base64url');
    await withSystem(db, (tx) =>
      insertChallenge(tx, {
        id: sessionIdOf(challengeToken),
        userId: user.id,
        replacesSessionId: input.replacesSessionId ?? null,
        expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
      }),
    );
    return ok({ kind: 'second-factor', challengeToken });
  }
  return ok({ kind: 'session', ...(await startSession(db, user.id, input.replacesSessionId ?? null, now)) });
}

/** Minutes to type the code after the password. */
export const CHALLENGE_MINUTES = 5;

/** Opens a session for a user whose sign-in is complete. */
export async function startSession(db: Kysely<DB>, userId: string, replacesSessionId: string | null, now: Date): Promise<{ token: string; userId: string }> {
  const token = randomBytes(32).toString('base64url');
  await withSystem(db, async (tx) => {
    const memberships = await membershipsOfUser(tx, userId);
    const organisationId = memberships[0]?.organisationId ?? null;
    // A new session id at every sign-in; a session the browser had is ended, so no id known
    // before signing in (fixation) or from an earlier sign-in stays valid.
    if (replacesSessionId) await deleteSession(tx, replacesSessionId);
    await insertSession(tx, {
      id: sessionIdOf(token),
      userId,
      organisationId,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
    });
    await recordAudit(tx, { organisationId, userId, action: 'sign-in' });
  });
  return { token, userId };
}

export interface SessionContext {
  readonly sessionId: string;
  readonly userId: string;
  readonly userName: string;
  readonly email: string;
  readonly language: string;
  readonly isBenchmarkOrganiser: boolean;
  readonly memberships: readonly Membership[];
  /** The organisation the user works in now, with their role there. */
  readonly current: Membership | undefined;
}

export async function resolveSession(
  db: Kysely<DB>,
  token: string,
  now = new Date(),
): Promise<SessionContext | undefined> {
  const sessionId = sessionIdOf(token);
  return withSystem(db, async (tx) => {
    const session = await findSession(tx, sessionId, now);
    if (!session) return undefined;
    const user = await getUser(tx, session.userId);
    if (!user || user.disabled) return undefined;
    const memberships = await membershipsOfUser(tx, user.id);
    return {
      sessionId,
      userId: user.id,
      userName: user.name,
      email: user.email,
      language: user.language,
      isBenchmarkOrganiser: user.isBenchmarkOrganiser,
      memberships,
      current: memberships.find((m) => m.organisationId === session.organisationId) ?? memberships[0],
    };
  });
}

export async function switchOrganisation(
  db: Kysely<DB>,
  session: SessionContext,
  organisationId: string,
): Promise<boolean> {
  if (!session.memberships.some((m) => m.organisationId === organisationId)) return false;
  await withSystem(db, (tx) => setSessionOrganisation(tx, session.sessionId, organisationId));
  return true;
}

export async function signOut(db: Kysely<DB>, session: SessionContext): Promise<void> {
  await withSystem(db, async (tx) => {
    await deleteSession(tx, session.sessionId);
    await recordAudit(tx, { organisationId: session.current?.organisationId ?? null, userId: session.userId, action: 'sign-out' });
  });
}

export async function signOutEverywhere(db: Kysely<DB>, userId: string): Promise<void> {
  await withSystem(db, (tx) => deleteSessionsOfUser(tx, userId));
}

export function roleAllows(role: Role | undefined, needed: readonly Role[]): boolean {
  return role !== undefined && needed.includes(role);
}
