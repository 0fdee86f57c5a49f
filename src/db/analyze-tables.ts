import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

// PGlite runs no autovacuum, so after a bulk load the planner has no statistics and report
// queries pick nested loops over 100k answer rows (2.4 s instead of 30 ms for one round's item
// means). One ANALYZE after a bulk load (demo, imports, paper batches) fixes that.

const TABLES = ['organisations', 'users', 'memberships', 'rounds', 'access_codes', 'responses', 'response_sessions', 'answers'];

export async function analyzeTables(db: Kysely<DB>): Promise<void> {
  await sql.raw(`analyze ${TABLES.join(', ')}`).execute(db);
}
