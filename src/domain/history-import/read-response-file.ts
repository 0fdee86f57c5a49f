// A file of responses from before Klantstem (one row per respondent: a LimeSurvey response
// export or an agency's data file) read against a column → question mapping. Every cell that
// cannot be read is reported with its row, column and value, so the researcher can recode or
// correct it; nothing is guessed.

import { rowNumberOf, type AddressTable } from '../address-file/parse-csv.ts';
import type { StoredAnswer } from '../questionnaire/answer-encoding.ts';
import type { Item } from '../questionnaire/questionnaire.ts';
import { normaliseCell, readAnswerCell, type CellProblem, type Recoding } from './read-answer-cell.ts';

export interface ColumnMapping {
  /** Index of the column in the file (0 is the first). */
  readonly column: number;
  readonly itemKey: string;
  readonly recoding: Recoding;
}

export type MappingProblem =
  | { readonly kind: 'unknown-item'; readonly column: number; readonly itemKey: string }
  | { readonly kind: 'item-twice'; readonly itemKey: string }
  | { readonly kind: 'no-column'; readonly column: number }
  | { readonly kind: 'nothing-mapped' };

export interface CellReadingProblem {
  /** Spreadsheet row (the header is row 1). */
  readonly row: number;
  readonly column: number;
  readonly header: string;
  readonly value: string;
  readonly problem: CellProblem;
}

export interface ResponseReading {
  /** Per data row with at least one answer: its answers. */
  readonly responses: readonly StoredAnswer[][];
  readonly problems: readonly CellReadingProblem[];
  /** Rows without any answer to a mapped question (left out). */
  readonly emptyRows: number;
}

export const MAX_PROBLEMS_LISTED = 200;

const simplified = (text: string) => normaliseCell(text).replace(/[^\p{L}\p{N}.]+/gu, ' ').trim();

/** Columns whose header is an item key, or the item's Dutch or English question text. */
export function suggestColumnMapping(headers: readonly string[], items: ReadonlyMap<string, Item>): Map<number, string> {
  const byText = new Map<string, string>();
  for (const item of items.values()) for (const text of Object.values(item.text)) byText.set(simplified(text), item.key);
  const suggested = new Map<number, string>();
  const taken = new Set<string>();
  headers.forEach((header, column) => {
    const key = items.has(header.trim()) ? header.trim() : byText.get(simplified(header));
    if (key && !taken.has(key)) {
      suggested.set(column, key);
      taken.add(key);
    }
  });
  return suggested;
}

export function checkMapping(mapping: readonly ColumnMapping[], headers: readonly string[], items: ReadonlyMap<string, Item>): MappingProblem[] {
  if (mapping.length === 0) return [{ kind: 'nothing-mapped' }];
  const problems: MappingProblem[] = [];
  const seen = new Set<string>();
  for (const m of mapping) {
    if (m.column < 0 || m.column >= headers.length) problems.push({ kind: 'no-column', column: m.column });
    else if (!items.has(m.itemKey)) problems.push({ kind: 'unknown-item', column: m.column, itemKey: m.itemKey });
    else if (seen.has(m.itemKey)) problems.push({ kind: 'item-twice', itemKey: m.itemKey });
    seen.add(m.itemKey);
  }
  return problems;
}

/** Reads every mapped cell; call checkMapping first. Problems beyond MAX_PROBLEMS_LISTED are counted, not listed. */
export function readResponseFile(table: AddressTable, mapping: readonly ColumnMapping[], items: ReadonlyMap<string, Item>): ResponseReading & { readonly problemCount: number } {
  const responses: StoredAnswer[][] = [];
  const problems: CellReadingProblem[] = [];
  let problemCount = 0;
  let emptyRows = 0;
  table.rows.forEach((cells, index) => {
    const answers: StoredAnswer[] = [];
    for (const m of mapping) {
      const item = items.get(m.itemKey);
      if (!item) continue;
      const value = cells[m.column] ?? '';
      const read = readAnswerCell(item, value, m.recoding);
      if (read.ok) answers.push(...read.value);
      else {
        problemCount++;
        if (problems.length < MAX_PROBLEMS_LISTED) problems.push({ row: rowNumberOf(index), column: m.column, header: table.headers[m.column] ?? '', value, problem: read.error });
      }
    }
    if (answers.length === 0) emptyRows++;
    else responses.push(answers);
  });
  return { responses, problems, emptyRows, problemCount };
}

/** "Zeer tevreden=5" per line (or separated by |): a researcher's recoding of one column. */
export function parseRecoding(text: string): { readonly recoding: Recoding; readonly badLines: readonly string[] } {
  const recoding = new Map<string, string>();
  const badLines: string[] = [];
  for (const line of text.split(/\r?\n|\|/).map((l) => l.trim()).filter(Boolean)) {
    const at = line.lastIndexOf('=');
    if (at <= 0) {
      badLines.push(line);
      continue;
    }
    recoding.set(normaliseCell(line.slice(0, at)), line.slice(at + 1).trim());
  }
  return { recoding, badLines };
}
