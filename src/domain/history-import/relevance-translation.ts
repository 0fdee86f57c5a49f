// Translates LimeSurvey relevance (ExpressionScript) into our routing language, for the common
// shapes only: comparisons of a question with a constant, is_empty(), and/or/not, parentheses.
// Anything else (arithmetic, other functions, references to later or unknown questions) is
// refused with a reason, which the import report shows next to the original expression.

import { err, ok, type Result } from '../result.ts';
import type { ItemType } from '../questionnaire/questionnaire.ts';

/** What a LimeSurvey variable name refers to in the imported questionnaire. */
export type RelevanceTarget =
  | { readonly kind: 'item'; readonly key: string; readonly type: ItemType }
  /** A subquestion of a multiple-choice question: one option of our multi item. */
  | { readonly kind: 'option'; readonly key: string; readonly code: string };

export type Relevance =
  | { readonly kind: 'always' }
  | { readonly kind: 'never' }
  | { readonly kind: 'condition'; readonly source: string; readonly keys: readonly string[] };

type Token =
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'op'; readonly text: string }
  | { readonly kind: 'end' };

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=', and: '&&', or: '||', not: '!',
};
const COMPARISONS: Readonly<Record<string, string>> = { '==': '=', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const MIRRORED: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const MAX_LENGTH = 1000;
const MAX_DEPTH = 32;

class Unsupported {
  constructor(readonly reason: string) {}
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const rest = source.slice(index);
    const space = /^\s+/.exec(rest);
    if (space) { index += space[0].length; continue; }
    const name = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_]+)?/.exec(rest);
    if (name) {
      const word = OPERATOR_WORDS[name[0].toLowerCase()];
      tokens.push(word ? { kind: 'op', text: word } : { kind: 'name', text: name[0] });
      index += name[0].length;
      continue;
    }
    const number = /^-?[0-9]+(?:\.[0-9]+)?/.exec(rest);
    if (number) { tokens.push({ kind: 'number', value: Number(number[0]) }); index += number[0].length; continue; }
    const string = /^"([^"\\]*)"|^'([^'\\]*)'/.exec(rest);
    if (string) { tokens.push({ kind: 'string', value: string[1] ?? string[2] ?? '' }); index += string[0].length; continue; }
    const operator = /^(==|!=|<=|>=|&&|\|\||[<>!(),])/.exec(rest);
    if (!operator) throw new Unsupported(`teken '${rest[0]}' / character '${rest[0]}'`);
    tokens.push({ kind: 'op', text: operator[0] });
    index += operator[0].length;
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

export function translateRelevance(
  expression: string,
  resolve: (name: string) => RelevanceTarget | undefined,
): Result<Relevance, string> {
  const source = expression.trim();
  if (source === '' || source === '1' || source === '(1)') return ok({ kind: 'always' });
  if (source === '0' || source === '(0)') return ok({ kind: 'never' });
  if (source.length > MAX_LENGTH) return err(`langer dan ${MAX_LENGTH} tekens / longer than ${MAX_LENGTH} characters`);
  try {
    const keys = new Set<string>();
    const translated = new Translator(tokenize(source), resolve, keys).run();
    return ok({ kind: 'condition', source: translated, keys: [...keys] });
  } catch (caught) {
    if (caught instanceof Unsupported) return err(caught.reason);
    throw caught;
  }
}

