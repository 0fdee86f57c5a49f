// Setting up a benchmark on either side: the organiser creates it and registers each
// participant's public key with its consent, size class and region; a participant joins it with
// the organiser's public key and its own, so that files can be checked both ways.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { BenchmarkConsent } from '../../db/benchmark-schema.ts';
import { findBenchmark, insertBenchmark, insertParticipant, participantsOf, setOrganiserPublicKey, setParticipantKey, type Benchmark } from '../../db/benchmark-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { isSizeClass, type SizeClass } from '../../domain/benchmark/size-class.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { parsePublicKey } from './signed-file.ts';

export interface BenchmarkRef {
  readonly name: string;
  readonly year: number;
}

export type SetUpRefusal = 'invalid-name' | 'invalid-year' | 'exists' | 'invalid-key' | 'unknown-benchmark' | 'participant-exists' | 'invalid-size-class';

/** The organisation's benchmark of this role, if it has one by that name and year. */
export async function benchmarkOf(tx: Tx, organisationId: string, ref: BenchmarkRef, role: Benchmark['role']): Promise<Benchmark | undefined> {
  const found = await findBenchmark(tx, organisationId, ref.name, ref.year);
  return found?.role === role ? found : undefined;
}

function checkRef(ref: BenchmarkRef & { questionnaireVersion: string }): SetUpRefusal | null {
  if (ref.name.trim() === '' || ref.name.length > 200 || ref.questionnaireVersion.trim() === '' || ref.questionnaireVersion.length > 200) return 'invalid-name';
  if (!Number.isInteger(ref.year) || ref.year < 2000 || ref.year > 2100) return 'invalid-year';
  return null;
}

export async function createBenchmark(
  db: Kysely<DB>, organisationId: string, input: BenchmarkRef & { readonly questionnaireVersion: string },
): Promise<Result<Benchmark, SetUpRefusal>> {
  const refused = checkRef(input);
  if (refused) return err(refused);
  return withTenant(db, organisationId, async (tx) => {
    if (await findBenchmark(tx, organisationId, input.name, input.year)) return err('exists');
    const benchmark: Benchmark = { id: randomUUID(), organisationId, role: 'organiser', ...input, organiserPublicKey: null, ownPublicKey: null };
    await insertBenchmark(tx, benchmark);
    return ok(benchmark);
  });
}

export async function joinBenchmark(
  db: Kysely<DB>, organisationId: string,
  input: BenchmarkRef & { readonly questionnaireVersion: string; readonly organiserPublicKey: string; readonly ownPublicKey: string; readonly id?: string },
): Promise<Result<Benchmark, SetUpRefusal>> {
  const refused = checkRef(input);
  if (refused) return err(refused);
  if (!parsePublicKey(input.organiserPublicKey).ok || !parsePublicKey(input.ownPublicKey).ok) return err('invalid-key');
  return withTenant(db, organisationId, async (tx) => {
    if (await findBenchmark(tx, organisationId, input.name, input.year)) return err('exists');
    const { id, ...rest } = input;
    // A fixed id only for the demo, whose rows are the same in every database.
    const benchmark: Benchmark = { id: id ?? randomUUID(), organisationId, role: 'participant', ...rest };
    await insertBenchmark(tx, benchmark);
    return ok(benchmark);
  });
}

export interface ParticipantInput {
  readonly name: string;
  readonly publicKey: string;
  readonly consent: BenchmarkConsent;
  readonly sizeClass: string | null;
  readonly region: string | null;
}

export async function registerParticipant(
  db: Kysely<DB>, organisationId: string, ref: BenchmarkRef, input: ParticipantInput,
): Promise<Result<{ readonly keyId: string }, SetUpRefusal>> {
  if (input.name.trim() === '' || input.name.length > 200) return err('invalid-name');
  const key = parsePublicKey(input.publicKey);
  if (!key.ok) return err('invalid-key');
  if (input.sizeClass !== null && !isSizeClass(input.sizeClass)) return err('invalid-size-class');
  return withTenant(db, organisationId, async (tx) => {
    const benchmark = await benchmarkOf(tx, organisationId, ref, 'organiser');
    if (!benchmark) return err('unknown-benchmark');
    const existing = await participantsOf(tx, organisationId, benchmark.id);
    if (existing.some((p) => p.keyId === key.value || p.name === input.name.trim())) return err('participant-exists');
    await insertParticipant(tx, organisationId, {
      id: randomUUID(), benchmarkId: benchmark.id, name: input.name.trim(), publicKey: input.publicKey, keyId: key.value,
      consent: input.consent, sizeClass: input.sizeClass as SizeClass | null, region: input.region,
    });
    return ok({ keyId: key.value });
  });
}

/**
 * The organiser registers a participant's new public key (it replaced its key pair). Files signed
 * with the old key are refused from then on; contributions already imported stay.
 */
export async function replaceParticipantKey(
  db: Kysely<DB>, organisationId: string, ref: BenchmarkRef, input: { readonly participantId: string; readonly publicKey: string },
): Promise<Result<{ readonly keyId: string }, SetUpRefusal | 'unknown-participant'>> {
  const key = parsePublicKey(input.publicKey);
  if (!key.ok) return err('invalid-key');
  return withTenant(db, organisationId, async (tx) => {
    const benchmark = await benchmarkOf(tx, organisationId, ref, 'organiser');
    if (!benchmark) return err('unknown-benchmark');
    const participants = await participantsOf(tx, organisationId, benchmark.id);
    if (!participants.some((p) => p.id === input.participantId)) return err('unknown-participant');
    if (participants.some((p) => p.keyId === key.value && p.id !== input.participantId)) return err('participant-exists');
    await setParticipantKey(tx, organisationId, input.participantId, input.publicKey, key.value);
    return ok({ keyId: key.value });
  });
}

/** A participant registers the organiser's new public key; reference files with the old one are refused after. */
export async function replaceOrganiserKey(db: Kysely<DB>, organisationId: string, ref: BenchmarkRef, publicKey: string): Promise<Result<{ readonly keyId: string }, SetUpRefusal>> {
  const key = parsePublicKey(publicKey);
  if (!key.ok) return err('invalid-key');
  return withTenant(db, organisationId, async (tx) => {
    const benchmark = await benchmarkOf(tx, organisationId, ref, 'participant');
    if (!benchmark) return err('unknown-benchmark');
    await setOrganiserPublicKey(tx, organisationId, benchmark.id, publicKey);
    return ok({ keyId: key.value });
  });
}
