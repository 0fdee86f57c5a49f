// The changes since the previous round that the tests support, for the top of the report: only
// Holm-adjusted significant differences, most certain first. A large raw difference that is not
// significant is not a change here (domain.md: "in lijn met").

import type { Figure } from './item-figures.ts';
import type { ReportItem, RoundReport } from './build-round-report.ts';

export interface SignificantChange {
  readonly item: ReportItem;
  readonly before: Figure;
  readonly now: Figure;
  readonly direction: 'higher' | 'lower';
}

export function significantChanges(report: RoundReport, limit = 5): SignificantChange[] {
  const changes: (SignificantChange & { readonly adjustedP: number })[] = [];
  for (const item of report.modules.flatMap((m) => m.items)) {
    const label = item.comparison?.label;
    const before = item.previous?.figure;
    if (!item.figure || !before || (label !== 'significant-higher' && label !== 'significant-lower')) continue;
    changes.push({ item, before, now: item.figure, direction: label === 'significant-higher' ? 'higher' : 'lower', adjustedP: item.comparison!.adjustedP });
  }
  // One item can sit in two modules' lists (the overall mark); count it once.
  const unique = [...new Map(changes.map((c) => [c.item.key, c])).values()];
  return unique.sort((a, b) => a.adjustedP - b.adjustedP).slice(0, limit).map(({ adjustedP: _p, ...change }) => change);
}
