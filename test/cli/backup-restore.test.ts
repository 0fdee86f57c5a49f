import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo/seed-demo.ts';
import { backupDatabase, restoreDatabase } from '../../src/app/operations/backup-database.ts';
import { moveToPostgres } from '../../src/app/operations/move-to-postgres.ts';
import { roundReport } from '../../src/app/round-report.ts';
import { connect, type Database } from '../../src/db/connect.ts';
import { rowCounts } from '../../src/db/logical-dump.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createTestDatabase } from '../support/test-database.ts';

// backup → restore into a fresh database gives the same rows and the same report; restore
// refuses a database in use without --force and a damaged file always; move-to-postgres
// copies an embedded installation into PostgreSQL. The CLI commands run as a user runs them.

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'klantstem-backup-'));
let source: Database;
let reportBefore: unknown;
let countsBefore: Record<string, number>;
let demoRound: { organisationId: string; roundId: string };

async function firstDemoRound(db: Database['db']): Promise<{ organisationId: string; roundId: string }> {
  const row = await sql<{ organisation_id: string; id: string }>`
    select r.organisation_id, r.id from rounds r join responses s on s.round_id = r.id
    where s.status = 'completed' group by r.organisation_id, r.id order by count(*) desc, r.id limit 1`.execute(db);
  return { organisationId: row.rows[0]!.organisation_id, roundId: row.rows[0]!.id };
}

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root, env: { ...process.env, TEST_DATABASE_URL: '', DATABASE_URL: '', KLANTSTEM_DEMO: '0', ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** A fresh PostgreSQL database next to TEST_DATABASE_URL, dropped afterwards. */
async function withPostgres<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `klantstem_backup_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

beforeAll(async () => {
  source = await createTestDatabase();
  await seedDemo(source.db);
  countsBefore = await rowCounts(source.db);
  demoRound = await firstDemoRound(source.db);
  reportBefore = await roundReport(source.db, demoRound.organisationId, demoRound.roundId);
}, 120_000);
afterAll(async () => {
  await source.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into a fresh database with the same row counts and the same report figures', async () => {
    expect(countsBefore.answers).toBeGreaterThan(1000);
    expect(countsBefore.organisations).toBeGreaterThan(1);
    const file = path.join(tmp, 'round-trip.backup.gz');
    const written = await backupDatabase(source.db, { file, source: source.kind });
    expect(written.counts).toEqual(countsBefore);
    const text = gunzipSync(fs.readFileSync(file)).toString('utf8');
    expect(text.split('\n')[0]).toMatch(/^#klantstem-backup 1 \{"createdAt":/);
    expect(text).toContain('\n#table organisations\n');

    const fresh = await createTestDatabase();
    try {
      const restored = await restoreDatabase(fresh.db, { file, force: false });
      expect(restored).toEqual({ ok: true, value: { counts: countsBefore, migrations: written.migrations } });
      expect(await rowCounts(fresh.db)).toEqual(countsBefore);
      expect(await roundReport(fresh.db, demoRound.organisationId, demoRound.roundId)).toEqual(reportBefore);
      // Values survive exactly, timestamps to the microsecond.
      const stamps = (db: Database['db']) => sql<{ t: string }>`select (select string_agg(created_at::text || email, ',' order by email) from users) || '|' || (select coalesce(string_agg(at::text || details::text || id::text, ',' order by id), '') from audit_log) as t`.execute(db).then((r) => r.rows[0]!.t);
      expect(await stamps(fresh.db)).toMatch(/\.\d{3,6}\+00/);
      expect(await stamps(fresh.db)).toBe(await stamps(source.db));
      // The audit log's id sequence continues after the restored rows.
      const next = await sql<{ id: number }>`insert into audit_log (action) values ('after-restore') returning id`.execute(fresh.db);
      const max = await sql<{ m: number }>`select max(id) as m from audit_log where action <> 'after-restore'`.execute(source.db);
      expect(Number(next.rows[0]!.id)).toBeGreaterThan(Number(max.rows[0]!.m));

      // Now the database is in use: a second restore is refused without force, allowed with it.
      expect(await restoreDatabase(fresh.db, { file, force: false })).toEqual({ ok: false, error: { kind: 'not-empty' } });
      expect((await restoreDatabase(fresh.db, { file, force: true })).ok).toBe(true);
      expect(await rowCounts(fresh.db)).toEqual(countsBefore);
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('refuses a cut-off file and a file that is no backup, and changes nothing', async () => {
    const file = path.join(tmp, 'whole.backup.gz');
    await backupDatabase(source.db, { file, source: source.kind });
    const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const cut = path.join(tmp, 'cut.backup.gz');
    fs.writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length * 0.8)).join('\n')));
    const halfGzip = path.join(tmp, 'half-gzip.backup.gz');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(halfGzip, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const notBackup = path.join(tmp, 'not.backup.gz');
    fs.writeFileSync(notBackup, gzipSync('id;naam\n1;Jansen\n'));
    const fresh = await createTestDatabase();
    try {
      const empty = await rowCounts(fresh.db);
      expect(await restoreDatabase(fresh.db, { file: cut, force: false })).toEqual({ ok: false, error: { kind: 'truncated' } });
      expect(await restoreDatabase(fresh.db, { file: halfGzip, force: false })).toEqual({ ok: false, error: { kind: 'truncated' } });
      expect(await restoreDatabase(fresh.db, { file: notBackup, force: false })).toEqual({ ok: false, error: { kind: 'not-a-backup' } });
      expect(await rowCounts(fresh.db)).toEqual(empty);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('runs as npm run cli -- backup / restore on a PGlite data directory, refusing to overwrite without --force', async () => {
    const file = path.join(tmp, 'cli.backup.gz');
    await backupDatabase(source.db, { file, source: source.kind });
    const dataDir = path.join(tmp, 'restored-data');
    const restored = await cli(['restore', '--from', file], { DATA_DIR: dataDir });
    expect(restored.out).toContain(`Restored ${file}:`);
    expect(restored.out).toContain(`organisations ${countsBefore.organisations}`);
    expect(restored.code).toBe(0);
    const again = await cli(['restore', '--from', file], { DATA_DIR: dataDir });
    expect(again.code).toBe(1);
    expect(again.out).toContain('the database already holds organisations or users; add --force');
    const copy = path.join(tmp, 'cli-copy.backup.gz');
    const backedUp = await cli(['backup', '--to', copy], { DATA_DIR: dataDir });
    expect(backedUp.code).toBe(0);
    expect(backedUp.out).toContain(`answers ${countsBefore.answers}`);
    const check = await connect({ dataDir });
    try {
      expect(await rowCounts(check.db)).toEqual(countsBefore);
      expect(await roundReport(check.db, demoRound.organisationId, demoRound.roundId)).toEqual(reportBefore);
    } finally {
      await check.close();
    }
  }, 120_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)('moves an embedded installation into an empty PostgreSQL database and refuses a used one', async () => {
    // The embedded installation: the demo restored into a PGlite directory.
    const file = path.join(tmp, 'move.backup.gz');
    await backupDatabase(source.db, { file, source: source.kind });
    const dataDir = path.join(tmp, 'embedded');
    const embedded = await connect({ dataDir });
    await migrateToLatest(embedded.db);
    expect((await restoreDatabase(embedded.db, { file, force: false })).ok).toBe(true);
    await embedded.close();

    await withPostgres(async (url) => {
      const moved = await cli(['move-to-postgres', '--url', url], { DATA_DIR: dataDir });
      expect(moved.out).toContain('Moved to PostgreSQL:');
      expect(moved.code).toBe(0);
      const target = await connect({ databaseUrl: url, poolSize: 1 });
      try {
        expect(await rowCounts(target.db)).toEqual(countsBefore);
        expect(await roundReport(target.db, demoRound.organisationId, demoRound.roundId)).toEqual(reportBefore);
      } finally {
        await target.close();
      }
      const twice = await cli(['move-to-postgres', '--url', url], { DATA_DIR: dataDir });
      expect(twice.code).toBe(1);
      expect(twice.out).toContain('already holds organisations or users');
      // A PostgreSQL backup restores into PGlite too.
      const pgFile = path.join(tmp, 'from-postgres.backup.gz');
      expect((await cli(['backup', '--to', pgFile], { DATABASE_URL: url })).code).toBe(0);
      const back = await cli(['restore', '--from', pgFile], { DATA_DIR: path.join(tmp, 'back-to-pglite') });
      expect(back.code).toBe(0);
    });
    // The app-level function reports the same problem.
    const again = await connect({ dataDir });
    try {
      await withPostgres(async (url) => {
        expect((await moveToPostgres(again, { databaseUrl: url, force: false })).ok).toBe(true);
        expect(await moveToPostgres(again, { databaseUrl: url, force: false })).toEqual({ ok: false, error: { kind: 'not-empty' } });
      });
    } finally {
      await again.close();
    }
  }, 180_000);
});
