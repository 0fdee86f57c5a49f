import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Channel, DB } from '../../db/schema.ts';
import { insertCompletedResponses } from '../../db/response-store.ts';
import type { AddressTable } from '../../domain/address-file/parse-csv.ts';
import { historicRoundProblems, type HistoricRoundField } from '../../domain/history-import/historic-round.ts';
import { checkMapping, readResponseFile, suggestColumnMapping, type ColumnMapping, type MappingProblem, type ResponseReading } from '../../domain/history-import/read-response-file.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { readAddressFile, type ReadProblem } from '../fieldwork/read-address-file.ts';
import { deleteResponseUpload, getResponseUpload, saveResponseUpload, type ResponseUpload } from '../../db/response-upload-store.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import type { Item } from '../../domain/questionnaire/questionnaire.ts';
import { todayInNetherlands } from '../today.ts';
import { createHistoricRound, historicQuestionnaire } from './create-historic-round.ts';

// Raw responses of a survey from before Klantstem (a LimeSurvey response export or an agency's
// data file, CSV or XLSX, one row per respondent) as a closed round of the standard
// questionnaire: one row per answer, like every other round, so every report, breakdown and
// trend works on it. The researcher maps columns to questions and recodes values; a dry run
// shows what would be imported, and unreadable cells stop the import unless the researcher
// chooses to leave them out.

export const MAX_RESPONSE_ROWS = 20_000;
const PROGRESS_EVERY = 1000;

export interface RawResponsesInput {
  readonly name: string;
  readonly year: number;
  /** The file itself, or an upload kept for the mapping page (deleted once imported). */
  readonly file: { readonly bytes: Buffer } | { readonly uploadId: string };
  /** Column → question; without it, columns are matched by key or question text. */
  readonly mapping?: readonly ColumnMapping[];
  readonly channel: Channel;
  /** A questionnaire imported from LimeSurvey the answers belong to; without it, the standard questionnaire. */
  readonly questionnaireImportId?: string;
  /** Import the readable answers and leave unreadable cells empty. */
  readonly skipUnreadable?: boolean;
  readonly dryRun?: boolean;
  /** Called after every 1,000 responses stored (the command line prints it). */
  readonly onProgress?: (done: number, total: number) => void;
}

export type RawResponsesProblem =
  | { readonly kind: 'fields'; readonly fields: readonly HistoricRoundField[]; readonly latest: number }
  | { readonly kind: 'file'; readonly problem: ReadProblem | 'too-many-rows'; readonly max?: number }
  | { readonly kind: 'mapping'; readonly problems: readonly MappingProblem[]; readonly headers: readonly string[] }
  | { readonly kind: 'cells'; readonly reading: ResponseReading & { readonly problemCount: number }; readonly mapping: readonly ColumnMapping[]; readonly headers: readonly string[] }
  | { readonly kind: 'no-responses' }
  | { readonly kind: 'upload-gone' }
  | { readonly kind: 'questionnaire-gone' };

export interface RawResponsesOutcome {
  readonly roundId: string | null;
  readonly headers: readonly string[];
  readonly mapping: readonly ColumnMapping[];
  readonly responses: number;
  readonly answers: number;
  readonly emptyRows: number;
  /** Cells left empty because they could not be read (only with skipUnreadable). */
  readonly skippedCells: number;
  readonly reading: ResponseReading & { readonly problemCount: number };
}

/** The file as a table, for the mapping screen. */
export async function readResponseTable(bytes: Buffer): Promise<Result<AddressTable, RawResponsesProblem>> {
  const file = await readAddressFile(bytes);
  if (!file.ok) return err({ kind: 'file', problem: file.error });
  if (file.value.table.rows.length > MAX_RESPONSE_ROWS) return err({ kind: 'file', problem: 'too-many-rows', max: MAX_RESPONSE_ROWS });
  return ok(file.value.table);
}

async function uploadedTable(db: Kysely<DB>, organisationId: string, uploadId: string): Promise<Result<AddressTable, RawResponsesProblem>> {
  const upload = await withTenant(db, organisationId, (tx) => getResponseUpload(tx, organisationId, uploadId));
  return upload ? ok(upload.table) : err({ kind: 'upload-gone' });
}

