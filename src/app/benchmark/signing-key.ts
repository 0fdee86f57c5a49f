// The organisation's own key pair for signing benchmark files in the browser. The private key is
// stored sealed with the server secret and opened only to sign a file; the public key is what
// the other party registers (the organiser for a participant, the participant when joining).

import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit-store.ts';
import { findSigningKey, saveSigningKey } from '../../db/benchmark-signing-key-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { openSealedText, sealText } from '../sealed-text.ts';
import { generateBenchmarkKeyPair, keyIdOf } from './signed-file.ts';

const PURPOSE = 'benchmark-signing-key';

export interface PublicSigningKey {
  readonly publicKey: string;
  readonly keyId: string;
  readonly createdAt: Date;
}

export function signingKeyOf(db: Kysely<DB>, organisationId: string): Promise<PublicSigningKey | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const stored = await findSigningKey(tx, organisationId);
    return stored && { publicKey: stored.publicKey, keyId: stored.keyId, createdAt: stored.createdAt };
  });
}

/**
 * Makes a new key pair. An existing key is only replaced when asked: files signed with it and
 * registrations of its public key elsewhere stop matching.
 */
export async function generateSigningKey(
  db: Kysely<DB>, organisationId: string, secret: string, options: { readonly replace: boolean; readonly actorId: string | null },
): Promise<Result<PublicSigningKey, 'exists'>> {
  const pair = generateBenchmarkKeyPair();
  const keyId = keyIdOf(pair.publicKey);
  return withTenant(db, organisationId, async (tx) => {
    const earlier = await findSigningKey(tx, organisationId);
    if (!options.replace && earlier) return err('exists');
    // Security-relevant: files signed with an earlier key are no longer recognised.
    await recordAudit(tx, { organisationId, userId: options.actorId, action: 'benchmark-key-generated', details: { keyId, replaced: earlier?.keyId ?? null } });
    await saveSigningKey(tx, organisationId, { publicKey: pair.publicKey, keyId, privateKeySealed: sealText(secret, PURPOSE, pair.privateKey) });
    const saved = (await findSigningKey(tx, organisationId))!;
    return ok({ publicKey: saved.publicKey, keyId: saved.keyId, createdAt: saved.createdAt });
  });
}

/** The private key (PEM) to sign with, if the organisation has one. */
export async function privateSigningKeyOf(db: Kysely<DB>, organisationId: string, secret: string): Promise<string | undefined> {
  const stored = await withTenant(db, organisationId, (tx) => findSigningKey(tx, organisationId));
  return stored && openSealedText(secret, PURPOSE, stored.privateKeySealed);
}
