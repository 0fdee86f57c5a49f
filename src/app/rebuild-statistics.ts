import type { Kysely } from 'kysely';
import { rebuildItemStatistics } from '../db/item-statistics-store.ts';
import type { DB } from '../db/schema.ts';
import { withSystem } from '../db/tenant-transaction.ts';

/**
 * Recomputes the report statistics from the answers, for one round or for every round of every
 * organisation (administration: runs outside any tenant). The counts are kept up to date when
 * responses complete; this is for repairs, e.g. after answers were changed by hand.
 */
export async function rebuildStatistics(db: Kysely<DB>, roundId?: string): Promise<{ rows: number }> {
  return withSystem(db, async (tx) => {
    await rebuildItemStatistics(tx, roundId);
    let query = tx.selectFrom('rounds').innerJoin('responses', 'responses.round_id', 'rounds.id').select((eb) => eb.fn.countAll<string>().as('n'));
    if (roundId) query = query.where('rounds.id', '=', roundId);
    const row = await query.where('responses.status', '=', 'completed').executeTakeFirstOrThrow();
    return { rows: Number(row.n) };
  });
}
