import type { Config } from '../config.ts';
import { connect, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ensureStandardQuestionnaire } from './ensure-standard-questionnaire.ts';

/** Connects to the configured database and brings it to the current schema and standard. */
export async function openDatabase(config: Config): Promise<Database> {
  const database = await connect(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    await ensureStandardQuestionnaire(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
