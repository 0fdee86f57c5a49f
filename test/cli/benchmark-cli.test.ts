import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContribution } from '../../src/app/benchmark/import-contribution.ts';
import { registerParticipant } from '../../src/app/benchmark/set-up-benchmark.ts';
import { generateBenchmarkKeyPair, signBenchmarkFile } from '../../src/app/benchmark/signed-file.ts';
import { createOrganisation } from '../../src/app/create-organisation.ts';
import { findBenchmark, latestReferenceFigures } from '../../src/db/benchmark-store.ts';
import { connect, type Database } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createDatabaseNextTo } from '../support/test-database.ts';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import type { ReferencePayload } from '../../src/domain/benchmark/benchmark-file.ts';
import { buildContribution } from '../../src/domain/benchmark/contribution.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../src/domain/statistics/reporting-thresholds.ts';
import { countsOf, drawAnswers, scaleItem, seeded } from '../domain/benchmark/benchmark-fixtures.ts';
import { createFieldworkRound } from '../support/builders.ts';

// Two installations, each with its own database (an embedded PGlite directory, or a PostgreSQL
// database of its own when TEST_DATABASE_URL is set), and the benchmark between them run with
// the command line only: keys, joining, export, import, reference figures and back.

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'klantstem-benchmark-'));

interface Installation {
  /** What the command line is started with. */
  readonly env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function newInstallation(name: string): Promise<Installation> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) {
    const dataDir = path.join(work, name);
    return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => connect({ dataDir }), drop: async () => {} };
  }
  const created = await createDatabaseNextTo(baseUrl);
  return { env: { DATA_DIR: path.join(work, name), DATABASE_URL: created.url }, open: () => connect({ databaseUrl: created.url, poolSize: 2 }), drop: () => created.drop() };
}

let municipality: Installation;
let organiser: Installation;
const file = (name: string) => path.join(work, name);
const benchmark = ['--benchmark', 'KTO-benchmark', '--year', '2026'];
let roundId = '';

