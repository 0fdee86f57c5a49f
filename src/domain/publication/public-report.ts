// What the public results page may show of a round report, and what the organisation chose
// to publish. The public page is stricter than the staff report: a figure under the hiding
// threshold is not mentioned at all (no "hidden" row), neither is an option chosen fewer times
// than that threshold, and open answers never reach the report model in the first place.

import { err, ok, type Result } from '../result.ts';
import type { ReportItem, ReportModule, RoundReport } from '../report/build-round-report.ts';

export const INTRODUCTION_MAX = 2000;

export interface PublicationChoice {
  readonly modules: readonly string[];
  readonly showTrend: boolean;
  readonly showReference: boolean;
  readonly introduction: string;
}

export type PublicationProblem =
  | { readonly field: 'modules'; readonly kind: 'unknown' }
  | { readonly field: 'introduction'; readonly kind: 'too-long'; readonly count: number };

/** Checks a choice against the modules the round reports on; the text is trimmed. */
export function checkPublicationChoice(choice: PublicationChoice, available: readonly string[]): Result<PublicationChoice, PublicationProblem[]> {
  const problems: PublicationProblem[] = [];
  if (choice.modules.some((key) => !available.includes(key))) problems.push({ field: 'modules', kind: 'unknown' });
  const introduction = choice.introduction.replace(/\r\n/g, '\n').trim();
  const count = [...introduction].length;
  if (count > INTRODUCTION_MAX) problems.push({ field: 'introduction', kind: 'too-long', count });
  if (problems.length > 0) return err(problems);
  // Keep the questionnaire's order, drop repeats.
  return ok({ ...choice, modules: available.filter((key) => choice.modules.includes(key)), introduction });
}

export interface PublicItem extends ReportItem {
  /** True when options were left out because fewer than the threshold chose them. */
  readonly optionsLeftOut: boolean;
}

export interface PublicModule {
  readonly key: string;
  readonly title: ReportModule['title'];
  readonly items: readonly PublicItem[];
}

export interface PublicReport {
  readonly completed: number;
  readonly delivered: number | null;
  readonly responseRate: number | null;
  readonly hideBelow: number;
  readonly indicativeBelow: number;
  readonly previousRound: RoundReport['previousRound'];
  /** Year of the reference group, when it is published and present. */
  readonly referenceYear: number | null;
  /** The overall mark, when its module is published and the mark may be shown. */
  readonly overall: PublicItem | null;
  readonly modules: readonly PublicModule[];
}

interface Choice {
  /** Module keys; null means every module. */
  readonly modules: readonly string[] | null;
  readonly showTrend: boolean;
  readonly showReference: boolean;
}

function publicItem(item: ReportItem, hideBelow: number, choice: Choice): PublicItem | null {
  if (item.nClass === 'hidden') return null;
  if (!item.figure && !item.options) return null;
  const shown = item.options ? item.options.options.filter((o) => o.count === 0 || o.count >= hideBelow) : [];
  const options = item.options ? { ...item.options, options: shown } : null;
  const previous = choice.showTrend && item.previous?.figure ? { previous: item.previous, comparison: item.comparison } : { previous: null, comparison: null };
  // Trend points under the threshold are left out, not shown as gaps with a count.
  const trend = choice.showTrend ? item.trend.filter((p) => p.nClass !== 'hidden' && p.figure !== null) : [];
  const reference = choice.showReference && item.reference?.figure && item.reference.nClass !== 'hidden'
    ? { reference: item.reference, referenceComparison: item.referenceComparison }
    : { reference: null, referenceComparison: null };
  return {
    ...item, options, ...previous, trend, ...reference,
    distribution: null,
    optionsLeftOut: item.options !== null && shown.length < item.options.options.length,
  };
}

/**
 * The published part of a report. `modules` null means every module. Without the trend
 * chosen, the previous round, the trend and the change verdicts are removed; without the
 * reference chosen, the reference group's figures and verdicts. Distributions (counts per
 * value) are not published: small counts are exactly what the page must not show.
 */
export function publicReport(report: RoundReport, choice: Choice): PublicReport {
  const { hideBelow, indicativeBelow } = report.thresholds;
  const modules = report.modules
    .filter((module) => choice.modules === null || choice.modules.includes(module.key))
    .map((module) => ({
      key: module.key,
      title: module.title,
      items: module.items.flatMap((item) => publicItem(item, hideBelow, choice) ?? []),
    }))
    .filter((module) => module.items.length > 0);
  const overall = modules.flatMap((m) => m.items).find((i) => i.key === report.overall?.key) ?? null;
  return {
    completed: report.completed,
    delivered: report.delivered,
    responseRate: report.responseRate,
    hideBelow,
    indicativeBelow,
    previousRound: choice.showTrend ? report.previousRound : null,
    referenceYear: choice.showReference && modules.some((m) => m.items.some((i) => i.reference)) ? report.referenceGroup?.year ?? null : null,
    overall,
    modules,
  };
}
