// The organiser computes the reference figures for one participant from the latest
// contributions of all the others and signs them for that participant alone.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { latestContributions, participantsOf } from '../../db/benchmark-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import type { Contribution } from '../../domain/benchmark/contribution.ts';
import { referenceFigures, type BenchmarkParticipant, type ReferenceFilter } from '../../domain/benchmark/reference-figures.ts';
import { isSizeClass } from '../../domain/benchmark/size-class.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { DEFAULT_REPORTING_THRESHOLDS, strictenThresholds } from '../../domain/statistics/reporting-thresholds.ts';
import { todayInNetherlands } from '../today.ts';
import type { ExportedFile } from './export-contribution.ts';
import { benchmarkOf, type BenchmarkRef } from './set-up-benchmark.ts';
import { signBenchmarkFile } from './signed-file.ts';

export type ExportReferenceRefusal =
  | { readonly reason: 'unknown-benchmark' | 'unknown-participant' | 'no-contribution' }
  | { readonly reason: 'too-few-organisations'; readonly organisations: number };

export async function exportReference(
  db: Kysely<DB>, organisationId: string,
  input: { readonly benchmark: BenchmarkRef; readonly participant: string; readonly filter: ReferenceFilter; readonly privateKeyPem: string; readonly today?: string },
): Promise<Result<ExportedFile, ExportReferenceRefusal>> {
  return withTenant(db, organisationId, async (tx) => {
    const benchmark = await benchmarkOf(tx, organisationId, input.benchmark, 'organiser');
    if (!benchmark) return err({ reason: 'unknown-benchmark' });
    const participant = (await participantsOf(tx, organisationId, benchmark.id)).find((p) => p.name === input.participant);
    if (!participant) return err({ reason: 'unknown-participant' });
    const contributions = await latestContributions(tx, organisationId, benchmark.id);
    const own = contributions.find((c) => c.participantId === participant.id);
    if (!own) return err({ reason: 'no-contribution' });
    const participants: BenchmarkParticipant[] = contributions.map((c) => ({
      id: c.participantId,
      sizeClass: isSizeClass(c.sizeClass) ? c.sizeClass : null,
      region: c.region,
      // Validated against the file schema and checked for consistency when imported.
      contribution: c.aggregates as Contribution,
    }));
    // Never looser than the participant's own thresholds: its hidden figures stay hidden.
    const thresholds = strictenThresholds(DEFAULT_REPORTING_THRESHOLDS, { hideBelow: own.hideBelow }).thresholds;
    const figures = referenceFigures(participant.id, participants, input.filter, thresholds);
    if (!figures.ok) return figures.error.reason === 'unknown-participant' ? err({ reason: 'no-contribution' }) : err(figures.error);
    const payload = {
      fileId: randomUUID(),
      createdOn: input.today ?? todayInNetherlands(),
      benchmark: { name: benchmark.name, year: benchmark.year, questionnaireVersion: benchmark.questionnaireVersion },
      participantKeyId: participant.keyId,
      figures: figures.value,
    };
    return ok({ fileId: payload.fileId, text: signBenchmarkFile('reference', payload, input.privateKeyPem) });
  });
}
