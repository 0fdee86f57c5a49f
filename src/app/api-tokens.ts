import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findApiToken, insertApiToken, type ApiTokenGrant } from '../db/api-token-store.ts';
import { recordAudit } from '../db/audit-store.ts';
import type { DB, Role } from '../db/schema.ts';
import { withSystem, withTenant } from '../db/tenant-transaction.ts';

const PREFIX = 'ks_';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Returns the token once; only its hash is stored. */
export async function createApiToken(
  db: Kysely<DB>,
  input: { organisationId: string; name: string; role: Role; actorId: string | null },
): Promise<string> {
  const token = PREFIX + randomBytes(32).toString('base64url');
  await withTenant(db, input.organisationId, async (tx) => {
    const id = randomUUID();
    await insertApiToken(tx, { id, organisationId: input.organisationId, name: input.name, role: input.role, tokenHash: hashToken(token) });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      userId: input.actorId,
      action: 'api-token-created',
      details: { tokenId: id, name: input.name, role: input.role },
    });
  });
  return token;
}

export async function authenticateApiToken(db: Kysely<DB>, token: string): Promise<ApiTokenGrant | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
  return withSystem(db, (tx) => findApiToken(tx, hashToken(token)));
}
