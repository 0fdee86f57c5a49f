import type { Kysely } from 'kysely';
import { discardAddressImport as discard, getAddressImport } from '../../db/address-import-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import type { FieldworkActor } from './address-round.ts';

/** Throws away an upload that was not imported: the file is deleted, the row says 'discarded'. */
export async function discardAddressImport(db: Kysely<DB>, actor: FieldworkActor, roundId: string, importId: string): Promise<boolean> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const upload = await getAddressImport(tx, roundId, importId);
    return upload?.status === 'uploaded' ? discard(tx, importId) : false;
  });
}
