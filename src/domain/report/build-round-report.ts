// The round report as data: per module, per closed item, the figure with its n and 95 %
// interval, the previous round's figure, and the comparison verdict. Pure: the counts come in,
// the web page, a PDF or an export render what comes out, so they can never disagree.
//
// Rules (domain.md): under `hideBelow` answers an item shows no figure at all, and no
// comparison either; under `indicativeBelow` it is marked indicative. Changes since the
// previous round are tested with Welch (means) or a two-proportion z-test (shares); with many
// items some tests give false alarms, so the p-values are Holm-adjusted across every item
// compared in the round, and only an adjusted p < 0.05 reads as "significant".

import { type Item, type LocalizedText, type Option, type Questionnaire } from '../questionnaire/questionnaire.ts';
import { compareLabel, type CompareLabel } from '../statistics/compare-label.ts';
import { isSignificant } from '../statistics/comparison-test.ts';
import { holm } from '../statistics/holm.ts';
import { classifyN, DEFAULT_REPORTING_THRESHOLDS, type NClass, type ReportingThresholds } from '../statistics/reporting-thresholds.ts';
import { twoProportionZTest } from '../statistics/two-proportion-z-test.ts';
import { welchTest } from '../statistics/welch-test.ts';
import { isReportedItem, itemFigures, NO_ANSWERS, type ComparisonBasis, type Figure, type ItemAnswerCounts } from './item-figures.ts';
import type { OptionSummary } from '../statistics/option-summary.ts';

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
  readonly previousRound: { readonly year: number; readonly name: string; readonly completed: number } | null;
  /** The overall mark (algemeen.cijfer), when the questionnaire has it. */
  readonly overall: ReportItem | null;
  readonly modules: readonly ReportModule[];
  /** Number of items with a change test: the m of the Holm adjustment. */
  readonly comparedItems: number;
}

export const OVERALL_MARK_KEY = 'algemeen.cijfer';

interface Draft {
  readonly item: Omit<ReportItem, 'comparison'>;
  readonly test: { readonly difference: number; readonly p: number } | null;
}

function draftItem(item: Item, input: ReportInput, thresholds: ReportingThresholds): Draft {
  const own = itemFigures(item, input.current.items.get(item.key) ?? NO_ANSWERS);
  const nClass = classifyN(own.n, thresholds);
  const hidden = nClass === 'hidden';
  const base = {
    key: item.key, type: item.type, text: item.text, n: own.n, nClass, notApplicable: own.notApplicable,
    figure: hidden ? null : own.figure,
    insufficient: hidden ? null : own.insufficient,
    options: hidden ? null : own.options,
    choices: item.type === 'single' || item.type === 'multi' ? item.options : [],
  };
  if (hidden || !input.previous || own.basis === null) return { item: { ...base, previous: null }, test: null };
  const before = itemFigures(item, input.previous.items.get(item.key) ?? NO_ANSWERS);
  const beforeClass = classifyN(before.n, thresholds);
  const previous = { n: before.n, nClass: beforeClass, figure: beforeClass === 'hidden' ? null : before.figure };
  const test = beforeClass === 'hidden' || before.basis === null ? null : changeTest(own.basis, before.basis);
  return { item: { ...base, previous }, test };
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

  const tested = groups.flatMap((g) => g.drafts).filter((d) => d.test !== null);
  const adjusted = holm(tested.map((d) => d.test!.p));
  const comparisons = new Map<Draft, Comparison>();
  tested.forEach((draft, index) => {
    const { p, difference } = draft.test!;
    const adjustedP = adjusted[index]!;
    comparisons.set(draft, { p, adjustedP, label: compareLabel({ difference, significant: isSignificant(adjustedP) }) });
  });

  const modules = groups.map((g) => ({
    key: g.key,
    title: g.title,
    items: g.drafts.map((d) => ({ ...d.item, comparison: comparisons.get(d) ?? null })),
  }));
  const delivered = input.delivered;
  return {
    provisional: input.provisional,
    thresholds,
    completed: input.current.completed,
    delivered,
    responseRate: delivered && delivered > 0 ? input.current.completed / delivered : null,
    previousRound: input.previous ? { year: input.previous.year, name: input.previous.name, completed: input.previous.completed } : null,
    overall: modules.flatMap((m) => m.items).find((i) => i.key === OVERALL_MARK_KEY) ?? null,
    modules,
    comparedItems: tested.length,
  };
}

