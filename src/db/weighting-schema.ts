import type { ColumnType } from 'kysely';

// Kysely's view of the tables created by migrations/0016-weighting.ts.

export type StratumSource = 'carried' | 'item';

export interface RoundWeightingTable {
  organisation_id: string;
  round_id: string;
  source: StratumSource;
  /** A carried variable (age_band, district, benefit_type) or the key of a single-choice item. */
  variable: string;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RoundPopulationCountsTable {
  organisation_id: string;
  round_id: string;
  source: StratumSource;
  variable: string;
  value: string;
  count: number;
}

export interface WeightingTables {
  round_weighting: RoundWeightingTable;
  round_population_counts: RoundPopulationCountsTable;
}
