// Load and soak: a realistic mix against PostgreSQL over real HTTP on loopback for a bounded
// time. Respondents answer the whole questionnaire (every question on a page answered at
// random, routing followed, check page, send), researchers read reports and the response
// monitor, and an e-mail invitation batch is sent by the job runner to an SMTP server in this
// process, all at once. Prints throughput, errors and latency percentiles per kind of request,
// and the ratio of all requests per second to a bare Fastify "hello world" in the same run.
// No errors are allowed: the exit code is 1 when any request failed.
//
// Run: npx tsx bench/load.ts   (BENCH_SECONDS=120 BENCH_RESPONDENTS=40 BENCH_RESEARCHERS=4
// BENCH_EMAILS=2000; PostgreSQL server from BENCH_DATABASE_URL or TEST_DATABASE_URL, default the
// local `test` server: a fresh database is created next to it and dropped afterwards).
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { hashAccessCode, newAccessCode } from '../src/app/access-code-hash.ts';
import { seedDemo } from '../src/app/demo/seed-demo.ts';
import { startMailing } from '../src/app/email/start-mailing.ts';
import { startJobRunner } from '../src/app/jobs/job-runner.ts';
import { sealText } from '../src/app/sealed-text.ts';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { saveSmtpSettings } from '../src/db/smtp-settings-store.ts';
import { withSystem, withTenant } from '../src/db/tenant-transaction.ts';
import { allJobHandlers } from '../src/web/all-job-handlers.ts';
import { build } from '../src/web/build-server.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 40);
const RESEARCHERS = Number(process.env.BENCH_RESEARCHERS ?? 4);
const EMAILS = Number(process.env.BENCH_EMAILS ?? 2000);
const SECRET = 'load-secret-load-secret-load-secret-load';
const SERVER = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// ---- measurements -------------------------------------------------------------------------
const latencies = new Map<string, number[]>();
const failures = new Map<string, string[]>();
function record(kind: string, ms: number, failure?: string): void {
  if (!latencies.has(kind)) latencies.set(kind, []);
  latencies.get(kind)!.push(ms);
  if (failure) failures.set(kind, [...(failures.get(kind) ?? []), failure]);
}
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

// ---- a browser-like client: cookies, CSRF from the last page, its own client address ------
class Visitor {
  private readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly base: string, private readonly address: string) {}

  async request(kind: string, method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<{ status: number; location: string; body: string }> {
    const started = performance.now();
    try {
      const body = form ? new URLSearchParams({ ...form, _csrf: this.csrf }).toString() : undefined;
      const response = await fetch(this.base + path, {
        method, redirect: 'manual', body,
        headers: {
          cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-forwarded-for': this.address,
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
        if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name); else this.cookies.set(name, value);
      }
      const text = await response.text();
      const token = /name="_csrf" value="([^"]+)"/.exec(text);
      if (token) this.csrf = token[1]!;
      const expected = method === 'POST' ? response.status === 303 : response.status === 200 || response.status === 303;
      record(kind, performance.now() - started, expected ? undefined : `${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} → ${response.status}`);
      return { status: response.status, location: response.headers.get('location') ?? '', body: text };
    } catch (error) {
      record(kind, performance.now() - started, `${method} ${path}: ${(error as Error).message}`);
      return { status: 0, location: '', body: '' };
    }
  }
}

/** Picks an answer for every radio group on the page, as a person clicking through would. */
function randomAnswers(page: string): Record<string, string> {
  const groups = new Map<string, string[]>();
  for (const m of page.matchAll(/<input[^>]*type="radio"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1];
    if (name && value !== undefined && name !== 'lang') groups.set(name, [...(groups.get(name) ?? []), value]);
  }
  return Object.fromEntries([...groups].map(([name, values]) => [name, values[Math.floor(Math.random() * values.length)]!]));
}

