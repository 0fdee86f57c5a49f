import type { ColumnType, Generated } from 'kysely';
import type { MeasureStatus } from '../domain/plan/measure-status.ts';

// Kysely's view of the tables created by migrations/0020-improvement-plan.ts.

export interface ImprovementPlansTable {
  id: string;
  organisation_id: string;
  baseline_round_id: string;
  title: string;
  published: Generated<boolean>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface FocusPointsTable {
  id: string;
  organisation_id: string;
  plan_id: string;
  position: number;
  title: string;
  description: Generated<string>;
  item_keys: ColumnType<string[], string[] | undefined, string[]>;
}

export interface MeasuresTable {
  id: string;
  organisation_id: string;
  focus_point_id: string;
  description: string;
  owner: Generated<string>;
  /** YYYY-MM-DD: a date, so no time zone can shift it. */
  target_date: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<MeasureStatus, MeasureStatus | undefined, MeasureStatus>;
  note: Generated<string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ImprovementPlanTables {
  improvement_plans: ImprovementPlansTable;
  focus_points: FocusPointsTable;
  measures: MeasuresTable;
}
