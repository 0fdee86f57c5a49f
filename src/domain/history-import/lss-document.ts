// Reads a LimeSurvey structure file (.lss) into its tables: rows of named columns, as the notes in
// test/fixtures/limesurvey/SOURCES.md describe. The file comes from outside, so the reader refuses
// any DOCTYPE (external entities, entity-expansion bombs), caps size, depth and element count, and
// turns every parser error into a Result instead of an exception. saxes does no I/O and expands
// only the five predefined entities, which keeps this module pure.

import { SaxesParser } from 'saxes';
import { err, ok, type Result } from '../result.ts';
import { importFailure, type ImportFailure } from './import-failure.ts';

export const LSS_LIMITS = {
  /** Bytes; the largest real export we know of is well under 1 MB. */
  bytes: 5_000_000,
  /** An .lss is at most five levels deep (document/table/rows/row/column); themes nest a little more. */
  depth: 16,
  elements: 400_000,
} as const;

export type LssRow = Readonly<Record<string, string>>;

export interface LssDocument {
  readonly docType: string;
  readonly dbVersion: number | undefined;
  readonly languages: readonly string[];
  /** Rows per table name (`questions`, `answers`, ...); a NULL column is absent from its row. */
  readonly tables: ReadonlyMap<string, readonly LssRow[]>;
}

// Thrown only inside this module and always caught by readLssDocument: it stops saxes mid-stream.
class Refusal {
  constructor(readonly failure: ImportFailure) {}
}

export function readLssDocument(bytes: Uint8Array): Result<LssDocument, ImportFailure> {
  if (bytes.byteLength === 0) return err(importFailure('empty', 'Het bestand is leeg.', 'The file is empty.'));
  if (bytes.byteLength > LSS_LIMITS.bytes) {
    return err(importFailure(
      'tooLarge',
      `Het bestand is groter dan ${LSS_LIMITS.bytes / 1_000_000} MB; een LimeSurvey-structuurbestand is veel kleiner.`,
      `The file is larger than ${LSS_LIMITS.bytes / 1_000_000} MB; a LimeSurvey structure file is much smaller.`,
    ));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return err(importFailure(
      'encoding',
      'Het bestand is geen UTF-8-tekst; exporteer de vragenlijst opnieuw als .lss uit LimeSurvey.',
      'The file is not UTF-8 text; export the survey again as .lss from LimeSurvey.',
    ));
  }
  try {
    return ok(parse(text));
  } catch (caught) {
    if (caught instanceof Refusal) return err(caught.failure);
    throw caught;
  }
}

function parse(text: string): LssDocument {
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  const tables = new Map<string, LssRow[]>();
  const scalars = new Map<string, string>();
  const languages: string[] = [];
  let elements = 0;
  let row: Record<string, string> | undefined;
  let value = '';

  parser.on('doctype', () => {
    throw new Refusal(importFailure(
      'doctype',
      'Het bestand bevat een DOCTYPE-declaratie. Die komt in LimeSurvey-exports niet voor en kan entiteiten laden of opblazen; het bestand is geweigerd.',
      'The file contains a DOCTYPE declaration. LimeSurvey exports have none, and it can load or expand entities; the file was refused.',
    ));
  });
  parser.on('error', (error) => {
    throw new Refusal(importFailure(
      'malformed',
      `Het bestand is onvolledig of beschadigd (regel ${parser.line}): het is geen geldige XML. Exporteer de vragenlijst opnieuw uit LimeSurvey.`,
      `The file is truncated or corrupt (line ${parser.line}): it is not valid XML (${error.message.split('\n')[0]}). Export the survey again from LimeSurvey.`,
    ));
  });
  parser.on('opentag', (tag) => {
    elements += 1;
    if (elements > LSS_LIMITS.elements) {
      throw new Refusal(importFailure(
        'tooManyElements',
        `Het bestand bevat meer dan ${LSS_LIMITS.elements} elementen; dat is geen gewone vragenlijst.`,
        `The file contains more than ${LSS_LIMITS.elements} elements; that is not an ordinary survey.`,
      ));
    }
    stack.push(tag.name);
    if (stack.length > LSS_LIMITS.depth) {
      throw new Refusal(importFailure(
        'tooDeep',
        `Het bestand is dieper genest dan ${LSS_LIMITS.depth} niveaus; een LimeSurvey-export is dat nooit.`,
        `The file is nested deeper than ${LSS_LIMITS.depth} levels; a LimeSurvey export never is.`,
      ));
    }
    if (stack.length === 4 && stack[2] === 'rows' && tag.name === 'row') row = {};
    value = '';
  });
  const collect = (chunk: string): void => {
    // Only leaf values matter (columns, DBVersion, language); whitespace between elements does not.
    if (stack.length === 5 || stack.length === 2 || stack.length === 3) value += chunk;
  };
  parser.on('text', collect);
  parser.on('cdata', collect);
  parser.on('closetag', (tag) => {
    const depth = stack.length;
    if (depth === 5 && row !== undefined) row[tag.name] = value;
    else if (depth === 4 && row !== undefined && tag.name === 'row') {
      const table = stack[1]!;
      const rows = tables.get(table) ?? [];
      rows.push(row);
      tables.set(table, rows);
      row = undefined;
    } else if (depth === 3 && stack[1] === 'languages' && tag.name === 'language') languages.push(value.trim());
    else if (depth === 2) scalars.set(tag.name, value.trim());
    stack.pop();
    value = '';
  });

  parser.write(text).close();

  if (stack.length > 0) {
    throw new Refusal(importFailure(
      'malformed',
      'Het bestand is onvolledig: het houdt op voordat de XML is afgesloten. Exporteer de vragenlijst opnieuw uit LimeSurvey.',
      'The file is truncated: it ends before the XML is closed. Export the survey again from LimeSurvey.',
    ));
  }
  const docType = scalars.get('LimeSurveyDocType') ?? '';
  if (docType !== 'Survey' || !tables.has('questions')) {
    throw new Refusal(importFailure(
      'notLimeSurvey',
      'Dit is geen LimeSurvey-structuurbestand (.lss) van een vragenlijst: LimeSurveyDocType "Survey" of de tabel met vragen ontbreekt.',
      'This is not a LimeSurvey survey structure file (.lss): LimeSurveyDocType "Survey" or the questions table is missing.',
    ));
  }
  const dbVersion = Number.parseInt(scalars.get('DBVersion') ?? '', 10);
  return { docType, dbVersion: Number.isNaN(dbVersion) ? undefined : dbVersion, languages, tables };
}
