/**
 * A minimal RFC 4180 reader (comma, quotes, CRLF rows), written for the tests so that they do
 * not trust our own CSV writer. `lenient` reads hand-written files: any line break ends a row,
 * and a quote opens a quoted cell only at the start of the cell (elsewhere it is text).
 */
export function parseCsv(text: string, options: { delimiter?: string; lenient?: boolean } = {}): string[][] {
  const delimiter = options.delimiter ?? ',';
  const lenient = options.lenient ?? false;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endRow = () => { row.push(cell); rows.push(row); row = []; cell = ''; };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && (!lenient || cell === '')) quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { endRow(); i += 1; }
    else if (lenient && (c === '\n' || c === '\r')) endRow();
    else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}
