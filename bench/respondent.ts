// Respondent throughput against a bare Fastify "hello world" measured just before, in the same
// run, so the ratio means something on a shared, noisy machine. Run: npx tsx bench/respondent.ts
// (BENCH_SECONDS per run, default 5; BENCH_ROUNDS pairs of baseline and measurement, default 3).
// Uses PGlite (in memory) and PostgreSQL (BENCH_DATABASE_URL, default the local `test` server).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { createOrganisation } from '../src/app/create-organisation.ts';
import { ensureStandardQuestionnaire } from '../src/app/ensure-standard-questionnaire.ts';
import { enterWithCode } from '../src/app/respondent/enter-with-code.ts';
import { createRound } from '../src/app/round-design.ts';
import { hashAccessCode, newAccessCode } from '../src/app/access-code-hash.ts';
import { connect, type Database } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { insertAccessCodes } from '../src/db/response-store.ts';
import { setRoundStatus } from '../src/db/round-store.ts';
import { withTenant } from '../src/db/tenant-transaction.ts';
import { build } from '../src/web/build-server.ts';
import { signTicket } from '../src/web/respondent/respondent-ticket.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECRET = 'bench-secret-bench-secret-bench-secret';
const RESPONDENTS = 500;

interface Run { readonly rps: number; readonly errors: number; readonly non2xx: number; readonly p99: number }

async function load(url: string, connections: number, requests: autocannon.Request[]): Promise<Run> {
  const result = await autocannon({ url, connections, duration: SECONDS, requests, pipelining: 1 });
  const failures = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => Number(code) >= 400);
  if (failures.length > 0) console.log(`  responses with status >= 400: ${JSON.stringify(Object.fromEntries(failures))}`);
  const failed = failures.reduce((n, [, s]) => n + (s?.count ?? 0), 0);
  return { rps: result.requests.average, errors: result.errors + result.timeouts, non2xx: failed, p99: result.latency.p99 };
}

/** A bare Fastify "hello world", kept listening so each measurement gets a baseline run just before it. */
async function bareFastify(): Promise<{ run: () => Promise<Run>; close: () => Promise<void> }> {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { run: () => load(url, 50, [{ method: 'GET', path: '/' }]), close: () => app.close() };
}

/**
 * Runs the baseline and the measurement one after the other, ROUNDS times. The machine is shared
 * and its speed drifts, and a run can slow the baseline after it (garbage left behind), so each
 * measurement is divided by the fastest baseline of its rounds: the conservative ratio. The
 * median measurement is reported.
 */
