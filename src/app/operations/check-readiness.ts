import type { Kysely } from 'kysely';
import { databaseStatus, type DatabaseStatus } from '../../db/database-status.ts';
import type { DB } from '../../db/schema.ts';

/** How long a readiness probe waits for the database before calling it unreachable. */
export const READY_TIMEOUT_MS = 2_000;

/** Ready to serve: the database answers in time and has every migration of this version. */
export function checkReadiness(db: Kysely<DB>, timeoutMs = READY_TIMEOUT_MS): Promise<DatabaseStatus> {
  return databaseStatus(db, timeoutMs);
}
