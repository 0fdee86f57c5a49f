// The full report data of a large round against the same aggregates computed from plain typed
// arrays in memory, measured in the same run so the ratio means something on a shared machine.
// Run: npx tsx bench/report.ts   (BENCH_RESPONSES=20000 BENCH_RUNS=7; PostgreSQL from
// BENCH_DATABASE_URL or TEST_DATABASE_URL, default the local `test` server).
//
// Data: one organisation's round with 20,000 responses × 50 closed items (1,000,000 answers),
// its previous round (5,000 responses), and five reference organisations (2,000 responses each)
// with closed rounds of the same year. The database side is roundReport(): every item, the
// previous round, the trend and the reference group, as the report screen gets it. The memory
// side holds the same answers as Int8Arrays, counts them per item and value, pools the reference
// group and builds the same report model; both must give the same figures.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createOrganisation } from '../src/app/create-organisation.ts';
import { ensureStandardQuestionnaire } from '../src/app/ensure-standard-questionnaire.ts';
import { createRound } from '../src/app/round-design.ts';
import { roundReport } from '../src/app/round-report.ts';
import { connect, type Database } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { insertCompletedResponses, type CompletedResponseInput } from '../src/db/response-store.ts';
import { withSystem, withTenant } from '../src/db/tenant-transaction.ts';
import { buildRoundReport, type RoundReport } from '../src/domain/report/build-round-report.ts';
import { isReportedItem, type ItemAnswerCounts } from '../src/domain/report/item-figures.ts';
import { poolItemCounts, type ReferenceItemCounts } from '../src/domain/report/reference-group.ts';
import { itemsOf, type Item, type Questionnaire } from '../src/domain/questionnaire/questionnaire.ts';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 20_000);
const PREVIOUS = Math.round(RESPONSES / 4);
const REFERENCE_ORGS = 5;
const REFERENCE_RESPONSES = Math.round(RESPONSES / 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ITEMS = 50;
const NA = -1;
const BATCH = 2_000;

let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** A small seeded generator (mulberry32), so both sides and every run see the same answers. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Answers of one round as typed arrays: value of response r at item i is values[r·ITEMS + i]. */
function drawAnswers(items: readonly Item[], responses: number, seed: number, shift: number): Int8Array {
  const next = random(seed);
  const values = new Int8Array(responses * ITEMS);
  for (let r = 0; r < responses; r++) {
    for (let i = 0; i < ITEMS; i++) {
      const item = items[i]!;
      const u = next();
      let v: number;
      if (item.allowNotApplicable && u < 0.08) v = NA;
      else if (item.type === 'mark') v = Math.min(10, Math.max(1, Math.round(6.8 + shift + 1.6 * (next() + next() + next() - 1.5) * 2)));
      else if (item.type === 'agree5') v = Math.min(5, Math.max(1, Math.round(3.6 + shift / 2 + (next() + next() - 1) * 2.5)));
      else if (item.type === 'yesno') v = next() < 0.6 + shift / 10 ? 1 : 0;
      else if (item.type === 'single') v = Math.floor(next() * item.options.length);
      else throw new Error(`unexpected item type ${item.type}`);
      values[r * ITEMS + i] = v;
    }
  }
  return values;
}

/** The in-memory side: counts per item and value straight from the typed array. */
function countArrays(items: readonly Item[], values: Int8Array): Map<string, ItemAnswerCounts> {
  const responses = values.length / ITEMS;
  const counts = new Int32Array(ITEMS * 16);
  const na = new Int32Array(ITEMS);
  for (let r = 0, base = 0; r < responses; r++, base += ITEMS) {
    for (let i = 0; i < ITEMS; i++) {
      const v = values[base + i]!;
      if (v === NA) na[i]! += 1;
      else counts[i * 16 + v]! += 1;
    }
  }
  const result = new Map<string, ItemAnswerCounts>();
  items.forEach((item, i) => {
    const byValue = new Map<number, number>();
    const byOption = new Map<string, number>();
    let respondents = 0;
    for (let v = 0; v < 16; v++) {
      const c = counts[i * 16 + v]!;
      if (c === 0) continue;
      respondents += c;
      if (item.type === 'single') byOption.set(item.options[v]!.code, c);
      else byValue.set(v, c);
    }
    result.set(item.key, { values: byValue, options: byOption, notApplicable: na[i]!, respondents });
  });
  return result;
}

function asResponses(items: readonly Item[], values: Int8Array, from: number, to: number): CompletedResponseInput[] {
  const rows: CompletedResponseInput[] = [];
  for (let r = from; r < to; r++) {
    const answers = items.map((item, i) => {
      const v = values[r * ITEMS + i]!;
      if (v === NA) return { itemKey: item.key, notApplicable: true };
      return item.type === 'single' ? { itemKey: item.key, optionCode: item.options[v]!.code } : { itemKey: item.key, valueNum: v };
    });
    rows.push({ id: randomUUID(), channel: 'web', language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02', answers });
  }
  return rows;
}

async function roundWith(database: Database, organisationId: string, sourceVersionId: string, name: string, year: number, status: 'closed' | 'fieldwork', items: readonly Item[], values: Int8Array): Promise<string> {
  const id = randomUUID();
  const design = { name, year, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: null, fieldworkEnd: null, access: 'open' as const };
  const created = await createRound(database.db, { organisationId, actorId: null, id, sourceVersionId, design });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const responses = values.length / ITEMS;
  // Bulk insert in batches, each keeping the statistics up to date as the demo does.
  for (let from = 0; from < responses; from += BATCH) {
    const batch = asResponses(items, values, from, Math.min(responses, from + BATCH));
    await withTenant(database.db, organisationId, (tx) => insertCompletedResponses(tx, organisationId, id, batch));
  }
  await withSystem(database.db, (tx) => tx.updateTable('rounds').set({ status }).where('id', '=', id).execute());
  return id;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(run: () => unknown | Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/** Figures rounded to 9 decimals: the two sides add in different orders. */
function fingerprint(report: RoundReport): string {
  const r = (x: number | undefined | null) => (x === undefined || x === null ? null : Number(x.toFixed(9)));
  return JSON.stringify(report.modules.flatMap((m) => m.items.map((i) => [i.key, i.n, i.notApplicable, r(i.figure?.value), r(i.figure?.ci?.lower),
    r(i.previous?.figure?.value), r(i.comparison?.adjustedP), i.reference?.n ?? null, r(i.reference?.figure?.value), r(i.referenceComparison?.adjustedP),
    i.options?.options.map((o) => o.count) ?? null])));
}

async function measure(kind: string, database: Database): Promise<void> {
  const setupStart = Date.now();
  await migrateToLatest(database.db);
  const standard = await ensureStandardQuestionnaire(database.db);
  const questionnaire = standard.definition as Questionnaire;
  const items = itemsOf(questionnaire).filter(isReportedItem).slice(0, ITEMS);
  if (items.length !== ITEMS) throw new Error(`the standard questionnaire has only ${items.length} closed items`);
  const organisation = async (slug: string) => {
    const created = await createOrganisation(database.db, { slug: `${slug}-${randomBytes(3).toString('hex')}`, name: `Gemeente ${slug}` });
    if (!created.ok) throw new Error(created.error);
    return created.value.id;
  };

  const own = await organisation('bench');
  const current = drawAnswers(items, RESPONSES, 1, 0.2);
  const previous = drawAnswers(items, PREVIOUS, 2, 0);
  const references = Array.from({ length: REFERENCE_ORGS }, (_, i) => drawAnswers(items, REFERENCE_RESPONSES, 10 + i, (i - 2) / 10));
  await roundWith(database, own, standard.id, 'KTO 2025', 2025, 'closed', items, previous);
  const roundId = await roundWith(database, own, standard.id, 'KTO 2026', 2026, 'fieldwork', items, current);
  for (const [i, values] of references.entries()) await roundWith(database, await organisation(`ref${i}`), standard.id, 'KTO 2026', 2026, 'closed', items, values);
  await sql`analyze`.execute(database.db);
  const answers = current.length + previous.length + references.reduce((n, r) => n + r.length, 0);
  console.log(`${kind.padEnd(9)} setup: ${answers.toLocaleString('en')} answers in ${((Date.now() - setupStart) / 1000).toFixed(0)} s`);

  // The database side: the report model exactly as the report screen gets it.
  const rssBefore = peakRss;
  peakRss = process.memoryUsage().rss;
  let fromDatabase: RoundReport | undefined;
  const databaseMs = await timed(async () => { fromDatabase = (await roundReport(database.db, own, roundId))!.report; });
  const databasePeak = peakRss;

  // The memory side: the same answers as typed arrays, counted, pooled and built into the same model.
  let inMemory: RoundReport | undefined;
  const memoryMs = await timed(() => {
    const ref = references.map((values) => countArrays(items, values));
    const pooled = new Map<string, ReferenceItemCounts>(items.map((item) => [item.key, { counts: poolItemCounts(ref.map((r) => r.get(item.key)!)), organisations: REFERENCE_ORGS }]));
    const previousCounts = countArrays(items, previous);
    const currentCounts = countArrays(items, current);
    inMemory = buildRoundReport({
      questionnaire, disabledModules: [], provisional: true, delivered: null,
      current: { completed: RESPONSES, items: currentCounts },
      previous: { completed: PREVIOUS, items: previousCounts, year: 2025, name: 'KTO 2025' },
      reference: { year: 2026, items: pooled },
      trend: [
        { roundId: 'p', name: 'KTO 2025', year: 2025, current: false, items: previousCounts },
        { roundId: 'c', name: 'KTO 2026', year: 2026, current: true, items: currentCounts },
      ],
    });
  });
  const same = fingerprint(fromDatabase!) === fingerprint(inMemory!);
  console.log(`${kind.padEnd(9)} full report data from the database ${databaseMs.toFixed(1).padStart(8)} ms (median of ${RUNS})`);
  console.log(`${kind.padEnd(9)} same aggregates from typed arrays   ${memoryMs.toFixed(1).padStart(8)} ms`);
  console.log(`${kind.padEnd(9)} ratio database / memory             ${(databaseMs / memoryMs).toFixed(2).padStart(8)}   same figures: ${same ? 'yes' : 'NO'}`);
  console.log(`${kind.padEnd(9)} peak RSS while timing the database  ${mb(databasePeak).padStart(8)}   (setup peak ${mb(Math.max(rssBefore, databasePeak))})`);
  await database.close();
  if (!same) process.exitCode = 1;
}

async function postgres(): Promise<Database | undefined> {
  const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `klantstem_bench_${randomBytes(4).toString('hex')}`;
  try {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
  } catch (error) {
    console.log(`PostgreSQL not reachable at ${baseUrl}: ${(error as Error).message}`);
    return undefined;
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await connect({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

console.log(`${RESPONSES.toLocaleString('en')} responses × ${ITEMS} items; previous round ${PREVIOUS.toLocaleString('en')}; ${REFERENCE_ORGS} reference organisations × ${REFERENCE_RESPONSES.toLocaleString('en')}`);
await measure('PGlite', await connect({ memory: true }));
const pgDatabase = await postgres();
if (pgDatabase) await measure('Postgres', pgDatabase);
clearInterval(sampler);
console.log(`peak RSS of the whole run: ${mb(peakRss)}`);