async function paired(measure: () => Promise<Run>, idle: () => Promise<void>): Promise<{ ratio: number; ratios: number[]; run: Run; baseline: number }> {
  const runs: Run[] = [];
  const baselines: number[] = [];
  // Requests still in flight when a run ends (saves waiting for their group) are finished
  // before the next run starts.
  const settle = async () => {
    await idle();
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  for (let i = 0; i < ROUNDS; i++) {
    await settle();
    baselines.push((await baseline.run()).rps);
    await settle();
    runs.push(await measure());
  }
  const fastest = Math.max(...baselines);
  const run = [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
  return { ratio: run.rps / fastest, ratios: runs.map((r) => r.rps / fastest), run, baseline: fastest };
}

async function prepare(database: Database): Promise<{ cookies: string[]; csrf: string[] }> {
  await migrateToLatest(database.db);
  const standard = await ensureStandardQuestionnaire(database.db);
  const org = await createOrganisation(database.db, { slug: `bench-${randomBytes(3).toString('hex')}`, name: 'Gemeente Bench' });
  if (!org.ok) throw new Error(org.error);
  const roundId = randomUUID();
  const design = { name: 'Bench', year: 2026, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: null, fieldworkEnd: null, access: 'codes' as const };
  const round = await createRound(database.db, { organisationId: org.value.id, actorId: null, id: roundId, sourceVersionId: standard.id, design });
  if (!round.ok) throw new Error('round');
  const codes = Array.from({ length: RESPONDENTS }, () => newAccessCode());
  await withTenant(database.db, org.value.id, async (tx) => {
    await setRoundStatus(tx, roundId, 'fieldwork');
    await insertAccessCodes(tx, org.value.id, roundId, codes.map((c) => ({ id: randomUUID(), codeHash: hashAccessCode(c) })));
  });
  const cookies: string[] = [];
  const csrf: string[] = [];
  for (const code of codes) {
    const ticket = await enterWithCode(database.db, { code, language: 'nl' });
    if (!ticket.ok) throw new Error(ticket.error);
    const anon = randomBytes(24).toString('base64url');
    // As a browser holds them after its first page: the anonymous cookie, the ticket, and the
    // revision of the response it last saw (0: nothing saved yet).
    cookies.push(`ks_anon=${anon}; ks_r=${signTicket(SECRET, ticket.value)}; ks_rv=0`);
    csrf.push(createHmac('sha256', SECRET).update(`csrf:${anon}`).digest('base64url'));
  }
  return { cookies, csrf };
}

function rotating(cookies: string[], make: (i: number) => autocannon.Request): autocannon.Request[] {
  let i = 0;
  return [{ ...make(0), setupRequest: (request) => { const n = i++ % cookies.length; return { ...request, ...make(n) }; } }];
}

async function measure(kind: string, database: Database): Promise<void> {
  const { cookies, csrf } = await prepare(database);
  const app = await build({ db: database.db, secret: SECRET });
  let inFlight = 0;
  app.addHook('onRequest', async () => void inFlight++);
  app.addHook('onResponse', async () => void inFlight--);
  app.addHook('onRequestAbort', (_request, done) => {
    inFlight--;
    done();
  });
  const idle = async () => {
    const until = Date.now() + 15_000;
    while (inFlight > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  // Each respondent's first page after entering reads the database; the measured views are
  // those of respondents who are already answering (the state of their last save or view).
  for (const cookie of cookies) await fetch(`${url}/survey/contact`, { headers: { cookie } });
  const view = await paired(() => load(url, 50, rotating(cookies, (n) => ({ method: 'GET', path: '/survey/contact', headers: { cookie: cookies[n]! } }))), idle);
  const body = (n: number) => new URLSearchParams({ _csrf: csrf[n]!, 'balie.bejegening': String(1 + (n % 5)), 'balie.wachttijd': 'na', 'telefoon.bereikbaarheid': '4' }).toString();
  // Every save is written to the database under a row lock; the answers saved before come from
  // the state this process holds when the locked revision is that state's.
  const save = await paired(() => load(url, RESPONDENTS, rotating(cookies, (n) => ({
    method: 'POST', path: '/survey/contact', body: body(n),
    headers: { cookie: cookies[n]!, 'content-type': 'application/x-www-form-urlencoded' },
  }))), idle);
  await app.close();
  await database.close();
  const line = (name: string, m: Awaited<ReturnType<typeof paired>>) =>
    `${kind.padEnd(9)} ${name.padEnd(34)} ${m.run.rps.toFixed(0).padStart(6)} req/s  fastest baseline ${m.baseline.toFixed(0).padStart(6)} req/s  ratio ${m.ratio.toFixed(3)} (runs ${m.ratios.map((r) => r.toFixed(3)).join(', ')})  p99 ${m.run.p99} ms  errors ${m.run.errors}  4xx/5xx ${m.run.non2xx}`;
  console.log(line('question page view (50 conn.)', view));
  console.log(line(`save a page (${RESPONDENTS} respondents)`, save));
}

async function postgres(): Promise<Database | undefined> {
  const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
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
  const database = await connect({ databaseUrl: url.toString(), poolSize: 20 });
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

const baseline = await bareFastify();
await measure('PGlite', await connect({ memory: true }));
const pgDatabase = await postgres();
if (pgDatabase) await measure('Postgres', pgDatabase);
await baseline.close();
