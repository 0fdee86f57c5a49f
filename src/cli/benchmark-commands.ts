import fs from 'node:fs';
import path from 'node:path';
import { exportContribution } from '../app/benchmark/export-contribution.ts';
import { exportReference } from '../app/benchmark/export-reference.ts';
import { importContribution, type ImportRefusal } from '../app/benchmark/import-contribution.ts';
import { importReference } from '../app/benchmark/import-reference.ts';
import { createBenchmark, joinBenchmark, registerParticipant, type BenchmarkRef, type SetUpRefusal } from '../app/benchmark/set-up-benchmark.ts';
import { generateBenchmarkKeyPair, keyIdOf } from '../app/benchmark/signed-file.ts';
import type { Database } from '../db/connect.ts';
import { findOrganisationBySlug } from '../db/organisation-store.ts';
import { withSystem } from '../db/tenant-transaction.ts';
import { describeFileRefusal } from '../domain/benchmark/file-refusal.ts';
import { isSizeClass, SIZE_CLASS_KEYS, type SizeClass } from '../domain/benchmark/size-class.ts';
import { OperationsError } from './operations-commands.ts';

// The benchmark by files (docs/benchmark.md): "benchmark <subcommand>". Expected failures are
// OperationsErrors: printed without a stack trace, exit code 1.

type Values = Record<string, string | boolean | undefined>;

function text(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new OperationsError(`--${name} is required`);
  return value.trim();
}

function readText(values: Values, name: string): string {
  const file = path.resolve(text(values, name));
  if (!fs.existsSync(file)) throw new OperationsError(`--${name}: no file ${file}`);
  return fs.readFileSync(file, 'utf8');
}

function writeText(values: Values, name: string, content: string, mode = 0o644): string {
  const file = path.resolve(text(values, name));
  fs.writeFileSync(file, content, { mode });
  return file;
}

function benchmarkRef(values: Values): BenchmarkRef {
  const year = Number(text(values, 'year'));
  if (!Number.isInteger(year)) throw new OperationsError('--year must be a whole number');
  return { name: text(values, 'benchmark'), year };
}

async function organisationOf(database: Database, values: Values): Promise<string> {
  const slug = text(values, 'organisation');
  const found = await withSystem(database.db, (tx) => findOrganisationBySlug(tx, slug));
  if (!found) throw new OperationsError(`no organisation with slug "${slug}"`);
  return found.id;
}

function list(values: Values, name: string): string[] {
  const value = values[name];
  return typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter((v) => v !== '') : [];
}

const SET_UP_MESSAGES: Record<SetUpRefusal, string> = {
  'invalid-name': 'the name and questionnaire version must be 1 to 200 characters',
  'invalid-year': '--year must be between 2000 and 2100',
  exists: 'the organisation already has a benchmark with that name and year',
  'invalid-key': 'that file holds no Ed25519 public key (make one with benchmark generate-key)',
  'unknown-benchmark': 'the organisation organises no benchmark with that name and year',
  'participant-exists': 'a participant with that name or key is already registered',
  'invalid-size-class': `--size-class must be one of ${SIZE_CLASS_KEYS.join(', ')}`,
};

function importMessage(error: ImportRefusal): string {
  return error.code === 'unknown-benchmark' ? 'the organisation has no such benchmark (create or join it first)' : describeFileRefusal(error);
}

const benchmarkOption = { type: 'string' as const, description: 'benchmark name' } as const;
const yearOption = { type: 'string' as const, description: 'benchmark year' } as const;
const organisationOption = { type: 'string' as const, description: 'organisation slug' } as const;
const versionOption = { type: 'string' as const, description: 'questionnaire version compared, e.g. "standaard-kto 1"' } as const;
const outOption = { type: 'string' as const, description: 'file to write' } as const;
/** Which organisation, and which of its benchmarks: every command but generate-key needs them. */
const targetOptions = { organisation: organisationOption, benchmark: benchmarkOption, year: yearOption };

