import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundReport } from '../../src/app/round-report.ts';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { releaseOpenAnswers } from '../support/release-open-answers.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';
import { parseCsv } from '../support/parse-csv.ts';

// The XLSX export read back with exceljs: three sheets, raw data equal to the codes CSV, the
// summary equal to the report model, and no formula anywhere, also not from an open answer
// that looks like one.

let t: TestApp;
let roundId: string;
const FORMULA = '=HYPERLINK("http://x","y")';

async function workbookOf(client: Client, url: string): Promise<ExcelJS.Workbook> {
  const response = await client.get(url);
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  roundId = (await createFieldworkRound(db, t.orgA, { name: 'KTO xlsx', codes: 60 })).roundId;
  // 40 marks (mean 6,9), agreement on the desk for 20 (indicative), waiting time for 4 (hidden),
  // an age band for everyone, and open answers that look like formulas.
  const answers: AnswerInput[][] = Array.from({ length: 40 }, (_, i) => [
    { itemKey: 'algemeen.cijfer', valueNum: [4, 6, 7, 8, 9][i % 5]! + (i % 3 === 0 ? 1 : 0) },
    ...(i < 20 ? [{ itemKey: 'balie.bejegening', valueNum: 1 + (i % 5) }] : []),
    ...(i < 4 ? [{ itemKey: 'balie.wachttijd', valueNum: 3 }] : []),
    { itemKey: 'achtergrond.leeftijd', optionCode: i % 2 ? '27-44' : '45-54' },
  ]);
  answers[0]!.push({ itemKey: 'open.verbeterpunten', valueText: FORMULA });
  answers[1]!.push({ itemKey: 'open.pluspunten', valueText: '+31 6 is mijn nummer niet' });
  answers[2]!.push({ itemKey: 'open.pluspunten', valueText: '@iedereen\tdank' });
  answers.push([{ itemKey: 'algemeen.cijfer', notApplicable: true }]);
  await withTenant(db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, roundId, answers.map((list) => ({
    id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-03', answers: list,
  }))));  await releaseOpenAnswers(db, t.orgA, roundId, 'researcher@alfa.nl');
});
afterAll(async () => t.close());