async function cli(installation: Installation, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], {
      cwd: root, env: { ...process.env, ...installation.env, KLANTSTEM_DEMO: '0' },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** Opens an installation's database between command-line runs (PGlite allows one process). */
async function withInstallation<T>(installation: Installation, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await installation.open();
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  municipality = await newInstallation('gemeente');
  organiser = await newInstallation('organisator');
  await withInstallation(municipality, async ({ db }) => {
    const created = await createOrganisation(db, { slug: 'noordstad', name: 'Gemeente Noordstad', inhabitants: 45_000, region: 'Noord' });
    if (!created.ok) throw new Error(created.error);
    const organisationId = created.value.id;
    ({ roundId } = await createFieldworkRound(db, organisationId));
    const marks = drawAnswers(seeded(3), 80, 1, 10, 0.4);
    await withTenant(db, organisationId, async (tx) => {
      await insertCompletedResponses(tx, organisationId, roundId, marks.map((mark) => ({
        id: randomUUID(), channel: 'paper', language: 'nl', startedOn: '2026-11-12', completedOn: '2026-11-12',
        answers: [{ itemKey: 'algemeen.cijfer', valueNum: mark }],
      })));
      await setRoundStatus(tx, roundId, 'closed');
    });
  });
  await withInstallation(organiser, async ({ db }) => {
    if (!(await createOrganisation(db, { slug: 'organisator', name: 'Benchmarkorganisator' })).ok) throw new Error('organiser');
  });
}, 120_000);
afterAll(async () => {
  await Promise.all([municipality?.drop(), organiser?.drop()]);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('benchmark on the command line, between two installations', () => {
  it('runs export → import → reference figures → import', async () => {
    expect((await cli(municipality, 'benchmark', 'generate-key', '--out', file('noordstad'))).out).toMatch(/Key [0-9a-f]{32}/);
    expect((await cli(organiser, 'benchmark', 'generate-key', '--out', file('organisator'))).code).toBe(0);
    expect(fs.statSync(file('noordstad.key')).mode & 0o077).toBe(0);

    const joined = await cli(municipality, 'benchmark', 'join', '--organisation', 'noordstad', ...benchmark, '--questionnaire-version', 'standaard-kto 1',
      '--organiser-key', file('organisator.pub'), '--own-key', file('noordstad.pub'));
    expect(joined.out).toContain('Joined benchmark KTO-benchmark 2026');
    const exported = await cli(municipality, 'benchmark', 'export-contribution', '--organisation', 'noordstad', ...benchmark, '--round', roundId, '--key', file('noordstad.key'), '--out', file('bijdrage.json'));
    expect(exported.code, exported.out).toBe(0);

    expect((await cli(organiser, 'benchmark', 'create', '--organisation', 'organisator', ...benchmark, '--questionnaire-version', 'standaard-kto 1')).code).toBe(0);
    const registered = await cli(organiser, 'benchmark', 'register-participant', '--organisation', 'organisator', ...benchmark,
      '--participant', 'Gemeente Noordstad', '--public-key', file('noordstad.pub'), '--size-class', '20000-50000', '--region', 'Noord');
    expect(registered.code, registered.out).toBe(0);

    // Five other municipalities, each with its own installation; here their files are made directly.
    await withInstallation(organiser, async ({ db }) => {
      const organiserId = (await db.selectFrom('organisations').select('id').where('slug', '=', 'organisator').executeTakeFirstOrThrow()).id;
      for (let i = 1; i <= 5; i++) {
        const key = generateBenchmarkKeyPair();
        expect((await registerParticipant(db, organiserId, { name: 'KTO-benchmark', year: 2026 }, { name: `Gemeente ${i}`, publicKey: key.publicKey, consent: 'anonymous', sizeClass: null, region: null })).ok).toBe(true);
        const contribution = buildContribution([scaleItem('algemeen.cijfer', 'mark')], new Map([['algemeen.cijfer', countsOf(drawAnswers(seeded(i), 40, 1, 10, 0))]]), [], DEFAULT_REPORTING_THRESHOLDS);
        const text = signBenchmarkFile('contribution', {
          fileId: randomUUID(), createdOn: '2026-12-01', benchmark: { name: 'KTO-benchmark', year: 2026, questionnaireVersion: 'standaard-kto 1' },
          participant: { sizeClass: null, region: null }, hideBelow: 10, contribution,
        }, key.privateKey);
        expect((await importContribution(db, organiserId, { name: 'KTO-benchmark', year: 2026 }, text)).ok).toBe(true);
      }
    });

    const tampered = fs.readFileSync(file('bijdrage.json'), 'utf8').replace('"n": 80', '"n": 81');
    fs.writeFileSync(file('vervalst.json'), tampered);
    const refused = await cli(organiser, 'benchmark', 'import-contribution', '--organisation', 'organisator', ...benchmark, '--file', file('vervalst.json'));
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('De handtekening klopt niet: het bestand is na ondertekening gewijzigd. / The signature does not match');
    const imported = await cli(organiser, 'benchmark', 'import-contribution', '--organisation', 'organisator', ...benchmark, '--file', file('bijdrage.json'));
    expect(imported.out).toContain('Contribution of Gemeente Noordstad imported');
    const again = await cli(organiser, 'benchmark', 'import-contribution', '--organisation', 'organisator', ...benchmark, '--file', file('bijdrage.json'));
    expect(again.out).toContain('Dit bestand is al eerder ingelezen. / This file has already been imported.');

    const reference = await cli(organiser, 'benchmark', 'export-reference', '--organisation', 'organisator', ...benchmark, '--participant', 'Gemeente Noordstad', '--key', file('organisator.key'), '--out', file('referentie.json'));
    expect(reference.code, reference.out).toBe(0);
    const back = await cli(municipality, 'benchmark', 'import-reference', '--organisation', 'noordstad', ...benchmark, '--file', file('referentie.json'));
    expect(back.out).toContain('compared with 5 other organisations');

    const figures = await withInstallation(municipality, async ({ db }) => {
      const organisation = (await db.selectFrom('organisations').select('id').where('slug', '=', 'noordstad').executeTakeFirstOrThrow()).id;
      return withTenant(db, organisation, async (tx) => {
        const joinedBenchmark = await findBenchmark(tx, organisation, 'KTO-benchmark', 2026);
        return (await latestReferenceFigures(tx, organisation, joinedBenchmark!.id))!.figures as ReferencePayload['figures'];
      });
    });
    expect(figures.items).toEqual([expect.objectContaining({ itemKey: 'algemeen.cijfer', status: 'shown', own: expect.objectContaining({ n: 80 }), reference: expect.objectContaining({ n: 200, organisations: 5 }) })]);
  }, 300_000);
});
