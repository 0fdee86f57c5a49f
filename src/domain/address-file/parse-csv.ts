// RFC 4180 reading of an address file: fields in double quotes may hold the separator, line
// breaks and doubled quotes. Dutch Excel writes ";" (the comma is the decimal sign), others
// write "," or a tab; the separator is the one of the three that splits the first lines into
// the most equal, wide rows, counted outside quotes.

export type Delimiter = ';' | ',' | '\t';
export const DELIMITERS: readonly Delimiter[] = [';', ',', '\t'];

/** A file as a table: the first row is the header, rows are padded to the header's width. */
export interface AddressTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Splits text into records; a record may span lines inside quotes. */
export function splitCsv(text: string, delimiter: Delimiter, maxRecords = Infinity): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n && records.length < maxRecords) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      record.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else cell += c;
    i++;
  }
  if (records.length < maxRecords && (cell !== '' || record.length > 0)) {
    record.push(cell);
    records.push(record);
  }
  return records;
}

/** The separator that gives the most consistent column count (above one) on the first lines. */
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ';';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const records = splitCsv(text.slice(0, 64 * 1024), delimiter, 20).filter((r) => r.some((c) => c.trim() !== ''));
    if (records.length === 0) continue;
    const width = records[0]!.length;
    if (width < 2) continue;
    const consistent = records.filter((r) => r.length === width).length / records.length;
    const score = consistent * 1000 + width;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Records to a table: the first record is the header; cells are trimmed and short rows padded.
 * Blank records stay in place (only trailing ones go), so that row numbers match what the
 * researcher sees in a spreadsheet: the header is row 1, rows[i] is row i + 2.
 */
export function toAddressTable(records: readonly (readonly string[])[]): AddressTable {
  let end = records.length;
  while (end > 0 && records[end - 1]!.every((c) => c.trim() === '')) end--;
  const [header, ...rows] = records.slice(0, end);
  if (!header) return { headers: [], rows: [] };
  const width = rows.reduce((w, r) => Math.max(w, r.length), header.length);
  const pad = (r: readonly string[]): string[] => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim());
  return { headers: pad(header), rows: rows.map(pad) };
}

/** The spreadsheet row number of rows[index] (the header is row 1). */
export const rowNumberOf = (index: number): number => index + 2;

export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): { readonly delimiter: Delimiter; readonly table: AddressTable } {
  return { delimiter, table: toAddressTable(splitCsv(text, delimiter)) };
}
