// The standard figures per closed item (domain.md): a mark's mean and share "onvoldoende"
// (1–5), an agreement item's mean and share (helemaal) eens (4–5), a yes/no item's share yes.
// "Niet van toepassing / weet niet" is not an answer on the scale: it is left out of n, the
// mean and every share, and reported beside them.

import { describeMean, type MeanDescription } from './describe-mean.ts';
import { describeShare, type ShareDescription } from './describe-share.ts';
import { momentsFromCounts } from './moments.ts';
import { countWhere, mergeValueCounts, totalCount, type ValueCounts } from './value-counts.ts';

/** Answers to one closed item: counts per scale value, and the "n.v.t. / weet niet" count. */
export interface ItemCounts {
  readonly counts: ValueCounts<number>;
  readonly notApplicable: number;
}

export interface MarkSummary {
  /** Valid marks; excludes "n.v.t. / weet niet". */
  readonly n: number;
  readonly notApplicable: number;
  readonly mean: MeanDescription;
  /** Marks 1–5 ("onvoldoende") of the valid marks; null when n = 0. */
  readonly insufficient: ShareDescription | null;
}

export interface AgreementSummary {
  readonly n: number;
  readonly notApplicable: number;
  readonly mean: MeanDescription;
  /** Answers 4–5 ("eens" / "helemaal eens", or satisfied) of the valid answers. */
  readonly agree: ShareDescription | null;
}

export interface YesNoSummary {
  readonly n: number;
  readonly notApplicable: number;
  /** Share answering yes (stored as 1). */
  readonly yes: ShareDescription | null;
}

export function summariseMarks(item: ItemCounts): MarkSummary {
  const { counts, notApplicable } = checked(item, 1, 10);
  const n = totalCount(counts);
  return { n, notApplicable, mean: describeMean(momentsFromCounts(counts)), insufficient: describeShare(countWhere(counts, (mark) => mark <= 5), n) };
}

export function summariseAgreement(item: ItemCounts): AgreementSummary {
  const { counts, notApplicable } = checked(item, 1, 5);
  const n = totalCount(counts);
  return { n, notApplicable, mean: describeMean(momentsFromCounts(counts)), agree: describeShare(countWhere(counts, (value) => value >= 4), n) };
}

export function summariseYesNo(item: ItemCounts): YesNoSummary {
  const { counts, notApplicable } = checked(item, 0, 1);
  const n = totalCount(counts);
  return { n, notApplicable, yes: describeShare(counts.get(1) ?? 0, n) };
}

/** Adds item counts, e.g. benchmark contributions of several organisations. */
export function mergeItemCounts(...parts: readonly ItemCounts[]): ItemCounts {
  return {
    counts: mergeValueCounts(...parts.map((part) => part.counts)),
    notApplicable: parts.reduce((total, part) => total + part.notApplicable, 0),
  };
}

// A value off the scale means the data were not validated on the way in; counting it anyway
// would silently shift a published mark.
function checked(item: ItemCounts, min: number, max: number): ItemCounts {
  for (const value of item.counts.keys()) {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`value ${value} is not on the scale ${min}–${max}`);
    }
  }
  if (!Number.isInteger(item.notApplicable) || item.notApplicable < 0) {
    throw new RangeError(`invalid not-applicable count ${item.notApplicable}`);
  }
  return item;
}
