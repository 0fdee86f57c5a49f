import type { AddressField } from '../domain/address-file/address-mapping.ts';
import type { Tx } from './tenant-transaction.ts';

// Uploaded address files (address_imports) and the organisation's remembered column mapping
// (address_mappings). The file bytes stay here only until imported or discarded.

export type AddressImportStatus = 'uploaded' | 'imported' | 'discarded';

export interface AddressImport {
  readonly id: string;
  readonly roundId: string;
  readonly fileName: string;
  readonly byteSize: number;
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly mapping: Record<string, AddressField> | null;
  readonly status: AddressImportStatus;
  readonly rowsTotal: number | null;
  readonly rowsValid: number | null;
  readonly rowsInvalid: number | null;
  readonly skippedInvalid: boolean;
  readonly createdAt: Date;
  readonly importedAt: Date | null;
}

const columns = [
  'id', 'round_id as roundId', 'file_name as fileName', 'byte_size as byteSize', 'format', 'encoding', 'delimiter',
  'mapping', 'status', 'rows_total as rowsTotal', 'rows_valid as rowsValid', 'rows_invalid as rowsInvalid',
  'skipped_invalid as skippedInvalid', 'created_at as createdAt', 'imported_at as importedAt',
] as const;

export interface NewAddressImport {
  readonly id: string;
  readonly organisationId: string;
  readonly roundId: string;
  readonly fileName: string;
  readonly file: Buffer;
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly createdBy: string;
}

export async function insertAddressImport(tx: Tx, upload: NewAddressImport): Promise<void> {
  await tx
    .insertInto('address_imports')
    .values({
      id: upload.id,
      organisation_id: upload.organisationId,
      round_id: upload.roundId,
      file_name: upload.fileName,
      byte_size: upload.file.length,
      file: upload.file,
      format: upload.format,
      encoding: upload.encoding,
      delimiter: upload.delimiter,
      created_by: upload.createdBy,
    })
    .execute();
}

export async function getAddressImport(tx: Tx, roundId: string, id: string): Promise<AddressImport | undefined> {
  return tx.selectFrom('address_imports').select(columns).where('round_id', '=', roundId).where('id', '=', id).executeTakeFirst();
}

export async function addressImportFile(tx: Tx, id: string): Promise<Buffer | undefined> {
  const row = await tx.selectFrom('address_imports').select('file').where('id', '=', id).executeTakeFirst();
  return row?.file ?? undefined;
}

/** The round's uploads, newest first. */
export async function listAddressImports(tx: Tx, roundId: string): Promise<AddressImport[]> {
  return tx.selectFrom('address_imports').select(columns).where('round_id', '=', roundId).orderBy('created_at', 'desc').execute();
}

export async function saveImportMapping(
  tx: Tx,
  id: string,
  mapping: Record<string, AddressField>,
  counts: { total: number; valid: number; invalid: number },
): Promise<void> {
  await tx
    .updateTable('address_imports')
    .set({ mapping: JSON.stringify(mapping), rows_total: counts.total, rows_valid: counts.valid, rows_invalid: counts.invalid })
    .where('id', '=', id)
    .where('status', '=', 'uploaded')
    .execute();
}

export async function setSkipInvalid(tx: Tx, id: string, skip: boolean): Promise<void> {
  await tx.updateTable('address_imports').set({ skipped_invalid: skip }).where('id', '=', id).execute();
}

/** Done: the file is dropped, only the counts remain. */
export async function markImported(tx: Tx, id: string): Promise<void> {
  await tx.updateTable('address_imports').set({ status: 'imported', file: null, imported_at: new Date() }).where('id', '=', id).execute();
}

export async function discardAddressImport(tx: Tx, id: string): Promise<boolean> {
  const result = await tx
    .updateTable('address_imports')
    .set({ status: 'discarded', file: null })
    .where('id', '=', id)
    .where('status', '=', 'uploaded')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function rememberedMapping(tx: Tx, organisationId: string): Promise<Record<string, AddressField>> {
  const row = await tx.selectFrom('address_mappings').select('mapping').where('organisation_id', '=', organisationId).executeTakeFirst();
  return row?.mapping ?? {};
}

export async function rememberMapping(tx: Tx, organisationId: string, mapping: Record<string, AddressField>): Promise<void> {
  const json = JSON.stringify(mapping);
  await tx
    .insertInto('address_mappings')
    .values({ organisation_id: organisationId, mapping: json })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ mapping: json, updated_at: new Date() }))
    .execute();
}

/** The newest address-import job of the round that is queued or running. */
export async function runningImportJob(tx: Tx, roundId: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('jobs')
    .select('id')
    .where('round_id', '=', roundId)
    .where('kind', '=', 'address-import')
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.id;
}
