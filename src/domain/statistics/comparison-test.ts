// What the significance tests share, so that report text ("significant hoger / lager",
// "in lijn met") can be written once for means and for shares.

/** "Significant" only at p < 0.05 (domain.md). */
export const SIGNIFICANCE_LEVEL = 0.05;

export interface ComparisonTest {
  /** First group minus second group (this round − previous round, or − reference group). */
  readonly difference: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly significant: boolean;
}

/** Why a test could not be computed; the report then shows the figures without a verdict. */
export type NotTestableReason =
  /** A group has fewer answers than the test needs (two for a t-test, one for a share). */
  | 'too-few-answers'
  /** No spread in either group, so there is no standard error to divide by. */
  | 'no-variance'
  /** A distribution with fewer than two answer categories in use. */
  | 'single-category';

export interface NotTestable {
  readonly reason: NotTestableReason;
}

export function isSignificant(p: number): boolean {
  return p < SIGNIFICANCE_LEVEL;
}
