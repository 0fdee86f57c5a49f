// How an answer is stored: one row per item (one per chosen option for multiple choice) with
// typed columns, so SQL can count and average without parsing JSON.

import type { AnswerValue } from './answer-value.ts';
import { assertNever, type Item } from './questionnaire.ts';

export interface StoredAnswer {
  readonly itemKey: string;
  readonly optionCode?: string;
  readonly valueNum?: number;
  readonly valueText?: string;
  readonly notApplicable?: boolean;
}

export function encodeAnswer(itemKey: string, value: AnswerValue): StoredAnswer[] {
  switch (value.kind) {
    case 'number':
      return [{ itemKey, valueNum: value.value }];
    case 'bool':
      return [{ itemKey, valueNum: value.value ? 1 : 0 }];
    case 'option':
      return [{ itemKey, optionCode: value.code }];
    case 'options':
      return value.codes.map((code) => ({ itemKey, optionCode: code }));
    case 'text':
      return [{ itemKey, valueText: value.value }];
    case 'notApplicable':
      return [{ itemKey, notApplicable: true }];
    default:
      return assertNever(value);
  }
}

/** Rebuilds answers from stored rows; rows of unknown items (or of the wrong shape) are ignored. */
export function decodeAnswers(items: ReadonlyMap<string, Item>, rows: readonly StoredAnswer[]): Map<string, AnswerValue> {
  const answers = new Map<string, AnswerValue>();
  for (const row of rows) {
    const item = items.get(row.itemKey);
    if (!item) continue;
    if (row.notApplicable) {
      answers.set(item.key, { kind: 'notApplicable' });
      continue;
    }
    switch (item.type) {
      case 'mark':
      case 'agree5':
      case 'number':
        if (row.valueNum !== undefined) answers.set(item.key, { kind: 'number', value: row.valueNum });
        break;
      case 'yesno':
        if (row.valueNum !== undefined) answers.set(item.key, { kind: 'bool', value: row.valueNum === 1 });
        break;
      case 'single':
        if (row.optionCode) answers.set(item.key, { kind: 'option', code: row.optionCode });
        break;
      case 'multi': {
        if (!row.optionCode) break;
        const before = answers.get(item.key);
        const codes = before?.kind === 'options' ? before.codes : [];
        answers.set(item.key, { kind: 'options', codes: [...codes, row.optionCode] });
        break;
      }
      case 'open':
        if (row.valueText !== undefined) answers.set(item.key, { kind: 'text', value: row.valueText });
        break;
      default:
        assertNever(item);
    }
  }
  return answers;
}
