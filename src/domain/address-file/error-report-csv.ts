import { csvText } from '../export/responses-csv.ts';

// The downloadable list of problems in an address file. The values come from the uploaded file,
// so a cell like =HYPERLINK("http://x") must reach the researcher's spreadsheet as text: every
// cell goes through the same formula guard as the response export.

export interface ErrorReportLine {
  readonly row: number;
  readonly column: string;
  readonly problem: string;
  readonly value: string;
}

/** CSV (comma, CRLF, UTF-8 with byte-order mark) with a header row in the reader's language. */
export function errorReportCsv(header: readonly [string, string, string, string], lines: readonly ErrorReportLine[]): string {
  const out = [header.map(csvText).join(',')];
  for (const line of lines) out.push([String(line.row), csvText(line.column), csvText(line.problem), csvText(line.value)].join(','));
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
