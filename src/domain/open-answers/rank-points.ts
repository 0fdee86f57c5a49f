import { describeShare, type ShareDescription } from '../statistics/describe-share.ts';
import { classifyN, type NClass, type ReportingThresholds } from '../statistics/reporting-thresholds.ts';
import type { QuestionPolarity } from './standard-codebook.ts';

// Plus and improvement points for the report: the codes of one open question ranked by how
// many respondents mentioned them, as a share of the respondents whose answer was coded, with
// a Wilson interval. The base is stated with every figure. The reporting thresholds apply to
// the base, as to any other share: under the hiding threshold nothing is shown, under the
// indicative one the points are marked "indicatief". A count of mentions identifies nobody,
// so a point mentioned by few is still listed; quotes are shown only after a person reviewed
// them.

/** The standard questionnaire's two open questions; other open items have no polarity. */
export function polarityOfItem(itemKey: string): QuestionPolarity | undefined {
  if (itemKey === 'open.pluspunten') return 'good';
  if (itemKey === 'open.verbeterpunten') return 'improve';
  return undefined;
}

export interface RankedPoint {
  readonly code: string;
  readonly count: number;
  readonly share: ShareDescription;
}

export interface RankedPoints {
  /** Respondents whose answer to the question was coded: the base of every share. */
  readonly base: number;
  readonly nClass: NClass;
  /** Empty when the base is under the hiding threshold. */
  readonly points: readonly RankedPoint[];
}

/** Ranks codes by count (ties by code key, so the order is stable); a code counts once per respondent. */
export function rankPoints(counts: ReadonlyMap<string, number>, base: number, thresholds: ReportingThresholds): RankedPoints {
  const nClass = classifyN(base, thresholds);
  if (nClass === 'hidden') return { base, nClass, points: [] };
  const points = [...counts]
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ code, count, share: describeShare(count, base)! }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { base, nClass, points };
}
