import { randomUUID } from 'node:crypto';
import { replaceJobFile } from '../../db/job-store.ts';
import type { Tx } from '../../db/tenant-transaction.ts';

/** Parts of at most this size, so no single value grows large in memory or in the database. */
export const JOB_FILE_PART_BYTES = 4 * 1024 * 1024;

/**
 * Stores a file a job produced (shown as a download on /jobs/:id), inside the caller's tenant
 * transaction. Saving the same name again replaces it, so a resumed job can simply save again.
 * Returns the file's id (that of its first part), as used in /jobs/:id/files/:fileId.
 */
export async function saveJobFile(
  tx: Tx,
  file: { organisationId: string; jobId: string; name: string; contentType: string; bytes: Uint8Array },
  partBytes = JOB_FILE_PART_BYTES,
): Promise<string> {
  const parts: { id: string; bytes: Buffer }[] = [];
  for (let start = 0; start < file.bytes.length || parts.length === 0; start += partBytes) {
    parts.push({ id: randomUUID(), bytes: Buffer.from(file.bytes.subarray(start, start + partBytes)) });
  }
  await replaceJobFile(tx, { organisationId: file.organisationId, jobId: file.jobId, name: file.name, contentType: file.contentType, parts });
  return parts[0]!.id;
}
