// The round report as data: per module, per closed item, the figure with its n and 95 %
// interval, the previous round's figure, and the comparison verdict. Pure: the counts come in,
// the web page, a PDF or an export render what comes out, so they can never disagree.
//
// Rules (domain.md): under `hideBelow` answers an item shows no figure at all, and no
// comparison either; under `indicativeBelow` it is marked indicative. Changes since the
// previous round are tested with Welch (means) or a two-proportion z-test (shares); with many
// items some tests give false alarms, so the p-values are Holm-adjusted across every item
// compared in the round, and only an adjusted p < 0.05 reads as "significant".
//
// The reference group (other organisations, same year, pooled counts, at least five of them)
// is tested the same way, in the same Holm family as the changes since the previous round.
// The trend shows the item's figure in every round of the organisation that asked it.

import { type Item, type LocalizedText, type Option, type Questionnaire } from '../questionnaire/questionnaire.ts';
import { compareLabel, type CompareLabel } from '../statistics/compare-label.ts';
import { isSignificant } from '../statistics/comparison-test.ts';
import { holm } from '../statistics/holm.ts';
import { classifyN, DEFAULT_REPORTING_THRESHOLDS, type NClass, type ReportingThresholds } from '../statistics/reporting-thresholds.ts';
import { twoProportionZTest } from '../statistics/two-proportion-z-test.ts';
import { welchTest } from '../statistics/welch-test.ts';
import { isReportedItem, itemFigures, NO_ANSWERS, type ComparisonBasis, type Figure, type ItemAnswerCounts } from './item-figures.ts';
import type { OptionSummary } from '../statistics/option-summary.ts';
import { itemTrend, type TrendPoint, type TrendRound } from './item-trend.ts';
import { REFERENCE_MIN_ORGANISATIONS, referenceFigure, type ReferenceFigure, type ReferenceInput } from './reference-group.ts';

export interface RoundCounts {
  /** Completed responses. */
  readonly completed: number;
  readonly items: ReadonlyMap<string, ItemAnswerCounts>;
}

export interface ReportInput {
  readonly questionnaire: Questionnaire;
  readonly disabledModules: readonly string[];
  /** True while the round is in fieldwork: the figures can still change. */
  readonly provisional: boolean;
  readonly current: RoundCounts;
  /** Access codes delivered (bounced invitations excluded); null when the round has none. */
  readonly delivered: number | null;
  readonly previous?: RoundCounts & { readonly year: number; readonly name: string };
  readonly thresholds?: ReportingThresholds;
  /** Other organisations' pooled counts per item key (same year); only keys with enough organisations. */
  readonly reference?: ReferenceInput;
  /** The organisation's rounds for the trend, oldest first, this round included (current: true). */
  readonly trend?: readonly TrendRound[];
}

export interface PreviousFigure {
  readonly n: number;
  readonly nClass: NClass;
  /** Null when hidden (n under the threshold) or without answers. */
  readonly figure: Figure | null;
}

export interface Comparison {
  readonly p: number;
  /** Holm-adjusted over all items compared in this report. */
  readonly adjustedP: number;
  readonly label: CompareLabel;
}

export interface ReportItem {
  readonly key: string;
  readonly type: Item['type'];
  readonly text: LocalizedText;
  readonly n: number;
  readonly nClass: NClass;
  readonly notApplicable: number;
  /** Null when hidden or without answers. */
  readonly figure: Figure | null;
  readonly insufficient: Figure | null;
  readonly options: OptionSummary | null;
  /** The answer options of a choice item, for their labels; empty for other items. */
  readonly choices: readonly Option[];
  /** Null without a previous round, or when this item is hidden. */
  readonly previous: PreviousFigure | null;
  /** Null when no test could be done (hidden on either side, no variance, no previous round). */
  readonly comparison: Comparison | null;
  /** The reference group's figure; null without one (fewer than five organisations, none asked it). */
  readonly reference: ReferenceFigure | null;
  /** This round against the reference group, Holm-adjusted with every other test of the report. */
  readonly referenceComparison: Comparison | null;
  /** The figure in each of the organisation's rounds that asked the item, oldest first. */
  readonly trend: readonly TrendPoint[];
  /**
   * Answers per value (marks, agreement 1–5, yes/no 0/1, whole numbers), ascending; null when
   * hidden, for choice items (see options), and for numbers not all counted per value.
   */
  readonly distribution: readonly { readonly value: number; readonly count: number }[] | null;
}

