import ExcelJS from 'exceljs';
import { decodeAddressText, type DecodeProblem } from '../../domain/address-file/decode-address-text.ts';
import { parseCsv, toAddressTable, type AddressTable } from '../../domain/address-file/parse-csv.ts';
import { err, ok, type Result } from '../../domain/result.ts';

// Reads an uploaded address file into a table. The format is decided by the bytes, not by the
// file name: XLSX is a ZIP archive ("PK\x03\x04"); the old binary .xls (an OLE2 container)
// is refused like any other binary file; everything else is tried as CSV text.

export const MAX_ADDRESS_FILE_BYTES = 20 * 1024 * 1024;

export type ReadProblem = DecodeProblem | 'xls' | 'xlsx-unreadable' | 'no-rows' | 'too-large';

export interface ReadFile {
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly table: AddressTable;
}

const startsWith = (bytes: Buffer, signature: readonly number[]): boolean => signature.every((b, i) => bytes[i] === b);

/** Cells as text, as the spreadsheet shows them (a postcode or a house number stays text). */
async function readXlsx(bytes: Buffer): Promise<Result<AddressTable, ReadProblem>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return err('xlsx-unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return err('no-rows');
  const records: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A formula cell shows its result; its text is the formula's cached value, never the formula.
      const value = cell.value;
      const text = value !== null && typeof value === 'object' && 'formula' in value
        ? String((value as { result?: unknown }).result ?? '')
        : cell.text;
      cells.push(text ?? '');
    }
    records.push(cells);
  }
  return ok(toAddressTable(records));
}

export async function readAddressFile(bytes: Buffer): Promise<Result<ReadFile, ReadProblem>> {
  if (bytes.length > MAX_ADDRESS_FILE_BYTES) return err('too-large');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const table = await readXlsx(bytes);
    if (!table.ok) return table;
    if (table.value.rows.length === 0) return err('no-rows');
    return ok({ format: 'xlsx', encoding: null, delimiter: null, table: table.value });
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return err('xls');
  const decoded = decodeAddressText(bytes);
  if (!decoded.ok) return decoded;
  const { delimiter, table } = parseCsv(decoded.value.text);
  if (table.rows.length === 0) return err('no-rows');
  return ok({ format: 'csv', encoding: decoded.value.encoding, delimiter, table });
}