async function respondent(base: string, id: number, codes: string[], deadline: number): Promise<number> {
  let completed = 0;
  while (Date.now() < deadline) {
    const code = codes.pop();
    if (!code) return completed;
    const visitor = new Visitor(base, `10.${(id >> 8) & 255}.${id & 255}.${(completed % 250) + 1}`);
    let next = (await visitor.request('respondent: enter code', 'GET', `/r/${code}`)).location;
    if (next === '/survey') next = (await visitor.request('respondent: page', 'GET', '/survey')).location;
    for (let pages = 0; next.startsWith('/survey/') && next !== '/survey/check' && pages < 30 && Date.now() < deadline; pages++) {
      const page = await visitor.request('respondent: page', 'GET', next);
      next = (await visitor.request('respondent: save page', 'POST', next, randomAnswers(page.body))).location;
    }
    if (next !== '/survey/check') continue;
    await visitor.request('respondent: page', 'GET', '/survey/check');
    if ((await visitor.request('respondent: send', 'POST', '/survey/check', {})).location.startsWith('/thanks')) completed++;
  }
  return completed;
}

async function researcher(base: string, id: number, rounds: { current: string; closed: string }, deadline: number): Promise<void> {
  const visitor = new Visitor(base, `172.16.0.${id + 1}`);
  await visitor.request('researcher: sign in', 'GET', '/sign-in');
  await visitor.request('researcher: sign in', 'POST', '/sign-in', { email: 'onderzoeker@voorbeeldstad.nl', password: 'klantstem-demo' });
  const pages = [`/rounds/${rounds.closed}/report`, `/rounds/${rounds.closed}/report/items/algemeen.cijfer`, `/rounds/${rounds.current}/monitor`, `/rounds/${rounds.current}/report`];
  for (let i = 0; Date.now() < deadline; i++) await visitor.request('researcher: report pages', 'GET', pages[i % pages.length]!);
}

async function bareFastify(): Promise<number> {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const result = await autocannon({ url, connections: 50, duration: 10 });
  await app.close();
  return result.requests.average;
}

