import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { countAttempt, pruneAttempts, readAttempts, type WindowCount } from '../db/rate-limit-windows.ts';
import type { DB } from '../db/schema.ts';

/** Attempts per key in fixed windows, counted in the database so every process sees the same. */
export interface AttemptCounter {
  count(key: string, windowMs: number): Promise<WindowCount>;
  read(key: string, windowMs: number): Promise<WindowCount>;
}

const PRUNE_EVERY = 1_000;
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Keys (a route and a client address, say) are stored only as an HMAC under the server secret,
 * so the table holds no IP address. Every thousandth count also clears windows of yesterday.
 */
export function attemptCounter(db: Kysely<DB>, secret: string): AttemptCounter {
  const hashed = (key: string) => createHmac('sha256', `${secret}:rate-limit`).update(key).digest('base64url');
  let counted = 0;
  return {
    async count(key, windowMs) {
      counted += 1;
      if (counted % PRUNE_EVERY === 0) await pruneAttempts(db, KEEP_MS);
      return countAttempt(db, hashed(key), windowMs);
    },
    read: (key, windowMs) => readAttempts(db, hashed(key), windowMs),
  };
}
