import { connect, type Database } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Result } from '../../domain/result.ts';
import { copyDatabase, type BackupSummary, type RestoreProblem } from './backup-database.ts';

/**
 * Moves an embedded (PGlite) installation into a PostgreSQL database: migrates the target to
 * this version's schema and copies every row in one transaction. The target must be empty
 * (no organisations, no users) unless force is given. The PGlite directory is left untouched.
 */
export async function moveToPostgres(
  source: Database,
  input: { databaseUrl: string; force: boolean },
): Promise<Result<BackupSummary, RestoreProblem>> {
  const target = await connect({ databaseUrl: input.databaseUrl, poolSize: 2 });
  try {
    await migrateToLatest(target.db);
    return await copyDatabase(source.db, target.db, source.kind, { force: input.force });
  } finally {
    await target.close();
  }
}
