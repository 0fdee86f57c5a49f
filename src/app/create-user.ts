import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import type { DB, Role } from '../db/schema.ts';
import { withSystem } from '../db/tenant-transaction.ts';
import { findUserByEmail, insertUser, upsertMembership } from '../db/user-store.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { checkPasswordRules, hashPassword, type PasswordProblem } from './passwords.ts';

export type CreateUserProblem = 'email-invalid' | 'name-missing' | PasswordProblem;

export interface CreateUserInput {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  /** Membership to give; omitted for a benchmark organiser without organisation. */
  readonly organisationId?: string;
  readonly role?: Role;
  readonly isBenchmarkOrganiser?: boolean;
  /** Who did it, for the audit log; null for the CLI and the demo. */
  readonly actorId?: string | null;
}

export function normaliseEmail(email: string): string | undefined {
  const normalised = email.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalised) && normalised.length <= 254 ? normalised : undefined;
}

/** Creates the user, or, when the address exists already, gives that user the membership. */
export async function createUser(
  db: Kysely<DB>,
  input: CreateUserInput,
): Promise<Result<{ userId: string; existed: boolean }, CreateUserProblem>> {
  const email = normaliseEmail(input.email);
  if (!email) return err('email-invalid');
  if (input.name.trim() === '') return err('name-missing');
  const passwordProblem = checkPasswordRules(input.password, { email, name: input.name });
  if (passwordProblem) return err(passwordProblem);
  const passwordHash = await hashPassword(input.password);
  return withSystem(db, async (tx) => {
    const existing = await findUserByEmail(tx, email);
    const userId = existing?.id ?? randomUUID();
    if (!existing) {
      await insertUser(tx, {
        id: userId,
        email,
        name: input.name.trim(),
        passwordHash,
        isBenchmarkOrganiser: input.isBenchmarkOrganiser ?? false,
      });
    }
    if (input.organisationId && input.role) {
      await upsertMembership(tx, input.organisationId, userId, input.role);
      await recordAudit(tx, {
        organisationId: input.organisationId,
        userId: input.actorId ?? null,
        action: 'user-added',
        details: { userId, role: input.role },
      });
    }
    return ok({ userId, existed: existing !== undefined });
  });
}
