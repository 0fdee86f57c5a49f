// The organisation's key pair for signing benchmark files (migrations/0028). Runs in a tenant
// transaction and filters on the organisation as well.

import type { Tx } from './tenant-transaction.ts';

export interface StoredSigningKey {
  readonly publicKey: string;
  readonly keyId: string;
  readonly privateKeySealed: string;
  readonly createdAt: Date;
}

export async function findSigningKey(tx: Tx, organisationId: string): Promise<StoredSigningKey | undefined> {
  return tx.selectFrom('benchmark_signing_keys')
    .select(['public_key as publicKey', 'key_id as keyId', 'private_key_sealed as privateKeySealed', 'created_at as createdAt'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** Stores the key, replacing an earlier one of the organisation. */
export async function saveSigningKey(tx: Tx, organisationId: string, key: Omit<StoredSigningKey, 'createdAt'>): Promise<void> {
  const values = { public_key: key.publicKey, key_id: key.keyId, private_key_sealed: key.privateKeySealed, created_at: new Date() };
  await tx.insertInto('benchmark_signing_keys').values({ organisation_id: organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}
