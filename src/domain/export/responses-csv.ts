// Raw data of a round as CSV (RFC 4180): comma separator, "." decimals, CRLF line ends, UTF-8
// with a byte-order mark so that spreadsheets detect the encoding. One row per completed
// response, numbered 1..n; the response id never leaves the database (anonymity).

import type { StoredAnswer } from '../questionnaire/answer-encoding.ts';
import { agreeLabel, localize, type Item } from '../questionnaire/questionnaire.ts';
import { exportColumns, notApplicableCode, type ExportColumn, type ExportLanguage } from './export-columns.ts';

/** One completed response, without its id. */
export interface ExportResponse {
  readonly channel: string;
  readonly language: string;
  /** Date only (YYYY-MM-DD): answers carry no time of day. */
  readonly completedOn: string;
  readonly answers: readonly StoredAnswer[];
}

export interface CsvOptions {
  /** Codes for statistics packages, or labels for reading in a spreadsheet. */
  readonly values: 'codes' | 'labels';
  /** Language of the labels. */
  readonly language: ExportLanguage;
  readonly disabledModules?: readonly string[];
}

/** One cell of the raw data, typed: the CSV writes it as text, the XLSX export as a typed cell. */
export type ExportCell = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'text'; readonly value: string } | null;
type Cell = ExportCell;

const BOM = '\uFEFF';

const NOT_APPLICABLE_LABEL: Record<ExportLanguage, string> = { nl: 'niet van toepassing', en: 'not applicable' };
const YES_NO: Record<ExportLanguage, readonly [string, string]> = { nl: ['nee', 'ja'], en: ['no', 'yes'] };

/**
 * A text cell as it goes into the file. Spreadsheets run a cell that starts with =, +, -, @,
 * tab or carriage return as a formula ("CSV injection"): a respondent could type
 * =HYPERLINK("…") in an open answer and the researcher's spreadsheet would execute it. A
 * leading apostrophe makes it plain text. Numbers are written as numbers and never prefixed,
 * so negative numbers stay numbers. Then RFC 4180: quote when the text holds a separator,
 * quote or line break, doubling quotes inside.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A cell of the raw data. Line breaks in open answers become spaces: SPSS (GET DATA /TYPE=TXT)
 * and PSPP read one case per line and do not accept a line break inside quotes.
 */
function csvCell(cell: Cell): string {
  if (cell === null) return '';
  return cell.kind === 'number' ? String(cell.value) : csvText(cell.value.replace(/\r\n|\r|\n/g, ' '));
}

const num = (value: number): Cell => ({ kind: 'number', value });
const text = (value: string): Cell => ({ kind: 'text', value });

function notApplicable(item: Item, options: CsvOptions): Cell {
  if (options.values === 'labels') return text(NOT_APPLICABLE_LABEL[options.language]);
  const code = notApplicableCode(item);
  return typeof code === 'number' ? num(code) : text(code);
}

function itemCell(item: Item, rows: readonly StoredAnswer[], options: CsvOptions): Cell {
  const row = rows[0];
  if (!row) return null;
  if (row.notApplicable) return notApplicable(item, options);
  const labels = options.values === 'labels';
  switch (item.type) {
    case 'mark':
    case 'number':
      return row.valueNum === undefined ? null : num(row.valueNum);
    case 'agree5':
      if (row.valueNum === undefined) return null;
      return labels ? text(agreeLabel(row.valueNum, options.language)) : num(row.valueNum);
    case 'yesno':
      if (row.valueNum === undefined) return null;
      return labels ? text(YES_NO[options.language][row.valueNum === 1 ? 1 : 0]) : num(row.valueNum === 1 ? 1 : 0);
    case 'single': {
      if (!row.optionCode) return null;
      const option = item.options.find((o) => o.code === row.optionCode);
      return text(labels && option ? localize(option.label, options.language) : row.optionCode);
    }
    case 'open':
      return row.valueText === undefined ? null : text(row.valueText);
    case 'multi':
      return null;
  }
}

function optionCell(column: ExportColumn & { kind: 'option' }, rows: readonly StoredAnswer[], options: CsvOptions): Cell {
  if (rows.length === 0) return null;
  if (rows.some((r) => r.notApplicable)) return notApplicable(column.item, options);
  return num(rows.some((r) => r.optionCode === column.option.code) ? 1 : 0);
}

function row(columns: readonly ExportColumn[], response: ExportResponse, sequence: number, options: CsvOptions): Cell[] {
  const byItem = new Map<string, StoredAnswer[]>();
  for (const answer of response.answers) {
    const list = byItem.get(answer.itemKey);
    if (list) list.push(answer);
    else byItem.set(answer.itemKey, [answer]);
  }
  const cells = columns.map((column): Cell => {
    switch (column.kind) {
      case 'response':
        return num(sequence);
      case 'channel':
        return text(response.channel);
      case 'language':
        return text(response.language);
      case 'completed_on':
        return text(response.completedOn);
      case 'item':
        return itemCell(column.item, byItem.get(column.item.key) ?? [], options);
      case 'option':
        return optionCell(column, byItem.get(column.item.key) ?? [], options);
    }
  });
  return cells;
}

/** The columns and typed cells of the raw data, one row per response numbered from 1. */
export function responseRows(
  questionnaire: Parameters<typeof exportColumns>[0],
  responses: readonly ExportResponse[],
  options: CsvOptions,
): { columns: ExportColumn[]; rows: ExportCell[][] } {
  const columns = exportColumns(questionnaire, options.disabledModules);
  return { columns, rows: responses.map((response, index) => row(columns, response, index + 1, options)) };
}

/** The CSV text of the completed responses, in the order given, numbered from 1. */
export function responsesCsv(
  questionnaire: Parameters<typeof exportColumns>[0],
  responses: readonly ExportResponse[],
  options: CsvOptions,
): string {
  const { columns, rows } = responseRows(questionnaire, responses, options);
  const lines = [columns.map((c) => csvText(c.name)).join(','), ...rows.map((cells) => cells.map(csvCell).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
