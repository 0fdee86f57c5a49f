import { randomUUID } from 'node:crypto';
import { getAddressImport, markImported, rememberMapping } from '../../db/address-import-store.ts';
import { deleteInviteesExcept, importedRowNumbers, insertInvitees, INVITEE_BATCH } from '../../db/invitee-store.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { mappingFromJson, mappingToRemember } from '../../domain/address-file/address-mapping.ts';
import { validateAddressRows } from '../../domain/address-file/validate-address-rows.ts';
import type { JobHandler } from '../jobs/job-handler.ts';
import { addressRound } from './address-round.ts';
import { uploadTable } from './review-address-import.ts';

// The 'address-import' job: inserts the valid rows of a checked upload as invitees, 1,000 rows
// per transaction with progress after each. Safe to run again: rows of this import already in
// the database (by file row number) are skipped, so a crash or restart continues where it was.
// Messages never name a person: they go to the job table and the log.

export const addressImportJob: JobHandler = async ({ db, job, progress, signal }) => {
  const importId = job.payload.importId;
  if (typeof importId !== 'string' || !job.roundId) throw new Error('address-import job without importId or round');
  const organisationId = job.organisationId;
  const roundId = job.roundId;

  const prepared = await withTenant(db, organisationId, async (tx) => {
    const upload = await getAddressImport(tx, roundId, importId);
    if (!upload) throw new Error('The upload of this import no longer exists.');
    if (upload.status === 'imported') return { already: true as const, rows: upload.rowsValid ?? 0 };
    if (upload.status !== 'uploaded' || !upload.mapping) throw new Error('The upload was discarded or has no column mapping.');
    const round = await addressRound(tx, organisationId, roundId);
    if (!round.ok) throw new Error(round.error === 'sample-drawn' ? 'The sample was drawn already; the addresses can no longer change.' : 'The round no longer accepts addresses.');
    const table = await uploadTable(tx, importId);
    if (!table) throw new Error('The uploaded file can no longer be read.');
    const mapping = mappingFromJson(upload.mapping);
    const validation = validateAddressRows(table, mapping);
    if (validation.invalidRows > 0 && !upload.skippedInvalid) throw new Error('The file has rows with problems and skipping them was not chosen.');
    // A re-import replaces the earlier addresses (confirmed when the job was queued).
    await deleteInviteesExcept(tx, roundId, importId);
    const done = await importedRowNumbers(tx, importId);
    return { already: false as const, validation, done, remember: mappingToRemember(table.headers, mapping) };
  });
  if (prepared.already) return { invitees: prepared.rows };

  const { validation, done } = prepared;
  const total = validation.valid.length;
  const todo = validation.valid.filter((row) => !done.has(row.rowNumber));
  let inserted = total - todo.length;
  await progress(inserted, total);
  for (let i = 0; i < todo.length; i += INVITEE_BATCH) {
    signal.throwIfAborted();
    const batch = todo.slice(i, i + INVITEE_BATCH);
    await withTenant(db, organisationId, (tx) =>
      insertInvitees(tx, { organisationId, roundId, importId, ids: batch.map(() => randomUUID()) }, batch),
    );
    inserted += batch.length;
    await progress(inserted, total);
  }
  await withTenant(db, organisationId, async (tx) => {
    await markImported(tx, importId);
    await rememberMapping(tx, organisationId, prepared.remember);
  });
  return { invitees: total, skipped: validation.invalidRows };
};
