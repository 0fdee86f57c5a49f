// Welch's t-test for the difference between two means (this round vs the previous one, or vs
// the reference group). Welch rather than Student because the groups differ in size and
// spread, and the pooled-variance test is then wrong in either direction.

import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { err, ok, type Result } from '../result.ts';
import { isSignificant, type ComparisonTest, type NotTestable } from './comparison-test.ts';
import { sumOfSquaredDeviations, type Moments } from './moments.ts';

export interface WelchTest extends ComparisonTest {
  readonly t: number;
  /** Welch–Satterthwaite degrees of freedom, usually fractional. */
  readonly df: number;
  readonly standardError: number;
}

export function welchTest(a: Moments, b: Moments): Result<WelchTest, NotTestable> {
  if (a.n < 2 || b.n < 2) return err({ reason: 'too-few-answers' });
  const va = sumOfSquaredDeviations(a) / (a.n - 1) / a.n;
  const vb = sumOfSquaredDeviations(b) / (b.n - 1) / b.n;
  const variance = va + vb;
  // Both groups unanimous: the difference is exact or meaningless, never "significant".
  if (!(variance > 0)) return err({ reason: 'no-variance' });
  const difference = a.sum / a.n - b.sum / b.n;
  const standardError = Math.sqrt(variance);
  const t = difference / standardError;
  const df = (variance * variance) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  // Twice the lower tail of −|t| rather than 2·(1 − F(|t|)): no cancellation for small p.
  const p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
  return ok({ difference, t, df, standardError, p, significant: isSignificant(p) });
}
