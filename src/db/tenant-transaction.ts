import { sql, type Kysely, type Transaction } from 'kysely';
import { APP_ROLE } from './app-role.ts';
import type { DB } from './schema.ts';

export type Tx = Transaction<DB>;

/**
 * Runs fn in a transaction that can see and change only rows of one organisation: the role is
 * switched to the non-superuser application role and app.org is set for this transaction only,
 * so row-level security enforces what every query also filters on.
 */
export async function withTenant<T>(
  db: Kysely<DB>,
  organisationId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE.
    await sql`select set_config('app.org', ${organisationId}, true), set_config('role', ${APP_ROLE}, true)`.execute(tx);
    return fn(tx);
  });
}

/**
 * Runs fn as the database owner, outside any tenant. Only for the few lookups that must cross
 * organisations before a tenant is known (sign-in, session, access-code and API-token lookup)
 * and for administration (migrations, creating organisations, the demo).
 */
export async function withSystem<T>(db: Kysely<DB>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
