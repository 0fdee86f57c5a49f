// Respondent throughput against a bare Fastify "hello world" measured in the same run, so the
// ratio means something on a shared, noisy machine. Run: npx tsx bench/respondent.ts
// Uses PGlite (in memory) and PostgreSQL (BENCH_DATABASE_URL, default the local `test` server).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { createOrganisation } from './src/app/create-organisation.ts';
import { ensureStandardQuestionnaire } from './src/app/ensure-standard-questionnaire.ts';
import { enterWithCode } from './src/app/respondent/enter-with-code.ts';
import { createRound } from './src/app/round-design.ts';
import { hashAccessCode, newAccessCode } from './src/app/access-code-hash.ts';
import { connect, type Database } from './src/db/connect.ts';
import { migrateToLatest } from './src/db/migrate.ts';
import { insertAccessCodes } from './src/db/response-store.ts';
import { setRoundStatus } from './src/db/round-store.ts';
import { withTenant } from './src/db/tenant-transaction.ts';
import { build } from './src/web/build-server.ts';
import { signTicket } from './src/web/respondent/respondent-ticket.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
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

async function bareFastify(): Promise<Run> {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const run = await load(url, 50, [{ method: 'GET', path: '/' }]);
  await app.close();
  return run;
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

async function measure(kind: string, database: Database, baseline: Run): Promise<void> {
  const { cookies, csrf } = await prepare(database);
  let STMTS = 0;
  const app = await build({ db: database.db.withPlugin({ transformQuery: (a) => { STMTS++; return a.node; }, transformResult: async (a) => a.result }), secret: SECRET });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const entry = process.env.ONLY_SAVE ? { rps: 0 } : await load(url, 50, [{ method: 'GET', path: '/r' }]);
  console.log(`entry page ${entry.rps.toFixed(0)} ratio ${(entry.rps/baseline.rps).toFixed(3)}`);
  // Each respondent's first page after entering reads the database; the measured views are
  // those of respondents who are already answering (the state of their last save or view).
  for (const cookie of cookies) await fetch(`${url}/survey/contact`, { headers: { cookie } });
  const canned = process.env.ONLY_SAVE ? { rps: 0 } : await load(url, 50, rotating(cookies, (n) => ({ method: 'GET', path: '/canned', headers: { cookie: cookies[n]! } })));
  console.log(`canned page ${canned.rps.toFixed(0)} ratio ${(canned.rps/baseline.rps).toFixed(3)}`);
  const s0 = STMTS;
  const view = process.env.ONLY_SAVE ? { rps: 0, p99: 0, errors: 0, non2xx: 0 } : await load(url, 50, rotating(cookies, (n) => ({ method: 'GET', path: '/survey/contact', headers: { cookie: cookies[n]! } })));
  console.log('statements during views', STMTS - s0);
  const body = (n: number) => new URLSearchParams({ _csrf: csrf[n]!, 'balie.bejegening': String(1 + (n % 5)), 'balie.wachttijd': 'na', 'telefoon.bereikbaarheid': '4' }).toString();
  const save = await load(url, RESPONDENTS, rotating(cookies, (n) => ({
    method: 'POST', path: '/survey/contact', body: body(n),
    headers: { cookie: cookies[n]!, 'content-type': 'application/x-www-form-urlencoded' },
  })));
  await app.close();
  await database.close();
  const line = (name: string, run: Run) =>
    `${kind.padEnd(9)} ${name.padEnd(34)} ${run.rps.toFixed(0).padStart(6)} req/s  ratio ${(run.rps / baseline.rps).toFixed(3)}  p99 ${run.p99} ms  errors ${run.errors}  4xx/5xx ${run.non2xx}`;
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
console.log(`baseline  bare Fastify hello world (50 conn.)       ${baseline.rps.toFixed(0).padStart(6)} req/s  p99 ${baseline.p99} ms`);
await measure('PGlite', await connect({ memory: true }), baseline);
const pgDatabase = process.env.SKIP_PG ? undefined : await postgres();
if (pgDatabase) await measure('Postgres', pgDatabase, baseline);
