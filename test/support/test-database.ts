import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or, when TEST_DATABASE_URL is
 * set, a new PostgreSQL database created next to it (so parallel files and runs cannot collide)
 * and dropped on close.
 */
export async function createTestDatabase(): Promise<Database> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) {
    const database = await connect({ memory: true });
    await migrateToLatest(database.db);
    return database;
  }
  const created = await createDatabaseNextTo(baseUrl);
  const database = await connect({ databaseUrl: created.url, poolSize: 5 });
  await migrateToLatest(database.db);
  return {
    db: database.db,
    kind: database.kind,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}

/** An empty PostgreSQL database on the server of baseUrl, with a unique name; drop() removes it. */
export async function createDatabaseNextTo(baseUrl: string): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const name = `klantstem_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      // Closing connections finish asynchronously on the server; a forced drop while one is
      // still ending kills it mid-goodbye and its client reports an uncaught error. So wait for
      // them to go, and force only as a last resort.
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      for (let attempt = 0; ; attempt++) {
        try {
          await dropper.query(`drop database if exists ${name}${attempt >= 40 ? ' with (force)' : ''}`);
          break;
        } catch (error) {
          if (attempt >= 40 || (error as { code?: string }).code !== '55006') throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await dropper.end();
    },
  };
}

export const testDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
