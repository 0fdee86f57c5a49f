// A council question's answers as client councils report them: per labelled answer the count
// and the percentage of the people who answered the question (the stated base). For multiple
// choice the base is people, not ticks, so the percentages add up to more than 100. Under the
// reporting threshold nothing is shown, not even the counts: small groups re-identify people.

import type { ReportItem } from '../report/build-round-report.ts';
import { assertNever, type Item } from '../questionnaire/questionnaire.ts';

export type AnswerKey = { readonly kind: 'option'; readonly code: string } | { readonly kind: 'value'; readonly value: number };

export interface AnswerRow {
  readonly answer: AnswerKey;
  readonly count: number;
  /** count / base, between 0 and 1. */
  readonly share: number;
}

export type AnswerTable =
  | { readonly shown: false; readonly n: number }
  | { readonly shown: true; readonly n: number; readonly notApplicable: number; readonly multiple: boolean; readonly rows: readonly AnswerRow[];
      /** Under the indicative threshold: shown, but marked "indicatief". */
      readonly indicative: boolean };

const SCALE_VALUES = { agree5: [1, 2, 3, 4, 5], yesno: [1, 0] } as const;

export function answerTable(item: Item, reported: ReportItem): AnswerTable {
  if (reported.nClass === 'hidden') return { shown: false, n: reported.n };
  switch (item.type) {
    case 'single':
    case 'multi': {
      const summary = reported.options;
      const n = summary?.n ?? 0;
      const counts = new Map((summary?.options ?? []).map((o) => [o.code, o.count]));
      return {
        shown: true, n, notApplicable: reported.notApplicable, multiple: item.type === 'multi', indicative: reported.nClass === 'indicative',
        rows: item.options.map((o) => ({ answer: { kind: 'option', code: o.code }, count: counts.get(o.code) ?? 0, share: n > 0 ? (counts.get(o.code) ?? 0) / n : 0 })),
      };
    }
    case 'agree5':
    case 'yesno': {
      const counts = new Map((reported.distribution ?? []).map((d) => [d.value, d.count]));
      const n = [...counts.values()].reduce((sum, c) => sum + c, 0);
      return {
        shown: true, n, notApplicable: reported.notApplicable, multiple: false, indicative: reported.nClass === 'indicative',
        rows: SCALE_VALUES[item.type].map((value) => ({ answer: { kind: 'value', value }, count: counts.get(value) ?? 0, share: n > 0 ? (counts.get(value) ?? 0) / n : 0 })),
      };
    }
    case 'mark':
    case 'number':
    case 'open':
      return { shown: false, n: reported.n };
    default:
      return assertNever(item);
  }
}