class Translator {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly resolve: (name: string) => RelevanceTarget | undefined,
    private readonly keys: Set<string>,
  ) {}

  run(): string {
    const result = this.or();
    if (this.peek().kind !== 'end') throw new Unsupported('onverwacht vervolg / unexpected continuation');
    return result;
  }

  private peek(): Token { return this.tokens[this.index]!; }
  private next(): Token { return this.tokens[Math.min(this.index++, this.tokens.length - 1)]!; }
  private isOp(text: string): boolean { const token = this.peek(); return token.kind === 'op' && token.text === text; }
  private expect(text: string): void {
    if (!this.isOp(text)) throw new Unsupported(`'${text}' verwacht / '${text}' expected`);
    this.next();
  }

  private or(): string {
    const parts = [this.and()];
    while (this.isOp('||')) { this.next(); parts.push(this.and()); }
    return parts.length === 1 ? parts[0]! : parts.map((part) => `(${part})`).join(' or ');
  }

  private and(): string {
    const parts = [this.not()];
    while (this.isOp('&&')) { this.next(); parts.push(this.not()); }
    return parts.length === 1 ? parts[0]! : parts.map((part) => `(${part})`).join(' and ');
  }

  private not(): string {
    if (this.isOp('!')) {
      this.next();
      // !is_empty(x) is the usual way to say "answered"; keep it readable instead of "not (not ...)".
      const token = this.peek();
      const following = this.tokens[this.index + 1];
      if (token.kind === 'name' && token.text.toLowerCase() === 'is_empty' && following?.kind === 'op' && following.text === '(') {
        this.next();
        return this.call(token.text, true);
      }
      return `not (${this.not()})`;
    }
    return this.primary();
  }

  private primary(): string {
    if (++this.depth > MAX_DEPTH) throw new Unsupported('te diep genest / nested too deeply');
    try {
      if (this.isOp('(')) { this.next(); const inner = this.or(); this.expect(')'); return inner; }
      const token = this.next();
      if (token.kind === 'name' && this.isOp('(')) return this.call(token.text);
      if (token.kind === 'name') {
        if (this.peek().kind === 'op' && COMPARISONS[(this.peek() as { text: string }).text]) {
          const operator = (this.next() as { text: string }).text;
          return this.compare(token.text, operator, this.literal());
        }
        return this.compare(token.text, '!=', { kind: 'string', value: '' });
      }
      if ((token.kind === 'string' || token.kind === 'number') && this.peek().kind === 'op') {
        const operator = (this.next() as { text: string }).text;
        const name = this.next();
        if (name.kind !== 'name' || !COMPARISONS[operator]) throw new Unsupported('vergelijking niet herkend / comparison not recognised');
        return this.compare(name.text, MIRRORED[operator] ?? operator, token);
      }
      throw new Unsupported('uitdrukking niet herkend / expression not recognised');
    } finally {
      this.depth -= 1;
    }
  }

  private literal(): Token & { kind: 'string' | 'number' } {
    const token = this.next();
    if (token.kind === 'string' || token.kind === 'number') return token;
    throw new Unsupported('alleen vergelijkingen met een vaste waarde / only comparisons with a constant');
  }

  private call(name: string, negated = false): string {
    if (name.toLowerCase() !== 'is_empty') throw new Unsupported(`functie ${name} / function ${name}`);
    this.expect('(');
    const argument = this.next();
    this.expect(')');
    if (argument.kind !== 'name') throw new Unsupported(`is_empty zonder vraag / is_empty without a question`);
    return this.compare(argument.text, negated ? '!=' : '==', { kind: 'string', value: '' });
  }

  private target(name: string): RelevanceTarget {
    const base = name.replace(/\.(NAOK|value|shown|code)$/i, '');
    if (base.includes('.')) throw new Unsupported(`eigenschap ${name} / property ${name}`);
    const target = this.resolve(base);
    if (!target) throw new Unsupported(`vraag ${base} onbekend of niet eerder / question ${base} unknown or not earlier`);
    this.keys.add(target.key);
    return target;
  }

  private compare(name: string, operator: string, value: Token & { kind: 'string' | 'number' }): string {
    const target = this.target(name);
    const empty = value.kind === 'string' && value.value === '';
    if (empty && (operator === '==' || operator === '!=')) {
      if (target.kind === 'option') return operator === '==' ? `not (${target.key} contains '${quoted(target.code)}')` : `${target.key} contains '${quoted(target.code)}'`;
      return operator === '==' ? `not (answered(${target.key}))` : `answered(${target.key})`;
    }
    if (target.kind === 'option') {
      if (value.kind !== 'string' || value.value !== 'Y' || (operator !== '==' && operator !== '!=')) {
        throw new Unsupported('meerkeuze-optie alleen met "Y" / multiple-choice option only with "Y"');
      }
      const contains = `${target.key} contains '${quoted(target.code)}'`;
      return operator === '==' ? contains : `not (${contains})`;
    }
    const ours = COMPARISONS[operator]!;
    switch (target.type) {
      case 'yesno':
        if (value.kind === 'string' && (value.value === 'Y' || value.value === 'N') && (ours === '=' || ours === '!=')) {
          return `${target.key} ${ours} ${value.value === 'Y' ? 'ja' : 'nee'}`;
        }
        break;
      case 'mark':
      case 'agree5':
      case 'number': {
        const number = value.kind === 'number' ? value.value : Number(value.value);
        if (value.kind === 'string' && !/^-?[0-9]+(\.[0-9]+)?$/.test(value.value)) break;
        return `${target.key} ${ours} ${number}`;
      }
      case 'single':
        if (ours === '=' || ours === '!=') return `${target.key} ${ours} '${quoted(String(value.kind === 'number' ? value.value : value.value))}'`;
        break;
      case 'multi':
      case 'open':
        break;
    }
    throw new Unsupported(`vergelijking ${name} ${operator} niet te vertalen / comparison ${name} ${operator} cannot be translated`);
  }
}

function quoted(code: string): string {
  if (code.includes("'")) throw new Unsupported('aanhalingsteken in code / quote in code');
  return code;
}
