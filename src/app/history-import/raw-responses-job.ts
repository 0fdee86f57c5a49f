import type { Kysely } from 'kysely';
import { recordAudit } from '../../db/audit-store.ts';
import { insertCompletedResponses } from '../../db/response-store.ts';
import { deleteResponseUpload, getResponseUpload } from '../../db/response-upload-store.ts';
import { getRound, setRoundStatus } from '../../db/round-store.ts';
import type { Channel, DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { readResponseFile, type ColumnMapping } from '../../domain/history-import/read-response-file.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { JobHandler } from '../jobs/job-handler.ts';
import { MAX_ATTEMPTS } from '../jobs/job-runner.ts';
import { createRound } from '../round-design.ts';
import { uuidFromParts } from '../uuid-from-parts.ts';
import { historicQuestionnaire } from './create-historic-round.ts';
import { importRawResponses, type RawResponsesProblem } from './import-raw-responses.ts';

// A response file of up to 20,000 rows takes a while (20 s on PGlite for 200,000 answers), so
// the page hands the import to a background job with progress. The job inserts 1,000
// responses per transaction into a draft round and closes the round at the end; response ids
// follow from the job and the row, so a restart continues where it stopped, and a job that
// fails for good removes the round again: nothing half-imported stays.

export const RAW_RESPONSES_JOB = 'raw-responses-import';
const BATCH = 1000;

interface Payload {
  readonly uploadId: string;
  readonly name: string;
  readonly year: number;
  readonly channel: Channel;
  readonly skipUnreadable: boolean;
  readonly questionnaireImportId?: string;
  readonly mapping: readonly { readonly column: number; readonly itemKey: string; readonly recoding: readonly (readonly [string, string])[] }[];
}

/** Ids that follow from the job, so a restarted job makes the same ones. */
const derivedUuid = (...parts: readonly string[]) => uuidFromParts('klantstem-import', ...parts);

/** Checks the import as a dry run and queues it; the job page shows its progress. */
export async function startRawResponsesImport(
  db: Kysely<DB>,
  actor: { readonly organisationId: string; readonly userId: string | null },
  input: { readonly name: string; readonly year: number; readonly uploadId: string; readonly mapping: readonly ColumnMapping[]; readonly channel: Channel; readonly skipUnreadable: boolean; readonly questionnaireImportId?: string },
): Promise<Result<{ readonly jobId: string }, RawResponsesProblem>> {
  const checked = await importRawResponses(db, actor, { ...input, file: { uploadId: input.uploadId }, dryRun: true });
  if (!checked.ok) return checked;
  const payload: Payload = {
    uploadId: input.uploadId, name: input.name.trim(), year: input.year, channel: input.channel, skipUnreadable: input.skipUnreadable,
    ...(input.questionnaireImportId ? { questionnaireImportId: input.questionnaireImportId } : {}),
    mapping: input.mapping.map((m) => ({ column: m.column, itemKey: m.itemKey, recoding: [...m.recoding] })),
  };
  const jobId = await withTenant(db, actor.organisationId, (tx) => enqueueJob(tx, {
    organisationId: actor.organisationId, roundId: null, kind: RAW_RESPONSES_JOB, payload: { ...payload }, createdBy: actor.userId, total: checked.value.responses,
  }));
  return ok({ jobId });
}

export const rawResponsesJob: JobHandler = async ({ db, job, progress, signal }) => {
  const payload = job.payload as unknown as Payload;
  const organisationId = job.organisationId;
  const roundId = derivedUuid(job.id, 'round');
  try {
    const upload = await withTenant(db, organisationId, (tx) => getResponseUpload(tx, organisationId, payload.uploadId));
    const round = await withTenant(db, organisationId, (tx) => getRound(tx, organisationId, roundId));
    if (!upload) {
      if (round?.status === 'closed') return { roundId };
      throw new Error('The uploaded file is no longer there; upload it again.');
    }
    const questionnaire = await historicQuestionnaire(db, organisationId, payload.questionnaireImportId);
    if (!questionnaire) throw new Error('The imported questionnaire is no longer there.');
    const { versionId, items } = questionnaire;
    const mapping: ColumnMapping[] = payload.mapping.map((m) => ({ column: m.column, itemKey: m.itemKey, recoding: new Map(m.recoding) }));
    const reading = readResponseFile(upload.table, mapping, items);
    if (reading.problemCount > 0 && !payload.skipUnreadable) throw new Error(`${reading.problemCount} cells cannot be read.`);
    if (!round) {
      const created = await createRound(db, {
        organisationId, actorId: job.createdBy, id: roundId, sourceVersionId: versionId,
        design: { name: payload.name, year: payload.year, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: null, fieldworkEnd: null, access: 'codes' },
      });
      if (!created.ok) throw new Error('The standard questionnaire did not compose.');
    }
    const done = new Set((await withTenant(db, organisationId, (tx) => tx.selectFrom('responses').select('id').where('round_id', '=', roundId).execute())).map((r) => r.id));
    const day = `${payload.year}-07-01`;
    const all = reading.responses.map((answers, index) => ({ id: derivedUuid(job.id, String(index)), channel: payload.channel, language: 'nl', startedOn: day, completedOn: day, answers }));
    const todo = all.filter((r) => !done.has(r.id));
    let inserted = all.length - todo.length;
    await progress(inserted, all.length);
    for (let i = 0; i < todo.length; i += BATCH) {
      signal.throwIfAborted();
      await withTenant(db, organisationId, (tx) => insertCompletedResponses(tx, organisationId, roundId, todo.slice(i, i + BATCH)));
      inserted += Math.min(BATCH, todo.length - i);
      await progress(inserted, all.length);
    }
    await withTenant(db, organisationId, async (tx) => {
      await setRoundStatus(tx, roundId, 'closed');
      await deleteResponseUpload(tx, organisationId, payload.uploadId);
      await tx.updateTable('jobs').set({ round_id: roundId }).where('id', '=', job.id).execute();
      await recordAudit(tx, { organisationId, userId: job.createdBy, action: 'raw-responses-imported', details: { roundId, responses: all.length, skippedCells: reading.problemCount } });
    });
    return { roundId, responses: all.length };
  } catch (error) {
    // The last attempt: remove the half-filled round (its responses and statistics go with it).
    if (job.attempt >= MAX_ATTEMPTS || signal.aborted) {
      await withTenant(db, organisationId, (tx) => tx.deleteFrom('rounds').where('id', '=', roundId).where('status', '=', 'draft').execute());
    }
    throw error;
  }
};
