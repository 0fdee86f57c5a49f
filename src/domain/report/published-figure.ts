// Figures of a round from before Klantstem, typed over from an old report: per item the number
// of respondents and the mean or share, with the standard deviation when the report gave it.
// They take part in the previous-round comparison and the trend like counted figures, with
// the intervals and tests the figures allow and none that they do not.

import { wilsonInterval } from '../statistics/describe-share.ts';
import type { ItemFigures } from './item-figures.ts';
import { describeMean } from '../statistics/describe-mean.ts';
import type { Moments } from '../statistics/moments.ts';
import type { Item } from '../questionnaire/questionnaire.ts';
import { err, ok, type Result } from '../result.ts';

export interface PublishedFigure {
  /** Respondents who answered the item (n.v.t. excluded). */
  readonly n: number;
  /** Marks (1–10): the mean mark. */
  readonly mean: number | null;
  /** Sample standard deviation of the marks, when the report gave it. */
  readonly sd: number | null;
  /** Marks: share insufficient (1–5); agreement items: share (strongly) agreeing; yes/no: share yes. Between 0 and 1. */
  readonly share: number | null;
}

/** n, Σx and Σx² that a mean and a sample standard deviation stand for. */
export function momentsFromPublished(n: number, mean: number, sd: number): Moments {
  return { n, sum: n * mean, sumSquares: (n - 1) * sd * sd + n * mean * mean };
}

/** The item types published figures can stand for: the ones the report gives a headline figure. */
export function takesPublishedFigure(item: Item): boolean {
  return item.type === 'mark' || item.type === 'agree5' || item.type === 'yesno';
}

export type PublishedFigureProblem =
  | 'item-type' | 'n' | 'mean-needed' | 'mean-range' | 'sd-range' | 'sd-without-mean' | 'share-needed' | 'share-range' | 'mean-not-used';

/** Checks one item's figures against what the item can have. */
export function checkPublishedFigure(item: Item, figure: PublishedFigure): Result<PublishedFigure, PublishedFigureProblem> {
  if (!takesPublishedFigure(item)) return err('item-type');
  if (!Number.isInteger(figure.n) || figure.n < 1 || figure.n > 1_000_000) return err('n');
  if (figure.share !== null && !(figure.share >= 0 && figure.share <= 1)) return err('share-range');
  if (item.type === 'mark') {
    if (figure.mean === null) return err('mean-needed');
    if (!(figure.mean >= 1 && figure.mean <= 10)) return err('mean-range');
    // The largest standard deviation marks 1–10 can have is 4.5 (half at 1, half at 10), a bit more for small n.
    if (figure.sd !== null && !(figure.sd >= 0 && figure.sd <= 4.5 * Math.sqrt(figure.n / Math.max(1, figure.n - 1)))) return err('sd-range');
    return ok(figure);
  }
  // Agreement and yes/no items are reported as a share; an old report's mean of 1–5 is not that figure.
  if (figure.mean !== null) return err('mean-not-used');
  if (figure.sd !== null) return err('sd-without-mean');
  if (figure.share === null) return err('share-needed');
  return ok(figure);
}

export type PublishedFigures = Pick<ItemFigures, 'n' | 'figure' | 'insufficient' | 'basis'>;

/**
 * The report's figures from published ones. A mean without its standard deviation has no
 * interval and no test; a share gets its Wilson interval, and is tested on the successes it
 * stands for (the share times n, rounded: the old report rounded its percentages too).
 */
export function figuresFromPublished(item: Item, published: PublishedFigure): PublishedFigures {
  const shareOf = (share: number) => ({ successes: Math.round(share * published.n), ci: wilsonInterval(share, published.n) });
  if (item.type === 'mark' && published.mean !== null) {
    const moments = published.sd === null ? null : momentsFromPublished(published.n, published.mean, published.sd);
    const mean = moments && describeMean(moments);
    const insufficient = published.share === null ? null : { kind: 'share' as const, value: published.share, ci: shareOf(published.share).ci };
    return {
      n: published.n,
      figure: { kind: 'mean', value: published.mean, ci: mean?.ci ?? null },
      insufficient,
      basis: moments && { kind: 'mean', moments },
    };
  }
  if ((item.type === 'agree5' || item.type === 'yesno') && published.share !== null) {
    const { successes, ci } = shareOf(published.share);
    return { n: published.n, figure: { kind: 'share', value: published.share, ci }, insufficient: null, basis: { kind: 'share', successes, n: published.n } };
  }
  return { n: published.n, figure: null, insufficient: null, basis: null };
}
