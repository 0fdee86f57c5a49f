// The benchmark files made in the browser: the same use cases as the command line, signed with
// the organisation's stored key instead of a key file, and joining with its stored public key.

import type { Kysely } from 'kysely';
import type { Benchmark } from '../../db/benchmark-store.ts';
import type { DB } from '../../db/schema.ts';
import type { ReferenceFilter } from '../../domain/benchmark/reference-figures.ts';
import { err, type Result } from '../../domain/result.ts';
import { exportContribution, type ExportContributionRefusal, type ExportedFile } from './export-contribution.ts';
import { exportReference, type ExportReferenceRefusal } from './export-reference.ts';
import { joinBenchmark, type BenchmarkRef, type SetUpRefusal } from './set-up-benchmark.ts';
import { privateSigningKeyOf, signingKeyOf } from './signing-key.ts';

export type NoSigningKey = 'no-signing-key';

export async function joinWithSigningKey(
  db: Kysely<DB>, organisationId: string, input: BenchmarkRef & { readonly questionnaireVersion: string; readonly organiserPublicKey: string },
): Promise<Result<Benchmark, SetUpRefusal | NoSigningKey>> {
  const key = await signingKeyOf(db, organisationId);
  if (!key) return err('no-signing-key');
  return joinBenchmark(db, organisationId, { ...input, ownPublicKey: key.publicKey });
}

export async function exportContributionSignedHere(
  db: Kysely<DB>, organisationId: string, secret: string, input: { readonly benchmark: BenchmarkRef; readonly roundId: string },
): Promise<Result<ExportedFile, ExportContributionRefusal | NoSigningKey>> {
  const privateKeyPem = await privateSigningKeyOf(db, organisationId, secret);
  if (!privateKeyPem) return err('no-signing-key');
  return exportContribution(db, organisationId, { ...input, privateKeyPem });
}

export async function exportReferenceSignedHere(
  db: Kysely<DB>, organisationId: string, secret: string,
  input: { readonly benchmark: BenchmarkRef; readonly participant: string; readonly filter: ReferenceFilter },
): Promise<Result<ExportedFile, ExportReferenceRefusal | { readonly reason: NoSigningKey }>> {
  const privateKeyPem = await privateSigningKeyOf(db, organisationId, secret);
  if (!privateKeyPem) return err({ reason: 'no-signing-key' });
  return exportReference(db, organisationId, { ...input, privateKeyPem });
}
