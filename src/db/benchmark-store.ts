// Benchmarks, their participants, imported contributions and imported reference figures
// (migrations/0022-benchmark.ts). Every function runs in a tenant transaction and filters on
// the organisation as well: an organiser's participants and contributions are its own rows.

import type { BenchmarkConsent, BenchmarkRole } from './benchmark-schema.ts';
import type { Tx } from './tenant-transaction.ts';

export interface Benchmark {
  readonly id: string;
  readonly organisationId: string;
  readonly role: BenchmarkRole;
  readonly name: string;
  readonly year: number;
  readonly questionnaireVersion: string;
  readonly organiserPublicKey: string | null;
  readonly ownPublicKey: string | null;
}

export interface BenchmarkParticipantRow {
  readonly id: string;
  readonly benchmarkId: string;
  readonly name: string;
  readonly publicKey: string;
  readonly keyId: string;
  readonly consent: BenchmarkConsent;
  readonly sizeClass: string | null;
  readonly region: string | null;
}

export interface StoredContribution {
  readonly fileId: string;
  readonly importedAt: Date;
  readonly participantId: string;
  readonly sizeClass: string | null;
  readonly region: string | null;
  readonly hideBelow: number;
  readonly aggregates: unknown;
}

const benchmarkColumns = [
  'id', 'organisation_id as organisationId', 'role', 'name', 'year', 'questionnaire_version as questionnaireVersion',
  'organiser_public_key as organiserPublicKey', 'own_public_key as ownPublicKey',
] as const;

export async function insertBenchmark(tx: Tx, benchmark: Benchmark): Promise<void> {
  await tx.insertInto('benchmarks').values({
    id: benchmark.id, organisation_id: benchmark.organisationId, role: benchmark.role, name: benchmark.name, year: benchmark.year,
    questionnaire_version: benchmark.questionnaireVersion, organiser_public_key: benchmark.organiserPublicKey, own_public_key: benchmark.ownPublicKey,
  }).execute();
}

/** The organisation's benchmarks in one role, newest year first. */
export async function benchmarksOf(tx: Tx, organisationId: string, role: Benchmark['role']): Promise<Benchmark[]> {
  return tx.selectFrom('benchmarks').select(benchmarkColumns)
    .where('organisation_id', '=', organisationId).where('role', '=', role)
    .orderBy('year', 'desc').orderBy('name')
    .execute();
}

export async function findBenchmark(tx: Tx, organisationId: string, name: string, year: number): Promise<Benchmark | undefined> {
  return tx.selectFrom('benchmarks').select(benchmarkColumns)
    .where('organisation_id', '=', organisationId).where('name', '=', name).where('year', '=', year)
    .executeTakeFirst();
}

/** A joined benchmark's own public key, after the organisation replaced its signing key. */
export async function setOwnPublicKey(tx: Tx, organisationId: string, benchmarkId: string, publicKey: string): Promise<void> {
  await tx.updateTable('benchmarks').set({ own_public_key: publicKey })
    .where('organisation_id', '=', organisationId).where('id', '=', benchmarkId).where('role', '=', 'participant')
    .execute();
}

/** A joined benchmark's organiser key, after the organiser replaced its key pair. */
export async function setOrganiserPublicKey(tx: Tx, organisationId: string, benchmarkId: string, publicKey: string): Promise<void> {
  await tx.updateTable('benchmarks').set({ organiser_public_key: publicKey })
    .where('organisation_id', '=', organisationId).where('id', '=', benchmarkId).where('role', '=', 'participant')
    .execute();
}

/** A participant's new public key, after it replaced its signing key; its contributions stay. */
export async function setParticipantKey(tx: Tx, organisationId: string, participantId: string, publicKey: string, keyId: string): Promise<void> {
  await tx.updateTable('benchmark_participants').set({ public_key: publicKey, key_id: keyId })
    .where('organisation_id', '=', organisationId).where('id', '=', participantId)
    .execute();
}

