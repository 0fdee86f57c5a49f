// The benchmark files made in the browser: the same use cases as the command line, signed with
// the organisation's stored key instead of a key file, and joining with its stored public key.

import type { Kysely } from 'kysely';
import { benchmarksOf, setOwnPublicKey, type Benchmark } from '../../db/benchmark-store.ts';
import { findSigningKey } from '../../db/benchmark-signing-key-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import type { ReferenceFilter } from '../../domain/benchmark/reference-figures.ts';
import { err, ok, type Result } from '../../domain/result.ts';
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

/**
 * After the organisation replaced its signing key: a joined benchmark takes the new public key
 * as its own, so contributions can be signed again. The organiser must register the new key
 * too, or it refuses them as signed by an unknown key.
 */
export async function useCurrentKeyFor(db: Kysely<DB>, organisationId: string, benchmarkId: string): Promise<Result<void, NoSigningKey | 'unknown-benchmark'>> {
  return withTenant(db, organisationId, async (tx) => {
    const key = await findSigningKey(tx, organisationId);
    if (!key) return err('no-signing-key');
    if (!(await benchmarksOf(tx, organisationId, 'participant')).some((b) => b.id === benchmarkId)) return err('unknown-benchmark');
    await setOwnPublicKey(tx, organisationId, benchmarkId, key.publicKey);
    return ok(undefined);
  });
}
