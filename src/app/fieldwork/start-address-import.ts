import type { Kysely } from 'kysely';
import { getAddressImport, setSkipInvalid } from '../../db/address-import-store.ts';
import { inviteeCount } from '../../db/invitee-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { addressRound, type AddressRoundProblem, type FieldworkActor } from './address-round.ts';

export const ADDRESS_IMPORT_JOB = 'address-import';

export type StartImportProblem = AddressRoundProblem | 'not-mapped' | 'invalid-rows' | 'nothing-valid' | 'replace-not-confirmed';

/**
 * Queues the import of a checked upload as a background job. Refused while the file has bad
 * rows, unless the researcher chose to skip them; refused when it would replace the round's
 * current addresses without that being confirmed; refused after closing or after the draw.
 */
export async function startAddressImport(
  db: Kysely<DB>,
  actor: FieldworkActor,
  input: { roundId: string; importId: string; skipInvalid: boolean; replaceConfirmed: boolean },
): Promise<Result<{ jobId: string }, StartImportProblem>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const round = await addressRound(tx, actor.organisationId, input.roundId);
    if (!round.ok) return round;
    const upload = await getAddressImport(tx, input.roundId, input.importId);
    if (!upload || upload.status !== 'uploaded') return err('not-found' as const);
    if (!upload.mapping || upload.rowsValid === null || upload.rowsInvalid === null) return err('not-mapped' as const);
    if (upload.rowsInvalid > 0 && !input.skipInvalid) return err('invalid-rows' as const);
    if (upload.rowsValid === 0) return err('nothing-valid' as const);
    if ((await inviteeCount(tx, input.roundId)).total > 0 && !input.replaceConfirmed) return err('replace-not-confirmed' as const);
    await setSkipInvalid(tx, input.importId, input.skipInvalid && upload.rowsInvalid > 0);
    const jobId = await enqueueJob(tx, {
      organisationId: actor.organisationId,
      roundId: input.roundId,
      kind: ADDRESS_IMPORT_JOB,
      payload: { importId: input.importId },
      createdBy: actor.userId,
      total: upload.rowsValid,
    });
    return ok({ jobId });
  });
}
