import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../src/domain/questionnaire/condition.ts';
import { conditionKeys } from '../../../src/domain/questionnaire/condition.ts';
import { parseCondition } from '../../../src/domain/questionnaire/condition-parser.ts';

function parsed(source: string): Condition {
  const result = parseCondition(source);
  if (!result.ok) throw new Error(`${source}: ${result.error.message.en} at ${result.error.position}`);
  return result.value;
}

/** The tree without positions, to keep structural expectations readable. */
function shape(node: Condition): unknown {
  switch (node.type) {
    case 'and':
    case 'or':
      return { [node.type]: node.operands.map(shape) };
    case 'not':
      return { not: shape(node.operand) };
    case 'answered':
      return `answered(${node.key})`;
    case 'compare':
      return [node.key, node.operator, node.value.value];
    case 'in':
      return [node.key, node.negated ? 'not in' : 'in', node.values.map((value) => value.value)];
    case 'contains':
      return [node.key, 'contains', node.value.value];
  }
}

describe('parseCondition: accepted syntax', () => {
  it('builds a comparison node with positions', () => {
    expect(parsed('intake.gehad = ja')).toEqual({
      type: 'compare',
      key: 'intake.gehad',
      position: 0,
      operator: '=',
      operatorPosition: 13,
      value: { kind: 'bool', value: true, position: 15 },
    });
  });

  it('supports every comparison operator', () => {
    for (const operator of ['=', '!=', '<', '<=', '>', '>=']) {
      expect(shape(parsed(`balie.cijfer ${operator} 6`))).toEqual(['balie.cijfer', operator, 6]);
    }
    expect(shape(parsed('balie.cijfer>=6'))).toEqual(['balie.cijfer', '>=', 6]);
  });

  it('supports in, not in, contains and answered', () => {
    expect(parsed("achtergrond.leeftijd in ('18-26', '27-44')")).toEqual({
      type: 'in',
      key: 'achtergrond.leeftijd',
      position: 0,
      negated: false,
      operatorPosition: 21,
      values: [
        { kind: 'string', value: '18-26', position: 25 },
        { kind: 'string', value: '27-44', position: 34 },
      ],
    });
    expect(shape(parsed("achtergrond.leeftijd not in ('67plus')"))).toEqual(['achtergrond.leeftijd', 'not in', ['67plus']]);
    expect(shape(parsed('balie.cijfer in (1, 2,3)'))).toEqual(['balie.cijfer', 'in', [1, 2, 3]]);
    expect(parsed("contact.kanaal contains 'balie'")).toEqual({
      type: 'contains',
      key: 'contact.kanaal',
      position: 0,
      operatorPosition: 15,
      value: { kind: 'string', value: 'balie', position: 24 },
    });
    expect(parsed('answered( open.pluspunten )')).toEqual({ type: 'answered', key: 'open.pluspunten', position: 10 });
  });

  it('reads numbers, including decimals and negative numbers', () => {
    expect(shape(parsed('a.b = 6'))).toEqual(['a.b', '=', 6]);
    expect(shape(parsed('a.b < 7.5'))).toEqual(['a.b', '<', 7.5]);
    expect(shape(parsed('a.b > -3'))).toEqual(['a.b', '>', -3]);
    expect(shape(parsed('a.b >= 0.25'))).toEqual(['a.b', '>=', 0.25]);
  });

  it('reads all spellings of the booleans, in any case', () => {
    const values = ['ja', 'yes', 'true', 'nee', 'no', 'false', 'JA', 'Nee'].map((word) => shape(parsed(`a.b = ${word}`)));
    expect(values).toEqual([
      ['a.b', '=', true],
      ['a.b', '=', true],
      ['a.b', '=', true],
      ['a.b', '=', false],
      ['a.b', '=', false],
      ['a.b', '=', false],
      ['a.b', '=', true],
      ['a.b', '=', false],
    ]);
  });

  it('reads strings with escaped quotes and backslashes', () => {
    expect(shape(parsed("a.b = 'it\\'s'"))).toEqual(['a.b', '=', "it's"]);
    expect(shape(parsed("a.b = 'a\\\\b'"))).toEqual(['a.b', '=', 'a\\b']);
    expect(shape(parsed("a.b = ''"))).toEqual(['a.b', '=', '']);
    expect(shape(parsed("a.b = 'en/of (x, y)'"))).toEqual(['a.b', '=', 'en/of (x, y)']);
  });

  it('binds and tighter than or', () => {
    expect(shape(parsed('a.a = 1 or a.b = 2 and a.c = 3'))).toEqual({
      or: [['a.a', '=', 1], { and: [['a.b', '=', 2], ['a.c', '=', 3]] }],
    });
    expect(shape(parsed('a.a = 1 and a.b = 2 or a.c = 3'))).toEqual({
      or: [{ and: [['a.a', '=', 1], ['a.b', '=', 2]] }, ['a.c', '=', 3]],
    });
  });

  it('lets parentheses override precedence', () => {
    expect(shape(parsed('(a.a = 1 or a.b = 2) and a.c = 3'))).toEqual({
      and: [{ or: [['a.a', '=', 1], ['a.b', '=', 2]] }, ['a.c', '=', 3]],
    });
    expect(shape(parsed('((a.a = 1))'))).toEqual(['a.a', '=', 1]);
  });

  it('binds not to the nearest comparison', () => {
    expect(shape(parsed('not a.a = 1 and a.b = 2'))).toEqual({ and: [{ not: ['a.a', '=', 1] }, ['a.b', '=', 2]] });
    expect(shape(parsed('not (a.a = 1 and a.b = 2)'))).toEqual({ not: { and: [['a.a', '=', 1], ['a.b', '=', 2]] } });
    expect(shape(parsed('not not answered(a.a)'))).toEqual({ not: { not: 'answered(a.a)' } });
  });

  it('keeps a chain of the same junction as one list', () => {
    expect(shape(parsed('a.a = 1 and a.b = 2 and a.c = 3'))).toEqual({
      and: [['a.a', '=', 1], ['a.b', '=', 2], ['a.c', '=', 3]],
    });
  });

  it('accepts keywords in capitals and line breaks', () => {
    expect(shape(parsed('a.a = 1\n  AND NOT a.b IN (2)\n  OR answered(a.c)'))).toEqual({
      or: [{ and: [['a.a', '=', 1], { not: ['a.b', 'in', [2]] }] }, 'answered(a.c)'],
    });
  });

  it('accepts 32 levels of nesting and a condition of exactly 1000 characters', () => {
    expect(parseCondition(`${'('.repeat(32)}a.b = 1${')'.repeat(32)}`).ok).toBe(true);
    expect(parseCondition(`${'not '.repeat(32)}a.b = 1`).ok).toBe(true);
    const exact = `a.b = '${'x'.repeat(992)}'`;
    expect(exact.length).toBe(1000);
    expect(parseCondition(exact).ok).toBe(true);
  });

  it('lists the referenced keys once each', () => {
    expect(conditionKeys(parsed("a.a = 1 or (a.b in ('x') and not a.a = 2) or answered(a.c) or a.d contains 'y'"))).toEqual([
      'a.a',
      'a.b',
      'a.c',
      'a.d',
    ]);
  });
});

