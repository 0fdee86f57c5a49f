// Every interval in a report is a 95 % interval (domain.md, "rules of the craft"). One constant
// so that screen, PDF, exports and API can never disagree about the level.

export const CONFIDENCE_LEVEL = 0.95;

export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
}
