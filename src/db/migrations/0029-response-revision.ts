import { sql, type Kysely } from 'kysely';

// Two changes for respondents' saves.
//
// A counter that goes up with every save of a response. The respondent's browser keeps the
// revision it last saw (src/app/respondent/survey-state-cache.ts): a process may show a question
// page from memory only when it holds exactly that revision, so a page is never built from an
// older state than the one this browser saved, whichever process took the save.
//
// An answer row checked against its response with one foreign key on (response, round,
// organisation) instead of three separate ones: one lookup per row instead of three when a page
// is saved, and an answer can no longer name another round or organisation than its response.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table responses add column revision integer not null default 0`.execute(db);
  await sql`alter table responses add constraint responses_id_round_organisation unique (id, round_id, organisation_id)`.execute(db);
  await sql`alter table answers
    drop constraint answers_organisation_id_fkey,
    drop constraint answers_round_id_fkey,
    drop constraint answers_response_id_fkey,
    add constraint answers_response_fkey foreign key (response_id, round_id, organisation_id)
      references responses(id, round_id, organisation_id) on delete cascade`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table answers
    drop constraint answers_response_fkey,
    add constraint answers_organisation_id_fkey foreign key (organisation_id) references organisations(id) on delete cascade,
    add constraint answers_round_id_fkey foreign key (round_id) references rounds(id) on delete cascade,
    add constraint answers_response_id_fkey foreign key (response_id) references responses(id) on delete cascade`.execute(db);
  await sql`alter table responses drop constraint responses_id_round_organisation`.execute(db);
  await sql`alter table responses drop column revision`.execute(db);
}
