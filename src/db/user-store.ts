import type { Role } from './schema.ts';
import type { Tx } from './tenant-transaction.ts';

export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly isBenchmarkOrganiser: boolean;
  readonly language: string;
  readonly disabled: boolean;
}

export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
}

export interface Membership {
  readonly organisationId: string;
  readonly slug: string;
  readonly name: string;
  readonly role: Role;
}

export async function insertUser(
  tx: Tx,
  user: { id: string; email: string; name: string; passwordHash: string; isBenchmarkOrganiser?: boolean },
): Promise<void> {
  await tx
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      is_benchmark_organiser: user.isBenchmarkOrganiser ?? false,
    })
    .execute();
}

const userColumns = [
  'id',
  'email',
  'name',
  'password_hash as passwordHash',
  'is_benchmark_organiser as isBenchmarkOrganiser',
  'language',
] as const;

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  const row = await tx
    .selectFrom('users')
    .select([...userColumns, 'disabled_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  return row && { ...withoutDisabledAt(row), disabled: row.disabled_at !== null };
}

export async function getUser(tx: Tx, id: string): Promise<UserRow | undefined> {
  const row = await tx
    .selectFrom('users')
    .select([...userColumns, 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { ...withoutDisabledAt(row), disabled: row.disabled_at !== null };
}

function withoutDisabledAt<T extends { disabled_at: unknown }>(row: T): Omit<T, 'disabled_at'> {
  const { disabled_at: _ignored, ...rest } = row;
  return rest;
}

export async function membershipsOfUser(tx: Tx, userId: string): Promise<Membership[]> {
  return tx
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id as organisationId', 'o.slug', 'o.name', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

export async function upsertMembership(tx: Tx, organisationId: string, userId: string, role: Role): Promise<void> {
  await tx
    .insertInto('memberships')
    .values({ organisation_id: organisationId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}

export async function deleteMembership(tx: Tx, organisationId: string, userId: string): Promise<number> {
  const result = await tx
    .deleteFrom('memberships')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listMembers(tx: Tx, organisationId: string): Promise<Member[]> {
  return tx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.email', 'u.name', 'm.role'])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('u.name')
    .execute();
}
