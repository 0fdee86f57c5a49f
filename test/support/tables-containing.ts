import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/**
 * Every table whose rows, as text, contain the needle (case-insensitive), also when it is stored
 * as bytes. Reads as the database owner, so row-level security hides nothing.
 */
export async function tablesContaining(db: Kysely<DB>, needle: string): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const found: string[] = [];
  for (const { table_name } of tables.rows) {
    const hit = await sql<{ n: number }>`select count(*) as n from ${sql.table(table_name)} x
      where position(lower(${needle}) in lower(to_jsonb(x)::text)) > 0
         or position(${Buffer.from(needle).toString('hex')} in to_jsonb(x)::text) > 0`.execute(db);
    if (Number(hit.rows[0]!.n) > 0) found.push(table_name);
  }
  return found;
}
