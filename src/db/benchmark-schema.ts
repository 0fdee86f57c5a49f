import type { Generated, JSONColumnType } from 'kysely';

// Kysely's view of the tables created by migrations/0022-benchmark.ts and
// migrations/0028-benchmark-signing-keys.ts.

export type BenchmarkRole = 'organiser' | 'participant';
export type BenchmarkConsent = 'named' | 'anonymous';

export interface BenchmarksTable {
  id: string;
  organisation_id: string;
  role: BenchmarkRole;
  name: string;
  year: number;
  questionnaire_version: string;
  organiser_public_key: string | null;
  own_public_key: string | null;
  created_at: Generated<Date>;
}

export interface BenchmarkParticipantsTable {
  id: string;
  organisation_id: string;
  benchmark_id: string;
  name: string;
  public_key: string;
  key_id: string;
  consent: BenchmarkConsent;
  size_class: string | null;
  region: string | null;
}

export interface BenchmarkContributionsTable {
  file_id: string;
  organisation_id: string;
  benchmark_id: string;
  participant_id: string;
  size_class: string | null;
  region: string | null;
  hide_below: number;
  /** The Contribution of domain/benchmark, as imported (validated on the way in). */
  aggregates: JSONColumnType<object, string, string>;
  imported_at: Generated<Date>;
}

export interface BenchmarkReferenceFiguresTable {
  file_id: string;
  organisation_id: string;
  benchmark_id: string;
  /** The ReferenceFigures of domain/benchmark, as imported (validated on the way in). */
  figures: JSONColumnType<object, string, string>;
  imported_at: Generated<Date>;
}

export interface BenchmarkSigningKeysTable {
  organisation_id: string;
  public_key: string;
  key_id: string;
  /** The private key (PKCS#8 PEM), sealed with the server secret. */
  private_key_sealed: string;
  created_at: Generated<Date>;
}

export interface BenchmarkTables {
  benchmarks: BenchmarksTable;
  benchmark_participants: BenchmarkParticipantsTable;
  benchmark_contributions: BenchmarkContributionsTable;
  benchmark_reference_figures: BenchmarkReferenceFiguresTable;
  benchmark_signing_keys: BenchmarkSigningKeysTable;
}
