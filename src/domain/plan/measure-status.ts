// The status of a measure in an improvement plan, and when it counts as overdue: its target
// date has passed and it is neither done nor dropped. Dates are YYYY-MM-DD strings, so
// comparing them as text compares them as dates.

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;

export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export function isMeasureStatus(value: unknown): value is MeasureStatus {
  return typeof value === 'string' && (MEASURE_STATUSES as readonly string[]).includes(value);
}

/** Done and dropped measures are finished: they can no longer be late. */
export function isFinished(status: MeasureStatus): boolean {
  return status === 'done' || status === 'dropped';
}

export interface DatedMeasure {
  readonly status: MeasureStatus;
  /** YYYY-MM-DD, or null without a target date. */
  readonly targetDate: string | null;
}

/** Overdue: the target date is before today and the measure is not finished. */
export function isOverdue(measure: DatedMeasure, today: string): boolean {
  return measure.targetDate !== null && measure.targetDate < today && !isFinished(measure.status);
}
