import { describe, expect, it } from 'vitest';
import type { AnswerLookup, AnswerValue } from '../../../src/domain/questionnaire/answer-value.ts';
import { isRealAnswer } from '../../../src/domain/questionnaire/answer-value.ts';
import { evaluateCondition } from '../../../src/domain/questionnaire/condition-evaluator.ts';
import { parseCondition } from '../../../src/domain/questionnaire/condition-parser.ts';

const NA: AnswerValue = { kind: 'notApplicable' };
const num = (value: number): AnswerValue => ({ kind: 'number', value });
const bool = (value: boolean): AnswerValue => ({ kind: 'bool', value });
const option = (code: string): AnswerValue => ({ kind: 'option', code });
const options = (...codes: string[]): AnswerValue => ({ kind: 'options', codes });
const text = (value: string): AnswerValue => ({ kind: 'text', value });

function answers(values: Record<string, AnswerValue>): AnswerLookup {
  return (key) => values[key];
}

function evaluate(source: string, values: Record<string, AnswerValue>): boolean {
  const parsed = parseCondition(source);
  if (!parsed.ok) throw new Error(`${source}: ${parsed.error.message.en}`);
  return evaluateCondition(parsed.value, answers(values));
}

/** Outcome of `source` with `q.x` set to each answer in turn (undefined = not answered). */
function outcomes(source: string, cases: readonly (AnswerValue | undefined)[]): boolean[] {
  return cases.map((answer) => evaluate(source, answer === undefined ? {} : { 'q.x': answer }));
}

describe('evaluateCondition: comparisons', () => {
  const marks = [num(5), num(6), num(7), undefined, NA];

  it.each([
    ['q.x = 6', [false, true, false, false, false]],
    ['q.x != 6', [true, false, true, false, false]],
    ['q.x < 6', [true, false, false, false, false]],
    ['q.x <= 6', [true, true, false, false, false]],
    ['q.x > 6', [false, false, true, false, false]],
    ['q.x >= 6', [false, true, true, false, false]],
    ['q.x in (5, 7)', [true, false, true, false, false]],
    ['q.x not in (5, 7)', [false, true, false, false, false]],
    ['not q.x = 6', [true, false, true, true, true]],
    ['not q.x < 6', [false, true, true, true, true]],
  ])('%s for 5, 6, 7, unanswered and n/a', (source, expected) => {
    expect(outcomes(source, marks)).toEqual(expected);
  });

  it('compares decimals', () => {
    expect(outcomes('q.x > 2.5', [num(2), num(2.5), num(3)])).toEqual([false, false, true]);
  });

  it('compares yes/no answers', () => {
    const cases = [bool(true), bool(false), undefined, NA];
    expect(outcomes('q.x = ja', cases)).toEqual([true, false, false, false]);
    expect(outcomes('q.x = nee', cases)).toEqual([false, true, false, false]);
    expect(outcomes('q.x != ja', cases)).toEqual([false, true, false, false]);
    expect(outcomes('not q.x = ja', cases)).toEqual([false, true, true, true]);
  });

  it('compares single-choice answers', () => {
    const cases = [option('18-26'), option('27-44'), option('45plus'), undefined, NA];
    expect(outcomes("q.x = '18-26'", cases)).toEqual([true, false, false, false, false]);
    expect(outcomes("q.x != '18-26'", cases)).toEqual([false, true, true, false, false]);
    expect(outcomes("q.x in ('18-26', '27-44')", cases)).toEqual([true, true, false, false, false]);
    expect(outcomes("q.x not in ('18-26', '27-44')", cases)).toEqual([false, false, true, false, false]);
  });

  it('checks multiple-choice answers with contains', () => {
    const cases = [options('balie', 'telefoon'), options('telefoon'), options(), undefined, NA];
    expect(outcomes("q.x contains 'balie'", cases)).toEqual([true, false, false, false, false]);
    expect(outcomes("not q.x contains 'balie'", cases)).toEqual([false, true, true, true, true]);
  });

  it('never holds for answers of a kind the literal cannot be compared with', () => {
    expect(outcomes('q.x = 1', [bool(true), option('1'), text('1'), options('1')])).toEqual([false, false, false, false]);
    expect(outcomes('q.x != 1', [bool(true), option('1'), text('1')])).toEqual([false, false, false]);
    expect(outcomes("q.x not in ('a')", [num(1), bool(false)])).toEqual([false, false]);
    expect(outcomes('q.x < 1', [option('0')])).toEqual([false]);
    expect(outcomes("q.x contains 'a'", [option('a')])).toEqual([false]);
    expect(outcomes("q.x = 'ja'", [bool(true)])).toEqual([false]);
  });
});

describe('evaluateCondition: answered', () => {
  it('is true only for a real answer', () => {
    const cases = [num(0), bool(false), option('x'), options('x'), text('goed'), options(), text('  '), NA, undefined];
    expect(outcomes('answered(q.x)', cases)).toEqual([true, true, true, true, true, false, false, false, false]);
    expect(outcomes('not answered(q.x)', cases)).toEqual([false, false, false, false, false, true, true, true, true]);
  });

  it('agrees with isRealAnswer', () => {
    expect([num(1), NA, undefined, text(''), options()].map(isRealAnswer)).toEqual([true, false, false, false, false]);
  });
});

describe('evaluateCondition: and, or, not', () => {
  const pairs: [boolean, boolean][] = [
    [false, false],
    [false, true],
    [true, false],
    [true, true],
  ];
  const run = (source: string): boolean[] =>
    pairs.map(([a, b]) => evaluate(source, { 'q.a': bool(a), 'q.b': bool(b) }));

  it('follows the truth tables', () => {
    expect(run('q.a = ja and q.b = ja')).toEqual([false, false, false, true]);
    expect(run('q.a = ja or q.b = ja')).toEqual([false, true, true, true]);
    expect(run('not (q.a = ja and q.b = ja)')).toEqual([true, true, true, false]);
    expect(run('not (q.a = ja or q.b = ja)')).toEqual([true, false, false, false]);
    expect(run('not not q.a = ja')).toEqual([false, false, true, true]);
  });

  it('respects precedence: and before or', () => {
    const source = 'q.a = ja or q.b = ja and q.c = ja';
    expect(evaluate(source, { 'q.a': bool(true), 'q.b': bool(false), 'q.c': bool(false) })).toBe(true);
    expect(evaluate('(q.a = ja or q.b = ja) and q.c = ja', { 'q.a': bool(true), 'q.b': bool(false), 'q.c': bool(false) })).toBe(false);
  });

  it('treats an unanswered operand as a false comparison', () => {
    expect(evaluate('q.a = ja or q.b = ja', { 'q.b': bool(true) })).toBe(true);
    expect(evaluate('q.a = ja and q.b = ja', { 'q.b': bool(true) })).toBe(false);
    expect(evaluate('q.a != ja and q.b = ja', { 'q.b': bool(true) })).toBe(false);
  });
});
