import { sql, type Kysely } from 'kysely';

// A counter that goes up with every save of a response. The respondent's browser keeps the
// revision it last saw (src/app/respondent/survey-state-cache.ts): a process may show a question
// page from memory only when it holds exactly that revision, so a page is never built from an
// older state than the one this browser saved, whichever process took the save.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table responses add column revision integer not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table responses drop column revision`.execute(db);
}