// ---- setup --------------------------------------------------------------------------------
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
const name = `klantstem_load_${randomBytes(4).toString('hex')}`;
await admin.query(`create database ${name}`);
const url = new URL(SERVER);
url.pathname = `/${name}`;
const database = await connect({ databaseUrl: url.toString(), poolSize: 10 });
let exitCode = 0;
try {
  const setupStart = Date.now();
  await migrateToLatest(database.db);
  await seedDemo(database.db);
  const { organisationId, current, closed } = await withSystem(database.db, async (tx) => {
    const org = await tx.selectFrom('organisations').select('id').where('slug', '=', 'voorbeeldstad').executeTakeFirstOrThrow();
    const rounds = await tx.selectFrom('rounds').select(['id', 'status', 'year']).where('organisation_id', '=', org.id).orderBy('year').execute();
    return { organisationId: org.id, current: rounds.find((r) => r.status === 'fieldwork')!.id, closed: rounds.filter((r) => r.status !== 'fieldwork').at(-1)!.id };
  });
  // Fresh codes for the respondents, and invitees with e-mail addresses for the batch.
  const codes = Array.from({ length: 20_000 }, () => newAccessCode());
  await withTenant(database.db, organisationId, async (tx) => {
    for (let i = 0; i < codes.length; i += 2_000) {
      await tx.insertInto('access_codes').values(codes.slice(i, i + 2_000).map((code) => ({ id: randomUUID(), organisation_id: organisationId, round_id: current, code_hash: hashAccessCode(code) }))).execute();
    }
    for (let i = 0; i < EMAILS; i += 500) {
      const people = Array.from({ length: Math.min(500, EMAILS - i) }, (_, j) => ({ invitee: randomUUID(), code: randomUUID(), plain: newAccessCode(), n: i + j + 1 }));
      await tx.insertInto('access_codes').values(people.map((p) => ({ id: p.code, organisation_id: organisationId, round_id: current, code_hash: hashAccessCode(p.plain) }))).execute();
      await tx.insertInto('invitees').values(people.map((p) => ({
        id: p.invitee, organisation_id: organisationId, round_id: current, row_number: p.n, initials: 'K.', prefix: null, surname: `Klant${p.n}`,
        street: null, house_number: null, house_number_addition: null, postcode: null, town: null, email: `klant${p.n}@example.nl`, language: 'nl',
        import_id: null, age_band: null, district: null, benefit_type: null, sampled: true,
      }))).execute();
      await tx.insertInto('invitee_codes').values(people.map((p) => ({ organisation_id: organisationId, invitee_id: p.invitee, access_code_id: p.code, code_sealed: sealText(SECRET, 'access-code', p.plain) }))).execute();
    }
  });
  let received = 0;
  const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData(stream, _s, done) { stream.on('data', () => {}); stream.on('end', () => { received++; done(); }); } });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as { port: number }).port;
  await withTenant(database.db, organisationId, (tx) => saveSmtpSettings(tx, organisationId, {
    host: '127.0.0.1', port: smtpPort, security: 'none', username: null, passwordSealed: null,
    fromAddress: 'kto@voorbeeldstad.nl', fromName: 'Gemeente Voorbeeldstad', replyTo: null, perMinute: 10_000,
  }));
  await sql`analyze`.execute(database.db);
  console.log(`setup: demo + ${codes.length.toLocaleString('en')} codes + ${EMAILS.toLocaleString('en')} e-mail invitees in ${((Date.now() - setupStart) / 1000).toFixed(0)} s on PostgreSQL`);

  const baseline = await bareFastify();
  console.log(`baseline: bare Fastify "hello world", 50 connections, 10 s: ${baseline.toFixed(0)} req/s`);

  // ---- the mix --------------------------------------------------------------------------
  const publicUrl = 'http://127.0.0.1';
  // Every virtual visitor names its own address, as a reverse proxy in front would.
  const app = await build({ db: database.db, secret: SECRET, publicUrl, trustProxy: 1 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const runner = startJobRunner({ db: database.db, secret: SECRET, publicUrl, handlers: allJobHandlers });
  const mailing = await startMailing(database.db, { organisationId, roundId: current, actorId: null, kind: 'invitation' });
  if (!mailing.ok) throw new Error(`mailing: ${JSON.stringify(mailing.error)}`);
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const [completed] = await Promise.all([
    Promise.all(Array.from({ length: RESPONDENTS }, (_, i) => respondent(base, i, codes, deadline))).then((n) => n.reduce((a, b) => a + b, 0)),
    Promise.all(Array.from({ length: RESEARCHERS }, (_, i) => researcher(base, i, { current, closed }, deadline))),
    new Promise((resolve) => setTimeout(resolve, deadline - Date.now())),
  ]);
  const elapsed = (Date.now() - started) / 1000;
  const job = await withSystem(database.db, (tx) => tx.selectFrom('jobs').select(['status', 'progress', 'total']).where('id', '=', mailing.value.jobId).executeTakeFirstOrThrow());
  await runner.stop();
  await app.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));

  // ---- report ---------------------------------------------------------------------------
  console.log(`mix for ${elapsed.toFixed(0)} s: ${RESPONDENTS} respondents, ${RESEARCHERS} researchers, an e-mail batch of ${EMAILS.toLocaleString('en')}`);
  console.log(`${'kind'.padEnd(28)} ${'requests'.padStart(9)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}`);
  let total = 0;
  let errors = 0;
  for (const [kind, times] of [...latencies].sort()) {
    const sorted = [...times].sort((a, b) => a - b);
    const failed = failures.get(kind)?.length ?? 0;
    total += times.length;
    errors += failed;
    console.log(`${kind.padEnd(28)} ${String(times.length).padStart(9)} ${(times.length / elapsed).toFixed(1).padStart(7)} ${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${percentile(sorted, 99).toFixed(1).padStart(8)} ${String(failed).padStart(7)}`);
  }
  console.log(`all requests: ${total} in ${elapsed.toFixed(0)} s = ${(total / elapsed).toFixed(0)} req/s; ratio to bare Fastify ${(total / elapsed / baseline).toFixed(3)}; errors ${errors}`);
  console.log(`completed questionnaires: ${completed}; e-mails received by the SMTP server: ${received} (job ${job.status}, ${job.progress} of ${job.total})`);
  for (const [kind, list] of failures) console.log(`  ${kind}: ${[...new Set(list)].slice(0, 5).join('; ')}`);
  if (errors > 0) exitCode = 1;
} finally {
  await database.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
process.exit(exitCode);
