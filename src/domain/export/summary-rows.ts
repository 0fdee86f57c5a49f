// The summary of a round report as rows for a spreadsheet: one row per module heading, per item
// and per option of a choice item. The figures are the report model's, unrounded; only the words
// are added here. The reporting rules are already applied by the model: a hidden figure is null
// and the row says why, an indicative one is marked.

import type { ReportItem, RoundReport } from '../report/build-round-report.ts';
import type { Figure } from '../report/item-figures.ts';
import { localize } from '../questionnaire/questionnaire.ts';
import type { ExportLanguage } from './export-columns.ts';

export type SummaryMeasure = 'mean' | 'share';

export interface SummaryRow {
  readonly kind: 'module' | 'item' | 'option';
  /** Item key, `key.optioncode` for an option, module key for a module heading. */
  readonly key: string;
  readonly text: string;
  readonly n: number | null;
  readonly notApplicable: number | null;
  /** What `value` is: a mean, or a share between 0 and 1 (printed as a percentage). */
  readonly measure: SummaryMeasure | null;
  readonly measureLabel: string;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Marks only: the share "onvoldoende" (1–5). */
  readonly insufficient: number | null;
  readonly previous: number | null;
  readonly previousN: number | null;
  readonly verdict: string;
  readonly note: string;
}

const WORDS = {
  nl: {
    mean: 'gemiddelde', agree: '% (helemaal) eens', yes: '% ja', chosen: '% gekozen',
    indicative: 'indicatief (minder dan {n} antwoorden)', hidden: 'niet getoond: minder dan {n} antwoorden',
    previousHidden: 'vorige ronde niet getoond (minder dan {n} antwoorden)',
    'significant-higher': 'significant hoger', 'significant-lower': 'significant lager', 'in-line': 'in lijn met vorige ronde',
  },
  en: {
    mean: 'mean', agree: '% agree', yes: '% yes', chosen: '% chosen',
    indicative: 'indicative (fewer than {n} answers)', hidden: 'not shown: fewer than {n} answers',
    previousHidden: 'previous round not shown (fewer than {n} answers)',
    'significant-higher': 'significantly higher', 'significant-lower': 'significantly lower', 'in-line': 'in line with the previous round',
  },
} as const;

const EMPTY = { n: null, notApplicable: null, measure: null, measureLabel: '', value: null, lower: null, upper: null, insufficient: null, previous: null, previousN: null, verdict: '', note: '' } as const;

function figureFields(figure: Figure | null) {
  return { measure: figure?.kind ?? null, value: figure?.value ?? null, lower: figure?.ci?.lower ?? null, upper: figure?.ci?.upper ?? null };
}

function itemRows(item: ReportItem, report: RoundReport, language: ExportLanguage): SummaryRow[] {
  const w = WORDS[language];
  const { hideBelow, indicativeBelow } = report.thresholds;
  const note = item.nClass === 'hidden' ? w.hidden.replace('{n}', String(hideBelow))
    : item.nClass === 'indicative' ? w.indicative.replace('{n}', String(indicativeBelow)) : '';
  const measureLabel = item.type === 'mark' ? w.mean : item.type === 'agree5' ? w.agree : item.type === 'yesno' ? w.yes : '';
  const previousNote = item.previous && item.previous.nClass === 'hidden' && item.previous.n > 0 ? w.previousHidden.replace('{n}', String(hideBelow)) : '';
  const row: SummaryRow = {
    ...EMPTY,
    kind: 'item',
    key: item.key,
    text: localize(item.text, language),
    n: item.n,
    notApplicable: item.notApplicable,
    measureLabel: item.options ? '' : measureLabel,
    ...figureFields(item.figure),
    insufficient: item.insufficient?.value ?? null,
    previous: item.previous?.figure?.value ?? null,
    previousN: item.previous && item.previous.nClass !== 'hidden' ? item.previous.n : null,
    verdict: item.comparison ? w[item.comparison.label] : '',
    note: [note, previousNote].filter(Boolean).join('; '),
  };
  if (!item.options) return [row];
  const options = item.options.options.map((option): SummaryRow => {
    const choice = item.choices.find((c) => c.code === option.code);
    return {
      ...EMPTY,
      kind: 'option',
      key: `${item.key}.${option.code}`,
      text: choice ? localize(choice.label, language) : option.code,
      n: option.count,
      measure: option.share ? 'share' : null,
      measureLabel: w.chosen,
      value: option.share?.share ?? null,
      lower: option.share?.ci.lower ?? null,
      upper: option.share?.ci.upper ?? null,
    };
  });
  return [row, ...options];
}

export function summaryRows(report: RoundReport, language: ExportLanguage): SummaryRow[] {
  return report.modules.flatMap((module) => [
    { ...EMPTY, kind: 'module' as const, key: module.key, text: localize(module.title, language) },
    ...module.items.flatMap((item) => itemRows(item, report, language)),
  ]);
}
