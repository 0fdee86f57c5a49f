import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importQuestionnaireFile } from '../../../src/app/history-import/import-questionnaire-file.ts';
import { findQuestionnaireImport } from '../../../src/db/questionnaire-import-store.ts';
import { getVersion } from '../../../src/db/questionnaire-store.ts';
import { withTenant } from '../../../src/db/tenant-transaction.ts';
import { buildLss, encode } from '../../domain/history-import/lss-builder.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { UploadClient } from '../fieldwork/upload-client.ts';

const FIXTURES = new URL('../../fixtures/limesurvey/', import.meta.url);
const fixture = (name: string): Uint8Array => readFileSync(new URL(name, FIXTURES));
const LSS_TYPE = 'application/xml';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function researcher(email = 'researcher@alfa.nl'): Promise<UploadClient> {
  const client = new UploadClient(t.app);
  await client.signIn(email);
  await client.get('/questionnaire-imports');
  return client;
}

async function uploadOk(client: UploadClient, name: string, bytes: Uint8Array): Promise<string> {
  const response = await client.upload('/questionnaire-imports', { name, bytes, type: LSS_TYPE });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
  const match = /^\/questionnaire-imports\/([0-9a-f-]{36})$/.exec(String(response.headers.location));
  expect(match).not.toBeNull();
  return match![1]!;
}

const questionnaireCount = async (organisationId: string): Promise<number> =>
  (await t.database.db.selectFrom('questionnaires').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow()).n;

