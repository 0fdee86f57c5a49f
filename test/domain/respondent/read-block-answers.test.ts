import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/domain/questionnaire/questionnaire.ts';
import { parseNumber, readBlockAnswers } from '../../../src/domain/respondent/read-block-answers.ts';

const base = { text: { nl: 'Vraag' }, allowNotApplicable: true, required: false, standard: false };
const mark: Item = { ...base, key: 'a.mark', type: 'mark' };
const agree: Item = { ...base, key: 'a.agree', type: 'agree5', required: true };
const yesno: Item = { ...base, key: 'a.yesno', type: 'yesno', allowNotApplicable: false };
const single: Item = { ...base, key: 'a.single', type: 'single', options: [{ code: 'x', label: { nl: 'X' } }, { code: 'y', label: { nl: 'Y' } }] };
const multi: Item = { ...base, key: 'a.multi', type: 'multi', maxChoices: 2, options: [{ code: 'p', label: { nl: 'P' } }, { code: 'q', label: { nl: 'Q' } }, { code: 'r', label: { nl: 'R' } }] };
const number: Item = { ...base, key: 'a.number', type: 'number', integer: true, min: 0, max: 99 };
const open: Item = { ...base, key: 'a.open', type: 'open', maxLength: 10, allowNotApplicable: false };
const items = [mark, agree, yesno, single, multi, number, open];

describe('readBlockAnswers', () => {
  it('reads a valid page of every type', () => {
    const read = readBlockAnswers(items, {
      'a.mark': '8', 'a.agree': '4', 'a.yesno': '0', 'a.single': 'y', 'a.multi': ['p', 'r'], 'a.number': '12', 'a.open': '  Prima\r\n ',
    });
    expect(read.problems.size).toBe(0);
    expect(Object.fromEntries(read.answers)).toEqual({
      'a.mark': { kind: 'number', value: 8 },
      'a.agree': { kind: 'number', value: 4 },
      'a.yesno': { kind: 'bool', value: false },
      'a.single': { kind: 'option', code: 'y' },
      'a.multi': { kind: 'options', codes: ['p', 'r'] },
      'a.number': { kind: 'number', value: 12 },
      'a.open': { kind: 'text', value: 'Prima' },
    });
  });

  it('reads "niet van toepassing" where allowed and leaves optional items empty', () => {
    const read = readBlockAnswers(items, { 'a.mark': 'na', 'a.agree': 'na', 'a.multi': ['na'], 'a.number.na': 'na' });
    expect(read.problems.size).toBe(0);
    expect(read.answers.get('a.mark')).toEqual({ kind: 'notApplicable' });
    expect(read.answers.get('a.multi')).toEqual({ kind: 'notApplicable' });
    expect(read.answers.get('a.number')).toEqual({ kind: 'notApplicable' });
    expect(read.answers.get('a.yesno')).toBeUndefined();
    expect(read.answers.has('a.yesno')).toBe(true);
  });

  it('reports what a respondent can get wrong', () => {
    const read = readBlockAnswers(items, { 'a.multi': ['p', 'q', 'r'], 'a.number': '3,5', 'a.open': 'veel te lange tekst' });
    expect(Object.fromEntries(read.problems)).toEqual({
      'a.agree': { kind: 'required' },
      'a.multi': { kind: 'too-many', max: 2 },
      'a.number': { kind: 'not-whole' },
      'a.open': { kind: 'too-long', max: 10 },
    });
    expect(read.raw.get('a.number')).toEqual(['3,5']);
    expect(readBlockAnswers([number], { 'a.number': '100' }).problems.get('a.number')).toEqual({ kind: 'too-large', max: 99 });
    expect(readBlockAnswers([number], { 'a.number': '-1' }).problems.get('a.number')).toEqual({ kind: 'too-small', min: 0 });
    expect(readBlockAnswers([number], { 'a.number': 'twaalf' }).problems.get('a.number')).toEqual({ kind: 'not-a-number' });
    expect(readBlockAnswers([multi], { 'a.multi': ['p', 'na'] }).problems.get('a.multi')).toEqual({ kind: 'na-with-answer' });
  });

  it('refuses tampered values instead of storing them', () => {
    const tampered = readBlockAnswers(items, {
      'a.mark': '11', 'a.agree': '0', 'a.yesno': 'na', 'a.single': 'z', 'a.multi': ['p', 'evil'], 'a.open': 'na',
    });
    for (const key of ['a.mark', 'a.agree', 'a.yesno', 'a.single', 'a.multi']) {
      expect(tampered.problems.get(key), key).toEqual({ kind: 'invalid-choice' });
      expect(tampered.answers.get(key), key).toBeUndefined();
    }
    expect(readBlockAnswers([mark], { 'a.mark': ['7', '8'] }).problems.get('a.mark')).toEqual({ kind: 'invalid-choice' });
    expect(readBlockAnswers([mark], { 'a.mark': { toString: () => '7' } }).answers.get('a.mark')).toBeUndefined();
  });
});

describe('parseNumber', () => {
  it('accepts Dutch and English decimals only', () => {
    expect(parseNumber('7,5')).toBe(7.5);
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('1e3')).toBeUndefined();
    expect(parseNumber('0x10')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
});
