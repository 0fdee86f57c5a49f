// Response files between upload and import (migration 0025).

import type { AddressTable } from '../domain/address-file/parse-csv.ts';
import type { Tx } from './tenant-transaction.ts';

export interface ResponseUpload {
  readonly id: string;
  readonly fileName: string;
  readonly table: AddressTable;
}

/** Stores an upload and deletes the organisation's uploads older than a day (never imported). */
export async function saveResponseUpload(tx: Tx, organisationId: string, upload: ResponseUpload, userId: string | null, now = new Date()): Promise<void> {
  await tx.deleteFrom('response_uploads').where('organisation_id', '=', organisationId).where('created_at', '<', new Date(now.getTime() - 24 * 3600_000)).execute();
  await tx.insertInto('response_uploads').values({
    id: upload.id, organisation_id: organisationId, file_name: upload.fileName,
    headers: JSON.stringify(upload.table.headers), rows: JSON.stringify(upload.table.rows), created_by: userId,
  }).execute();
}

export async function getResponseUpload(tx: Tx, organisationId: string, id: string): Promise<ResponseUpload | undefined> {
  const row = await tx.selectFrom('response_uploads').select(['id', 'file_name', 'headers', 'rows'])
    .where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, fileName: row.file_name, table: { headers: row.headers, rows: row.rows } };
}

export async function deleteResponseUpload(tx: Tx, organisationId: string, id: string): Promise<void> {
  await tx.deleteFrom('response_uploads').where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}
