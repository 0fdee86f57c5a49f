import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { createTestDatabase, testDatabaseKind } from '../support/test-database.ts';

// Proves, table by table, that a transaction for organisation A can read, change, delete and
// create nothing of organisation B. The list of tables comes from the catalogue, so a new table
// with organisation_id is covered (and must have a policy) without editing this test; only its
// rows are added to fillOrganisation.

let database: Database;
const A = randomUUID();
const B = randomUUID();

async function fillOrganisation(id: string, slug: string): Promise<void> {
  const db = database.db;
  await withSystem(db, async (tx) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(tx);
    const user = randomUUID(), questionnaire = randomUUID(), version = randomUUID(), round = randomUUID();
    const code = randomUUID(), invitee = randomUUID(), response = randomUUID();
    await run(sql`insert into organisations (id, slug, name) values (${id}, ${slug}, ${'Gemeente ' + slug})`);
    await run(sql`insert into users (id, email, name, password_hash) values (${user}, ${slug + '@example.nl'}, ${'User ' + slug}, 'x')`);
    await run(sql`insert into memberships (organisation_id, user_id, role) values (${id}, ${user}, 'researcher')`);
    await run(sql`insert into api_tokens (id, organisation_id, name, role, token_hash) values (${randomUUID()}, ${id}, 't', 'viewer', ${'hash-' + slug})`);
    await run(sql`insert into audit_log (organisation_id, user_id, action) values (${id}, ${user}, 'sign-in')`);
    await run(sql`insert into questionnaires (id, organisation_id, key, title) values (${questionnaire}, ${id}, 'q', '{"nl":"Q"}')`);
    await run(sql`insert into questionnaire_versions (id, questionnaire_id, organisation_id, version, definition, content_hash) values (${version}, ${questionnaire}, ${id}, 1, '{}', 'h')`);
    await run(sql`insert into rounds (id, organisation_id, name, year, questionnaire_version_id) values (${round}, ${id}, 'R', 2025, ${version})`);
    await run(sql`insert into access_codes (id, organisation_id, round_id, code_hash) values (${code}, ${id}, ${round}, ${'code-' + slug})`);
    await run(sql`insert into invitees (id, organisation_id, round_id, surname) values (${invitee}, ${id}, ${round}, 'Jansen')`);
    await run(sql`insert into invitee_codes (organisation_id, invitee_id, access_code_id) values (${id}, ${invitee}, ${code})`);
    await run(sql`insert into responses (id, organisation_id, round_id, channel, language, status, started_on) values (${response}, ${id}, ${round}, 'web', 'nl', 'in_progress', '2025-03-01')`);
    await run(sql`insert into response_sessions (organisation_id, access_code_id, response_id) values (${id}, ${code}, ${response})`);
    await run(sql`insert into answers (organisation_id, round_id, response_id, item_key, value_num) values (${id}, ${round}, ${response}, 'algemeen.cijfer', 7)`);
    await run(sql`insert into paper_entry_settings (organisation_id, round_id, double_entry) values (${id}, ${round}, true)`);
    await run(sql`insert into pending_paper_entries (id, organisation_id, round_id, access_code_id, language, first_entered_by, first_answers) values (${randomUUID()}, ${id}, ${round}, ${code}, 'nl', ${user}, '[]')`);
    const addressImport = randomUUID(), job = randomUUID();
    await run(sql`insert into address_imports (id, organisation_id, round_id, file_name, byte_size, format) values (${addressImport}, ${id}, ${round}, 'adressen.csv', 10, 'csv')`);
    await run(sql`insert into address_mappings (organisation_id, mapping) values (${id}, '{"Naam":"surname"}')`);
    await run(sql`insert into round_samples (organisation_id, round_id, method, seed, population, size) values (${id}, ${round}, 'simple', 'seed', 100, 10)`);
    await run(sql`insert into jobs (id, organisation_id, round_id, kind) values (${job}, ${id}, ${round}, 'test')`);
    await run(sql`insert into job_files (id, organisation_id, job_id, name, content_type, bytes) values (${randomUUID()}, ${id}, ${job}, 'f.pdf', 'application/pdf', ${Buffer.from('%PDF')})`);
    await run(sql`insert into smtp_settings (organisation_id, host, port, from_address) values (${id}, 'localhost', 25, ${'kto@' + slug + '.nl'})`);
    await run(sql`insert into message_templates (organisation_id, round_id, kind, language, body) values (${id}, ${round}, 'email-invitation', 'nl', 'Beste {naam}')`);
    await run(sql`insert into email_messages (id, organisation_id, round_id, invitee_id, kind) values (${randomUUID()}, ${id}, ${round}, ${invitee}, 'invitation')`);
    await run(sql`insert into letter_settings (organisation_id, round_id) values (${id}, ${round})`);
    await run(sql`insert into letter_mailings (id, organisation_id, round_id, kind, letters) values (${randomUUID()}, ${id}, ${round}, 'invitation', 10)`);
    await run(sql`insert into item_statistics (organisation_id, round_id, item_key, kind, value, count) values (${id}, ${round}, 'algemeen.cijfer', 'value', 7, 1)`);
    await run(sql`insert into item_moments (organisation_id, round_id, item_key, n, sum, sum_squares) values (${id}, ${round}, 'algemeen.cijfer', 1, 7, 49)`);
    await run(sql`insert into publication_settings (organisation_id, round_id, modules, introduction) values (${id}, ${round}, ${['algemeen']}, 'Welkom')`);
    await run(sql`insert into round_weighting (organisation_id, round_id, source, variable) values (${id}, ${round}, 'item', 'achtergrond.leeftijd')`);
    await run(sql`insert into round_population_counts (organisation_id, round_id, source, variable, value, count) values (${id}, ${round}, 'item', 'achtergrond.leeftijd', '18-26', 120)`);
    await run(sql`insert into codebook_codes (organisation_id, key, label_nl, label_en, position) values (${id}, 'friendliness', 'Vriendelijkheid', 'Friendliness', 1)`);
    await run(sql`insert into open_answer_codings (organisation_id, round_id, response_id, item_key, coder, coded_by, coded_on) values (${id}, ${round}, ${response}, 'open.pluspunten', 1, ${user}, '2025-03-02')`);
    await run(sql`insert into open_answer_codes (organisation_id, round_id, response_id, item_key, coder, code_key) values (${id}, ${round}, ${response}, 'open.pluspunten', 1, 'friendliness')`);
    await run(sql`insert into open_answer_reviews (organisation_id, round_id, response_id, item_key, decision, reviewed_by, reviewed_on) values (${id}, ${round}, ${response}, 'open.pluspunten', 'approved', ${user}, '2025-03-02')`);
    await run(sql`insert into open_answer_undo (organisation_id, user_id, round_id, response_id, item_key, coder, was_coded) values (${id}, ${user}, ${round}, ${response}, 'open.pluspunten', 1, false)`);
    await run(sql`insert into coding_models (organisation_id, model, evaluation) values (${id}, '{}', '{}')`);
    const plan = randomUUID(), focusPoint = randomUUID();
    await run(sql`insert into improvement_plans (id, organisation_id, baseline_round_id, title) values (${plan}, ${id}, ${round}, 'Plan van aanpak')`);
    await run(sql`insert into focus_points (id, organisation_id, plan_id, position, title, item_keys) values (${focusPoint}, ${id}, ${plan}, 0, 'Bereikbaarheid', ${['algemeen.cijfer']})`);
    await run(sql`insert into measures (id, organisation_id, focus_point_id, description, owner, target_date) values (${randomUUID()}, ${id}, ${focusPoint}, 'Terugbellen', 'Klantcontact', '2026-03-31')`);
    const advice = randomUUID(), point = randomUUID();
    await run(sql`insert into council_advices (id, organisation_id, round_id, title, status, sent_on) values (${advice}, ${id}, ${round}, 'Advies', 'sent', '2026-12-01')`);
    await run(sql`insert into advice_points (id, organisation_id, advice_id, number, text, citations) values (${point}, ${id}, ${advice}, 1, 'Punt', '[]'::jsonb)`);
    await run(sql`insert into questionnaire_imports (id, organisation_id, questionnaire_id, original_version_id, current_version_id, source_format, file_name, report, source_codes) values (${randomUUID()}, ${id}, ${questionnaire}, ${version}, ${version}, 'limesurvey', 'kto-2019.lss', '[]'::jsonb, '{}'::jsonb)`);
    await run(sql`insert into advice_responses (organisation_id, point_id, decision, reasons, responded_on) values (${id}, ${point}, 'partly', 'Deels', '2026-12-10')`);
    await run(sql`insert into published_figures (organisation_id, round_id, item_key, n, mean, sd, share) values (${id}, ${round}, 'algemeen.cijfer', 200, 6.8, 1.6, 0.09)`);
    await run(sql`insert into response_uploads (id, organisation_id, file_name, headers, rows) values (${randomUUID()}, ${id}, 'kto.csv', '["algemeen.cijfer"]'::jsonb, '[["7"]]'::jsonb)`);
    const benchmark = randomUUID(), participant = randomUUID();
    await run(sql`insert into benchmarks (id, organisation_id, role, name, year, questionnaire_version) values (${benchmark}, ${id}, 'organiser', 'Benchmark', 2025, 'standaard-kto 1')`);
    await run(sql`insert into benchmark_participants (id, organisation_id, benchmark_id, name, public_key, key_id, consent) values (${participant}, ${id}, ${benchmark}, 'Gemeente Z', 'pem', ${'0'.repeat(32)}, 'anonymous')`);
    await run(sql`insert into benchmark_contributions (file_id, organisation_id, benchmark_id, participant_id, hide_below, aggregates) values (${randomUUID()}, ${id}, ${benchmark}, ${participant}, 10, '{}'::jsonb)`);
    await run(sql`insert into benchmark_reference_figures (file_id, organisation_id, benchmark_id, figures) values (${randomUUID()}, ${id}, ${benchmark}, '{}'::jsonb)`);
    await run(sql`insert into benchmark_signing_keys (organisation_id, public_key, key_id, private_key_sealed) values (${id}, 'pem', ${'1'.repeat(32)}, 'v1.sealed')`);
    const study = randomUUID(), conversation = randomUUID();
    await run(sql`insert into qualitative_studies (id, organisation_id, owner_kind, kind, title, participants, round_id) values (${study}, ${id}, 'council', 'interviews', 'Gesprekken', '{"client": 8}'::jsonb, ${round})`);
    await run(sql`insert into study_conversations (id, organisation_id, study_id, number, participant_kind, source, summary) values (${conversation}, ${id}, ${study}, 1, 'client', 'typed', 'Samenvatting')`);
    await run(sql`insert into study_passages (id, organisation_id, study_id, conversation_id, position, text) values (${randomUUID()}, ${id}, ${study}, ${conversation}, 0, 'Samenvatting')`);
    await run(sql`insert into study_recommendations (id, organisation_id, study_id, number, text, focus_point_id) values (${randomUUID()}, ${id}, ${study}, 1, 'Aanbeveling', ${focusPoint})`);
  });
}

