// A participant imports the reference figures the organiser returned: signed with the
// organiser's key registered when joining, for this benchmark and for this participant's key.

import type { Kysely } from 'kysely';
import { insertReferenceFigures, referenceFileExists } from '../../db/benchmark-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { sameBenchmark, type ImportRefusal } from './import-contribution.ts';
import { benchmarkOf, type BenchmarkRef } from './set-up-benchmark.ts';
import { keyIdOf, readBenchmarkFile } from './signed-file.ts';

export async function importReference(
  db: Kysely<DB>, organisationId: string, ref: BenchmarkRef, text: string,
): Promise<Result<{ readonly fileId: string; readonly organisations: number }, ImportRefusal>> {
  return withTenant(db, organisationId, async (tx) => {
    const benchmark = await benchmarkOf(tx, organisationId, ref, 'participant');
    if (!benchmark) return err({ code: 'unknown-benchmark' });
    const organiserKey = benchmark.organiserPublicKey!;
    const read = await readBenchmarkFile('reference', text, {
      registeredKeys: new Map([[keyIdOf(organiserKey), organiserKey]]),
      alreadyImported: (fileId) => referenceFileExists(tx, organisationId, fileId),
    });
    if (!read.ok) return read;
    const { payload } = read.value;
    if (!sameBenchmark(payload.benchmark, benchmark)) return err({ code: 'other-benchmark', detail: `${payload.benchmark.name} ${payload.benchmark.year}` });
    if (payload.participantKeyId !== keyIdOf(benchmark.ownPublicKey!)) return err({ code: 'other-participant' });
    await insertReferenceFigures(tx, organisationId, benchmark.id, payload.fileId, payload.figures);
    return ok({ fileId: payload.fileId, organisations: payload.figures.organisations });
  });
}
