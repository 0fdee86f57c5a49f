import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertAddressImport } from '../../db/address-import-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { addressRound, type AddressRoundProblem, type FieldworkActor } from './address-round.ts';
import { readAddressFile, type ReadProblem } from './read-address-file.ts';

export type UploadProblem = AddressRoundProblem | ReadProblem | 'no-file';

/**
 * Keeps an uploaded address file (status 'uploaded') once it reads as a table; nothing is
 * imported yet. A file that cannot be read is refused and nothing is stored.
 */
export async function uploadAddressFile(
  db: Kysely<DB>,
  actor: FieldworkActor,
  input: { roundId: string; fileName: string; bytes: Buffer },
): Promise<Result<{ importId: string }, UploadProblem>> {
  if (input.bytes.length === 0) return err('no-file');
  const read = await readAddressFile(input.bytes);
  return withTenant(db, actor.organisationId, async (tx) => {
    const round = await addressRound(tx, actor.organisationId, input.roundId);
    if (!round.ok) return round;
    if (!read.ok) return read;
    const importId = randomUUID();
    await insertAddressImport(tx, {
      id: importId,
      organisationId: actor.organisationId,
      roundId: input.roundId,
      fileName: input.fileName.slice(0, 200) || 'adressen',
      file: input.bytes,
      format: read.value.format,
      encoding: read.value.encoding,
      delimiter: read.value.delimiter,
      createdBy: actor.userId,
    });
    return ok({ importId });
  });
}
