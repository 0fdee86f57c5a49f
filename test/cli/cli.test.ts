import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/db/connect.ts';
import { build } from '../../src/web/build-server.ts';
import { cliRunner } from '../support/cli-process.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klantstem-cli-'));
const cli = cliRunner(dataDir);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm run cli', () => {
  it('lists commands and explains each one', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const command of ['migrate', 'create-organisation', 'create-user', 'seed-demo', 'demo-codes', 'create-api-token']) {
      expect(help.out).toContain(command);
    }
    const usage = await cli('create-user', '--help');
    expect(usage.out).toContain('--organisation <value>');
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('Unknown command "frobnicate"');
  }, 60_000);

  it('migrates, creates an organisation, a user and an API token that the API accepts', async () => {
    expect((await cli('migrate')).out).toContain('Database is up to date.');
    const org = await cli('create-organisation', '--slug', 'gemeente-test', '--name', 'Gemeente Test', '--inhabitants', '42000');
    expect(org.code).toBe(0);
    expect(org.out).toContain('Created organisation Gemeente Test (gemeente-test');
    const duplicate = await cli('create-organisation', '--slug', 'gemeente-test', '--name', 'Nog een');
    expect(duplicate.code).toBe(2);
    expect(duplicate.out).toContain('that slug is taken');
    const weak = await cli('create-user', '--email', 'a@test.nl', '--name', 'A', '--password', 'kort', '--organisation', 'gemeente-test', '--role', 'researcher');
    expect(weak.code).toBe(2);
    expect(weak.out).toContain('at least 12 characters');
    const user = await cli('create-user', '--email', 'a@test.nl', '--name', 'A. Tester', '--password', 'een lang wachtwoord', '--organisation', 'gemeente-test', '--role', 'researcher');
    expect(user.code).toBe(0);
    const token = await cli('create-api-token', '--organisation', 'gemeente-test', '--role', 'viewer', '--name', 'dashboard');
    const bearer = token.out.match(/ks_[A-Za-z0-9_-]{43}/)?.[0];
    expect(bearer).toBeDefined();

    const database = await connect({ dataDir });
    try {
      const app = await build({ db: database.db, secret: 'cli-test-secret-cli-test-secret-123' });
      const ok = await app.inject({ url: '/api/v1/rounds', headers: { authorization: `Bearer ${bearer}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ rounds: [] });
      const refused = await app.inject({ url: '/api/v1/rounds', headers: { authorization: 'Bearer ks_wrong' } });
      expect(refused.statusCode).toBe(401);
      const none = await app.inject({ url: '/api/v1/rounds' });
      expect(none.statusCode).toBe(401);
      await app.close();
      const audit = await database.db.selectFrom('audit_log').select('action').execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user-added', 'api-token-created']));
    } finally {
      await database.close();
    }
  }, 120_000);

  it('imports the figures of an old report as a closed round, after a dry run, and refuses a wrong file row by row', async () => {
    const file = path.join(dataDir, 'kto-2021.csv');
    fs.writeFileSync(file, 'vraag;n;gemiddelde;sd;aandeel\nalgemeen.cijfer;200;6,8;1,6;9%\nbalie.bejegening;180;4,1;;\n');
    const args = ['import-figures', '--organisation', 'gemeente-test', '--name', 'KTO 2021', '--year', '2021', '--file', file];
    const wrong = await cli(...args);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('nothing was imported; correct these rows:\n  row 3: agreement and yes/no questions are reported as a share, not a mean: fill in the share');
    fs.writeFileSync(file, 'vraag;n;gemiddelde;sd;aandeel\nalgemeen.cijfer;200;6,8;1,6;9%\nbalie.bejegening;180;;;71%\n');
    const dry = await cli(...args, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Dry run: 2 figures are correct; nothing was stored.');
    const imported = await cli(...args, '--source', 'Rapport KTO 2021, tabel 3');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/Imported 2 figures as round [0-9a-f-]{36} \(closed\)/);
    expect(imported.out).toMatch(/balie\.bejegening +n +180 +share 0\.71/);

    const database = await connect({ dataDir });
    try {
      const figures = await database.db.selectFrom('published_figures').select(['item_key', 'n', 'mean', 'sd', 'share', 'source']).orderBy('item_key').execute();
      expect(figures).toEqual([
        { item_key: 'algemeen.cijfer', n: 200, mean: 6.8, sd: 1.6, share: 0.09, source: 'Rapport KTO 2021, tabel 3' },
        { item_key: 'balie.bejegening', n: 180, mean: null, sd: null, share: 0.71, source: 'Rapport KTO 2021, tabel 3' },
      ]);
      const rounds = await database.db.selectFrom('rounds').select(['name', 'status']).execute();
      expect(rounds).toEqual([{ name: 'KTO 2021', status: 'closed' }]);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('imports raw responses with a mapping file, after a dry run, and lists cells it cannot read', async () => {
    const file = path.join(dataDir, 'kto-2022.csv');
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1};${6 + (i % 4)};${i % 3 === 0 ? 'Zeer tevreden' : 'Eens'}`);
    fs.writeFileSync(file, ['nr;Rapportcijfer;Q7', ...rows].join('\n'));
    const map = path.join(dataDir, 'kto-2022.map');
    fs.writeFileSync(map, 'Rapportcijfer = algemeen.cijfer\nQ7 = balie.bejegening\n');
    const args = ['import-responses', '--organisation', 'gemeente-test', '--name', 'KTO 2022', '--year', '2022', '--file', file, '--map', map];
    const refused = await cli(...args);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('nothing was imported; 4 cells cannot be read');
    expect(refused.out).toContain('row 2, column "Q7": "Zeer tevreden" cannot be read as an answer to this question');
    fs.writeFileSync(map, 'Rapportcijfer = algemeen.cijfer\nQ7 = balie.bejegening | Zeer tevreden=5\n');
    const dry = await cli(...args, '--dry-run');
    expect(dry.out).toContain('Dry run: 12 responses with 24 answers; nothing was stored.');
    expect(dry.out).not.toContain('responses stored');
    const imported = await cli(...args, '--channel', 'paper');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/Imported 12 responses with 24 answers as round [0-9a-f-]{36} \(closed\)/);
    expect(imported.out).toContain('"Q7"');
    expect(imported.out).toContain('12 of 12 responses stored');

    const database = await connect({ dataDir });
    try {
      const answers = await database.db.selectFrom('answers').innerJoin('rounds', 'rounds.id', 'answers.round_id')
        .select((eb) => eb.fn.countAll<string>().as('n')).where('rounds.name', '=', 'KTO 2022').where('answers.item_key', '=', 'balie.bejegening').where('answers.value_num', '=', 5)
        .executeTakeFirstOrThrow();
      expect(Number(answers.n)).toBe(4);
    } finally {
      await database.close();
    }
  }, 120_000);
});