let tenantTables: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await fillOrganisation(A, 'alfa');
  await fillOrganisation(B, 'beta');
  const rows = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.column_name = 'organisation_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(database.db);
  tenantTables = rows.rows.map((r) => r.table_name);
});
afterAll(async () => database.close());

describe(`tenant isolation on ${testDatabaseKind}`, () => {
  it('finds every tenant table, each with row-level security enabled', async () => {
    expect(tenantTables).toEqual(expect.arrayContaining(['answers', 'responses', 'rounds', 'invitees', 'memberships', 'audit_log', 'api_tokens', 'access_codes']));
    expect(tenantTables.length).toBeGreaterThanOrEqual(12);
    const rls = await sql<{ relname: string; relrowsecurity: boolean }>`
      select relname, relrowsecurity from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r'`.execute(database.db);
    const enabled = new Map(rls.rows.map((r) => [r.relname, r.relrowsecurity]));
    for (const table of [...tenantTables, 'organisations', 'users']) expect(enabled.get(table), table).toBe(true);
  });

  it('each table holds rows of both organisations, seen by the system context', async () => {
    for (const table of tenantTables) {
      const counts = await sql<{ a: number; b: number }>`select count(*) filter (where organisation_id = ${A}) as a, count(*) filter (where organisation_id = ${B}) as b from ${sql.table(table)}`.execute(database.db);
      expect(counts.rows[0], table).toEqual({ a: 1, b: 1 });
    }
  });

  it('a transaction for A reads only A rows, even without a filter', async () => {
    for (const table of tenantTables) {
      const seen = await withTenant(database.db, A, (tx) =>
        sql<{ organisation_id: string }>`select organisation_id from ${sql.table(table)}`.execute(tx));
      expect(seen.rows.map((r) => r.organisation_id), table).toEqual([A]);
    }
    const organisations = await withTenant(database.db, A, (tx) => tx.selectFrom('organisations').select('slug').execute());
    expect(organisations).toEqual([{ slug: 'alfa' }]);
    const users = await withTenant(database.db, A, (tx) => tx.selectFrom('users').select('email').execute());
    expect(users).toEqual([{ email: 'alfa@example.nl' }]);
  });

  it('a transaction for A updates and deletes nothing of B', async () => {
    for (const table of tenantTables) {
      const result = await withTenant(database.db, A, async (tx) => {
        const updated = await sql`update ${sql.table(table)} set organisation_id = organisation_id where organisation_id = ${B}`.execute(tx);
        const deleted = await sql`delete from ${sql.table(table)} where organisation_id = ${B}`.execute(tx);
        return { updated: Number(updated.numAffectedRows ?? 0), deleted: Number(deleted.numAffectedRows ?? 0) };
      });
      expect(result, table).toEqual({ updated: 0, deleted: 0 });
    }
    for (const table of tenantTables) {
      const still = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where organisation_id = ${B}`.execute(database.db);
      expect(still.rows[0]!.n, table).toBe(1);
    }
  });

  it('a transaction for A cannot create rows for B, nor move its own rows to B', async () => {
    for (const table of tenantTables) {
      const row = await sql<{ row: Record<string, unknown> }>`select to_jsonb(t) as row from ${sql.table(table)} t where organisation_id = ${B} limit 1`.execute(database.db);
      const copy = JSON.stringify(row.rows[0]!.row);
      await expect(
        withTenant(database.db, A, (tx) =>
          sql`insert into ${sql.table(table)} select * from jsonb_populate_record(null::${sql.table(table)}, ${copy}::jsonb)`.execute(tx)),
        table,
      ).rejects.toThrow(/row-level security/);
      // Either the policy refuses the new row, or (tables without an update policy, such as
      // immutable questionnaire versions) the update sees no rows at all.
      const moved = await withTenant(database.db, A, (tx) =>
        sql`update ${sql.table(table)} set organisation_id = ${B} where organisation_id = ${A}`.execute(tx),
      ).then((r) => `updated ${Number(r.numAffectedRows)}`, (e: Error) => e.message);
      expect(moved, table).toMatch(/row-level security|^updated 0$/);
    }
  });

  it('the shared standard questionnaire is readable by every tenant and writable by none', async () => {
    const q = randomUUID();
    await withSystem(database.db, (tx) => sql`insert into questionnaires (id, organisation_id, key, title, is_standard) values (${q}, null, 'standaard-test', '{"nl":"S"}', true)`.execute(tx));
    const seen = await withTenant(database.db, A, (tx) => tx.selectFrom('questionnaires').select('key').where('organisation_id', 'is', null).execute());
    expect(seen).toEqual([{ key: 'standaard-test' }]);
    const changed = await withTenant(database.db, B, (tx) => sql`update questionnaires set key = 'hacked' where id = ${q}`.execute(tx));
    expect(Number(changed.numAffectedRows)).toBe(0);
    await expect(withTenant(database.db, A, (tx) => sql`insert into questionnaires (id, organisation_id, key, title) values (${randomUUID()}, null, 'fake', '{}')`.execute(tx))).rejects.toThrow(/row-level security/);
  });

  it('a transaction without an organisation sees no tenant rows', async () => {
    const seen = await database.db.transaction().execute(async (tx) => {
      await sql`set local role klantstem_app`.execute(tx);
      return sql<{ n: number }>`select count(*) as n from answers`.execute(tx);
    });
    expect(seen.rows[0]!.n).toBe(0);
  });

  it('the application role cannot read sessions or settings at all', async () => {
    await expect(withTenant(database.db, A, (tx) => sql`select * from sessions`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(withTenant(database.db, A, (tx) => sql`select * from settings`.execute(tx))).rejects.toThrow(/permission denied/);
  });
});
