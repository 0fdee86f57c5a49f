import path from 'node:path';
import { backupDatabase, restoreDatabase, type BackupSummary, type RestoreProblem } from '../app/operations/backup-database.ts';
import { moveToPostgres } from '../app/operations/move-to-postgres.ts';
import type { Database } from '../db/connect.ts';

// backup, restore and move-to-postgres. The format is described in docs/operations.md.

type Values = Record<string, string | boolean | undefined>;

/** An expected failure: printed without a stack trace, exit code 1. */
export class OperationsError extends Error {}

function file(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new OperationsError(`--${name} <file> is required`);
  return path.resolve(value);
}

function totals(summary: BackupSummary): string {
  const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  const main = ['organisations', 'users', 'rounds', 'responses', 'answers'].map((t) => `${t} ${summary.counts[t] ?? 0}`).join(', ');
  return `${rows} rows in ${Object.keys(summary.counts).length} tables (${main})`;
}

function problem(error: RestoreProblem): string {
  switch (error.kind) {
    case 'not-a-backup':
      return 'that file is not a Klantstem backup (made by npm run cli -- backup)';
    case 'truncated':
      return 'the backup file is incomplete or damaged; nothing was changed';
    case 'newer-version':
      return `the backup was made by a newer version of Klantstem (migrations ${error.unknown.join(', ')}); upgrade this installation first`;
    case 'not-empty':
      return 'the database already holds organisations or users; add --force to replace everything in it with the backup';
  }
}

export const operationsCommands = {
  backup: {
    summary: 'Write a backup of the whole database to a file (PGlite: stop the server first)',
    usage: 'backup --to klantstem-2026-11-24.backup.gz',
    options: { to: { type: 'string' as const, description: 'file to write (gzip-compressed; readable with zcat)' } },
    async run(database: Database, values: Values): Promise<string> {
      const target = file(values, 'to');
      const summary = await backupDatabase(database.db, { file: target, source: database.kind });
      return `Backup written to ${target}: ${totals(summary)}.`;
    },
  },
  restore: {
    summary: 'Replace the database with a backup (refuses a database in use unless --force)',
    usage: 'restore --from klantstem-2026-11-24.backup.gz [--force]',
    options: {
      from: { type: 'string' as const, description: 'backup file made by the backup command' },
      force: { type: 'boolean' as const, description: 'replace a database that already holds organisations or users' },
    },
    async run(database: Database, values: Values): Promise<string> {
      const source = file(values, 'from');
      const restored = await restoreDatabase(database.db, { file: source, force: values.force === true });
      if (!restored.ok) throw new OperationsError(problem(restored.error));
      return `Restored ${source}: ${totals(restored.value)}.`;
    },
  },
  'move-to-postgres': {
    summary: 'Copy this embedded (PGlite) installation into an empty PostgreSQL database',
    usage: 'move-to-postgres --url postgres://klantstem@db.example.nl/klantstem [--force]',
    options: {
      url: { type: 'string' as const, description: 'PostgreSQL connection URL of the (empty) target database' },
      force: { type: 'boolean' as const, description: 'replace a target that already holds organisations or users' },
    },
    async run(database: Database, values: Values): Promise<string> {
      const url = typeof values.url === 'string' ? values.url.trim() : '';
      if (!/^postgres(ql)?:\/\//.test(url)) throw new OperationsError('--url must be a postgres:// or postgresql:// URL');
      if (database.kind !== 'pglite') throw new OperationsError('this installation already uses PostgreSQL (DATABASE_URL is set); use backup and restore to copy it');
      const moved = await moveToPostgres(database, { databaseUrl: url, force: values.force === true });
      if (!moved.ok) throw new OperationsError(problem(moved.error));
      return `Moved to PostgreSQL: ${totals(moved.value)}.\nStart Klantstem with DATABASE_URL set to that URL; the data directory was left as it was.`;
    },
  },
};
