// The figures of one closed item in one round, from its answer counts: the headline figure
// (mean of a mark, share agree of an agreement item, share yes of a yes/no item), its 95 %
// interval, and what a comparison with another round needs (moments or a share).

import type { ConfidenceInterval } from '../statistics/confidence-interval.ts';
import { describeMean } from '../statistics/describe-mean.ts';
import { momentsFromCounts, type Moments } from '../statistics/moments.ts';
import { summariseOptions, type OptionSummary } from '../statistics/option-summary.ts';
import { summariseAgreement, summariseMarks, summariseYesNo } from '../statistics/scale-summary.ts';
import type { ValueCounts } from '../statistics/value-counts.ts';
import type { Item } from '../questionnaire/questionnaire.ts';
import { figuresFromPublished, type PublishedFigure } from './published-figure.ts';

/** Answer counts of one item in one round, as the report queries return them. */
export interface ItemAnswerCounts {
  /** Completed responses per value_num (marks, agreement, yes/no). */
  readonly values: ValueCounts<number>;
  /** Times each option was chosen (single and multiple choice). */
  readonly options: ReadonlyMap<string, number>;
  readonly notApplicable: number;
  /** Responses with at least one real answer to the item (for multiple choice shares). */
  readonly respondents: number;
  /** Open answers given (their text is never part of the counts). */
  readonly texts?: number;
  /**
   * n, Σx, Σx² of every numeric answer. For number items this is what the mean comes from:
   * `values` then only holds whole values up to ±1000 and covers all answers only when its
   * total equals moments.n.
   */
  readonly moments?: Moments;
  /** A round from before Klantstem: the figures an old report gave instead of counts. */
  readonly published?: PublishedFigure;
}

export const NO_ANSWERS: ItemAnswerCounts = { values: new Map(), options: new Map(), notApplicable: 0, respondents: 0 };

export type FigureKind = 'mean' | 'share';

/** The headline figure of an item: a mean (marks) or a share between 0 and 1. */
export interface Figure {
  readonly kind: FigureKind;
  readonly value: number;
  readonly ci: ConfidenceInterval | null;
}

/** What is compared between rounds: Welch on moments for means, a z-test on shares. */
export type ComparisonBasis =
  | { readonly kind: 'mean'; readonly moments: Moments }
  | { readonly kind: 'share'; readonly successes: number; readonly n: number };

export interface ItemFigures {
  readonly n: number;
  readonly notApplicable: number;
  /** Null without answers. */
  readonly figure: Figure | null;
  /** Marks only: the share "onvoldoende" (1–5). */
  readonly insufficient: Figure | null;
  readonly basis: ComparisonBasis | null;
  /** Single and multiple choice only. */
  readonly options: OptionSummary | null;
}

/** Items the report shows figures for; number and open items are left to later work. */
export function isReportedItem(item: Item): boolean {
  return item.type !== 'open' && item.type !== 'number';
}

export function itemFigures(item: Item, counts: ItemAnswerCounts): ItemFigures {
  const base = { notApplicable: counts.notApplicable, insufficient: null, options: null };
  if (counts.published) return { ...base, ...figuresFromPublished(item, counts.published) };
  switch (item.type) {
    case 'mark': {
      const s = summariseMarks({ counts: counts.values, notApplicable: counts.notApplicable });
      return {
        ...base,
        n: s.n,
        figure: s.mean.mean === null ? null : { kind: 'mean', value: s.mean.mean, ci: s.mean.ci },
        insufficient: s.insufficient && { kind: 'share', value: s.insufficient.share, ci: s.insufficient.ci },
        basis: { kind: 'mean', moments: momentsFromCounts(counts.values) },
      };
    }
    case 'agree5': {
      const s = summariseAgreement({ counts: counts.values, notApplicable: counts.notApplicable });
      return {
        ...base,
        n: s.n,
        figure: s.agree && { kind: 'share', value: s.agree.share, ci: s.agree.ci },
        basis: s.agree && { kind: 'share', successes: s.agree.successes, n: s.agree.n },
      };
    }
    case 'yesno': {
      const s = summariseYesNo({ counts: counts.values, notApplicable: counts.notApplicable });
      return {
        ...base,
        n: s.n,
        figure: s.yes && { kind: 'share', value: s.yes.share, ci: s.yes.ci },
        basis: s.yes && { kind: 'share', successes: s.yes.successes, n: s.yes.n },
      };
    }
    case 'single':
    case 'multi': {
      const codes = item.options.map((o) => o.code);
      // Codes no longer in the questionnaire cannot be labelled; they are left out.
      const known = new Map([...counts.options].filter(([code]) => codes.includes(code)));
      const respondents = item.type === 'single' ? [...known.values()].reduce((a, b) => a + b, 0) : counts.respondents;
      const options = summariseOptions(codes, known, respondents, counts.notApplicable);
      return { ...base, n: respondents, figure: null, basis: null, options };
    }
    case 'number': {
      // A mean from the moments, which hold every number (counts may not, see ItemAnswerCounts).
      const moments = counts.moments ?? momentsFromCounts(counts.values);
      const mean = describeMean(moments);
      return {
        ...base,
        n: moments.n,
        figure: mean.mean === null ? null : { kind: 'mean', value: mean.mean, ci: mean.ci },
        basis: { kind: 'mean', moments },
      };
    }
    default:
      return { ...base, n: 0, figure: null, basis: null };
  }
}