export const benchmarkCommands = {
  'benchmark generate-key': {
    summary: 'Make an Ed25519 key pair for signing benchmark files (<out>.key stays private, <out>.pub is shared)',
    usage: 'benchmark generate-key --out keys/noordstad',
    options: { out: { type: 'string' as const, description: 'path without extension' } },
    async run(_database: Database, values: Values) {
      const base = path.resolve(text(values, 'out'));
      if (fs.existsSync(`${base}.key`)) throw new OperationsError(`${base}.key exists; not overwriting a private key`);
      const pair = generateBenchmarkKeyPair();
      fs.writeFileSync(`${base}.key`, pair.privateKey, { mode: 0o600 });
      fs.writeFileSync(`${base}.pub`, pair.publicKey);
      return `Key ${keyIdOf(pair.publicKey)}: private ${base}.key, public ${base}.pub.`;
    },
  },
  'benchmark create': {
    summary: 'Organiser: create a benchmark',
    usage: 'benchmark create --organisation slug --benchmark "KTO-benchmark" --year 2025 --questionnaire-version "standaard-kto 1"',
    options: { ...targetOptions, 'questionnaire-version': versionOption },
    async run(database: Database, values: Values) {
      const created = await createBenchmark(database.db, await organisationOf(database, values), { ...benchmarkRef(values), questionnaireVersion: text(values, 'questionnaire-version') });
      if (!created.ok) throw new OperationsError(SET_UP_MESSAGES[created.error]);
      return `Benchmark ${created.value.name} ${created.value.year} created.`;
    },
  },
  'benchmark register-participant': {
    summary: 'Organiser: register a participant by its public key',
    usage: 'benchmark register-participant --organisation slug --benchmark … --year 2025 --participant "Gemeente X" --public-key x.pub [--consent named] [--size-class 20000-50000] [--region Noord]',
    options: {
      ...targetOptions,
      participant: { type: 'string' as const, description: 'participant name' },
      'public-key': { type: 'string' as const, description: 'the participant\'s public key file (.pub)' },
      consent: { type: 'string' as const, description: 'named or anonymous (default anonymous)' },
      'size-class': { type: 'string' as const, description: `CBS size class: ${SIZE_CLASS_KEYS.join(', ')}` },
      region: { type: 'string' as const, description: 'region' },
    },
    async run(database: Database, values: Values) {
      const consent = values.consent ?? 'anonymous';
      if (consent !== 'named' && consent !== 'anonymous') throw new OperationsError('--consent must be named or anonymous');
      const registered = await registerParticipant(database.db, await organisationOf(database, values), benchmarkRef(values), {
        name: text(values, 'participant'), publicKey: readText(values, 'public-key'), consent,
        sizeClass: (values['size-class'] as string | undefined) ?? null, region: (values.region as string | undefined) ?? null,
      });
      if (!registered.ok) throw new OperationsError(SET_UP_MESSAGES[registered.error]);
      return `Participant registered (key ${registered.value.keyId}).`;
    },
  },
  'benchmark join': {
    summary: 'Participant: join a benchmark with the organiser\'s public key and your own',
    usage: 'benchmark join --organisation slug --benchmark … --year 2025 --questionnaire-version … --organiser-key organiser.pub --own-key noordstad.pub',
    options: {
      ...targetOptions, 'questionnaire-version': versionOption,
      'organiser-key': { type: 'string' as const, description: 'the organiser\'s public key file' },
      'own-key': { type: 'string' as const, description: 'your own public key file' },
    },
    async run(database: Database, values: Values) {
      const joined = await joinBenchmark(database.db, await organisationOf(database, values), {
        ...benchmarkRef(values), questionnaireVersion: text(values, 'questionnaire-version'),
        organiserPublicKey: readText(values, 'organiser-key'), ownPublicKey: readText(values, 'own-key'),
      });
      if (!joined.ok) throw new OperationsError(SET_UP_MESSAGES[joined.error]);
      return `Joined benchmark ${joined.value.name} ${joined.value.year}.`;
    },
  },
  'benchmark export-contribution': {
    summary: 'Participant: write the signed aggregates of a closed round to a file',
    usage: 'benchmark export-contribution --organisation slug --benchmark … --year 2025 --round <round id> --key noordstad.key --out contribution.json',
    options: {
      ...targetOptions,
      round: { type: 'string' as const, description: 'round id' }, key: { type: 'string' as const, description: 'your private key file' },
      out: outOption,
    },
    async run(database: Database, values: Values) {
      const exported = await exportContribution(database.db, await organisationOf(database, values), { benchmark: benchmarkRef(values), roundId: text(values, 'round'), privateKeyPem: readText(values, 'key') });
      if (!exported.ok) {
        throw new OperationsError({
          'unknown-benchmark': 'the organisation has not joined a benchmark with that name and year',
          'unknown-round': 'no such round of the organisation (a council survey cannot take part)',
          'round-not-closed': 'the round is not closed yet: close fieldwork first',
          'other-year': 'the round is of another year than the benchmark',
          'key-mismatch': 'that private key does not belong to the public key given when joining',
        }[exported.error]);
      }
      return `Contribution ${exported.value.fileId} written to ${writeText(values, 'out', exported.value.text)}.`;
    },
  },
  'benchmark import-contribution': {
    summary: 'Organiser: read a participant\'s signed contribution file',
    usage: 'benchmark import-contribution --organisation slug --benchmark … --year 2025 --file contribution.json',
    options: { ...targetOptions, file: { type: 'string' as const, description: 'the contribution file' } },
    async run(database: Database, values: Values) {
      const imported = await importContribution(database.db, await organisationOf(database, values), benchmarkRef(values), readText(values, 'file'));
      if (!imported.ok) throw new OperationsError(importMessage(imported.error));
      return `Contribution of ${imported.value.participant} imported (${imported.value.fileId}).`;
    },
  },
  'benchmark export-reference': {
    summary: 'Organiser: write the signed reference figures for one participant',
    usage: 'benchmark export-reference --organisation slug --benchmark … --year 2025 --participant "Gemeente X" --key organiser.key --out reference.json [--size-class a,b] [--region Noord,Oost]',
    options: {
      ...targetOptions,
      participant: { type: 'string' as const, description: 'participant name' }, key: { type: 'string' as const, description: 'the organiser\'s private key file' },
      out: outOption,
      'size-class': { type: 'string' as const, description: 'compare only with these size classes (comma-separated)' },
      region: { type: 'string' as const, description: 'compare only with these regions (comma-separated)' },
    },
    async run(database: Database, values: Values) {
      const sizeClasses = list(values, 'size-class');
      if (!sizeClasses.every(isSizeClass)) throw new OperationsError(SET_UP_MESSAGES['invalid-size-class']);
      const exported = await exportReference(database.db, await organisationOf(database, values), {
        benchmark: benchmarkRef(values), participant: text(values, 'participant'), privateKeyPem: readText(values, 'key'),
        filter: { sizeClasses: sizeClasses as SizeClass[], regions: list(values, 'region') },
      });
      if (!exported.ok) {
        const e = exported.error;
        throw new OperationsError(e.reason === 'too-few-organisations'
          ? `the reference group would have ${e.organisations} other organisation(s); at least 5 are needed`
          : { 'unknown-benchmark': 'the organisation organises no benchmark with that name and year', 'unknown-participant': 'no participant with that name', 'no-contribution': 'that participant has not contributed yet' }[e.reason]);
      }
      return `Reference figures ${exported.value.fileId} written to ${writeText(values, 'out', exported.value.text)}.`;
    },
  },
  'benchmark import-reference': {
    summary: 'Participant: read the signed reference figures returned by the organiser',
    usage: 'benchmark import-reference --organisation slug --benchmark … --year 2025 --file reference.json',
    options: { ...targetOptions, file: { type: 'string' as const, description: 'the reference file' } },
    async run(database: Database, values: Values) {
      const imported = await importReference(database.db, await organisationOf(database, values), benchmarkRef(values), readText(values, 'file'));
      if (!imported.ok) throw new OperationsError(importMessage(imported.error));
      return `Reference figures imported: compared with ${imported.value.organisations} other organisations.`;
    },
  },
};
