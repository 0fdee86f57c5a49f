import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AdviceDecision } from '../domain/council/advice-response-rules.ts';

// Kysely's view of the tables created by migrations/0021-council-advice.ts.

export type AdviceStatus = 'draft' | 'sent';
export type { AdviceDecision };

/** A figure from the round's report, as it was shown when the council cited it. */
export interface Citation {
  readonly itemKey: string;
  /** The question as worded in the report. */
  readonly label: string;
  /** The figure as printed then, with its n ("7,1 (n = 212)"). */
  readonly value: string;
}

export interface CouncilAdvicesTable {
  id: string;
  organisation_id: string;
  round_id: string;
  title: string;
  introduction: Generated<string>;
  status: Generated<AdviceStatus>;
  sent_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AdvicePointsTable {
  id: string;
  organisation_id: string;
  advice_id: string;
  number: number;
  text: string;
  citations: JSONColumnType<Citation[], string | undefined, string>;
}

export interface AdviceResponsesTable {
  organisation_id: string;
  point_id: string;
  decision: AdviceDecision;
  reasons: Generated<string>;
  responded_by: string | null;
  responded_on: string;
}

export interface CouncilTables {
  council_advices: CouncilAdvicesTable;
  advice_points: AdvicePointsTable;
  advice_responses: AdviceResponsesTable;
}