/** Keeps an uploaded file as a table for the mapping page. */
export async function uploadResponseFile(
  db: Kysely<DB>,
  actor: { readonly organisationId: string; readonly userId: string | null },
  file: { readonly fileName: string; readonly bytes: Buffer },
): Promise<Result<string, RawResponsesProblem>> {
  const table = await readResponseTable(file.bytes);
  if (!table.ok) return table;
  const id = randomUUID();
  await withTenant(db, actor.organisationId, (tx) => saveResponseUpload(tx, actor.organisationId, { id, fileName: file.fileName.slice(0, 255), table: table.value }, actor.userId));
  return ok(id);
}

export interface ResponseUploadView {
  readonly upload: ResponseUpload;
  readonly items: ReadonlyMap<string, Item>;
  readonly suggested: ReadonlyMap<number, string>;
  /** Up to four different values per column, to recognise it by. */
  readonly samples: readonly (readonly string[])[];
}

export async function responseUploadView(db: Kysely<DB>, organisationId: string, uploadId: string, questionnaireImportId?: string): Promise<ResponseUploadView | undefined> {
  const upload = await withTenant(db, organisationId, (tx) => getResponseUpload(tx, organisationId, uploadId));
  const questionnaire = await historicQuestionnaire(db, organisationId, questionnaireImportId);
  if (!upload || !questionnaire) return undefined;
  const { items } = questionnaire;
  const samples = upload.table.headers.map((_, column) => [...new Set(upload.table.rows.map((row) => (row[column] ?? '').trim()).filter(Boolean))].slice(0, 4));
  return { upload, items, suggested: suggestColumnMapping(upload.table.headers, items), samples };
}

export async function importRawResponses(
  db: Kysely<DB>,
  actor: { readonly organisationId: string; readonly userId: string | null },
  input: RawResponsesInput,
  now = new Date(),
): Promise<Result<RawResponsesOutcome, RawResponsesProblem>> {
  const latest = Number(todayInNetherlands(now).slice(0, 4));
  const fields = historicRoundProblems(input, latest);
  if (fields.length) return err({ kind: 'fields', fields, latest });
  const table = 'bytes' in input.file
    ? await readResponseTable(input.file.bytes)
    : await uploadedTable(db, actor.organisationId, input.file.uploadId);
  if (!table.ok) return table;
  const { headers } = table.value;
  const questionnaire = await historicQuestionnaire(db, actor.organisationId, input.questionnaireImportId);
  if (!questionnaire) return err({ kind: 'questionnaire-gone' });
  const { versionId, items } = questionnaire;
  const mapping = input.mapping ?? [...suggestColumnMapping(headers, items)].map(([column, itemKey]) => ({ column, itemKey, recoding: new Map() }));
  const mappingProblems = checkMapping(mapping, headers, items);
  if (mappingProblems.length) return err({ kind: 'mapping', problems: mappingProblems, headers });
  const reading = readResponseFile(table.value, mapping, items);
  if (reading.problemCount > 0 && !input.skipUnreadable) return err({ kind: 'cells', reading, mapping, headers });
  if (reading.responses.length === 0) return err({ kind: 'no-responses' });
  const outcome = {
    headers, mapping, reading, responses: reading.responses.length, emptyRows: reading.emptyRows,
    answers: reading.responses.reduce((n, r) => n + r.length, 0), skippedCells: reading.problemCount,
  };
  if (input.dryRun) return ok({ ...outcome, roundId: null });
  // A date inside the round's year: the file does not say when each form came in.
  const day = `${input.year}-07-01`;
  const roundId = await createHistoricRound(db, actor, { name: input.name, year: input.year, versionId },
    { action: 'raw-responses-imported', details: { responses: outcome.responses, answers: outcome.answers, skippedCells: outcome.skippedCells } },
    async (tx, id) => {
      const responses = reading.responses.map((answers) => ({ id: randomUUID(), channel: input.channel, language: 'nl', startedOn: day, completedOn: day, answers }));
      for (let i = 0; i < responses.length; i += PROGRESS_EVERY) {
        await insertCompletedResponses(tx, actor.organisationId, id, responses.slice(i, i + PROGRESS_EVERY));
        input.onProgress?.(Math.min(i + PROGRESS_EVERY, responses.length), responses.length);
      }
      if ('uploadId' in input.file) await deleteResponseUpload(tx, actor.organisationId, input.file.uploadId);
    });
  return ok({ ...outcome, roundId });
}
