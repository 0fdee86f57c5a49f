import type { Kysely } from 'kysely';
import { loadMonitorCounts } from '../db/fieldwork-monitor-queries.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { responseMonitor, type ResponseMonitor } from '../domain/fieldwork/response-monitor.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../domain/statistics/reporting-thresholds.ts';

/** The live response figures of a round, with small breakdown cells hidden. */
export function fieldworkMonitor(db: Kysely<DB>, organisationId: string, roundId: string): Promise<ResponseMonitor> {
  return withTenant(db, organisationId, async (tx) =>
    responseMonitor(await loadMonitorCounts(tx, organisationId, roundId), DEFAULT_REPORTING_THRESHOLDS.hideBelow));
}
