import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

// PGlite runs no autovacuum, so after a bulk load the planner has no statistics and report
// queries pick nested loops over 100k answer rows (2.4 s instead of 30 ms for one round's item
// means). One ANALYZE after seeding fixes that. Without ownership of a table PostgreSQL only
// warns and skips it, so this is safe for any role. Belongs in db/ as a store function; it
// lives here until one exists.

const TABLES = ['organisations', 'users', 'memberships', 'rounds', 'access_codes', 'responses', 'response_sessions', 'answers'];

export async function analyzeDemoTables(db: Kysely<DB>): Promise<void> {
  await sql.raw(`analyze ${TABLES.join(', ')}`).execute(db);
}
