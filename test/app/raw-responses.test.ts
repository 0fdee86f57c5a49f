import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRawResponses } from '../../src/app/history-import/import-raw-responses.ts';
import { roundReport } from '../../src/app/round-report.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { parseRecoding } from '../../src/domain/history-import/read-response-file.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Raw responses of a 2022 survey into a closed round. Eight respondents: marks 6, 7, 7, 8, 8,
// 8, 9 and one row with nothing filled in; reachability "Zeer tevreden" is recoded to 5, so 4
// of 6 agree (4–5).

let t: TestApp;
const actor = () => ({ organisationId: t.orgA, userId: null });
const rounds = async () => (await withTenant(t.database.db, t.orgA, (tx) => tx.selectFrom('rounds').select(['id', 'name', 'status']).execute()));

const ROWS = ['6;Eens;Ja', '7;Oneens;Nee', '7;Zeer tevreden;Ja', '8;Eens;Ja', '8;Neutraal;Y', '8;Zeer tevreden;N', '9;;Ja', ';;'];
// The eight rows twice (the report hides figures on fewer than 10 answers): marks n = 14,
// mean 106/14 = 7,571; reachability 8 of 12 agree = 66,7 %.
const CSV = ['respondent;algemeen.cijfer;Bereikbaarheid telefoon;minima.bekend', ...[...ROWS, ...ROWS].map((row, i) => `${i + 1};${row}`)].join('\n');

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t.close());

describe('raw responses from before Klantstem', () => {
  const mapping = [
    { column: 1, itemKey: 'algemeen.cijfer', recoding: new Map() },
    { column: 2, itemKey: 'telefoon.bereikbaarheid', recoding: new Map() },
    { column: 3, itemKey: 'minima.bekend', recoding: new Map() },
  ];

  it('reports the cells it cannot read and stores nothing, then leaves them empty when asked', async () => {
    const before = (await rounds()).length;
    const refused = await importRawResponses(t.database.db, actor(), { name: 'KTO 2022', year: 2022, file: { bytes: Buffer.from(CSV) }, mapping, channel: 'web' });
    if (refused.ok || refused.error.kind !== 'cells') throw new Error('expected unreadable cells');
    expect(refused.error.reading.problems).toEqual([
      { row: 4, column: 2, header: 'Bereikbaarheid telefoon', value: 'Zeer tevreden', problem: 'unreadable' },
      { row: 7, column: 2, header: 'Bereikbaarheid telefoon', value: 'Zeer tevreden', problem: 'unreadable' },
      { row: 12, column: 2, header: 'Bereikbaarheid telefoon', value: 'Zeer tevreden', problem: 'unreadable' },
      { row: 15, column: 2, header: 'Bereikbaarheid telefoon', value: 'Zeer tevreden', problem: 'unreadable' },
    ]);
    const skipped = await importRawResponses(t.database.db, actor(), { name: 'KTO 2022', year: 2022, file: { bytes: Buffer.from(CSV) }, mapping, channel: 'web', skipUnreadable: true, dryRun: true });
    expect(skipped.ok && [skipped.value.responses, skipped.value.emptyRows, skipped.value.skippedCells, skipped.value.roundId]).toEqual([14, 2, 4, null]);
    expect((await rounds()).length).toBe(before);
  });

  it('matches columns by key without a mapping, and refuses a mapping to an unknown question', async () => {
    const dry = await importRawResponses(t.database.db, actor(), { name: 'KTO 2022', year: 2022, file: { bytes: Buffer.from(CSV) }, channel: 'web', dryRun: true });
    expect(dry.ok && dry.value.mapping.map((m) => m.itemKey)).toEqual(['algemeen.cijfer', 'minima.bekend']);
    const wrong = await importRawResponses(t.database.db, actor(), { name: 'KTO 2022', year: 2022, file: { bytes: Buffer.from(CSV) }, channel: 'web', mapping: [{ column: 2, itemKey: 'telefoon.bestaat_niet', recoding: new Map() }] });
    expect(wrong.ok ? null : wrong.error).toEqual({ kind: 'mapping', problems: [{ kind: 'unknown-item', column: 2, itemKey: 'telefoon.bestaat_niet' }], headers: ['respondent', 'algemeen.cijfer', 'Bereikbaarheid telefoon', 'minima.bekend'] });
    const binary = await importRawResponses(t.database.db, actor(), { name: 'KTO 2022', year: 2022, file: { bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]) }, channel: 'web' });
    expect(binary.ok ? null : binary.error).toEqual({ kind: 'file', problem: 'xls' });
  });

  it('imports a recoded file as a closed round whose report gives the hand-worked figures', async () => {
    const recoded = mapping.map((m) => (m.column === 2 ? { ...m, recoding: parseRecoding('Zeer tevreden=5').recoding } : m));
    const imported = await importRawResponses(t.database.db, actor(), { name: 'KTO 2022', year: 2022, file: { bytes: Buffer.from(CSV) }, mapping: recoded, channel: 'paper' });
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    // Per eight rows 7 marks + 6 reachability + 7 yes/no answers.
    expect([imported.value.responses, imported.value.answers]).toEqual([14, 40]);
    const roundId = imported.value.roundId!;
    const view = (await roundReport(t.database.db, t.orgA, roundId))!;
    expect(view.round.status).toBe('closed');
    expect(view.report.completed).toBe(14);
    expect(view.report.overall?.n).toBe(14);
    expect(view.report.overall?.figure?.value).toBeCloseTo(106 / 14, 10);
    const reach = view.report.modules.flatMap((m) => m.items).find((i) => i.key === 'telefoon.bereikbaarheid')!;
    expect(reach.n).toBe(12);
    expect(reach.figure?.value).toBeCloseTo(8 / 12, 10);
    const channels = await withTenant(t.database.db, t.orgA, (tx) => tx.selectFrom('responses').select('channel').where('round_id', '=', roundId).distinct().execute());
    expect(channels).toEqual([{ channel: 'paper' }]);
  });

  it('reads an XLSX file the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Antwoorden');
    for (const line of CSV.split('\n')) sheet.addRow(line.split(';').map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell)));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = await importRawResponses(t.database.db, actor(), { name: 'KTO 2022', year: 2022, file: { bytes }, mapping, channel: 'web', skipUnreadable: true, dryRun: true });
    expect(dry.ok && [dry.value.responses, dry.value.answers, dry.value.skippedCells]).toEqual([14, 36, 4]);
  });
});

