// Raw answers for benchmark tests: a few organisations with seeded pseudo-random answers, and
// the counts the report queries would return for them.

import type { BenchmarkItemKind } from '../../../src/domain/benchmark/contribution.ts';
import type { Item } from '../../../src/domain/questionnaire/questionnaire.ts';
import type { ItemAnswerCounts } from '../../../src/domain/report/item-figures.ts';
import { countValues } from '../../../src/domain/statistics/value-counts.ts';

export function scaleItem(key: string, type: BenchmarkItemKind, standard = true): Item {
  return { key, type, text: { nl: key }, allowNotApplicable: true, required: false, standard };
}

/** Raw answers of one item: numbers on the scale, null for "n.v.t. / weet niet". */
export type RawAnswers = readonly (number | null)[];

export function countsOf(raw: RawAnswers): ItemAnswerCounts {
  const valid = raw.filter((v): v is number => v !== null);
  return { values: countValues(valid), options: new Map(), notApplicable: raw.length - valid.length, respondents: valid.length };
}

/** Park–Miller: the same answers in every run. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

export function drawAnswers(random: () => number, n: number, min: number, max: number, shift: number): number[] {
  return Array.from({ length: n }, () => Math.min(max, Math.max(min, Math.round(min + (max - min) * random() + shift))));
}
