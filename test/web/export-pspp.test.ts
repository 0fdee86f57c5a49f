import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { releaseOpenAnswers } from '../support/release-open-answers.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The SPSS syntax run by GNU PSPP (Debian's `pspp`, a free reimplementation of SPSS) on the CSV
// export, as a researcher would in SPSS: it must read every case, apply the missing values and
// labels, and give the mean and frequencies worked out by hand below. CI installs pspp; locally
// the test is skipped without it unless KLANTSTEM_REQUIRE_PSPP=1.

const PSPP = process.env.PSPP_PATH ?? '/usr/bin/pspp';
const available = fs.existsSync(PSPP);
if (!available && process.env.KLANTSTEM_REQUIRE_PSPP === '1') throw new Error(`pspp not found at ${PSPP}: apt-get install -y pspp`);

let t: TestApp;
let roundId: string;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klantstem-pspp-'));
  roundId = (await createFieldworkRound(t.database.db, t.orgA, { name: 'KTO SPSS' })).roundId;
  // Marks 4×5, 10×7, 6×8 and 3 × "niet van toepassing": n = 20, mean (20 + 70 + 48) / 20 = 6.9.
  // Agreement with the desk's friendliness: 5 × 2, 15 × 4 ("eens").
  const marks = [...Array(4).fill(5), ...Array(10).fill(7), ...Array(6).fill(8)] as number[];
  const answers: AnswerInput[][] = marks.map((valueNum, i) => [
    { itemKey: 'algemeen.cijfer', valueNum },
    { itemKey: 'balie.bejegening', valueNum: i < 5 ? 2 : 4 },
    ...(i === 0 ? [{ itemKey: 'open.pluspunten', valueText: 'Vriendelijk, "snel"\nen duidelijk' }] : []),
  ]);
  for (let i = 0; i < 3; i += 1) answers.push([{ itemKey: 'algemeen.cijfer', notApplicable: true }]);
  await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, roundId, answers.map((list) => ({
    id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-03', answers: list,
  }))));  await releaseOpenAnswers(t.database.db, t.orgA, roundId, 'researcher@alfa.nl');
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe.skipIf(!available)('SPSS syntax in PSPP', () => {
  it('reads the codes CSV with missing values and labels, and gives the hand-worked mean and frequencies', async () => {
    const client = new Client(t.app);
    await client.signIn('researcher@alfa.nl');
    const csv = await client.get(`/rounds/${roundId}/export.csv?values=codes`);
    const sps = await client.get(`/rounds/${roundId}/export.sps`);
    expect(csv.statusCode).toBe(200);
    expect(sps.statusCode).toBe(200);
    const fileName = /\/FILE='([^']+)'/.exec(sps.body)?.[1];
    expect(fileName).toBeDefined();
    fs.writeFileSync(path.join(dir, fileName!), csv.rawPayload);
    // The variable names the syntax gives the two items (dots are not allowed in SPSS names).
    const nameOf = (key: string) => {
      const found = new RegExp(`^\\s+(${key.replace('.', '_')}\\w*) `, 'm').exec(sps.body)?.[1];
      expect(found, key).toBeDefined();
      return found!;
    };
    const mark = nameOf('algemeen.cijfer');
    const friendly = nameOf('balie.bejegening');
    const syntax = `${sps.body}\nDESCRIPTIVES VARIABLES=${mark} /STATISTICS=MEAN MIN MAX.\nFREQUENCIES VARIABLES=${friendly}.\n`;
    fs.writeFileSync(path.join(dir, 'run.sps'), syntax);
    const output = execFileSync(PSPP, ['-O', 'format=csv', '-o', 'out.csv', 'run.sps'], { cwd: dir, encoding: 'utf8' });
    const result = fs.readFileSync(path.join(dir, 'out.csv'), 'utf8');
    expect(`${output}\n${result}`).not.toMatch(/error|warning/i);
    // Descriptives, rows named by the variable label: N 20 (the three "n.v.t." are missing),
    // mean 6.90, min 5, max 8.
    expect(result).toContain('Welk rapportcijfer geeft u de gemeente voor de hulp en service die u krijgt?,20,6.90,5,8');
    // Frequencies with the value labels of the agreement scale: 5 × oneens, 15 × eens, 3 missing.
    expect(result).toContain('Valid,Oneens,5,21.7%,25.0%,25.0%');
    expect(result).toContain(',Eens,15,65.2%,75.0%,100.0%');
    expect(result).toContain('Missing,.,3,13.0%,,');
  }, 60_000);
});
