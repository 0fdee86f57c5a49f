import type { Kysely } from 'kysely';
import { listAudit, recordAudit, type AuditRow } from '../db/audit-store.ts';
import type { DB, Role } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { deleteMembership, listMembers, upsertMembership, type Member } from '../db/user-store.ts';
import { err, ok, type Result } from '../domain/result.ts';

export const ROLES: readonly Role[] = ['administrator', 'researcher', 'viewer', 'council'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function membersOf(db: Kysely<DB>, organisationId: string): Promise<Member[]> {
  return withTenant(db, organisationId, (tx) => listMembers(tx, organisationId));
}

export function auditOf(db: Kysely<DB>, organisationId: string): Promise<AuditRow[]> {
  return withTenant(db, organisationId, (tx) => listAudit(tx, organisationId));
}

export type MemberChangeProblem = 'not-member' | 'last-administrator' | 'self';

/** An organisation always keeps at least one administrator, so nobody locks it out. */
export async function changeRole(
  db: Kysely<DB>,
  input: { organisationId: string; actorId: string; userId: string; role: Role },
): Promise<Result<void, MemberChangeProblem>> {
  return withTenant(db, input.organisationId, async (tx) => {
    const members = await listMembers(tx, input.organisationId);
    const target = members.find((m) => m.userId === input.userId);
    if (!target) return err('not-member' as const);
    const admins = members.filter((m) => m.role === 'administrator');
    if (target.role === 'administrator' && input.role !== 'administrator' && admins.length === 1) {
      return err('last-administrator' as const);
    }
    await upsertMembership(tx, input.organisationId, input.userId, input.role);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      userId: input.actorId,
      action: 'role-changed',
      details: { userId: input.userId, from: target.role, to: input.role },
    });
    return ok(undefined);
  });
}

export async function removeMember(
  db: Kysely<DB>,
  input: { organisationId: string; actorId: string; userId: string },
): Promise<Result<void, MemberChangeProblem>> {
  if (input.actorId === input.userId) return err('self');
  return withTenant(db, input.organisationId, async (tx) => {
    const members = await listMembers(tx, input.organisationId);
    const target = members.find((m) => m.userId === input.userId);
    if (!target) return err('not-member' as const);
    if (target.role === 'administrator' && members.filter((m) => m.role === 'administrator').length === 1) {
      return err('last-administrator' as const);
    }
    await deleteMembership(tx, input.organisationId, input.userId);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      userId: input.actorId,
      action: 'user-removed',
      details: { userId: input.userId, role: target.role },
    });
    return ok(undefined);
  });
}
