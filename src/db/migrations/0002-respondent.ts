import { sql, type Kysely } from 'kysely';

// The page a respondent last saved, so the same code resumes where they left off on any device.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table responses add column last_block text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table responses drop column last_block`.execute(db);
}