describe('parseCondition: rejected input', () => {
  it.each([
    ['eval(1)', 0, "'eval' is geen vraagsleutel en geen sleutelwoord", "'eval' is neither a question key nor a keyword"],
    ['process.exit()', 12, "verwacht een vergelijking na 'process.exit'", "expected a comparison after 'process.exit' (=, !=, <, <=, >, >=, in, not in, contains), but found '('"],
    ['x = ', 0, "'x' is geen vraagsleutel", "'x' is neither a question key nor a keyword; question keys contain a dot, such as 'intake.gehad'"],
    ['a.b = ', 6, "verwacht een waarde na '='", "expected a value after '=' (a number, 'text', yes or no), but found the end"],
    ["'unterminated", 0, 'tekst zonder afsluitend aanhalingsteken', "text without a closing quote; end it with '"],
    ["a.b = 'open", 6, 'tekst zonder afsluitend aanhalingsteken', "text without a closing quote; end it with '"],
    ['a.b == 1', 4, "gebruik '=' in plaats van '=='", "use '=' instead of '=='"],
    ['a.b <> 1', 4, "gebruik '!=' in plaats van '<>'", "use '!=' instead of '<>'"],
    ['a.b = 1 && a.c = 2', 8, "gebruik 'and' in plaats van '&&'", "unexpected character '&': use 'and' instead of '&&'"],
    ['a.b = 1 || a.c = 2', 8, "gebruik 'or'", "unexpected character '|': use 'or' instead of '||'"],
    ['!answered(a.b)', 0, "gebruik 'not'", "unexpected character '!': use 'not' instead of '!'"],
    ['a.b = "ja"', 6, 'enkele aanhalingstekens', "unexpected character '\"': use single quotes for text, such as '18-26'"],
    ["a.b = 'x\\n'", 8, "onbekende escape '\\n'", "unknown escape '\\n' in text; only \\' (quote) and \\\\ (backslash) are allowed"],
    ['', 0, 'de voorwaarde is leeg', 'the condition is empty'],
    ['   ', 0, 'de voorwaarde is leeg', 'the condition is empty'],
    ['a.b = 1 a.c = 2', 8, "onverwacht 'a.c' na een volledige voorwaarde", "unexpected 'a.c' after a complete condition; is 'and' or 'or' missing?"],
    ['a.b = 7,5', 7, 'gebruik een punt in getallen: 7.5 in plaats van 7,5', 'use a point in numbers: 7.5 instead of 7,5'],
    ["a.b in 'x'", 7, "verwacht '(' met een lijst waarden", "expected '(' with a list of values, such as ('a', 'b'), but found the text 'x'"],
    ["a.b in ('x',)", 12, "verwacht een waarde na ','", "expected a value after ',' (a number, 'text', yes or no), but found ')'"],
    ["a.b in ('x' 'y')", 12, "verwacht ',' of ')' in de lijst", "expected ',' or ')' in the list, but found the text 'y'"],
    ['a.b not = 1', 8, "na 'a.b not' verwacht 'in'", "expected 'in' after 'a.b not'; write 'not a.b = ...' to negate a comparison"],
    ['answered(x)', 9, 'verwacht een vraagsleutel in answered(...)', "expected a question key in answered(...), such as answered(intake.gehad), but found 'x'"],
    ['answered a.b', 9, "verwacht '(' na 'answered'", "expected '(' after 'answered', but found 'a.b'"],
    ['answered(a.b', 12, "verwacht ')' na de vraagsleutel", "expected ')' after the question key, but found the end"],
    ['6 < a.b', 0, 'een vergelijking begint met de vraagsleutel', "a comparison starts with the question key: write 'balie.cijfer < 6', not '6 > balie.cijfer'"],
    ['a.b = c.d', 6, 'een vraag kan alleen met een vaste waarde worden vergeleken', "expected a value after '=' (a number, 'text', yes or no), but found 'c.d'; a question can only be compared with a fixed value"],
    ['a. = 1', 0, "onvolledige vraagsleutel 'a.'", "incomplete question key 'a.'; a dot must be followed by more, as in 'intake.gehad'"],
    ['a.b = 1.', 6, "onvolledig getal '1.'", "incomplete number '1.'; write for example 7.5"],
    ['a.b = 1e5', 6, "'1e...' is geen geldig getal", "'1e...' is not a valid number or question key; question keys start with a letter"],
    ['(a.b = 1', 8, "verwacht ')' om '(' op positie 1 te sluiten", "expected ')' to close '(' at position 1, but found the end"],
    ['a.b = 1 and', 11, 'de voorwaarde is onvolledig', 'the condition is incomplete: another comparison is expected'],
    ['and a.b = 1', 0, "verwacht een vraagsleutel, answered(...), 'not' of '(', maar vond 'and'", "expected a question key, answered(...), 'not' or '(', but found 'and'"],
    ['a.b = 1; drop', 7, "onverwacht teken ';'", "unexpected character ';'"],
    ['a.b = 1 ∧ a.c = 2', 8, "onverwacht teken '∧'", "unexpected character '∧'"],
    [`a.b = ${'9'.repeat(400)}`, 6, 'is te groot', `the number ${'9'.repeat(400)} is too large`],
  ])('rejects %j at position %i', (source, position, nl, en) => {
    const result = parseCondition(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.position).toBe(position);
    expect(result.error.message.nl).toContain(nl);
    expect(result.error.message.en).toContain(en);
  });

  it('rejects nesting beyond 32 levels at the opening that is one too many', () => {
    const result = parseCondition(`${'('.repeat(33)}a.b = 1${')'.repeat(33)}`);
    expect(result).toEqual({
      ok: false,
      error: {
        position: 32,
        message: {
          nl: "de voorwaarde is te diep genest (maximaal 32 niveaus haakjes en 'not')",
          en: "the condition is nested too deeply (at most 32 levels of parentheses and 'not')",
        },
      },
    });
    const nots = parseCondition(`${'not '.repeat(33)}a.b = 1`);
    expect(nots.ok ? undefined : nots.error.position).toBe(128);
  });

  it('stops thousands of parentheses at the depth limit without overflowing the stack', () => {
    const result = parseCondition('('.repeat(999));
    expect(result.ok ? undefined : result.error.position).toBe(32);
  });

  it('rejects a condition of 1001 characters before reading it', () => {
    const result = parseCondition(`a.b = '${'x'.repeat(993)}'`);
    expect(result).toEqual({
      ok: false,
      error: {
        position: 1000,
        message: {
          nl: 'de voorwaarde is te lang (1001 tekens, maximaal 1000)',
          en: 'the condition is too long (1001 characters, at most 1000)',
        },
      },
    });
  });
});
