import type { Role } from './schema.ts';
import type { Tx } from './tenant-transaction.ts';

export interface ApiTokenGrant {
  readonly tokenId: string;
  readonly organisationId: string;
  readonly role: Role;
}

export async function insertApiToken(
  tx: Tx,
  token: { id: string; organisationId: string; name: string; role: Role; tokenHash: string },
): Promise<void> {
  await tx
    .insertInto('api_tokens')
    .values({
      id: token.id,
      organisation_id: token.organisationId,
      name: token.name,
      role: token.role,
      token_hash: token.tokenHash,
    })
    .execute();
}

/** Looked up before any tenant is known, so it runs in the system context. */
export async function findApiToken(tx: Tx, tokenHash: string): Promise<ApiTokenGrant | undefined> {
  return tx
    .selectFrom('api_tokens')
    .select(['id as tokenId', 'organisation_id as organisationId', 'role'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}
