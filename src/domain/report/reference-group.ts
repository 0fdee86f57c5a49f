// The reference group: the same item in other organisations' rounds of the same year, pooled.
// Pooled means the counts are added, so an organisation with 900 answers weighs nine times
// one with 100 — the figure of all their clients together, not a mean of means. It leaves out
// the organisation itself and is shown only when at least five others contribute (domain.md);
// the database enforces the same rule (migrations/0009), this is the second lock.

import { classifyN, type NClass, type ReportingThresholds } from '../statistics/reporting-thresholds.ts';
import { mergeValueCounts } from '../statistics/value-counts.ts';
import { mergeMoments } from '../statistics/moments.ts';
import type { Item } from '../questionnaire/questionnaire.ts';
import { itemFigures, type ComparisonBasis, type Figure, type ItemAnswerCounts } from './item-figures.ts';

export const REFERENCE_MIN_ORGANISATIONS = 5;

export interface ReferenceItemCounts {
  /** Pooled over the contributing organisations. */
  readonly counts: ItemAnswerCounts;
  /** How many other organisations contributed to this item. */
  readonly organisations: number;
}

export interface ReferenceInput {
  readonly year: number;
  readonly items: ReadonlyMap<string, ReferenceItemCounts>;
}

export interface ReferenceFigure {
  readonly organisations: number;
  readonly n: number;
  readonly nClass: NClass;
  readonly figure: Figure | null;
}

/** Adds the counts of several organisations: the sufficient statistics simply add up. */
export function poolItemCounts(parts: readonly ItemAnswerCounts[]): ItemAnswerCounts {
  const moments = parts.flatMap((p) => (p.moments ? [p.moments] : []));
  return {
    values: mergeValueCounts(...parts.map((p) => p.values)),
    options: mergeValueCounts(...parts.map((p) => p.options)),
    notApplicable: parts.reduce((total, p) => total + p.notApplicable, 0),
    respondents: parts.reduce((total, p) => total + p.respondents, 0),
    texts: parts.reduce((total, p) => total + (p.texts ?? 0), 0),
    ...(moments.length === parts.length && parts.length > 0 ? { moments: mergeMoments(...moments) } : {}),
  };
}

/** The reference figure of one item and what a test against it needs; null when not shown. */
export function referenceFigure(
  item: Item,
  reference: ReferenceInput | undefined,
  thresholds: ReportingThresholds,
): { readonly figure: ReferenceFigure; readonly basis: ComparisonBasis | null } | null {
  const pooled = reference?.items.get(item.key);
  if (!pooled || pooled.organisations < REFERENCE_MIN_ORGANISATIONS) return null;
  const figures = itemFigures(item, pooled.counts);
  const nClass = classifyN(figures.n, thresholds);
  const hidden = nClass === 'hidden';
  return {
    figure: { organisations: pooled.organisations, n: figures.n, nClass, figure: hidden ? null : figures.figure },
    basis: hidden ? null : figures.basis,
  };
}
