// The round report as JSON for GET /api/v1/rounds/:id/report: every figure of the report
// screen under stable field names. Figures come from the report model unrounded; a figure the
// reporting rules hide is left out (the field is absent), never sent as zero.

import type { Round } from '../../db/round-store.ts';
import { valueDistribution } from '../../domain/export/value-distribution.ts';
import type { Comparison, PreviousFigure, ReportItem, RoundReport } from '../../domain/report/build-round-report.ts';
import type { Figure } from '../../domain/report/item-figures.ts';
import { CONFIDENCE_LEVEL } from '../../domain/statistics/confidence-interval.ts';

type Json = { readonly [key: string]: unknown };

function figureJson(figure: Figure | null): Json | undefined {
  if (!figure) return undefined;
  return { kind: figure.kind, value: figure.value, ...(figure.ci ? { ci: { lower: figure.ci.lower, upper: figure.ci.upper } } : {}) };
}

function previousJson(previous: PreviousFigure): Json {
  const figure = figureJson(previous.figure);
  return { n: previous.n, threshold: previous.nClass, ...(figure ? { figure } : {}) };
}

function optionsJson(item: ReportItem): Json[] | undefined {
  if (!item.options) return undefined;
  return item.options.options.map((option) => {
    const choice = item.choices.find((c) => c.code === option.code);
    return {
      code: option.code,
      ...(choice ? { label: choice.label } : {}),
      count: option.count,
      ...(option.share ? { share: option.share.share, ci: { lower: option.share.ci.lower, upper: option.share.ci.upper } } : {}),
    };
  });
}

function comparisonJson(comparison: Comparison): Json {
  return { verdict: comparison.label, p: comparison.p, adjustedP: comparison.adjustedP };
}

function itemJson(item: ReportItem): Json {
  const base = { key: item.key, type: item.type, text: item.text, n: item.n, notApplicable: item.notApplicable, threshold: item.nClass };
  if (item.nClass === 'hidden') return base;
  const figure = figureJson(item.figure);
  const insufficient = figureJson(item.insufficient);
  const options = optionsJson(item);
  const distribution = item.distribution && valueDistribution(item.type, item.distribution);
  const referenceFigure = item.reference && figureJson(item.reference.figure);
  const trend = item.trend.map((point) => {
    const figure = figureJson(point.figure);
    return { roundId: point.roundId, name: point.name, year: point.year, current: point.current, n: point.n, threshold: point.nClass, ...(figure ? { figure } : {}) };
  });
  return {
    ...base,
    ...(figure ? { figure } : {}),
    ...(insufficient ? { insufficient } : {}),
    ...(distribution ? { distribution: distribution.map((d) => ({ value: d.value, count: d.count, ...(d.share === null ? {} : { share: d.share }) })) } : {}),
    ...(options ? { options } : {}),
    ...(item.previous ? { previous: previousJson(item.previous) } : {}),
    ...(item.comparison ? { comparison: comparisonJson(item.comparison) } : {}),
    ...(item.reference ? { reference: { organisations: item.reference.organisations, n: item.reference.n, threshold: item.reference.nClass, ...(referenceFigure ? { figure: referenceFigure } : {}) } } : {}),
    ...(item.referenceComparison ? { referenceComparison: comparisonJson(item.referenceComparison) } : {}),
    ...(trend.length > 0 ? { trend } : {}),
  };
}

export function reportJson(round: Round, report: RoundReport): Json {
  return {
    round: { id: round.id, name: round.name, year: round.year, status: round.status },
    provisional: report.provisional,
    confidenceLevel: CONFIDENCE_LEVEL,
    thresholds: { hideBelow: report.thresholds.hideBelow, indicativeBelow: report.thresholds.indicativeBelow },
    completed: report.completed,
    delivered: report.delivered,
    responseRate: report.responseRate,
    previousRound: report.previousRound,
    referenceGroup: report.referenceGroup,
    multipleComparisons: { method: 'holm', tests: report.holmTests, previousRoundTests: report.comparedItems, referenceTests: report.referenceComparedItems },
    overallItemKey: report.overall?.key ?? null,
    modules: report.modules.map((module) => ({
      key: module.key,
      title: module.title,
      items: module.items.map(itemJson),
    })),
  };
}