describe('questionnaire import pages', () => {
  it('imports a LimeSurvey file and shows its report and the draft questionnaire', async () => {
    const client = await researcher();
    const id = await uploadOk(client, 'ranking.lss', fixture('limesurvey_survey_836215_ranking_with_condition.lss'));
    const page = await client.get(`/questionnaire-imports/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Geïmporteerd: ranking.lss');
    expect(page.body).toContain('Importverslag');
    expect(page.body).toContain('R (ranking)');
    expect(page.body).toContain('geen overeenkomend vraagtype: niet geïmporteerd');
    expect(page.body).toContain('Pick one');
    expect(page.body).toContain('<code class="ks-code">import.q01</code>');
    const english = await client.get(`/questionnaire-imports/${id}?lang=en`);
    expect(english.body).toContain('Import report');
    expect(english.body).toContain('no matching question type: not imported');
    expect(english.body).toContain('Link to the standard questionnaire');
    await client.get('/questionnaire-imports?lang=nl');
    const list = await client.get('/questionnaire-imports');
    expect(list.body).toContain(`href="/questionnaire-imports/${id}"`);
    // Another organisation does not see it.
    const other = await researcher('researcher@beta.nl');
    expect((await other.get(`/questionnaire-imports/${id}`)).statusCode).toBe(404);
  });

  it('no script from the XSS fixture reaches the rendered review and preview page', async () => {
    const client = await researcher();
    const id = await uploadOk(client, 'xss.lss', fixture('limesurvey_survey_XssAndScriptCheck.lss'));
    const page = await client.get(`/questionnaire-imports/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Question:');
    expect(page.body).not.toMatch(/<script/i);
    expect(page.body).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(page.body).not.toMatch(/javascript:/i);
    expect(page.body).not.toContain("alert(");
    expect(page.body).toContain('&lt;script&gt; in de tekst');
  });

  it.each([
    ['billion laughs', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><document>&lol2;</document>', 'DOCTYPE'],
    ['external entity', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><document>&x;</document>', 'DOCTYPE'],
    ['deep nesting', `<document>${'<a>'.repeat(500)}${'</a>'.repeat(500)}</document>`, 'dieper genest'],
    ['truncated', '<?xml version="1.0"?><document><LimeSurveyDocType>Survey</LimeSurveyDocType><questions><rows><row>', 'onvolledig'],
  ])('refuses a %s file with a clear message and stores nothing', async (_name, body, message) => {
    const client = await researcher();
    const before = await questionnaireCount(t.orgA);
    const response = await client.upload('/questionnaire-imports', { name: 'kwaad.lss', bytes: encode(body), type: LSS_TYPE });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message);
    expect(response.body).toContain('href="#file"');
    expect(await questionnaireCount(t.orgA)).toBe(before);
  });

  it('refuses a missing file and a file over 5 MB', async () => {
    const client = await researcher();
    const none = await client.upload('/questionnaire-imports', null);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Kies een .lss-bestand');
    const large = await client.upload('/questionnaire-imports', { name: 'groot.lss', bytes: new Uint8Array(5_000_001), type: LSS_TYPE });
    expect(large.statusCode).toBe(413);
    expect(large.body).toContain('groter dan 5 MB');
  });

  it('refuses an upload without the CSRF token', async () => {
    const client = await researcher();
    const response = await client.upload('/questionnaire-imports', { name: 'x.lss', bytes: fixture('survey-dual-scale-question-api-test.lss') }, 'wrong');
    expect(response.statusCode).toBe(403);
  });

  it('links imported questions to standard keys; routing follows; an incompatible link is refused', async () => {
    const client = await researcher();
    const lss = buildLss({
      groups: [{ gid: 1, name: 'Situatie' }, { gid: 2, name: 'Intake', relevance: 'intake == "Y"' }],
      questions: [
        { qid: 1, gid: 1, type: 'Y', code: 'intake', text: 'Had u een intakegesprek?', mandatory: true },
        { qid: 2, gid: 2, type: 'B', code: 'oordeel', text: 'Welk cijfer geeft u?' },
        { qid: 3, gid: 2, type: 'T', code: 'oordeel_cijfer', text: 'x', parent: 2 },
      ],
    });
    const id = await uploadOk(client, 'kto-2019.lss', encode(lss));
    const page = await client.get(`/questionnaire-imports/${id}`);
    expect(page.body).toMatch(/<option value="situatie.intake">/);

    const wrong = await client.post(`/questionnaire-imports/${id}/keys`, { 'item-0': 'import.intake', 'key-0': 'algemeen.cijfer', 'item-1': 'import.oordeel_oordeel_cijfer', 'key-1': '' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toMatch(/import\.intake(&#39;|&#x27;|') past niet bij (&#39;|&#x27;|')algemeen\.cijfer/);
    expect(wrong.body).toContain('href="#key-0"');

    const saved = await client.post(`/questionnaire-imports/${id}/keys`, { 'item-0': 'import.intake', 'key-0': 'situatie.intake', 'item-1': 'import.oordeel_oordeel_cijfer', 'key-1': 'intake.cijfer' });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    const record = await withTenant(t.database.db, t.orgA, (tx) => findQuestionnaireImport(tx, t.orgA, id));
    expect(record!.keyMapping).toEqual({ 'import.intake': 'situatie.intake', 'import.oordeel_oordeel_cijfer': 'intake.cijfer' });
    const current = await withTenant(t.database.db, t.orgA, (tx) => getVersion(tx, record!.currentVersionId));
    expect(current!.version).toBe(2);
    expect(current!.definition.blocks.map((block) => [block.showIf, block.items.map((item) => [item.key, item.type])])).toEqual([
      [undefined, [['situatie.intake', 'yesno']]],
      ['situatie.intake = ja', [['intake.cijfer', 'mark']]],
    ]);
    const shown = await client.get(`/questionnaire-imports/${id}?done=keys`);
    expect(shown.body).toContain('De koppelingen zijn opgeslagen');
    expect(shown.body).toMatch(/<option value="situatie.intake" selected>/);
  });
});

describe('importQuestionnaireFile', () => {
  it('leaves nothing behind when storing fails halfway (one transaction)', async () => {
    const before = await questionnaireCount(t.orgA);
    // A user id that does not exist makes the last insert (the import row) fail, after the questionnaire was written.
    await expect(importQuestionnaireFile(t.database.db, { organisationId: t.orgA, userId: '00000000-0000-4000-8000-000000000000' }, {
      fileName: 'kto.lss', bytes: fixture('limesurvey_survey_188432_answerSetsForEmTest.lss'),
    })).rejects.toThrow();
    expect(await questionnaireCount(t.orgA)).toBe(before);
  });
});

describe('importQuestionnaireFile on mutated files', () => {
  it('either stores a whole import (questionnaire, version, record) or nothing', async () => {
    const source = Buffer.from(fixture('limesurvey_survey_188432_answerSetsForEmTest.lss'));
    const count = async (table: 'questionnaires' | 'questionnaire_versions' | 'questionnaire_imports') =>
      Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', t.orgB).executeTakeFirstOrThrow()).n);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 0, max: 300 }), fc.constantFrom(0x3c, 0x3e, 0x26, 0x00, 0x41), async (at, cut, byte) => {
        const bytes = Buffer.from(source);
        bytes[at % bytes.length] = byte;
        const mutated = bytes.subarray(0, bytes.length - cut);
        const before = await Promise.all([count('questionnaires'), count('questionnaire_versions'), count('questionnaire_imports')]);
        const result = await importQuestionnaireFile(t.database.db, { organisationId: t.orgB, userId: null }, { fileName: 'm.lss', bytes: mutated });
        const after = await Promise.all([count('questionnaires'), count('questionnaire_versions'), count('questionnaire_imports')]);
        expect(after).toEqual(before.map((n) => n + (result.ok ? 1 : 0)));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