describe('raw responses of a questionnaire imported from LimeSurvey', () => {
  it('are read against that questionnaire and make a round of it', async () => {
    const { importQuestionnaireFile } = await import('../../src/app/history-import/import-questionnaire-file.ts');
    const { historicQuestionnaire } = await import('../../src/app/history-import/create-historic-round.ts');
    const { buildLss, encode } = await import('../domain/history-import/lss-builder.ts');
    const lss = buildLss({
      groups: [{ gid: 1, name: 'Contact' }],
      questions: [
        { qid: 1, gid: 1, type: 'Y', code: 'tevreden', text: 'Bent u tevreden over het contact?' },
        { qid: 2, gid: 1, type: 'L', code: 'kanaal', text: 'Hoe had u contact?', answers: [['A1', 'Balie'], ['A2', 'Telefoon']] },
      ],
    });
    const imported = await importQuestionnaireFile(t.database.db, { organisationId: t.orgA, userId: null }, { fileName: 'kto-2018.lss', bytes: encode(lss) });
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    const audit = await withTenant(t.database.db, t.orgA, (tx) => tx.selectFrom('audit_log').select('details').where('action', '=', 'questionnaire-imported').execute());
    expect(audit.map((a) => (a.details as { importId: string }).importId)).toEqual([imported.value.importId]);
    const questionnaire = (await historicQuestionnaire(t.database.db, t.orgA, imported.value.importId))!;
    const keys = [...questionnaire.items.keys()];
    expect(keys).toHaveLength(2);
    const rows = Array.from({ length: 12 }, (_, i) => `${i < 9 ? 'Ja' : 'Nee'};${i % 2 ? 'Telefoon' : 'Balie'}`);
    const file = { bytes: Buffer.from([keys.join(';'), ...rows].join('\n')) };
    // Against the standard questionnaire these columns mean nothing; against the import they do.
    const standard = await importRawResponses(t.database.db, actor(), { name: 'KTO 2018', year: 2018, file, channel: 'web', dryRun: true });
    expect(standard.ok ? null : standard.error.kind).toBe('mapping');
    const done = await importRawResponses(t.database.db, actor(), { name: 'KTO 2018', year: 2018, file, channel: 'web', questionnaireImportId: imported.value.importId });
    if (!done.ok) throw new Error(JSON.stringify(done.error));
    expect([done.value.responses, done.value.answers]).toEqual([12, 24]);
    const view = (await roundReport(t.database.db, t.orgA, done.value.roundId!))!;
    expect(view.round.sourceVersionId).toBe(questionnaire.versionId);
    const yes = view.report.modules.flatMap((m) => m.items).find((i) => i.type === 'yesno')!;
    expect(yes.figure?.value).toBeCloseTo(9 / 12, 10);
    // An import of another organisation is not there.
    const foreign = await importRawResponses(t.database.db, { organisationId: t.orgB, userId: null }, { name: 'X', year: 2018, file, channel: 'web', questionnaireImportId: imported.value.importId });
    expect(foreign.ok ? null : foreign.error).toEqual({ kind: 'questionnaire-gone' });
  });
});
