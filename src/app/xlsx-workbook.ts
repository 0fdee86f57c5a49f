// The sheets of the XLSX export: a summary of the report (figures from the report model,
// unrounded, with number formats), the raw data (the same columns and cells as the codes CSV)
// and a codebook. Nothing here computes a statistic.

import ExcelJS from 'exceljs';
import type { Round } from '../db/round-store.ts';
import { codebook, notApplicableLabel } from '../domain/export/codebook.ts';
import type { ExportColumn, ExportLanguage } from '../domain/export/export-columns.ts';
import type { ExportCell } from '../domain/export/responses-csv.ts';
import { summaryRows } from '../domain/export/summary-rows.ts';
import type { RoundReport } from '../domain/report/build-round-report.ts';
import { SHEET_WORDS } from './xlsx-sheet-words.ts';

/**
 * Number formats. Format codes in a file always use "." for decimals; the locale tag [$-413]
 * (nl-NL) marks the Dutch ones, so LibreOffice shows "7,1" and Excel follows the reader's
 * Dutch settings. The values themselves are unrounded numbers.
 */
export const NUMBER_FORMATS = {
  nl: { mean: '[$-413]0.0', share: '[$-413]0%', count: '[$-413]#,##0' },
  en: { mean: '0.0', share: '0%', count: '#,##0' },
} as const;

/** Row of the column headings on the summary sheet; above it the round's key figures. */
export const SUMMARY_HEADER_ROW = 8;

/**
 * Every text goes through here. exceljs writes a string as a shared string, never as a
 * formula, so an open answer such as =HYPERLINK("…") stays exactly what the respondent typed
 * and is shown as text. The type check keeps it that way should anyone pass an object
 * ({ formula: … }) from untyped code.
 */
function setText(cell: ExcelJS.Cell, value: string): void {
  if (typeof value !== 'string') throw new TypeError('text cells take strings only');
  cell.value = value;
}

function setNumber(cell: ExcelJS.Cell, value: number | null, numFmt?: string): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError('number cells take finite numbers only');
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
}

function setCell(cell: ExcelJS.Cell, value: ExportCell): void {
  if (value === null) return;
  if (value.kind === 'number') setNumber(cell, value.value);
  else setText(cell, value.value);
}

/** Refuses to hand out a workbook in which any cell is a formula. */
export function assertNoFormulas(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) throw new Error(`formula in ${sheet.name}!${cell.address}`);
      });
    });
  });
}

export function addSummarySheet(workbook: ExcelJS.Workbook, round: Round, report: RoundReport, language: ExportLanguage): void {
  const w = SHEET_WORDS[language];
  const f = NUMBER_FORMATS[language];
  const sheet = workbook.addWorksheet(w.summary);
  setText(sheet.getCell('A1'), `${round.name} (${round.year})`);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  setText(sheet.getCell('A2'), w.completed);
  setNumber(sheet.getCell('C2'), report.completed, f.count);
  if (report.delivered !== null && report.responseRate !== null) {
    setText(sheet.getCell('A3'), w.responseRate);
    setNumber(sheet.getCell('C3'), report.responseRate, f.share);
    setText(sheet.getCell('D3'), w.delivered(report.delivered));
  }
  setText(sheet.getCell('A4'), w.rules(report.thresholds.hideBelow, report.thresholds.indicativeBelow));
  if (report.provisional) setText(sheet.getCell('A5'), w.provisional);
  if (report.previousRound) setText(sheet.getCell('A6'), w.previousRound(report.previousRound.name, report.comparedItems));

  const header = sheet.getRow(SUMMARY_HEADER_ROW);
  w.columns.forEach((title, index) => setText(header.getCell(index + 1), title));
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: SUMMARY_HEADER_ROW }];
  let rowNumber = SUMMARY_HEADER_ROW;
  for (const line of summaryRows(report, language)) {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    setText(row.getCell(1), line.key);
    setText(row.getCell(2), line.kind === 'option' ? `  ${line.text}` : line.text);
    if (line.kind === 'module') {
      row.font = { bold: true };
      continue;
    }
    const format = line.measure === 'mean' ? f.mean : f.share;
    setNumber(row.getCell(3), line.n, f.count);
    setNumber(row.getCell(4), line.notApplicable, f.count);
    setText(row.getCell(5), line.measureLabel);
    setNumber(row.getCell(6), line.value, format);
    setNumber(row.getCell(7), line.lower, format);
    setNumber(row.getCell(8), line.upper, format);
    setNumber(row.getCell(9), line.insufficient, f.share);
    setNumber(row.getCell(10), line.previous, format);
    setNumber(row.getCell(11), line.previousN, f.count);
    setText(row.getCell(12), line.verdict);
    setText(row.getCell(13), line.note);
  }
  const widths = [28, 60, 8, 8, 18, 10, 10, 10, 10, 10, 10, 28, 40];
  widths.forEach((width, index) => { sheet.getColumn(index + 1).width = width; });
}

/** The codes CSV as a sheet: same header, same rows, numbers as numbers, text as text. */
export function addRawDataSheet(workbook: ExcelJS.Workbook, columns: readonly ExportColumn[], rows: readonly ExportCell[][], language: ExportLanguage): void {
  const sheet = workbook.addWorksheet(SHEET_WORDS[language].raw);
  const header = sheet.getRow(1);
  columns.forEach((column, index) => setText(header.getCell(index + 1), column.name));
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  rows.forEach((cells, rowIndex) => {
    const row = sheet.getRow(rowIndex + 2);
    cells.forEach((cell, index) => setCell(row.getCell(index + 1), cell));
  });
}

export function addCodebookSheet(workbook: ExcelJS.Workbook, columns: readonly ExportColumn[], language: ExportLanguage): void {
  const w = SHEET_WORDS[language];
  const sheet = workbook.addWorksheet(w.variables);
  const header = sheet.getRow(1);
  w.codebookColumns.forEach((title, index) => setText(header.getCell(index + 1), title));
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  codebook(columns, language).forEach((entry, index) => {
    const row = sheet.getRow(index + 2);
    setText(row.getCell(1), entry.name);
    setText(row.getCell(2), entry.label);
    setText(row.getCell(3), entry.kind);
    setText(row.getCell(4), entry.values.map(([code, label]) => `${code} = ${label}`).join('; '));
    if (entry.notApplicable !== null) setText(row.getCell(5), `${entry.notApplicable} = ${notApplicableLabel(language)}`);
  });
  [36, 70, 24, 60, 34].forEach((width, index) => { sheet.getColumn(index + 1).width = width; });
}
