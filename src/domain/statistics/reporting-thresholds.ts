// When a figure may be shown (domain.md): under 30 answers it is marked indicative, under 10
// it is not shown at all, for subgroups too. Small groups re-identify people, so an
// organisation may raise these limits but never lower them.

export interface ReportingThresholds {
  /** A figure on fewer answers than this is not shown. */
  readonly hideBelow: number;
  /** A figure on fewer answers than this is marked "indicatief". */
  readonly indicativeBelow: number;
}

export const DEFAULT_REPORTING_THRESHOLDS: ReportingThresholds = { hideBelow: 10, indicativeBelow: 30 };

export type NClass = 'hidden' | 'indicative' | 'reportable';

export interface ThresholdRefusal {
  readonly field: keyof ReportingThresholds;
  readonly requested: number;
  readonly applied: number;
  /** 'looser': below the default; 'invalid': not a finite number. */
  readonly why: 'looser' | 'invalid';
}

export interface StrictenedThresholds {
  readonly thresholds: ReportingThresholds;
  /** Requests that were not honoured, so the settings screen can say so. */
  readonly refused: readonly ThresholdRefusal[];
}

/**
 * Applies an organisation's choice on top of the defaults. Each threshold becomes the stricter
 * of the two; a looser request is clamped to the default and reported, never silently taken.
 */
export function strictenThresholds(defaults: ReportingThresholds, choice: Partial<ReportingThresholds>): StrictenedThresholds {
  const refused: ThresholdRefusal[] = [];
  const pick = (field: keyof ReportingThresholds): number => {
    const requested = choice[field];
    const floor = defaults[field];
    if (requested === undefined) return floor;
    if (!Number.isFinite(requested)) {
      refused.push({ field, requested, applied: floor, why: 'invalid' });
      return floor;
    }
    // Counts are whole: "below 12.5" means "below 13"; rounding up can only be stricter.
    const whole = Math.ceil(requested);
    if (whole < floor) {
      refused.push({ field, requested, applied: floor, why: 'looser' });
      return floor;
    }
    return whole;
  };
  const hideBelow = pick('hideBelow');
  // A hidden figure cannot also be indicative: raising hideBelow past indicativeBelow raises
  // both, which is stricter still and needs no refusal.
  const indicativeBelow = Math.max(pick('indicativeBelow'), hideBelow);
  return { thresholds: { hideBelow, indicativeBelow }, refused };
}

/** Classify by the unweighted number of answers. */
export function classifyN(n: number, thresholds: ReportingThresholds): NClass {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n < thresholds.hideBelow) return 'hidden';
  if (n < thresholds.indicativeBelow) return 'indicative';
  return 'reportable';
}
