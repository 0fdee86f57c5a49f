// The effect of an improvement plan in a later round: for each item a focus point is linked
// to, the baseline figure against the current figure, tested as the report tests a change
// since the previous round (Welch for means, two-proportion z for shares). The p-values are
// Holm-adjusted across the distinct items of the whole plan, since a plan with many linked
// items gives some false alarms otherwise; only an adjusted p < 0.05 reads as significant.
// A side with fewer answers than the organisation's hide limit shows no figure and is not tested.

import { isSignificant } from '../statistics/comparison-test.ts';
import { compareLabel, type CompareLabel } from '../statistics/compare-label.ts';
import { holm } from '../statistics/holm.ts';
import { classifyN, type NClass, type ReportingThresholds } from '../statistics/reporting-thresholds.ts';
import { twoProportionZTest } from '../statistics/two-proportion-z-test.ts';
import { welchTest } from '../statistics/welch-test.ts';
import type { Item } from '../questionnaire/questionnaire.ts';
import { itemFigures, NO_ANSWERS, type ComparisonBasis, type Figure, type ItemAnswerCounts } from '../report/item-figures.ts';

export interface EffectSide {
  readonly n: number;
  readonly nClass: NClass;
  /** Null when hidden (too few answers) or without answers. */
  readonly figure: Figure | null;
}

export interface ItemEffect {
  readonly key: string;
  /** Null when neither round's questionnaire has the key. */
  readonly item: Item | null;
  /** False when the current round did not ask the item (not in its questionnaire, or its module off). */
  readonly asked: boolean;
  readonly baseline: EffectSide;
  readonly current: EffectSide;
  /** Current minus baseline (a share as a fraction); null without both figures. */
  readonly difference: number | null;
  readonly p: number | null;
  /** Holm-adjusted over every tested item of the plan. */
  readonly adjustedP: number | null;
  /** Null when no test could be done (a side hidden, no variance, not a figure). */
  readonly verdict: CompareLabel | null;
}

export interface FocusPointEffect {
  readonly focusPointId: string;
  readonly items: readonly ItemEffect[];
}

export interface PlanEffect {
  readonly focusPoints: readonly FocusPointEffect[];
  /** Distinct items tested: the m of the Holm adjustment. */
  readonly tests: number;
}

export interface PlanEffectInput {
  readonly focusPoints: readonly { readonly id: string; readonly itemKeys: readonly string[] }[];
  /** Items by key, from the current round's questionnaire (else the baseline's). */
  readonly items: ReadonlyMap<string, Item>;
  readonly baseline: ReadonlyMap<string, ItemAnswerCounts>;
  readonly current: ReadonlyMap<string, ItemAnswerCounts>;
  /** Keys the current round asked; without it every item counts as asked. */
  readonly asked?: ReadonlySet<string>;
  readonly thresholds: ReportingThresholds;
}

interface Draft {
  readonly key: string;
  readonly item: Item | null;
  readonly asked: boolean;
  readonly baseline: EffectSide;
  readonly current: EffectSide;
  readonly test: { readonly difference: number; readonly p: number } | null;
}

function side(item: Item, counts: ItemAnswerCounts, thresholds: ReportingThresholds): { side: EffectSide; basis: ComparisonBasis | null } {
  const figures = itemFigures(item, counts);
  const nClass = classifyN(figures.n, thresholds);
  const hidden = nClass === 'hidden';
  return { side: { n: figures.n, nClass, figure: hidden ? null : figures.figure }, basis: hidden ? null : figures.basis };
}

function test(now: ComparisonBasis, before: ComparisonBasis): { difference: number; p: number } | null {
  if (now.kind === 'mean' && before.kind === 'mean') {
    const result = welchTest(now.moments, before.moments);
    return result.ok ? { difference: result.value.difference, p: result.value.p } : null;
  }
  if (now.kind === 'share' && before.kind === 'share') {
    const result = twoProportionZTest(now.successes, now.n, before.successes, before.n);
    return result.ok ? { difference: result.value.difference, p: result.value.p } : null;
  }
  return null;
}

function draft(key: string, input: PlanEffectInput): Draft {
  const item = input.items.get(key) ?? null;
  const asked = input.asked ? input.asked.has(key) : true;
  const empty: EffectSide = { n: 0, nClass: 'hidden', figure: null };
  if (!item) return { key, item, asked, baseline: empty, current: empty, test: null };
  const before = side(item, input.baseline.get(key) ?? NO_ANSWERS, input.thresholds);
  // Answers to an item the round did not ask (a module switched off later) do not count.
  const now = asked ? side(item, input.current.get(key) ?? NO_ANSWERS, input.thresholds) : { side: empty, basis: null };
  const tested = before.basis && now.basis && before.side.figure && now.side.figure ? test(now.basis, before.basis) : null;
  return { key, item, asked, baseline: before.side, current: now.side, test: tested };
}

export function planEffect(input: PlanEffectInput): PlanEffect {
  // One draft per distinct key: an item linked to two focus points is one test, not two.
  const keys = [...new Set(input.focusPoints.flatMap((f) => f.itemKeys))];
  const drafts = new Map(keys.map((key) => [key, draft(key, input)]));
  const tested = [...drafts.values()].filter((d) => d.test !== null);
  const adjusted = new Map(holm(tested.map((d) => d.test!.p)).map((p, index) => [tested[index]!.key, p]));
  const effectOf = (d: Draft): ItemEffect => {
    const adjustedP = adjusted.get(d.key) ?? null;
    const difference = d.baseline.figure && d.current.figure ? d.current.figure.value - d.baseline.figure.value : null;
    return {
      key: d.key, item: d.item, asked: d.asked, baseline: d.baseline, current: d.current, difference,
      p: d.test?.p ?? null, adjustedP,
      verdict: d.test && adjustedP !== null ? compareLabel({ difference: d.test.difference, significant: isSignificant(adjustedP) }) : null,
    };
  };
  return {
    focusPoints: input.focusPoints.map((f) => ({ focusPointId: f.id, items: [...new Set(f.itemKeys)].map((key) => effectOf(drafts.get(key)!)) })),
    tests: tested.length,
  };
}
