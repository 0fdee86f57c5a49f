// Recursive-descent parser for routing conditions. Conditions come from questionnaire files that
// researchers edit, so this never evaluates code: it only builds a tree of a few known node types.
//
//   condition  := or
//   or         := and ('or' and)*
//   and        := not ('and' not)*
//   not        := 'not' not | primary
//   primary    := '(' or ')' | 'answered' '(' KEY ')' | KEY comparison
//   comparison := OP literal | 'in' list | 'not' 'in' list | 'contains' literal
//   list       := '(' literal (',' literal)* ')'
//   literal    := NUMBER | STRING | ja | nee | yes | no | true | false

import { err, ok, type Result } from '../result.ts';
import type { Condition, ConditionIssue, Literal } from './condition.ts';
import { tokenizeCondition, type Token } from './condition-tokenizer.ts';
import type { IssueMessage } from './issue-message.ts';

export const MAX_CONDITION_LENGTH = 1000;
/** Bounds recursion, so a hostile file cannot overflow the stack. */
export const MAX_CONDITION_DEPTH = 32;

const BOOLEANS: Readonly<Record<string, boolean>> = {
  ja: true,
  yes: true,
  true: true,
  nee: false,
  no: false,
  false: false,
};
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'contains', 'answered', ...Object.keys(BOOLEANS)]);

// Thrown only inside this module and always caught by parseCondition: it unwinds the recursion
// in one step instead of threading a Result through every grammar rule.
class ParseFailure {
  constructor(readonly issue: ConditionIssue) {}
}

function fail(position: number, message: IssueMessage): never {
  throw new ParseFailure({ position, message });
}

function describeToken(token: Token): IssueMessage {
  switch (token.kind) {
    case 'key':
    case 'word':
      return { nl: `'${token.text}'`, en: `'${token.text}'` };
    case 'number':
      return { nl: token.text, en: token.text };
    case 'string':
      return { nl: `de tekst '${token.value}'`, en: `the text '${token.value}'` };
    case 'operator':
      return { nl: `'${token.operator}'`, en: `'${token.operator}'` };
    case 'end':
      return { nl: 'het einde', en: 'the end' };
    default:
      return { nl: `'${token.kind}'`, en: `'${token.kind}'` };
  }
}

