// Turns the submitted fields of one page into answers, checking what a respondent can get wrong
// and refusing what only a tampered form can send. Field names are item keys; "na" is the value
// of "niet van toepassing / weet niet".

import type { AnswerValue } from '../questionnaire/answer-value.ts';
import { assertNever, type Item } from '../questionnaire/questionnaire.ts';

export const NOT_APPLICABLE = 'na';

export type AnswerProblem =
  | { readonly kind: 'required' }
  | { readonly kind: 'invalid-choice' }
  | { readonly kind: 'not-a-number' }
  | { readonly kind: 'not-whole' }
  | { readonly kind: 'too-small'; readonly min: number }
  | { readonly kind: 'too-large'; readonly max: number }
  | { readonly kind: 'too-many'; readonly max: number }
  | { readonly kind: 'too-long'; readonly max: number }
  | { readonly kind: 'na-with-answer' };

export interface BlockAnswers {
  /** Every item of the page: its answer, or undefined when left empty. */
  readonly answers: ReadonlyMap<string, AnswerValue | undefined>;
  readonly problems: ReadonlyMap<string, AnswerProblem>;
  /** What the respondent typed, to show again next to a problem. */
  readonly raw: ReadonlyMap<string, readonly string[]>;
}

export type FormBody = Readonly<Record<string, unknown>>;

function values(body: FormBody, name: string): string[] {
  const value = body[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** Accepts "7", "7,5" and "7.5"; digits only, so "1e3" or "0x10" are not numbers here. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(',', '.');
  if (!/^-?\d{1,12}(\.\d{1,6})?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

function scale(raw: string, max: number): AnswerValue | AnswerProblem {
  const n = Number(raw);
  if (!/^\d{1,2}$/.test(raw) || n < 1 || n > max) return { kind: 'invalid-choice' };
  return { kind: 'number', value: n };
}

function readItem(item: Item, body: FormBody): { value?: AnswerValue; problem?: AnswerProblem; raw: string[] } {
  const raw = values(body, item.key);
  const naBox = values(body, `${item.key}.na`).includes(NOT_APPLICABLE);
  const single = raw.length === 1 ? raw[0]!.trim() : undefined;
  if (raw.length > 1 && item.type !== 'multi') return { problem: { kind: 'invalid-choice' }, raw };
  const wantsNa = raw.some((r) => r.trim() === NOT_APPLICABLE) || naBox;
  if (wantsNa) {
    if (!item.allowNotApplicable) return { problem: { kind: 'invalid-choice' }, raw };
    const hasOther = item.type === 'multi' ? raw.some((r) => r !== NOT_APPLICABLE) : naBox && single !== undefined && single !== '';
    if (hasOther) return { problem: { kind: 'na-with-answer' }, raw };
    return { value: { kind: 'notApplicable' }, raw };
  }
  const empty = item.type === 'multi' ? raw.every((r) => r.trim() === '') : single === undefined || single === '';
  if (empty) return item.required ? { problem: { kind: 'required' }, raw } : { raw };
  switch (item.type) {
    case 'mark':
    case 'agree5': {
      const read = scale(single!, item.type === 'mark' ? 10 : 5);
      return isProblem(read) ? { problem: read, raw } : { value: read, raw };
    }
    case 'yesno':
      if (single === '1' || single === '0') return { value: { kind: 'bool', value: single === '1' }, raw };
      return { problem: { kind: 'invalid-choice' }, raw };
    case 'single':
      return item.options.some((o) => o.code === single) ? { value: { kind: 'option', code: single! }, raw } : { problem: { kind: 'invalid-choice' }, raw };
    case 'multi': {
      const codes = [...new Set(raw.map((r) => r.trim()))];
      if (!codes.every((c) => item.options.some((o) => o.code === c))) return { problem: { kind: 'invalid-choice' }, raw };
      if (item.maxChoices !== undefined && codes.length > item.maxChoices) return { problem: { kind: 'too-many', max: item.maxChoices }, raw };
      return { value: { kind: 'options', codes }, raw };
    }
    case 'number': {
      const n = parseNumber(single!);
      if (n === undefined) return { problem: { kind: 'not-a-number' }, raw };
      if (item.integer && !Number.isInteger(n)) return { problem: { kind: 'not-whole' }, raw };
      if (item.min !== undefined && n < item.min) return { problem: { kind: 'too-small', min: item.min }, raw };
      if (item.max !== undefined && n > item.max) return { problem: { kind: 'too-large', max: item.max }, raw };
      return { value: { kind: 'number', value: n }, raw };
    }
    case 'open': {
      const text = raw[0]!.replace(/\r\n/g, '\n').trim();
      if (text.length > item.maxLength) return { problem: { kind: 'too-long', max: item.maxLength }, raw };
      return { value: { kind: 'text', value: text }, raw };
    }
    default:
      return assertNever(item);
  }
}

const PROBLEM_KINDS = new Set(['required', 'invalid-choice', 'not-a-number', 'not-whole', 'too-small', 'too-large', 'too-many', 'too-long', 'na-with-answer']);
function isProblem(value: AnswerValue | AnswerProblem): value is AnswerProblem {
  return PROBLEM_KINDS.has(value.kind);
}

/** Reads the answers to the given (visible) items of one page. */
export function readBlockAnswers(items: readonly Item[], body: FormBody): BlockAnswers {
  const answers = new Map<string, AnswerValue | undefined>();
  const problems = new Map<string, AnswerProblem>();
  const raw = new Map<string, readonly string[]>();
  for (const item of items) {
    const read = readItem(item, body);
    answers.set(item.key, read.value);
    raw.set(item.key, read.raw);
    if (read.problem) problems.set(item.key, read.problem);
  }
  return { answers, problems, raw };
}