describe('XLSX export', () => {
  it('downloads a workbook with summary, raw data and variables, audit-logged', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const response = await client.get(`/rounds/${roundId}/export.xlsx?lang=nl`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="klantstem-2026-[0-9a-f]{8}\.xlsx"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    const workbook = await workbookOf(client, `/rounds/${roundId}/export.xlsx?lang=nl`);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Samenvatting', 'Ruwe data', 'Variabelen']);
    const english = await workbookOf(client, `/rounds/${roundId}/export.xlsx?lang=en`);
    expect(english.worksheets.map((s) => s.name)).toEqual(['Summary', 'Raw data', 'Variables']);

    const log = await t.database.db.selectFrom('audit_log').select(['details', 'organisation_id']).where('action', '=', 'export').execute();
    const details = log.map((l) => (typeof l.details === 'string' ? JSON.parse(l.details) : l.details) as { roundId: string; format: string });
    expect(details.filter((d) => d.format === 'xlsx' && d.roundId === roundId)).toHaveLength(3);
  });

  it('has a raw-data sheet with exactly the codes CSV', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const [header, ...csvRows] = parseCsv((await client.get(`/rounds/${roundId}/export.csv?values=codes&lang=nl`)).body.slice(1));
    const sheet = (await workbookOf(client, `/rounds/${roundId}/export.xlsx`)).getWorksheet('Ruwe data')!;
    const values = (r: number) => Array.from({ length: header!.length }, (_, c) => sheet.getRow(r).getCell(c + 1).value);
    expect(values(1)).toEqual(header);
    expect(sheet.actualRowCount).toBe(csvRows.length + 1);
    expect(csvRows).toHaveLength(41);
    csvRows.forEach((csv, index) => {
      const cells = values(index + 2);
      csv.forEach((text, c) => {
        const cell = cells[c];
        if (text === '') expect(cell, `${header![c]} row ${index + 1}`).toBeNull();
        else if (typeof cell === 'number') expect(String(cell)).toBe(text);
        // The CSV guards text that looks like a formula with an apostrophe; the XLSX keeps it as text.
        else expect(/^'[=+\-@\t\r]/.test(text) ? `'${cell}` : cell).toBe(text);
      });
    });
    const column = header!.indexOf('algemeen.cijfer') + 1;
    expect(typeof sheet.getRow(2).getCell(column).value).toBe('number');
  });

  it('keeps formula-like answers as text and contains no formula at all', async () => {
    const client = await signedIn('administrator@alfa.nl');
    const workbook = await workbookOf(client, `/rounds/${roundId}/export.xlsx`);
    const texts: string[] = [];
    let cells = 0;
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      cells += 1;
      expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula, `${sheet.name}!${cell.address}`).toBeFalsy();
      if (typeof cell.value === 'string') texts.push(cell.value);
    })));
    expect(cells).toBeGreaterThan(500);
    expect(texts).toContain(FORMULA);
    expect(texts).toContain('+31 6 is mijn nummer niet');
    expect(texts).toContain('@iedereen\tdank');
    const sheet = workbook.getWorksheet('Ruwe data')!;
    const cell = sheet.getRow(1).values as unknown[];
    const open = cell.indexOf('open.verbeterpunten');
    const found = [...Array(sheet.actualRowCount).keys()].map((r) => sheet.getRow(r + 1).getCell(open)).find((c) => c.value === FORMULA)!;
    expect(found.type).toBe(ExcelJS.ValueType.String);
  });

  it('has a summary equal to the report model, with the reporting rules and Dutch number formats', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const sheet = (await workbookOf(client, `/rounds/${roundId}/export.xlsx?lang=nl`)).getWorksheet('Samenvatting')!;
    const header = sheet.getRow(8).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['Sleutel', 'Vraag', 'n']);
    const rowOf = (key: string) => {
      for (let r = 9; r <= sheet.actualRowCount + 8; r += 1) if (sheet.getRow(r).getCell(1).value === key) return sheet.getRow(r);
      throw new Error(`no row ${key}`);
    };
    const { report } = (await roundReport(t.database.db, t.orgA, roundId))!;
    const items = report.modules.flatMap((m) => m.items);
    const overall = items.find((i) => i.key === 'algemeen.cijfer')!;
    const mark = rowOf('algemeen.cijfer');
    expect(mark.getCell(3).value).toBe(40);
    expect(mark.getCell(4).value).toBe(1);
    expect(mark.getCell(6).value).toBe(overall.figure!.value);
    expect(mark.getCell(7).value).toBe(overall.figure!.ci!.lower);
    expect(mark.getCell(8).value).toBe(overall.figure!.ci!.upper);
    expect(mark.getCell(9).value).toBe(overall.insufficient!.value);
    expect(mark.getCell(6).numFmt).toBe('[$-413]0.0');
    expect(mark.getCell(9).numFmt).toBe('[$-413]0%');
    // Plain arithmetic on the 40 marks, independent of the report code.
    const marks = Array.from({ length: 40 }, (_, i) => [4, 6, 7, 8, 9][i % 5]! + (i % 3 === 0 ? 1 : 0));
    expect(mark.getCell(6).value).toBeCloseTo(marks.reduce((a, b) => a + b, 0) / 40, 12);

    const desk = rowOf('balie.bejegening');
    expect(desk.getCell(3).value).toBe(20);
    expect(desk.getCell(6).value).toBeCloseTo(8 / 20, 12);
    expect(String(desk.getCell(13).value)).toContain('indicatief');

    const waiting = rowOf('balie.wachttijd');
    expect(waiting.getCell(3).value).toBe(4);
    for (const c of [6, 7, 8]) expect(waiting.getCell(c).value).toBeNull();
    expect(String(waiting.getCell(13).value)).toContain('niet getoond');

    const age = rowOf('achtergrond.leeftijd.27-44');
    expect(age.getCell(3).value).toBe(20);
    expect(age.getCell(6).value).toBeCloseTo(0.5, 12);

    const english = (await workbookOf(client, `/rounds/${roundId}/export.xlsx?lang=en`)).getWorksheet('Summary')!;
    let englishMark: ExcelJS.Row | undefined;
    english.eachRow((row) => { if (row.getCell(1).value === 'algemeen.cijfer') englishMark = row; });
    expect(englishMark!.getCell(6).numFmt).toBe('0.0');
  });

  it('explains every raw-data column on the variables sheet', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const workbook = await workbookOf(client, `/rounds/${roundId}/export.xlsx?lang=nl`);
    const raw = workbook.getWorksheet('Ruwe data')!.getRow(1).values as unknown[];
    const variables = workbook.getWorksheet('Variabelen')!;
    const names = Array.from({ length: variables.actualRowCount - 1 }, (_, i) => variables.getRow(i + 2).getCell(1).value);
    expect(names).toEqual(raw.slice(1));
    let mark: ExcelJS.Row | undefined;
    variables.eachRow((row) => { if (row.getCell(1).value === 'balie.bejegening') mark = row; });
    expect(mark!.getCell(4).value).toContain('5 = Helemaal eens');
    expect(mark!.getCell(5).value).toBe('98 = niet van toepassing / weet niet');
  });

  it('refuses viewers and councils, and does not find rounds of another organisation', async () => {
    for (const email of ['viewer@alfa.nl', 'council@alfa.nl']) {
      expect((await (await signedIn(email)).get(`/rounds/${roundId}/export.xlsx`)).statusCode).toBe(403);
    }
    expect((await (await signedIn('researcher@beta.nl')).get(`/rounds/${roundId}/export.xlsx`)).statusCode).toBe(404);
    expect((await new Client(t.app).get(`/rounds/${roundId}/export.xlsx`)).statusCode).toBe(303);
  });

  it('is linked from the report next to CSV and SPSS', async () => {
    const body = (await (await signedIn('researcher@alfa.nl')).get(`/rounds/${roundId}/report`)).body;
    expect(body).toContain(`/rounds/${roundId}/export.xlsx?lang=nl`);
  });
});
