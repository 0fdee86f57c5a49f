import type { Kysely } from 'kysely';
import { countPendingEntries, isDoubleEntry, setDoubleEntry } from '../../db/paper-entry-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';

export interface PaperEntrySettings {
  readonly doubleEntry: boolean;
  /** First entries waiting for a second person. */
  readonly pending: number;
}

export function paperEntrySettings(db: Kysely<DB>, organisationId: string, roundId: string): Promise<PaperEntrySettings> {
  return withTenant(db, organisationId, async (tx) => ({
    doubleEntry: await isDoubleEntry(tx, roundId),
    pending: await countPendingEntries(tx, roundId),
  }));
}

/** The caller has checked that the round belongs to the organisation (row-level security does too). */
export function changeDoubleEntry(db: Kysely<DB>, input: { organisationId: string; roundId: string; on: boolean }): Promise<void> {
  return withTenant(db, input.organisationId, (tx) => setDoubleEntry(tx, input));
}
