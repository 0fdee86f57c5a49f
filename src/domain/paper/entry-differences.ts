// Double entry of paper forms: two people type the same form, and only what they agree on (or
// what someone chose after looking at the paper again) is stored.

import type { AnswerValue } from '../questionnaire/answer-value.ts';
import type { Item } from '../questionnaire/questionnaire.ts';

export type Answers = ReadonlyMap<string, AnswerValue | undefined>;

export interface EntryDifference {
  readonly itemKey: string;
  readonly first: AnswerValue | undefined;
  readonly second: AnswerValue | undefined;
}

export type EntryChoice = 'first' | 'second';

/** Equal answers; the order of ticked boxes in a multiple choice does not matter. */
export function sameAnswerValue(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === 'options' && b.kind === 'options') {
    const left = [...new Set(a.codes)].sort();
    const right = [...new Set(b.codes)].sort();
    return left.length === right.length && left.every((code, i) => code === right[i]);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Items (in questionnaire order) on which the two entries differ. */
export function entryDifferences(items: readonly Item[], first: Answers, second: Answers): EntryDifference[] {
  return items
    .filter((item) => !sameAnswerValue(first.get(item.key), second.get(item.key)))
    .map((item) => ({ itemKey: item.key, first: first.get(item.key), second: second.get(item.key) }));
}

/** The agreed answers plus, for each difference, the chosen entry; undefined when a choice is missing. */
export function mergeEntries(
  items: readonly Item[],
  first: Answers,
  second: Answers,
  choices: ReadonlyMap<string, EntryChoice>,
): Map<string, AnswerValue | undefined> | undefined {
  const merged = new Map<string, AnswerValue | undefined>();
  for (const item of items) {
    const a = first.get(item.key);
    const b = second.get(item.key);
    if (sameAnswerValue(a, b)) {
      merged.set(item.key, a);
      continue;
    }
    const choice = choices.get(item.key);
    if (!choice) return undefined;
    merged.set(item.key, choice === 'first' ? a : b);
  }
  return merged;
}
