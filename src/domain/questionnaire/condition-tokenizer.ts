// Splits a routing condition into tokens. Characters that people carry over from spreadsheet or
// programming habits (==, &&, ||, !, double quotes, <>) get a message saying what to write instead.

import { err, ok, type Result } from '../result.ts';
import type { ComparisonOperator, ConditionIssue } from './condition.ts';

export type Token =
  /** A word with at least one dot: an item key such as `intake.gehad`. */
  | { readonly kind: 'key'; readonly text: string; readonly position: number }
  /** A word without dots, lower-cased: a keyword (and, in, ja, ...) or a mistake. */
  | { readonly kind: 'word'; readonly text: string; readonly position: number }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly position: number }
  | { readonly kind: 'string'; readonly value: string; readonly position: number }
  | { readonly kind: 'operator'; readonly operator: ComparisonOperator; readonly position: number }
  | { readonly kind: '(' | ')' | ','; readonly position: number }
  | { readonly kind: 'end'; readonly position: number };

const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const SPACE = /\s/;

const HINTS: Readonly<Record<string, { nl: string; en: string }>> = {
  '==': { nl: "gebruik '=' in plaats van '=='", en: "use '=' instead of '=='" },
  '<>': { nl: "gebruik '!=' in plaats van '<>'", en: "use '!=' instead of '<>'" },
  '&': { nl: "gebruik 'and' in plaats van '&&'", en: "use 'and' instead of '&&'" },
  '|': { nl: "gebruik 'or' in plaats van '||'", en: "use 'or' instead of '||'" },
  '!': { nl: "gebruik 'not' in plaats van '!'", en: "use 'not' instead of '!'" },
  '"': {
    nl: "gebruik enkele aanhalingstekens voor tekst, zoals '18-26'",
    en: "use single quotes for text, such as '18-26'",
  },
};

function failure(position: number, message: { nl: string; en: string }): Result<never, ConditionIssue> {
  return err({ position, message });
}

export function tokenizeCondition(source: string): Result<Token[], ConditionIssue> {
  const tokens: Token[] = [];
  let i = 0;
  const at = (index: number): string => source[index] ?? '';

  while (i < source.length) {
    const ch = at(i);
    const start = i;
    if (SPACE.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch, position: i });
      i++;
    } else if (ch === "'") {
      const read = readString(source, i);
      if (!read.ok) return read;
      tokens.push({ kind: 'string', value: read.value.value, position: start });
      i = read.value.end;
    } else if (DIGIT.test(ch) || (ch === '-' && DIGIT.test(at(i + 1)))) {
      i++;
      while (DIGIT.test(at(i))) i++;
      if (at(i) === '.') {
        if (!DIGIT.test(at(i + 1))) {
          return failure(start, {
            nl: `onvolledig getal '${source.slice(start, i + 1)}'; schrijf bijvoorbeeld 7.5`,
            en: `incomplete number '${source.slice(start, i + 1)}'; write for example 7.5`,
          });
        }
        i++;
        while (DIGIT.test(at(i))) i++;
      }
      const text = source.slice(start, i);
      if (WORD_PART.test(at(i))) {
        return failure(start, {
          nl: `'${text}${at(i)}...' is geen geldig getal of vraagsleutel; vraagsleutels beginnen met een letter`,
          en: `'${text}${at(i)}...' is not a valid number or question key; question keys start with a letter`,
        });
      }
      const value = Number(text);
      if (!Number.isFinite(value) || text.length > 20) {
        return failure(start, { nl: `het getal ${text} is te groot`, en: `the number ${text} is too large` });
      }
      tokens.push({ kind: 'number', value, text, position: start });
    } else if (WORD_START.test(ch)) {
      i++;
      while (WORD_PART.test(at(i))) i++;
      let dotted = false;
      while (at(i) === '.') {
        if (!WORD_PART.test(at(i + 1))) {
          return failure(start, {
            nl: `onvolledige vraagsleutel '${source.slice(start, i + 1)}'; na een punt volgt nog een deel, zoals 'intake.gehad'`,
            en: `incomplete question key '${source.slice(start, i + 1)}'; a dot must be followed by more, as in 'intake.gehad'`,
          });
        }
        dotted = true;
        i++;
        while (WORD_PART.test(at(i))) i++;
      }
      const text = source.slice(start, i);
      tokens.push(dotted ? { kind: 'key', text, position: start } : { kind: 'word', text: text.toLowerCase(), position: start });
    } else {
      const two = source.slice(i, i + 2);
      const twoHint = HINTS[two];
      if (two === '<=' || two === '>=' || two === '!=') {
        tokens.push({ kind: 'operator', operator: two, position: i });
        i += 2;
      } else if (twoHint) {
        return failure(i, twoHint);
      } else if (ch === '=' || ch === '<' || ch === '>') {
        tokens.push({ kind: 'operator', operator: ch, position: i });
        i++;
      } else {
        const hint = HINTS[ch];
        const unexpected = {
          nl: `onverwacht teken '${ch}'`,
          en: `unexpected character '${ch}'`,
        };
        return failure(
          i,
          hint ? { nl: `${unexpected.nl}: ${hint.nl}`, en: `${unexpected.en}: ${hint.en}` } : unexpected,
        );
      }
    }
  }
  tokens.push({ kind: 'end', position: source.length });
  return ok(tokens);
}

/** Reads a single-quoted string starting at `start`; `\'` is a quote and `\\` a backslash. */
function readString(source: string, start: number): Result<{ value: string; end: number }, ConditionIssue> {
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "'") return ok({ value, end: i + 1 });
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === "'" || next === '\\') {
        value += next;
        i += 2;
        continue;
      }
      return failure(i, {
        nl: `onbekende escape '\\${next ?? ''}' in tekst; alleen \\' (aanhalingsteken) en \\\\ (backslash) kunnen`,
        en: `unknown escape '\\${next ?? ''}' in text; only \\' (quote) and \\\\ (backslash) are allowed`,
      });
    }
    value += ch;
    i++;
  }
  return failure(start, {
    nl: "tekst zonder afsluitend aanhalingsteken; sluit af met '",
    en: "text without a closing quote; end it with '",
  });
}
