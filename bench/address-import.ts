// Address-file import of 100,000 generated rows through the real path (upload: read and keep
// the file; mapping: parse + validate + count; import job: parse + validate + insert in
// batches of 1,000 with progress), against a baseline measured in the same run: the same
// rows, already split into fields, inserted as plain multi-row INSERTs of 1,000 without any
// parsing or validation. Prints rows/s and the ratio, on PGlite (in memory) and on PostgreSQL
// when DATABASE_URL or TEST_DATABASE_URL is set (a fresh database is created and dropped).
// Run: npx tsx bench/address-import.ts   (BENCH_ROWS=20000 for a shorter run)
import { randomUUID } from 'node:crypto';
import { createOrganisation } from '../src/app/create-organisation.ts';
import { createUser } from '../src/app/create-user.ts';
import { ensureStandardQuestionnaire } from '../src/app/ensure-standard-questionnaire.ts';
import { chooseAddressMapping } from '../src/app/fieldwork/choose-address-mapping.ts';
import { startAddressImport } from '../src/app/fieldwork/start-address-import.ts';
import { uploadAddressFile } from '../src/app/fieldwork/upload-address-file.ts';
import { jobHandlers } from '../src/app/jobs/job-handlers.ts';
import { runJobsUntilIdle } from '../src/app/jobs/job-runner.ts';
import { createRound } from '../src/app/round-design.ts';
import type { Database } from '../src/db/connect.ts';
import { withTenant } from '../src/db/tenant-transaction.ts';
import { suggestMapping } from '../src/domain/address-file/address-mapping.ts';
import { addressRecords, HEADERS, toCsv, windows1252 } from '../test/fixtures/make-address-file.ts';
import { createTestDatabase } from '../test/support/test-database.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BATCH = 1000;

async function setUp(database: Database, slug: string) {
  const standard = await ensureStandardQuestionnaire(database.db);
  const org = await createOrganisation(database.db, { slug, name: `Gemeente ${slug}` });
  if (!org.ok) throw new Error(org.error);
  const user = await createUser(database.db, { email: `bench@${slug}.nl`, name: 'Bench', password: 'bench-password-123', organisationId: org.value.id, role: 'researcher' });
  if (!user.ok) throw new Error(user.error);
  const round = async () => {
    const id = randomUUID();
    const design = { name: 'Bench', year: 2026, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: null, fieldworkEnd: null, access: 'codes' as const };
    const created = await createRound(database.db, { organisationId: org.value.id, actorId: null, id, sourceVersionId: standard.id, design });
    if (!created.ok) throw new Error('round');
    return id;
  };
  return { organisationId: org.value.id, userId: user.value.userId, round };
}

async function measure(label: string, database: Database): Promise<void> {
  const records = addressRecords(ROWS, { seed: 42 });
  const file = windows1252(toCsv(records));
  const setup = await setUp(database, `bench${Date.now().toString(36)}`);
  const actor = { organisationId: setup.organisationId, userId: setup.userId };

  // Baseline: the same rows as plain multi-row inserts, no parsing, no validation.
  const baselineRound = await setup.round();
  const importId = randomUUID();
  await withTenant(database.db, actor.organisationId, (tx) =>
    tx.insertInto('address_imports').values({ id: importId, organisation_id: actor.organisationId, round_id: baselineRound, file_name: 'b', byte_size: 0, format: 'csv' }).execute());
  const baselineStart = performance.now();
  for (let i = 0; i < records.length; i += BATCH) {
    const slice = records.slice(i, i + BATCH);
    await withTenant(database.db, actor.organisationId, (tx) =>
      tx.insertInto('invitees').values(slice.map((r, k) => ({
        id: randomUUID(), organisation_id: actor.organisationId, round_id: baselineRound, import_id: importId, row_number: i + k + 2,
        initials: r[1], prefix: r[2] || null, surname: r[3], street: r[4], house_number: r[5], house_number_addition: r[6] || null,
        postcode: r[7], town: r[8], email: r[9] || null, language: r[10] || 'nl', age_band: r[11], district: r[12], benefit_type: r[13],
      }))).execute());
  }
  const baselineSeconds = (performance.now() - baselineStart) / 1000;

  // The real path, as the pages and the job runner drive it.
  const roundId = await setup.round();
  const start = performance.now();
  const uploaded = await uploadAddressFile(database.db, actor, { roundId, fileName: 'klanten.csv', bytes: file });
  if (!uploaded.ok) throw new Error(uploaded.error);
  const mapped = await chooseAddressMapping(database.db, actor, { roundId, importId: uploaded.value.importId, mapping: suggestMapping([...HEADERS]) });
  if (!mapped.ok) throw new Error(JSON.stringify(mapped.error));
  const checkedAt = performance.now();
  const started = await startAddressImport(database.db, actor, { roundId, importId: uploaded.value.importId, skipInvalid: false, replaceConfirmed: false });
  if (!started.ok) throw new Error(started.error);
  await runJobsUntilIdle({ db: database.db, secret: 'bench-secret-bench-secret-bench-secret', publicUrl: 'http://localhost', handlers: jobHandlers });
  const seconds = (performance.now() - start) / 1000;
  const jobSeconds = (performance.now() - checkedAt) / 1000;
  const count = await withTenant(database.db, actor.organisationId, (tx) =>
    tx.selectFrom('invitees').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', roundId).executeTakeFirstOrThrow());
  if (Number(count.n) !== ROWS) throw new Error(`imported ${count.n} of ${ROWS}`);

  const rate = (s: number) => Math.round(ROWS / s).toLocaleString('en');
  console.log(`${label}: ${ROWS.toLocaleString('en')} rows, file ${(file.length / 1024 / 1024).toFixed(1)} MB`);
  console.log(`  baseline (plain INSERTs, no parsing)      ${baselineSeconds.toFixed(2)} s  ${rate(baselineSeconds)} rows/s`);
  console.log(`  import job (parse + validate + insert)   ${jobSeconds.toFixed(2)} s  ${rate(jobSeconds)} rows/s  ratio ${(baselineSeconds / jobSeconds).toFixed(2)}`);
  console.log(`  whole path (upload, check, import job)   ${seconds.toFixed(2)} s  ${rate(seconds)} rows/s  ratio ${(baselineSeconds / seconds).toFixed(2)}`);
}

const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
delete process.env.TEST_DATABASE_URL;
const pglite = await createTestDatabase();
try {
  await measure('PGlite (in memory)', pglite);
} finally {
  await pglite.close();
}
if (postgresUrl) {
  process.env.TEST_DATABASE_URL = postgresUrl;
  const postgres = await createTestDatabase();
  try {
    await measure('PostgreSQL', postgres);
  } finally {
    await postgres.close();
  }
} else {
  console.log('PostgreSQL: skipped (set DATABASE_URL or TEST_DATABASE_URL)');
}
