// The reference figures of one organisation in a benchmark, from the contributions of all the
// others: the pooled mean with its interval, the lowest and highest organisation mean, the
// organisation's rank, a Welch test of its mean and a z-test of its share against the pooled
// reference. Pooled means counts added (reference-group.ts): the figure of all their clients
// together, not a mean of means. Every statistic comes from domain/statistics.
//
// The reference group leaves the organisation itself out and is not shown with fewer than five
// others (domain.md), for the whole benchmark after the filters and again per item.

import { err, ok, type Result } from '../result.ts';
import { REFERENCE_MIN_ORGANISATIONS } from '../report/reference-group.ts';
import type { NotTestable } from '../statistics/comparison-test.ts';
import { describeMean, type MeanDescription } from '../statistics/describe-mean.ts';
import { momentsFromCounts } from '../statistics/moments.ts';
import type { ShareDescription } from '../statistics/describe-share.ts';
import { classifyN, type ReportingThresholds } from '../statistics/reporting-thresholds.ts';
import { summariseAgreement, summariseMarks, summariseYesNo } from '../statistics/scale-summary.ts';
import { twoProportionZTest, type TwoProportionZTest } from '../statistics/two-proportion-z-test.ts';
import { mergeValueCounts } from '../statistics/value-counts.ts';
import { welchTest, type WelchTest } from '../statistics/welch-test.ts';
import { assertNever } from '../questionnaire/questionnaire.ts';
import { valueCountsOf, type BenchmarkItemKind, type Contribution, type ItemContribution, type ItemContributions } from './contribution.ts';
import type { SizeClass } from './size-class.ts';

export interface BenchmarkParticipant {
  readonly id: string;
  readonly sizeClass: SizeClass | null;
  readonly region: string | null;
  readonly contribution: Contribution;
}

/** Compare only with organisations of these size classes and/or regions (none: all). */
export interface ReferenceFilter {
  readonly sizeClasses?: readonly SizeClass[];
  readonly regions?: readonly string[];
}

/** The headline figures of one item for one group of answers. */
export interface FigureSet {
  readonly n: number;
  readonly notApplicable: number;
  readonly mean: MeanDescription;
  /** Marks: share "onvoldoende" (1–5); agreement: share (helemaal) eens (4–5); yes/no: share yes. */
  readonly share: ShareDescription | null;
}

export interface Rank {
  /** 1 = the highest mean; ties share the better position. */
  readonly position: number;
  /** Organisations ranked: the others with a shown mean, plus this one. */
  readonly of: number;
  /** Share of the other ranked organisations with a lower mean, ties counted half, 0–100. */
  readonly percentile: number;
}

export type ItemReference =
  | { readonly itemKey: string; readonly kind: BenchmarkItemKind; readonly status: 'hidden'; readonly organisations: number }
  | {
      readonly itemKey: string;
      readonly kind: BenchmarkItemKind;
      readonly status: 'shown';
      readonly own: FigureSet;
      readonly reference: FigureSet & { readonly organisations: number };
      /** Over the other organisations whose own figure for the item would be shown (n ≥ hideBelow). */
      readonly lowestMean: number | null;
      readonly highestMean: number | null;
      /** Null when the organisation's own figure is hidden or no other organisation's is shown. */
      readonly rank: Rank | null;
      readonly meanTest: Result<WelchTest, NotTestable>;
      readonly shareTest: Result<TwoProportionZTest, NotTestable>;
    };

export interface CellReference {
  readonly variable: string;
  readonly value: string;
  readonly items: readonly ItemReference[];
}

export interface ReferenceFigures {
  /** Other organisations in the reference group after the filter. */
  readonly organisations: number;
  readonly filter: ReferenceFilter;
  readonly items: readonly ItemReference[];
  readonly cells: readonly CellReference[];
}

export type ReferenceRefusal =
  | { readonly reason: 'unknown-participant' }
  | { readonly reason: 'too-few-organisations'; readonly organisations: number };

export function referenceFigures(
  ownId: string,
  participants: readonly BenchmarkParticipant[],
  filter: ReferenceFilter,
  thresholds: ReportingThresholds,
): Result<ReferenceFigures, ReferenceRefusal> {
  const own = participants.find((p) => p.id === ownId);
  if (!own) return err({ reason: 'unknown-participant' });
  const others = participants.filter((p) => p.id !== ownId && matches(p, filter));
  if (others.length < REFERENCE_MIN_ORGANISATIONS) return err({ reason: 'too-few-organisations', organisations: others.length });
  const items = compareItems(own.contribution.items, others.map((p) => p.contribution.items), thresholds);
  const cells = own.contribution.cells.flatMap((cell): CellReference[] => {
    const otherCells = others.flatMap((p) => p.contribution.cells.filter((c) => c.variable === cell.variable && c.value === cell.value).map((c) => c.items));
    const compared = compareItems(cell.items, otherCells, thresholds).filter((r) => r.status === 'shown');
    return compared.length > 0 ? [{ variable: cell.variable, value: cell.value, items: compared }] : [];
  });
  return ok({ organisations: others.length, filter, items, cells });
}

