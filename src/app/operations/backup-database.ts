import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import { appliedMigrations, isEmptyInstallation, readSnapshot, replaceAllData } from '../../db/logical-dump.ts';
import { knownMigrationNames } from '../../db/migrate.ts';
import type { DB } from '../../db/schema.ts';
import { err, ok, type Result } from '../../domain/result.ts';

// The backup file: gzip-compressed text, one line each.
//   #klantstem-backup 1 {"createdAt":…,"source":"pglite","migrations":[…]}
//   #table organisations
//   {"id": "…", "name": "…", …}          one line per row: the database's own to_jsonb(row)
//   #end {"organisations": 2, …}          row counts; a file without it was cut off
// Portable between PGlite and PostgreSQL and readable with zcat; restore needs no binaries.

export const BACKUP_FORMAT = '#klantstem-backup 1';

export interface BackupSummary {
  readonly counts: Record<string, number>;
  readonly migrations: readonly string[];
}

/** Lines of a backup of db, made from one consistent snapshot. */
async function* backupLines(db: Kysely<DB>, source: string, counts: Record<string, number>): AsyncGenerator<string> {
  const lines: string[] = [];
  let finished = false;
  let wake: (() => void) | undefined;
  // readSnapshot holds a transaction open while its callback runs; the callback hands lines
  // to this generator through a small queue.
  let failure: unknown;
  let cancelled = false;
  const producing = readSnapshot(db, async ({ migrations, tables }) => {
    lines.push(`${BACKUP_FORMAT} ${JSON.stringify({ createdAt: new Date().toISOString(), source, migrations })}`);
    for await (const { table, batches } of tables) {
      lines.push(`#table ${table}`);
      counts[table] = 0;
      for await (const batch of batches) {
        counts[table] += batch.length;
        lines.push(...batch);
        wake?.();
        while (lines.length > 5_000 && !cancelled) await new Promise<void>((resolve) => setTimeout(resolve, 1));
        if (cancelled) throw new Error('backup reading cancelled');
      }
    }
    lines.push(`#end ${JSON.stringify(counts)}`);
  }).then(
    () => { finished = true; wake?.(); },
    (error: unknown) => { failure = error; finished = true; wake?.(); },
  );
  try {
    while (!finished || lines.length) {
      if (lines.length) {
        yield lines.splice(0, lines.length).join('\n') + '\n';
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    // The consumer stopped early (e.g. the target was not empty): end the snapshot transaction.
    cancelled = true;
    await producing;
  }
  if (failure) throw failure;
}

/** Writes a compressed logical backup of the whole database to file. */
export async function backupDatabase(db: Kysely<DB>, input: { file: string; source: 'pglite' | 'postgres' }): Promise<BackupSummary> {
  const counts: Record<string, number> = {};
  const partial = `${input.file}.partial`;
  await pipeline(backupLines(db, input.source, counts), createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
  // Renamed only when complete, so a file with the final name is never a cut-off backup.
  fs.renameSync(partial, input.file);
  return { counts, migrations: await appliedMigrations(db) };
}

export type RestoreProblem =
  | { readonly kind: 'not-a-backup' }
  | { readonly kind: 'truncated' }
  | { readonly kind: 'newer-version'; readonly unknown: string[] }
  | { readonly kind: 'not-empty' };

async function* linesOf(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file).pipe(createGunzip());
  const reader = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of reader) yield line;
  } finally {
    reader.close();
    input.destroy();
  }
}

/** Loads the backup lines into db, replacing everything in one transaction. */
export async function loadBackup(
  db: Kysely<DB>,
  lines: AsyncIterable<string>,
  options: { force: boolean },
): Promise<Result<BackupSummary, RestoreProblem>> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next().catch(() => ({ done: true as const, value: undefined }));
  if (first.done || !first.value.startsWith(`${BACKUP_FORMAT} `)) return err({ kind: 'not-a-backup' });
  const header = JSON.parse(first.value.slice(BACKUP_FORMAT.length + 1)) as { migrations: string[] };
  const known = new Set(knownMigrationNames());
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) return err({ kind: 'newer-version', unknown });
  if (!options.force && !(await isEmptyInstallation(db))) return err({ kind: 'not-empty' });

  const counts: Record<string, number> = {};
  let ended = false;
  const truncated = new Error('truncated');
  try {
    await replaceAllData(db, async (target) => {
      let table: string | undefined;
      let batch: string[] = [];
      const flush = async () => {
        if (table && batch.length) await target.insert(table, batch);
        batch = [];
      };
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const line = next.value;
        if (line.startsWith('#table ')) {
          await flush();
          table = line.slice('#table '.length);
          counts[table] = 0;
        } else if (line.startsWith('#end ')) {
          await flush();
          const expected = JSON.parse(line.slice('#end '.length)) as Record<string, number>;
          if (JSON.stringify(expected) !== JSON.stringify(counts)) throw truncated;
          ended = true;
        } else if (line !== '') {
          if (!table) throw truncated;
          batch.push(line);
          counts[table]! += 1;
          if (batch.length >= 500) await flush();
        }
      }
      // Without the end line the file was cut off: the transaction is rolled back.
      if (!ended) throw truncated;
    });
  } catch (error) {
    if (error === truncated || (error as { code?: string }).code === 'Z_BUF_ERROR') return err({ kind: 'truncated' });
    throw error;
  }
  return ok({ counts, migrations: header.migrations });
}

/** Restores a backup file into db (which has been migrated to this version's schema). */
export async function restoreDatabase(db: Kysely<DB>, input: { file: string; force: boolean }): Promise<Result<BackupSummary, RestoreProblem>> {
  fs.accessSync(input.file, fs.constants.R_OK);
  return loadBackup(db, linesOf(input.file), { force: input.force });
}

/** Copies everything in source into target, without a file in between. */
export async function copyDatabase(source: Kysely<DB>, target: Kysely<DB>, sourceKind: 'pglite' | 'postgres', options: { force: boolean }): Promise<Result<BackupSummary, RestoreProblem>> {
  const counts: Record<string, number> = {};
  async function* lines(): AsyncGenerator<string> {
    for await (const chunk of backupLines(source, sourceKind, counts)) yield* chunk.slice(0, -1).split('\n');
  }
  const iterator = lines();
  try {
    return await loadBackup(target, iterator, options);
  } finally {
    await iterator.return(undefined);
  }
}
