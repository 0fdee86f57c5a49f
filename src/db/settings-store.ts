import { randomBytes } from 'node:crypto';
import type { Tx } from './tenant-transaction.ts';

/** The session secret from SECRET, else the one stored in the database, generated once. */
export async function ensureSecret(tx: Tx, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await tx
    .insertInto('settings')
    .values({ key: 'secret', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await tx.selectFrom('settings').select('value').where('key', '=', 'secret').executeTakeFirstOrThrow();
  return row.value;
}
