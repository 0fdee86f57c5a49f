import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, formatAccessCode, makeAccessCode, normaliseAccessCode } from '../../src/domain/access-code.ts';

function sequence(values: number[]): (max: number) => number {
  let i = 0;
  return (max) => values[i++ % values.length]! % max;
}

describe('access codes', () => {
  it('use 12 characters from an alphabet without look-alikes', () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    for (const c of '01OIL') expect(CODE_ALPHABET).not.toContain(c);
    const code = makeAccessCode(sequence([3, 14, 15, 9, 26, 5, 3, 5, 8, 9, 7]));
    expect(code).toHaveLength(CODE_LENGTH);
    expect(CODE_LENGTH).toBe(12);
    expect(formatAccessCode(code)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('are read case-insensitively with spaces and dashes ignored', () => {
    const code = makeAccessCode(sequence([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    const typed = formatAccessCode(code).toLowerCase().replace('-', ' ');
    expect(normaliseAccessCode(` ${typed} `)).toEqual({ ok: true, value: code });
  });

  it('catch every single mistyped character and every swap of neighbours', () => {
    const code = makeAccessCode(sequence([30, 0, 17, 4, 22, 9, 13, 2, 28, 11, 6]));
    let checked = 0;
    for (let i = 0; i < code.length; i++) {
      for (const c of CODE_ALPHABET) {
        if (c === code[i]) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(normaliseAccessCode(typo), typo).toEqual({ ok: false, error: 'check' });
        checked++;
      }
      if (i + 1 < code.length && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(normaliseAccessCode(swapped), swapped).toEqual({ ok: false, error: 'check' });
      }
    }
    expect(checked).toBe(12 * 30);
  });

  it('explain what is wrong before any lookup', () => {
    expect(normaliseAccessCode('')).toEqual({ ok: false, error: 'empty' });
    expect(normaliseAccessCode('ABCD-EFGH')).toEqual({ ok: false, error: 'length' });
    expect(normaliseAccessCode('ABCD-EFGH-JK0O')).toEqual({ ok: false, error: 'characters' });
  });
});