export function parseCondition(source: string): Result<Condition, ConditionIssue> {
  if (source.length > MAX_CONDITION_LENGTH) {
    return err({
      position: MAX_CONDITION_LENGTH,
      message: {
        nl: `de voorwaarde is te lang (${source.length} tekens, maximaal ${MAX_CONDITION_LENGTH})`,
        en: `the condition is too long (${source.length} characters, at most ${MAX_CONDITION_LENGTH})`,
      },
    });
  }
  const tokens = tokenizeCondition(source);
  if (!tokens.ok) return tokens;
  if (tokens.value.length === 1) {
    return err({ position: 0, message: { nl: 'de voorwaarde is leeg', en: 'the condition is empty' } });
  }
  try {
    return ok(new Parser(tokens.value).parseAll());
  } catch (error) {
    if (error instanceof ParseFailure) return err(error.issue);
    throw error;
  }
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): Condition {
    const condition = this.parseOr(0);
    const rest = this.peek();
    if (rest.kind !== 'end') {
      const before = this.tokens[this.index - 1];
      const after = this.tokens[this.index + 1];
      if (rest.kind === ',' && before?.kind === 'number' && after?.kind === 'number') {
        fail(rest.position, {
          nl: `gebruik een punt in getallen: ${before.text}.${after.text} in plaats van ${before.text},${after.text}`,
          en: `use a point in numbers: ${before.text}.${after.text} instead of ${before.text},${after.text}`,
        });
      }
      const found = describeToken(rest);
      fail(rest.position, {
        nl: `onverwacht ${found.nl} na een volledige voorwaarde; ontbreekt 'and' of 'or'?`,
        en: `unexpected ${found.en} after a complete condition; is 'and' or 'or' missing?`,
      });
    }
    return condition;
  }

  private peek(): Token {
    // The tokenizer always ends with an 'end' token, and next() never moves past it.
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text === word;
  }

  private expect(kind: '(' | ')', message: IssueMessage): Token {
    const token = this.peek();
    if (token.kind !== kind) {
      const found = describeToken(token);
      fail(token.position, { nl: `${message.nl}, maar vond ${found.nl}`, en: `${message.en}, but found ${found.en}` });
    }
    return this.next();
  }

  private enter(depth: number, position: number): void {
    if (depth > MAX_CONDITION_DEPTH) {
      fail(position, {
        nl: `de voorwaarde is te diep genest (maximaal ${MAX_CONDITION_DEPTH} niveaus haakjes en 'not')`,
        en: `the condition is nested too deeply (at most ${MAX_CONDITION_DEPTH} levels of parentheses and 'not')`,
      });
    }
  }

  private parseOr(depth: number): Condition {
    const operands = [this.parseAnd(depth)];
    while (this.isWord('or')) {
      this.next();
      operands.push(this.parseAnd(depth));
    }
    return operands.length === 1 ? operands[0]! : { type: 'or', operands, position: operands[0]!.position };
  }

  private parseAnd(depth: number): Condition {
    const operands = [this.parseNot(depth)];
    while (this.isWord('and')) {
      this.next();
      operands.push(this.parseNot(depth));
    }
    return operands.length === 1 ? operands[0]! : { type: 'and', operands, position: operands[0]!.position };
  }

  private parseNot(depth: number): Condition {
    if (!this.isWord('not')) return this.parsePrimary(depth);
    const position = this.next().position;
    this.enter(depth + 1, position);
    return { type: 'not', operand: this.parseNot(depth + 1), position };
  }

  private parsePrimary(depth: number): Condition {
    const token = this.next();
    if (token.kind === '(') {
      this.enter(depth + 1, token.position);
      const inner = this.parseOr(depth + 1);
      this.expect(')', {
        nl: `verwacht ')' om '(' op positie ${token.position + 1} te sluiten`,
        en: `expected ')' to close '(' at position ${token.position + 1}`,
      });
      return inner;
    }
    if (token.kind === 'key') return this.parseComparison(token.text, token.position);
    if (token.kind === 'word' && token.text === 'answered') {
      this.expect('(', { nl: "verwacht '(' na 'answered'", en: "expected '(' after 'answered'" });
      const key = this.next();
      if (key.kind !== 'key') {
        const found = describeToken(key);
        fail(key.position, {
          nl: `verwacht een vraagsleutel in answered(...), zoals answered(intake.gehad), maar vond ${found.nl}`,
          en: `expected a question key in answered(...), such as answered(intake.gehad), but found ${found.en}`,
        });
      }
      this.expect(')', { nl: "verwacht ')' na de vraagsleutel", en: "expected ')' after the question key" });
      return { type: 'answered', key: key.text, position: key.position };
    }
    if (token.kind === 'word' && !KEYWORDS.has(token.text)) {
      fail(token.position, {
        nl: `'${token.text}' is geen vraagsleutel en geen sleutelwoord; vraagsleutels hebben een punt, zoals 'intake.gehad'`,
        en: `'${token.text}' is neither a question key nor a keyword; question keys contain a dot, such as 'intake.gehad'`,
      });
    }
    if (token.kind === 'number' || token.kind === 'string' || (token.kind === 'word' && token.text in BOOLEANS)) {
      fail(token.position, {
        nl: "een vergelijking begint met de vraagsleutel: schrijf 'balie.cijfer < 6', niet '6 > balie.cijfer'",
        en: "a comparison starts with the question key: write 'balie.cijfer < 6', not '6 > balie.cijfer'",
      });
    }
    if (token.kind === 'end') {
      fail(token.position, {
        nl: 'de voorwaarde is onvolledig: verwacht nog een vergelijking',
        en: 'the condition is incomplete: another comparison is expected',
      });
    }
    const found = describeToken(token);
    return fail(token.position, {
      nl: `verwacht een vraagsleutel, answered(...), 'not' of '(', maar vond ${found.nl}`,
      en: `expected a question key, answered(...), 'not' or '(', but found ${found.en}`,
    });
  }

  private parseComparison(key: string, position: number): Condition {
    const token = this.next();
    if (token.kind === 'operator') {
      const value = this.parseLiteral(`'${token.operator}'`);
      return { type: 'compare', key, position, operator: token.operator, operatorPosition: token.position, value };
    }
    if (token.kind === 'word' && token.text === 'in') {
      return { type: 'in', key, position, negated: false, operatorPosition: token.position, values: this.parseList() };
    }
    if (token.kind === 'word' && token.text === 'not') {
      const inToken = this.next();
      if (inToken.kind !== 'word' || inToken.text !== 'in') {
        fail(inToken.position, {
          nl: `na '${key} not' verwacht 'in'; schrijf 'not ${key} = ...' om een vergelijking om te keren`,
          en: `expected 'in' after '${key} not'; write 'not ${key} = ...' to negate a comparison`,
        });
      }
      return { type: 'in', key, position, negated: true, operatorPosition: token.position, values: this.parseList() };
    }
    if (token.kind === 'word' && token.text === 'contains') {
      const value = this.parseLiteral("'contains'");
      return { type: 'contains', key, position, operatorPosition: token.position, value };
    }
    const found = describeToken(token);
    return fail(token.position, {
      nl: `verwacht een vergelijking na '${key}' (=, !=, <, <=, >, >=, in, not in, contains), maar vond ${found.nl}`,
      en: `expected a comparison after '${key}' (=, !=, <, <=, >, >=, in, not in, contains), but found ${found.en}`,
    });
  }

  private parseList(): Literal[] {
    this.expect('(', { nl: "verwacht '(' met een lijst waarden, zoals ('a', 'b')", en: "expected '(' with a list of values, such as ('a', 'b')" });
    const values = [this.parseLiteral("'('")];
    while (this.peek().kind === ',') {
      this.next();
      values.push(this.parseLiteral("','"));
    }
    this.expect(')', { nl: "verwacht ',' of ')' in de lijst", en: "expected ',' or ')' in the list" });
    return values;
  }

  private parseLiteral(after: string): Literal {
    const token = this.next();
    if (token.kind === 'number') return { kind: 'number', value: token.value, position: token.position };
    if (token.kind === 'string') return { kind: 'string', value: token.value, position: token.position };
    if (token.kind === 'word') {
      const value = BOOLEANS[token.text];
      if (value !== undefined) return { kind: 'bool', value, position: token.position };
    }
    const found = describeToken(token);
    const keyHint =
      token.kind === 'key'
        ? { nl: '; een vraag kan alleen met een vaste waarde worden vergeleken', en: '; a question can only be compared with a fixed value' }
        : { nl: '', en: '' };
    return fail(token.position, {
      nl: `verwacht een waarde na ${after} (een getal, 'tekst', ja of nee), maar vond ${found.nl}${keyHint.nl}`,
      en: `expected a value after ${after} (a number, 'text', yes or no), but found ${found.en}${keyHint.en}`,
    });
  }
}
