import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

export interface StoredRow {
  readonly table: string;
  readonly row: Record<string, unknown>;
}

// Values that can tie one row to another: uuids, hashes and other bytes, long hex strings and
// timestamps with a time of day (two rows written in one transaction share `now()` exactly).
// Words, numbers and plain dates are not identifiers: many rows share them by nature.
const IDENTIFIER = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /^\\x[0-9a-f]{16,}$/i,
  /^[0-9a-f]{32,}$/i,
  /^[A-Za-z0-9_-]{32,}$/,
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/,
];

function identifiersIn(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') {
    if (IDENTIFIER.some((pattern) => pattern.test(value))) out.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) identifiersIn(item, out);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) identifiersIn(item, out);
  }
  return out;
}

/** Every row of every table in the current schema, read as the owner (row-level security hides nothing). */
export async function allRows(db: Kysely<DB>): Promise<StoredRow[]> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(db);
  const rows: StoredRow[] = [];
  for (const { table_name } of tables.rows) {
    const result = await sql<{ row: Record<string, unknown> }>`select to_jsonb(x) as row from ${sql.table(table_name)} x`.execute(db);
    for (const { row } of result.rows) rows.push({ table: table_name, row });
  }
  return rows;
}

/**
 * The rows reachable from the start rows by following shared identifier values, row to row, as
 * an analyst with a copy of the database could. `hubs` are values shared by design by whole
 * groups (the organisation, the round, users, questionnaire versions): they say nothing about a
 * person and would join everything.
 */
export function linkedRows(rows: readonly StoredRow[], start: (row: StoredRow) => boolean, hubs: ReadonlySet<string>): StoredRow[] {
  const valuesOf = rows.map((r) => [...identifiersIn(r.row, new Set())].filter((v) => !hubs.has(v)));
  const rowsWith = new Map<string, number[]>();
  valuesOf.forEach((values, index) => {
    for (const value of values) rowsWith.set(value, [...(rowsWith.get(value) ?? []), index]);
  });
  const seen = new Set<number>();
  const queue = rows.flatMap((r, index) => (start(r) ? [index] : []));
  for (const index of queue) seen.add(index);
  while (queue.length > 0) {
    const index = queue.pop()!;
    for (const value of valuesOf[index]!) {
      for (const next of rowsWith.get(value) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  return [...seen].map((index) => rows[index]!);
}