export interface ReportModule {
  readonly key: string;
  readonly title: LocalizedText;
  readonly items: readonly ReportItem[];
}

export interface RoundReport {
  readonly provisional: boolean;
  readonly thresholds: ReportingThresholds;
  readonly completed: number;
  readonly delivered: number | null;
  /** completed / delivered; null without delivered invitations. */
  readonly responseRate: number | null;
  readonly previousRound: {
    readonly year: number; readonly name: string; readonly completed: number;
    /** True when the previous round's figures were typed over from its report (no answers here). */
    readonly fromReport?: boolean;
  } | null;
  /** The overall mark (algemeen.cijfer), when the questionnaire has it. */
  readonly overall: ReportItem | null;
  readonly modules: readonly ReportModule[];
  /** Number of items with a change test (since the previous round). */
  readonly comparedItems: number;
  /** The reference group, when at least one item has one. */
  readonly referenceGroup: { readonly year: number; readonly minOrganisations: number } | null;
  /** Number of items tested against the reference group. */
  readonly referenceComparedItems: number;
  /** All tests in the report (changes + reference): the m of the Holm adjustment. */
  readonly holmTests: number;
}

export const OVERALL_MARK_KEY = 'algemeen.cijfer';

interface Test { readonly difference: number; readonly p: number }

interface Draft {
  readonly item: Omit<ReportItem, 'comparison' | 'referenceComparison'>;
  readonly test: Test | null;
  readonly referenceTest: Test | null;
}

function distributionOf(item: Item, counts: ItemAnswerCounts): ReportItem['distribution'] {
  if (item.type === 'single' || item.type === 'multi' || item.type === 'open') return null;
  const values = [...counts.values].sort(([a], [b]) => a - b).map(([value, count]) => ({ value, count }));
  const total = values.reduce((sum, v) => sum + v.count, 0);
  // A number item's counts cover only whole values up to ±1000: a partial distribution would mislead.
  if (counts.moments && counts.moments.n !== total) return null;
  return values;
}

function draftItem(item: Item, input: ReportInput, thresholds: ReportingThresholds): Draft {
  const ownCounts = input.current.items.get(item.key) ?? NO_ANSWERS;
  const own = itemFigures(item, ownCounts);
  const nClass = classifyN(own.n, thresholds);
  const hidden = nClass === 'hidden';
  const base = {
    key: item.key, type: item.type, text: item.text, n: own.n, nClass, notApplicable: own.notApplicable,
    figure: hidden ? null : own.figure,
    insufficient: hidden ? null : own.insufficient,
    options: hidden ? null : own.options,
    choices: item.type === 'single' || item.type === 'multi' ? item.options : [],
    distribution: hidden ? null : distributionOf(item, ownCounts),
  };
  const reference = referenceFigure(item, input.reference, thresholds);
  const extra = { reference: reference?.figure ?? null, trend: itemTrend(item, input.trend ?? [], thresholds) };
  const referenceTest = hidden || own.basis === null || !reference?.basis ? null : changeTest(own.basis, reference.basis);
  if (hidden || !input.previous || own.basis === null) return { item: { ...base, ...extra, previous: null }, test: null, referenceTest };
  const before = itemFigures(item, input.previous.items.get(item.key) ?? NO_ANSWERS);
  const beforeClass = classifyN(before.n, thresholds);
  const previous = { n: before.n, nClass: beforeClass, figure: beforeClass === 'hidden' ? null : before.figure };
  const test = beforeClass === 'hidden' || before.basis === null ? null : changeTest(own.basis, before.basis);
  return { item: { ...base, ...extra, previous }, test, referenceTest };
}

