import { sql, type Kysely } from 'kysely';
import { knownMigrationNames } from './migrate.ts';

export type DatabaseStatus =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'database-timeout' | 'database-error' | 'migrations-pending'; readonly pending?: string[] };

function timeout(ms: number): { promise: Promise<'timeout'>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref();
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * Whether the database answers within timeoutMs and holds every migration this program knows.
 * The query is not cancelled on timeout (pg has no per-query cancel through the pool): it is
 * left to finish or fail on its own, the caller only stops waiting.
 */
export async function databaseStatus(db: Kysely<any>, timeoutMs: number): Promise<DatabaseStatus> {
  const limit = timeout(timeoutMs);
  const check = (async (): Promise<DatabaseStatus> => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    const pending = knownMigrationNames().filter((name) => !applied.has(name));
    return pending.length ? { ok: false, reason: 'migrations-pending', pending } : { ok: true };
  })().catch((error: { code?: string }): DatabaseStatus =>
    // 42P01: no migration table at all, so nothing is applied.
    error?.code === '42P01' ? { ok: false, reason: 'migrations-pending', pending: knownMigrationNames() } : { ok: false, reason: 'database-error' },
  );
  try {
    const outcome = await Promise.race([check, limit.promise]);
    return outcome === 'timeout' ? { ok: false, reason: 'database-timeout' } : outcome;
  } finally {
    limit.cancel();
  }
}
