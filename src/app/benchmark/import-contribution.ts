// The organiser imports a participant's contribution file: signed by a registered participant,
// for this benchmark, not seen before. A later file of the same participant replaces the
// earlier one in the reference figures (latestContributions); both stay on record.

import type { Kysely } from 'kysely';
import { contributionFileExists, insertContribution, participantsOf } from '../../db/benchmark-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import type { BenchmarkIdentity } from '../../domain/benchmark/benchmark-file.ts';
import type { FileRefusal } from '../../domain/benchmark/file-refusal.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { benchmarkOf, type BenchmarkRef } from './set-up-benchmark.ts';
import { readBenchmarkFile } from './signed-file.ts';

export type ImportRefusal = FileRefusal | { readonly code: 'unknown-benchmark' };

/** Whether a file names this benchmark: only identical questions can be compared. */
export function sameBenchmark(file: BenchmarkIdentity, stored: BenchmarkIdentity): boolean {
  return file.name === stored.name && file.year === stored.year && file.questionnaireVersion === stored.questionnaireVersion;
}

export async function importContribution(
  db: Kysely<DB>, organisationId: string, ref: BenchmarkRef, text: string,
): Promise<Result<{ readonly participant: string; readonly fileId: string }, ImportRefusal>> {
  return withTenant(db, organisationId, async (tx) => {
    const benchmark = await benchmarkOf(tx, organisationId, ref, 'organiser');
    if (!benchmark) return err({ code: 'unknown-benchmark' });
    const participants = await participantsOf(tx, organisationId, benchmark.id);
    const read = await readBenchmarkFile('contribution', text, {
      registeredKeys: new Map(participants.map((p) => [p.keyId, p.publicKey])),
      alreadyImported: (fileId) => contributionFileExists(tx, organisationId, fileId),
    });
    if (!read.ok) return read;
    const { payload, keyId } = read.value;
    if (!sameBenchmark(payload.benchmark, benchmark)) return err({ code: 'other-benchmark', detail: `${payload.benchmark.name} ${payload.benchmark.year}` });
    const participant = participants.find((p) => p.keyId === keyId)!;
    await insertContribution(tx, organisationId, benchmark.id, {
      fileId: payload.fileId,
      participantId: participant.id,
      // What the organiser registered wins; the file's own claim fills a gap.
      sizeClass: participant.sizeClass ?? payload.participant.sizeClass,
      region: participant.region ?? payload.participant.region,
      hideBelow: payload.hideBelow,
      aggregates: payload.contribution,
    });
    return ok({ participant: participant.name, fileId: payload.fileId });
  });
}
