import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliRunner, ROOT } from '../support/cli-process.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klantstem-lss-cli-'));
const fixture = (name: string): string => path.join(ROOT, 'test/fixtures/limesurvey', name);
const cli = cliRunner(dataDir);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm run cli -- import-limesurvey', () => {
  it('imports an .lss file, prints the report, and refuses a hostile file with exit code 1', async () => {
    expect((await cli('create-organisation', '--slug', 'gemeente-lss', '--name', 'Gemeente LSS')).code).toBe(0);
    const imported = await cli('import-limesurvey', '--organisation', 'gemeente-lss', '--file', fixture('limesurvey_survey_836215_ranking_with_condition.lss'));
    expect(imported.code, imported.out).toBe(0);
    expect(imported.out).toMatch(/Imported as draft questionnaire limesurvey-[0-9a-f]{8}\. Questions: 1, pages: 1\./);
    expect(imported.out).toMatch(/Review and link: \/questionnaire-imports\/[0-9a-f-]{36}/);
    expect(imported.out).toContain('Import report (3):');
    expect(imported.out).toContain('- Q00: R (ranking) → no matching question type: not imported');

    const dutch = await cli('import-limesurvey', '--organisation', 'gemeente-lss', '--file', fixture('survey-dual-scale-question-api-test.lss'), '--language', 'nl');
    expect(dutch.out).toContain('Importverslag (2):');

    const hostile = path.join(dataDir, 'lol.lss');
    fs.writeFileSync(hostile, '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><document>&a;</document>');
    const refused = await cli('import-limesurvey', '--organisation', 'gemeente-lss', '--file', hostile);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Error: The file contains a DOCTYPE declaration.');

    const missing = await cli('import-limesurvey', '--organisation', 'gemeente-lss');
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('--organisation and --file are required');
  }, 120_000);
});