function changeTest(now: ComparisonBasis, before: ComparisonBasis): { difference: number; p: number } | null {
  if (now.kind === 'mean' && before.kind === 'mean') {
    const result = welchTest(now.moments, before.moments);
    return result.ok ? result.value : null;
  }
  if (now.kind === 'share' && before.kind === 'share') {
    const result = twoProportionZTest(now.successes, now.n, before.successes, before.n);
    return result.ok ? result.value : null;
  }
  return null;
}

export function buildRoundReport(input: ReportInput): RoundReport {
  const thresholds = input.thresholds ?? DEFAULT_REPORTING_THRESHOLDS;
  const { questionnaire } = input;
  const groups: { key: string; title: LocalizedText; drafts: Draft[] }[] = [];
  const groupFor = (moduleKey: string, fallbackTitle: LocalizedText) => {
    let group = groups.find((g) => g.key === moduleKey);
    if (!group) {
      const module = questionnaire.modules.find((m) => m.key === moduleKey);
      group = { key: moduleKey, title: module?.title ?? fallbackTitle, drafts: [] };
      groups.push(group);
    }
    return group;
  };
  // Modules in questionnaire order first, then blocks of modules the list does not name.
  const moduleOrder = (key: string) => {
    const index = questionnaire.modules.findIndex((m) => m.key === key);
    return index < 0 ? questionnaire.modules.length : index;
  };
  const blocks = [...questionnaire.blocks].sort((a, b) => moduleOrder(a.module) - moduleOrder(b.module));
  for (const block of blocks) {
    if (input.disabledModules.includes(block.module)) continue;
    const items = block.items.filter(isReportedItem);
    if (items.length === 0) continue;
    const group = groupFor(block.module, block.title);
    for (const item of items) group.drafts.push(draftItem(item, input, thresholds));
  }

  // One Holm family: every change test and every reference test of the report.
  const drafts = groups.flatMap((g) => g.drafts);
  const tested = drafts.filter((d) => d.test !== null);
  const referenceTested = drafts.filter((d) => d.referenceTest !== null);
  const adjusted = holm([...tested.map((d) => d.test!.p), ...referenceTested.map((d) => d.referenceTest!.p)]);
  const comparison = (test: Test, adjustedP: number): Comparison =>
    ({ p: test.p, adjustedP, label: compareLabel({ difference: test.difference, significant: isSignificant(adjustedP) }) });
  const comparisons = new Map<Draft, Comparison>();
  tested.forEach((draft, index) => comparisons.set(draft, comparison(draft.test!, adjusted[index]!)));
  const referenceComparisons = new Map<Draft, Comparison>();
  referenceTested.forEach((draft, index) => referenceComparisons.set(draft, comparison(draft.referenceTest!, adjusted[tested.length + index]!)));

  const modules = groups.map((g) => ({
    key: g.key,
    title: g.title,
    items: g.drafts.map((d) => ({ ...d.item, comparison: comparisons.get(d) ?? null, referenceComparison: referenceComparisons.get(d) ?? null })),
  }));
  const hasReference = input.reference !== undefined && drafts.some((d) => d.item.reference !== null);
  const delivered = input.delivered;
  return {
    provisional: input.provisional,
    thresholds,
    completed: input.current.completed,
    delivered,
    responseRate: delivered && delivered > 0 ? input.current.completed / delivered : null,
    previousRound: input.previous
      ? {
          year: input.previous.year, name: input.previous.name, completed: input.previous.completed,
          ...([...input.previous.items.values()].some((counts) => counts.published) ? { fromReport: true } : {}),
        }
      : null,
    overall: modules.flatMap((m) => m.items).find((i) => i.key === OVERALL_MARK_KEY) ?? null,
    modules,
    comparedItems: tested.length,
    referenceGroup: hasReference ? { year: input.reference!.year, minOrganisations: REFERENCE_MIN_ORGANISATIONS } : null,
    referenceComparedItems: referenceTested.length,
    holmTests: tested.length + referenceTested.length,
  };
}

