import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export interface WindowCount {
  /** Attempts in the current window, this one included when counted. */
  readonly count: number;
  /** Milliseconds until the window ends. */
  readonly ttlMs: number;
}

/**
 * Counts one attempt in the key's fixed window of windowMs, starting a new window when the old
 * one is over; one statement, so processes sharing the database count together.
 */
export async function countAttempt(db: Kysely<DB>, key: string, windowMs: number): Promise<WindowCount> {
  const result = await sql<{ count: number; ttl: number }>`
    insert into rate_limit_windows as w (key, window_start, count) values (${key}, clock_timestamp(), 1)
    on conflict (key) do update set
      count = case when w.window_start + ${windowMs} * interval '1 millisecond' <= clock_timestamp() then 1 else w.count + 1 end,
      window_start = case when w.window_start + ${windowMs} * interval '1 millisecond' <= clock_timestamp() then clock_timestamp() else w.window_start end
    returning count, greatest(0, ceil(extract(epoch from (window_start + ${windowMs} * interval '1 millisecond' - clock_timestamp())) * 1000))::integer as ttl`.execute(db);
  const row = result.rows[0]!;
  return { count: Number(row.count), ttlMs: Number(row.ttl) };
}

/** The key's window as it stands, without counting. */
export async function readAttempts(db: Kysely<DB>, key: string, windowMs: number): Promise<WindowCount> {
  const result = await sql<{ count: number; ttl: number }>`
    select count, greatest(0, ceil(extract(epoch from (window_start + ${windowMs} * interval '1 millisecond' - clock_timestamp())) * 1000))::integer as ttl
    from rate_limit_windows where key = ${key} and window_start + ${windowMs} * interval '1 millisecond' > clock_timestamp()`.execute(db);
  const row = result.rows[0];
  return row ? { count: Number(row.count), ttlMs: Number(row.ttl) } : { count: 0, ttlMs: 0 };
}

/** Removes windows that ended more than olderThanMs ago. */
export async function pruneAttempts(db: Kysely<DB>, olderThanMs: number): Promise<void> {
  await sql`delete from rate_limit_windows where window_start < clock_timestamp() - ${olderThanMs} * interval '1 millisecond'`.execute(db);
}
