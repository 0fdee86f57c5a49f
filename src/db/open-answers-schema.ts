import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the tables created by migrations/0019-open-answers.ts.

type DateOnly = ColumnType<string, string, string>;

export interface CodebookCodesTable {
  organisation_id: string;
  key: string;
  label_nl: string;
  label_en: string;
  definition_nl: Generated<string>;
  definition_en: Generated<string>;
  examples: Generated<string[]>;
  position: number;
  archived: Generated<boolean>;
}

export interface OpenAnswerCodingsTable {
  organisation_id: string;
  round_id: string;
  response_id: string;
  item_key: string;
  coder: number;
  coded_by: string | null;
  coded_on: DateOnly;
}

export interface OpenAnswerCodesTable {
  organisation_id: string;
  round_id: string;
  response_id: string;
  item_key: string;
  coder: number;
  code_key: string;
}

export interface OpenAnswerReviewsTable {
  organisation_id: string;
  round_id: string;
  response_id: string;
  item_key: string;
  decision: 'approved' | 'redacted' | 'excluded';
  redacted_text: string | null;
  reviewed_by: string | null;
  reviewed_on: DateOnly;
}

export interface OpenAnswerUndoTable {
  organisation_id: string;
  user_id: string;
  round_id: string;
  response_id: string;
  item_key: string;
  coder: number;
  was_coded: boolean;
  previous_codes: string[];
}

export interface CodingModelsTable {
  organisation_id: string;
  model: ColumnType<unknown, string, string>;
  evaluation: ColumnType<unknown, string, string>;
  trained_at: Generated<Date>;
}

export interface OpenAnswersTables {
  codebook_codes: CodebookCodesTable;
  open_answer_codings: OpenAnswerCodingsTable;
  open_answer_codes: OpenAnswerCodesTable;
  open_answer_reviews: OpenAnswerReviewsTable;
  open_answer_undo: OpenAnswerUndoTable;
  coding_models: CodingModelsTable;
}
