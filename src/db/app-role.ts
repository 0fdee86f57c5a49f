import { sql, type Kysely } from 'kysely';

/**
 * The role tenant transactions run as. It is not a superuser and does not own the tables, so
 * row-level security applies to it on PostgreSQL and on PGlite alike.
 */
export const APP_ROLE = 'klantstem_app';

/** Creates the role if needed and grants it what the application needs; idempotent. */
export async function ensureAppRole(db: Kysely<unknown>): Promise<void> {
  // Roles are cluster-wide: parallel test databases may race to create it.
  await sql
    .raw(
      `do $$ begin
         if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
           create role ${APP_ROLE} nologin;
         end if;
       exception when duplicate_object or unique_violation then null;
       end $$;`,
    )
    .execute(db);
  await sql
    .raw(
      `do $$ begin
         execute format('grant ${APP_ROLE} to %I', current_user);
       exception when others then null;
       end $$;
       grant usage on schema public to ${APP_ROLE};
       grant select, insert, update, delete on all tables in schema public to ${APP_ROLE};
       grant usage, select on all sequences in schema public to ${APP_ROLE};
       revoke all on settings, sessions, user_second_factors, sign_in_challenges from ${APP_ROLE};
       revoke insert, delete on users, organisations from ${APP_ROLE};`,
    )
    .execute(db);
}
