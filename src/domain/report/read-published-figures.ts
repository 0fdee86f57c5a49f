// A small table of an old report's figures, as a researcher types it over in a spreadsheet:
// one row per question with its key, n, mean, standard deviation and share. Decimal commas and
// percentages are read as Dutch spreadsheets write them. Every problem is reported with its row.

import { parseCsv, rowNumberOf } from '../address-file/parse-csv.ts';
import type { Item } from '../questionnaire/questionnaire.ts';
import { checkPublishedFigure, type PublishedFigure, type PublishedFigureProblem } from './published-figure.ts';

export type FiguresColumn = 'item' | 'n' | 'mean' | 'sd' | 'share';

const HEADERS: Record<FiguresColumn, readonly string[]> = {
  item: ['item', 'item_key', 'itemkey', 'vraag', 'key', 'sleutel'],
  n: ['n', 'aantal', 'respondenten'],
  mean: ['mean', 'gemiddelde', 'cijfer', 'gem'],
  sd: ['sd', 'standaardafwijking', 'std', 'stdev', 'standard_deviation'],
  share: ['share', 'aandeel', 'percentage', 'pct', 'onvoldoende', 'eens', 'ja'],
};

export type FiguresRowProblem =
  | { readonly kind: 'unknown-item'; readonly key: string }
  | { readonly kind: 'duplicate-item'; readonly key: string }
  | { readonly kind: 'number'; readonly column: FiguresColumn; readonly text: string }
  | { readonly kind: 'figure'; readonly problem: PublishedFigureProblem };

export type FiguresFileProblem =
  | { readonly kind: 'missing-columns'; readonly columns: readonly FiguresColumn[] }
  | { readonly kind: 'no-rows' }
  | { readonly kind: 'too-many-rows'; readonly max: number };

export interface FiguresReading {
  readonly figures: (PublishedFigure & { readonly itemKey: string })[];
  /** Per spreadsheet row (the header is row 1): what is wrong with it. */
  readonly rowProblems: { readonly row: number; readonly problem: FiguresRowProblem }[];
  readonly fileProblem: FiguresFileProblem | null;
}

export const MAX_FIGURE_ROWS = 500;

const normalise = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** "6,9" and "6.9"; for shares also "62 %", "62%" and, above 1, a percentage without the sign. */
function readNumber(text: string, share: boolean): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const percent = /%$/.test(trimmed);
  const body = trimmed.replace(/%$/, '').trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(body)) return undefined;
  const value = Number(body);
  if (share && (percent || value > 1)) return value / 100;
  return value;
}

export function readPublishedFigures(text: string, items: ReadonlyMap<string, Item>): FiguresReading {
  const { table } = parseCsv(text);
  const columns = new Map<FiguresColumn, number>();
  table.headers.forEach((header, index) => {
    const key = normalise(header);
    for (const [column, names] of Object.entries(HEADERS) as [FiguresColumn, readonly string[]][]) {
      if (!columns.has(column) && names.includes(key)) columns.set(column, index);
    }
  });
  const empty = { figures: [], rowProblems: [] };
  const missing = (['item', 'n'] as const).filter((c) => !columns.has(c));
  if (missing.length) return { ...empty, fileProblem: { kind: 'missing-columns', columns: missing } };
  if (!columns.has('mean') && !columns.has('share')) return { ...empty, fileProblem: { kind: 'missing-columns', columns: ['mean', 'share'] } };
  const rows = table.rows.map((cells, index) => ({ cells, row: rowNumberOf(index) })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) return { ...empty, fileProblem: { kind: 'no-rows' } };
  if (rows.length > MAX_FIGURE_ROWS) return { ...empty, fileProblem: { kind: 'too-many-rows', max: MAX_FIGURE_ROWS } };

  const figures: FiguresReading['figures'] = [];
  const rowProblems: FiguresReading['rowProblems'] = [];
  const seen = new Set<string>();
  for (const { cells, row } of rows) {
    const cell = (column: FiguresColumn) => (columns.has(column) ? cells[columns.get(column)!] ?? '' : '');
    const key = cell('item').trim();
    const item = items.get(key);
    if (!item) {
      rowProblems.push({ row, problem: { kind: 'unknown-item', key } });
      continue;
    }
    if (seen.has(key)) {
      rowProblems.push({ row, problem: { kind: 'duplicate-item', key } });
      continue;
    }
    seen.add(key);
    const numbers = new Map<FiguresColumn, number | null>();
    let unreadable = false;
    for (const column of ['n', 'mean', 'sd', 'share'] as const) {
      const value = readNumber(cell(column), column === 'share');
      if (value === undefined) {
        rowProblems.push({ row, problem: { kind: 'number', column, text: cell(column) } });
        unreadable = true;
      } else numbers.set(column, value);
    }
    if (unreadable) continue;
    const figure: PublishedFigure = { n: numbers.get('n') ?? 0, mean: numbers.get('mean') ?? null, sd: numbers.get('sd') ?? null, share: numbers.get('share') ?? null };
    const checked = checkPublishedFigure(item, figure);
    if (!checked.ok) rowProblems.push({ row, problem: { kind: 'figure', problem: checked.error } });
    else figures.push({ itemKey: key, ...checked.value });
  }
  return { figures, rowProblems, fileProblem: null };
}
