import { sql, type Kysely } from 'kysely';

// A logical copy of every table, through the ordinary driver (no pg_dump, no binaries), the
// same on PGlite and PostgreSQL. Each row travels as the text of to_jsonb(row), made and read
// by the database itself, so timestamps keep their microseconds, numerics their digits and
// jsonb its structure; nothing passes through JavaScript numbers or dates.

/** Migration bookkeeping is recreated by migrating the target, never copied. */
const SKIPPED = new Set(['kysely_migration', 'kysely_migration_lock']);
const BATCH = 1_000;

export interface TableDump {
  readonly table: string;
  /** Each row as JSON text, in batches. */
  readonly batches: AsyncIterable<string[]>;
}

/** Tables of the public schema, parents before children (by foreign key), then by name. */
export async function tablesInDependencyOrder(db: Kysely<any>): Promise<string[]> {
  const tables = (await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`.execute(db)).rows
    .map((r) => r.name)
    .filter((name) => !SKIPPED.has(name));
  const edges = (await sql<{ child: string; parent: string }>`
    select cc.relname as child, pc.relname as parent from pg_constraint k
    join pg_class cc on cc.oid = k.conrelid join pg_class pc on pc.oid = k.confrelid
    join pg_namespace n on n.oid = cc.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and cc.oid <> pc.oid`.execute(db)).rows;
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among: ${tables.filter((t) => !placed.has(t)).join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/** Names of the applied migrations, in the order they ran. */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by timestamp, name`.execute(db);
  return rows.map((r) => r.name);
}

function quoted(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected table name ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/**
 * Reads every table in one repeatable-read transaction, so the copy is one consistent moment
 * even while the application keeps writing (PostgreSQL), with a cursor so no table is held in
 * memory whole. fn receives the tables in dependency order and must consume them in order.
 */
export async function readSnapshot<T>(
  db: Kysely<any>,
  fn: (snapshot: { migrations: string[]; tables: AsyncIterable<TableDump> }) => Promise<T>,
): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
    const migrations = await appliedMigrations(tx);
    const order = await tablesInDependencyOrder(tx);
    async function* batchesOf(table: string): AsyncIterable<string[]> {
      await sql.raw(`declare dump_cursor no scroll cursor for select to_jsonb(t)::text as row from ${quoted(table)} t`).execute(tx);
      try {
        for (;;) {
          const { rows } = await sql.raw<{ row: string }>(`fetch ${BATCH} from dump_cursor`).execute(tx);
          if (rows.length === 0) return;
          yield rows.map((r) => r.row);
        }
      } finally {
        await sql.raw('close dump_cursor').execute(tx);
      }
    }
    async function* tables(): AsyncIterable<TableDump> {
      for (const table of order) yield { table, batches: batchesOf(table) };
    }
    return fn({ migrations, tables: tables() });
  });
}

/** Row counts per table (for checks and reports). */
export async function rowCounts(db: Kysely<any>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tablesInDependencyOrder(db)) {
    const { rows } = await sql.raw<{ n: number }>(`select count(*)::int as n from ${quoted(table)}`).execute(db);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

/** The database holds no organisation and no user: nothing anyone made would be overwritten. */
export async function isEmptyInstallation(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select (select count(*) from organisations) + (select count(*) from users) as n`.execute(db);
  return Number(rows[0]!.n) === 0;
}

export interface LoadTarget {
  /** Inserts a batch of rows (JSON texts) into a table. */
  insert(table: string, rows: readonly string[]): Promise<void>;
}

/**
 * Empties every data table and loads tables in one transaction: a failed restore leaves the
 * database as it was. fn feeds the rows; afterwards sequences continue after the highest id.
 */
export async function replaceAllData(db: Kysely<any>, fn: (target: LoadTarget) => Promise<void>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const order = await tablesInDependencyOrder(tx);
    if (order.length) await sql.raw(`truncate ${order.map(quoted).join(', ')} cascade`).execute(tx);
    const known = new Set(order);
    await fn({
      async insert(table, rows) {
        if (!known.has(table)) throw new Error(`The backup holds table ${table}, which this database does not have.`);
        if (rows.length === 0) return;
        // Only the columns the backup has: a column added by a later migration gets its default.
        const columns = Object.keys(JSON.parse(rows[0]!) as Record<string, unknown>).map(quoted).join(', ');
        await sql`insert into ${sql.table(table)} (${sql.raw(columns)}) select ${sql.raw(columns)} from jsonb_populate_recordset(null::${sql.table(table)}, ${`[${rows.join(',')}]`}::jsonb)`.execute(tx);
      },
    });
    const sequences = (await sql<{ table: string; column: string; sequence: string }>`
      select c.relname as table, a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
        and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`.execute(tx)).rows;
    for (const s of sequences) {
      await sql`select setval(${s.sequence}::regclass, coalesce((select max(${sql.ref(s.column)}) from ${sql.table(s.table)}), 0) + 1, false)`.execute(tx);
    }
  });
}
