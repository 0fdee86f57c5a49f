import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { knownMigrationNames } from '../../src/db/migrate.ts';
import { build } from '../../src/web/build-server.ts';
import { createTestDatabase } from '../support/test-database.ts';

// /health and /ready as a load balancer sees them, on a real database.

let database: Database;
const logLines: string[] = [];
let app: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await build({ db: database.db, secret: 'test-secret-test-secret-test-secret!', logger: { level: 'info', stream } });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('health and readiness', () => {
  it('answers /health and /ready with JSON, no caching, many times without a rate limit and without access-log lines', async () => {
    logLines.length = 0;
    for (let i = 0; i < 150; i++) {
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      expect(health.headers['cache-control']).toBe('no-store');
    }
    for (let i = 0; i < 20; i++) {
      const ready = await app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });
    }
    expect(logLines).toEqual([]);
    // An ordinary page is still logged, so the silence above is the probes' own setting.
    await app.inject({ method: 'GET', url: '/sign-in' });
    expect(logLines.join('')).toContain('"url":"/sign-in"');
  });

  it('is not ready while a migration of this version is missing, and names it', async () => {
    const last = knownMigrationNames().at(-1)!;
    const [row] = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration where name = ${last}`.execute(database.db).then((r) => r.rows);
    await sql`delete from kysely_migration where name = ${last}`.execute(database.db);
    try {
      const ready = await app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'not-ready', reason: 'migrations-pending', pending: [last] });
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      expect(logLines.join('')).toContain('"reason":"migrations-pending"');
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${row!.name}, ${row!.timestamp})`.execute(database.db);
    }
    expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });

  it('gives up after two seconds when the database does not answer, while /health stays quick', async () => {
    // Hold the migration table locked in an open transaction: on PostgreSQL the probe's query
    // waits for the lock, on PGlite (one connection) for the connection itself.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = database.db.transaction().execute(async (tx) => {
      await sql`lock table kysely_migration in access exclusive mode`.execute(tx);
      locked();
      await held;
    });
    await isLocked;
    const started = Date.now();
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(500);
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    const waited = Date.now() - started;
    release();
    await holder;
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'not-ready', reason: 'database-timeout' });
    expect(waited).toBeGreaterThanOrEqual(1_900);
    expect(waited).toBeLessThan(5_000);
    // Once the database answers again, so does the probe.
    expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });
});
