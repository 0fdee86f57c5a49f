import type { Tx } from './tenant-transaction.ts';

export interface SessionRow {
  readonly id: string;
  readonly userId: string;
  readonly organisationId: string | null;
  readonly expiresAt: Date;
}

export async function insertSession(tx: Tx, session: SessionRow): Promise<void> {
  await tx
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      current_organisation_id: session.organisationId,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function findSession(tx: Tx, id: string, now: Date): Promise<SessionRow | undefined> {
  return tx
    .selectFrom('sessions')
    .select(['id', 'user_id as userId', 'current_organisation_id as organisationId', 'expires_at as expiresAt'])
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function setSessionOrganisation(tx: Tx, id: string, organisationId: string): Promise<void> {
  await tx.updateTable('sessions').set({ current_organisation_id: organisationId }).where('id', '=', id).execute();
}

export async function deleteSession(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(tx: Tx, userId: string): Promise<void> {
  await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(tx: Tx, now: Date): Promise<void> {
  await tx.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