function matches(p: BenchmarkParticipant, filter: ReferenceFilter): boolean {
  if (filter.sizeClasses && filter.sizeClasses.length > 0 && !(p.sizeClass && filter.sizeClasses.includes(p.sizeClass))) return false;
  if (filter.regions && filter.regions.length > 0 && !(p.region && filter.regions.includes(p.region))) return false;
  return true;
}

function compareItems(own: ItemContributions, others: readonly ItemContributions[], thresholds: ReportingThresholds): ItemReference[] {
  return Object.keys(own).sort().map((itemKey) => {
    const mine = own[itemKey]!;
    const theirs = others.flatMap((o) => {
      const item = o[itemKey];
      return item && item.kind === mine.kind && item.n > 0 ? [item] : [];
    });
    if (theirs.length < REFERENCE_MIN_ORGANISATIONS) return { itemKey, kind: mine.kind, status: 'hidden', organisations: theirs.length };
    const pooled = pool(mine.kind, theirs);
    // A reference figure is a figure like any other: on fewer answers than the threshold it is
    // not shown, however many organisations gave them.
    if (classifyN(pooled.n, thresholds) === 'hidden') return { itemKey, kind: mine.kind, status: 'hidden', organisations: theirs.length };
    const ownFigures = figureSet(mine);
    const referenceFigures = figureSet(pooled);
    const shownMeans = theirs.filter((t) => classifyN(t.n, thresholds) !== 'hidden').map((t) => t.sum / t.n);
    const ownShown = mine.n > 0 && classifyN(mine.n, thresholds) !== 'hidden';
    return {
      itemKey,
      kind: mine.kind,
      status: 'shown',
      own: ownFigures,
      reference: { ...referenceFigures, organisations: theirs.length },
      lowestMean: shownMeans.length > 0 ? Math.min(...shownMeans) : null,
      highestMean: shownMeans.length > 0 ? Math.max(...shownMeans) : null,
      rank: ownShown && shownMeans.length > 0 ? rankOf(mine.sum / mine.n, shownMeans) : null,
      meanTest: welchTest(mine, pooled),
      shareTest: ownFigures.share && referenceFigures.share
        ? twoProportionZTest(ownFigures.share.successes, ownFigures.share.n, referenceFigures.share.successes, referenceFigures.share.n)
        : err({ reason: 'too-few-answers' }),
    };
  });
}

/** Adds contributions: the sufficient statistics simply add up. */
export function pool(kind: BenchmarkItemKind, parts: readonly ItemContribution[]): ItemContribution {
  const counts = mergeValueCounts(...parts.map(valueCountsOf));
  return {
    kind,
    n: parts.reduce((t, p) => t + p.n, 0),
    sum: parts.reduce((t, p) => t + p.sum, 0),
    sumSquares: parts.reduce((t, p) => t + p.sumSquares, 0),
    counts: Object.fromEntries([...counts].sort(([a], [b]) => a - b).map(([v, c]) => [String(v), c])),
    notApplicable: parts.reduce((t, p) => t + p.notApplicable, 0),
  };
}

/** The headline figures of one organisation's (or a pooled) contribution to an item. */
export function figureSet(item: ItemContribution): FigureSet {
  const counts = { counts: valueCountsOf(item), notApplicable: item.notApplicable };
  switch (item.kind) {
    case 'mark': { const s = summariseMarks(counts); return { n: s.n, notApplicable: s.notApplicable, mean: s.mean, share: s.insufficient }; }
    case 'agree5': { const s = summariseAgreement(counts); return { n: s.n, notApplicable: s.notApplicable, mean: s.mean, share: s.agree }; }
    // A yes/no item's mean (yes = 1, no = 0) is its share yes; ranks and the Welch test use it.
    case 'yesno': { const s = summariseYesNo(counts); return { n: s.n, notApplicable: s.notApplicable, mean: describeMean(momentsFromCounts(counts.counts)), share: s.yes }; }
    default: return assertNever(item.kind);
  }
}

function rankOf(mean: number, others: readonly number[]): Rank {
  const higher = others.filter((m) => m > mean).length;
  const lower = others.filter((m) => m < mean).length;
  const ties = others.length - higher - lower;
  return {
    position: higher + 1,
    of: others.length + 1,
    percentile: (100 * (lower + ties / 2)) / others.length,
  };
}