export async function insertParticipant(tx: Tx, organisationId: string, participant: BenchmarkParticipantRow): Promise<void> {
  await tx.insertInto('benchmark_participants').values({
    id: participant.id, organisation_id: organisationId, benchmark_id: participant.benchmarkId, name: participant.name,
    public_key: participant.publicKey, key_id: participant.keyId, consent: participant.consent,
    size_class: participant.sizeClass, region: participant.region,
  }).execute();
}

export async function participantsOf(tx: Tx, organisationId: string, benchmarkId: string): Promise<BenchmarkParticipantRow[]> {
  return tx.selectFrom('benchmark_participants')
    .select(['id', 'benchmark_id as benchmarkId', 'name', 'public_key as publicKey', 'key_id as keyId', 'consent', 'size_class as sizeClass', 'region'])
    .where('organisation_id', '=', organisationId).where('benchmark_id', '=', benchmarkId)
    .orderBy('name')
    .execute();
}

export async function contributionFileExists(tx: Tx, organisationId: string, fileId: string): Promise<boolean> {
  const row = await tx.selectFrom('benchmark_contributions').select('file_id')
    .where('organisation_id', '=', organisationId).where('file_id', '=', fileId).executeTakeFirst();
  return row !== undefined;
}

export async function insertContribution(tx: Tx, organisationId: string, benchmarkId: string, contribution: Omit<StoredContribution, 'importedAt'>): Promise<void> {
  await tx.insertInto('benchmark_contributions').values({
    file_id: contribution.fileId, organisation_id: organisationId, benchmark_id: benchmarkId, participant_id: contribution.participantId,
    size_class: contribution.sizeClass, region: contribution.region, hide_below: contribution.hideBelow,
    aggregates: JSON.stringify(contribution.aggregates),
  }).execute();
}

/** Each participant's latest imported contribution: a new export replaces an earlier one. */
export async function latestContributions(tx: Tx, organisationId: string, benchmarkId: string): Promise<StoredContribution[]> {
  return tx.selectFrom('benchmark_contributions')
    .distinctOn('participant_id')
    .select(['file_id as fileId', 'imported_at as importedAt', 'participant_id as participantId', 'size_class as sizeClass', 'region', 'hide_below as hideBelow', 'aggregates'])
    .where('organisation_id', '=', organisationId).where('benchmark_id', '=', benchmarkId)
    .orderBy('participant_id').orderBy('imported_at', 'desc')
    .execute();
}

export async function referenceFileExists(tx: Tx, organisationId: string, fileId: string): Promise<boolean> {
  const row = await tx.selectFrom('benchmark_reference_figures').select('file_id')
    .where('organisation_id', '=', organisationId).where('file_id', '=', fileId).executeTakeFirst();
  return row !== undefined;
}

export async function insertReferenceFigures(tx: Tx, organisationId: string, benchmarkId: string, fileId: string, figures: unknown): Promise<void> {
  await tx.insertInto('benchmark_reference_figures').values({
    file_id: fileId, organisation_id: organisationId, benchmark_id: benchmarkId, figures: JSON.stringify(figures),
  }).execute();
}

/** The reference figures imported last for a benchmark, if any. */
export async function latestReferenceFigures(tx: Tx, organisationId: string, benchmarkId: string): Promise<{ fileId: string; figures: unknown; importedAt: Date } | undefined> {
  return tx.selectFrom('benchmark_reference_figures').select(['file_id as fileId', 'figures', 'imported_at as importedAt'])
    .where('organisation_id', '=', organisationId).where('benchmark_id', '=', benchmarkId)
    .orderBy('imported_at', 'desc').limit(1)
    .executeTakeFirst();
}

/** The latest reference figures of each joined benchmark of a year, newest benchmark first. */
export async function referenceFiguresOfYear(tx: Tx, organisationId: string, year: number): Promise<{ name: string; year: number; figures: unknown }[]> {
  return tx.selectFrom('benchmarks as b')
    .innerJoin('benchmark_reference_figures as f', 'f.benchmark_id', 'b.id')
    .distinctOn('b.id')
    .select(['b.name', 'b.year', 'f.figures'])
    .where('b.organisation_id', '=', organisationId).where('b.year', '=', year).where('b.role', '=', 'participant')
    .orderBy('b.id').orderBy('f.imported_at', 'desc')
    .execute();
}
