// One cell of an agency's or LimeSurvey's response file read as an answer to one of our
// questions: numbers with a decimal comma, the usual Dutch and English scale labels, ja/nee and
// Y/N, option codes or labels, and the many ways files write "niet van toepassing". A
// researcher's own recoding ("Zeer tevreden" → 5) is applied first.

import type { StoredAnswer } from '../questionnaire/answer-encoding.ts';
import type { Item, Option } from '../questionnaire/questionnaire.ts';
import { assertNever } from '../questionnaire/questionnaire.ts';
import { err, ok, type Result } from '../result.ts';

/** Source value (as normalised by normaliseCell) → the value to read instead. */
export type Recoding = ReadonlyMap<string, string>;

export function normaliseCell(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

const NOT_APPLICABLE = new Set(['nvt', 'n.v.t.', 'n.v.t', 'n v t', 'niet van toepassing', 'weet niet', 'weet ik niet', 'nvt/weet niet', 'n.v.t./weet niet', 'geen mening', 'not applicable', "don't know", 'n/a', 'na', '98', '99']);

const AGREE_LABELS = new Map<string, number>([
  ['helemaal oneens', 1], ['zeer oneens', 1], ['geheel oneens', 1], ['strongly disagree', 1],
  ['oneens', 2], ['disagree', 2],
  ['neutraal', 3], ['niet eens, niet oneens', 3], ['niet eens/niet oneens', 3], ['niet eens niet oneens', 3], ['neither agree nor disagree', 3], ['neutral', 3],
  ['eens', 4], ['agree', 4],
  ['helemaal eens', 5], ['zeer eens', 5], ['geheel eens', 5], ['strongly agree', 5],
]);

const YES = new Set(['ja', 'j', 'yes', 'y', '1', 'true', 'waar']);
const NO = new Set(['nee', 'n', 'no', '0', 'false', 'onwaar']);

export type CellProblem = 'unreadable' | 'out-of-range' | 'not-applicable-not-allowed' | 'too-long' | 'too-many-choices';

function readNumber(text: string): number | undefined {
  const body = text.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(body) ? Number(body) : undefined;
}

function wholeIn(text: string, min: number, max: number): Result<number, CellProblem> {
  const value = readNumber(text);
  if (value === undefined) return err('unreadable');
  if (!Number.isInteger(value) || value < min || value > max) return err('out-of-range');
  return ok(value);
}

function optionOf(options: readonly Option[], text: string): Option | undefined {
  return options.find((o) => normaliseCell(o.code) === text)
    ?? options.find((o) => Object.values(o.label).some((label) => normaliseCell(label) === text));
}

/** The stored rows for a cell; an empty list for an empty cell (no answer). */
export function readAnswerCell(item: Item, raw: string, recoding: Recoding = new Map()): Result<StoredAnswer[], CellProblem> {
  const original = normaliseCell(raw);
  if (original === '') return ok([]);
  const recoded = recoding.get(original);
  const text = recoded === undefined ? original : normaliseCell(recoded);
  if (text === '') return ok([]);
  const key = item.key;
  if (NOT_APPLICABLE.has(text) && item.type !== 'open' && item.type !== 'number') {
    return item.allowNotApplicable ? ok([{ itemKey: key, notApplicable: true }]) : err('not-applicable-not-allowed');
  }
  switch (item.type) {
    case 'mark': {
      const mark = wholeIn(text, 1, 10);
      return mark.ok ? ok([{ itemKey: key, valueNum: mark.value }]) : mark;
    }
    case 'agree5': {
      const label = AGREE_LABELS.get(text);
      if (label !== undefined) return ok([{ itemKey: key, valueNum: label }]);
      const value = wholeIn(text, 1, 5);
      return value.ok ? ok([{ itemKey: key, valueNum: value.value }]) : value;
    }
    case 'yesno':
      if (YES.has(text)) return ok([{ itemKey: key, valueNum: 1 }]);
      if (NO.has(text)) return ok([{ itemKey: key, valueNum: 0 }]);
      return err('unreadable');
    case 'single': {
      const option = optionOf(item.options, text);
      return option ? ok([{ itemKey: key, optionCode: option.code }]) : err('unreadable');
    }
    case 'multi': {
      const parts = text.split(/[;|]/).map((p) => p.trim()).filter(Boolean);
      const codes: string[] = [];
      for (const part of parts) {
        const option = optionOf(item.options, part);
        if (!option) return err('unreadable');
        if (!codes.includes(option.code)) codes.push(option.code);
      }
      if (item.maxChoices !== undefined && codes.length > item.maxChoices) return err('too-many-choices');
      return ok(codes.map((code) => ({ itemKey: key, optionCode: code })));
    }
    case 'number': {
      const value = readNumber(text);
      if (value === undefined) return err('unreadable');
      if ((item.integer && !Number.isInteger(value)) || (item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max)) return err('out-of-range');
      return ok([{ itemKey: key, valueNum: value }]);
    }
    case 'open': {
      // The text as written (not lower-cased), unless the researcher recoded it.
      const written = (recoded ?? raw).trim();
      return written.length > item.maxLength ? err('too-long') : ok([{ itemKey: key, valueText: written }]);
    }
    default:
      return assertNever(item);
  }
}
