import type { Kysely } from 'kysely';
import { loadMonitorCounts, sampleSize } from '../db/fieldwork-monitor-queries.ts';
import { getRetention, personalDataHeld, type PersonalDataHeld, type RetentionState } from '../db/purge-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { MonitorCounts } from '../domain/fieldwork/response-monitor.ts';

export interface FieldworkOverview {
  readonly counts: MonitorCounts;
  readonly held: PersonalDataHeld;
  readonly sampleSize: number | undefined;
  readonly retention: RetentionState;
}

/** What the fieldwork page shows next to each step. */
export function fieldworkOverview(db: Kysely<DB>, organisationId: string, roundId: string): Promise<FieldworkOverview | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const retention = await getRetention(tx, organisationId, roundId);
    if (!retention) return undefined;
    return {
      counts: await loadMonitorCounts(tx, organisationId, roundId),
      held: await personalDataHeld(tx, organisationId, roundId),
      sampleSize: await sampleSize(tx, organisationId, roundId),
      retention,
    };
  });
}
