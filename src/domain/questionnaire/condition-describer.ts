// Writes a condition out in words for the questionnaire preview, so researchers and client
// councils can check the routing without reading the expression language.

import type { Condition, Literal } from './condition.ts';
import { agreeLabel, assertNever, itemsOf, localize, type Item, type Questionnaire } from './questionnaire.ts';

export type DescriptionLanguage = 'nl' | 'en';

const WORDS = {
  nl: { prefix: 'alleen als', and: 'en', or: 'of', yes: 'Ja', no: 'Nee', impossible: 'een onmogelijk antwoord' },
  en: { prefix: 'only if', and: 'and', or: 'or', yes: 'Yes', no: 'No', impossible: 'with an impossible answer' },
} as const;

export function describeCondition(condition: Condition, questionnaire: Questionnaire, language: DescriptionLanguage): string {
  const items = new Map(itemsOf(questionnaire).map((item) => [item.key, item]));
  return `${WORDS[language].prefix} ${new Describer(items, language).describe(condition, false)}`;
}

class Describer {
  constructor(
    private readonly items: ReadonlyMap<string, Item>,
    private readonly language: DescriptionLanguage,
  ) {}

  /** With `negated`, describes the negation; and/or are turned around (De Morgan) to stay readable. */
  describe(node: Condition, negated: boolean): string {
    switch (node.type) {
      case 'not':
        return this.describe(node.operand, !negated);
      case 'and':
      case 'or': {
        const junction = effectiveJunction(node, negated);
        const parts = node.operands.map((operand) => {
          const text = this.describe(operand, negated);
          const inner = effectiveJunction(operand, negated);
          return inner !== undefined && inner !== junction ? `(${text})` : text;
        });
        return parts.join(` ${WORDS[this.language][junction ?? 'and']} `);
      }
      case 'answered':
        return this.phrase(node.key, negated ? 'not' : 'is', '');
      case 'contains': {
        const question = this.question(node.key);
        const label = this.value(node.key, node.value);
        if (this.language === 'nl') return `bij ${question} ${negated ? 'niet ' : ''}is gekozen voor ${label}`;
        return `${label} is ${negated ? 'not ' : ''}chosen for ${question}`;
      }
      case 'compare':
      case 'in': {
        const item = this.items.get(node.key);
        const values = node.type === 'in' ? node.values : [node.value];
        if (item?.type === 'agree5') return this.describeAgree(node, item, negated);
        const listed = this.list(values.map((value) => this.value(node.key, value)));
        const operator = node.type === 'in' ? (node.negated ? '!=' : '=') : node.operator;
        switch (operator) {
          case '=':
            return this.phrase(node.key, negated ? 'not' : 'is', listed);
          case '!=':
            return this.phrase(node.key, negated ? 'notOrIs' : 'isButNot', listed);
          default:
            return this.phrase(node.key, negated ? 'not' : 'is', this.range(operator, values[0]));
        }
      }
      default:
        return assertNever(node);
    }
  }

  /** Agreement answers are few, so they are listed by label instead of compared as numbers. */
  private describeAgree(node: Condition & { type: 'compare' | 'in' }, item: Item, negated: boolean): string {
    const holds = (answer: number): boolean => {
      if (node.type === 'in') {
        const found = node.values.some((value) => value.kind === 'number' && value.value === answer);
        return node.negated ? !found : found;
      }
      const literal = node.value.kind === 'number' ? node.value.value : Number.NaN;
      switch (node.operator) {
        case '=':
          return answer === literal;
        case '!=':
          return answer !== literal;
        case '<':
          return answer < literal;
        case '<=':
          return answer <= literal;
        case '>':
          return answer > literal;
        case '>=':
          return answer >= literal;
        default:
          return assertNever(node.operator);
      }
    };
    const matching = [1, 2, 3, 4, 5].filter(holds).map((answer) => `"${agreeLabel(answer, this.language)}"`);
    const listed = matching.length === 0 ? WORDS[this.language].impossible : this.list(matching);
    return this.phrase(item.key, negated ? 'not' : 'is', listed);
  }

  private phrase(key: string, form: 'is' | 'not' | 'isButNot' | 'notOrIs', answer: string): string {
    const question = this.question(key);
    const nl = this.language === 'nl';
    const verb = nl ? 'is beantwoord' : 'is answered';
    const withAnswer = answer === '' ? '' : nl ? ` met ${answer}` : ` ${answer}`;
    switch (form) {
      case 'is':
        return `${question} ${verb}${withAnswer}`;
      case 'not':
        return nl ? `${question} niet ${verb}${withAnswer}` : `${question} is not answered${withAnswer}`;
      case 'isButNot':
        return nl ? `${question} ${verb}, maar niet${withAnswer}` : `${question} ${verb}, but not${withAnswer}`;
      case 'notOrIs':
        return nl
          ? `${question} niet ${verb} of ${verb}${withAnswer}`
          : `${question} is not answered or ${verb}${withAnswer}`;
      default:
        return assertNever(form);
    }
  }

  private range(operator: '<' | '<=' | '>' | '>=', literal: Literal | undefined): string {
    const shown = literal === undefined ? '' : this.number(literal);
    const nl = this.language === 'nl';
    switch (operator) {
      case '<':
        return nl ? `minder dan ${shown}` : `with less than ${shown}`;
      case '<=':
        return nl ? `${shown} of minder` : `with ${shown} or less`;
      case '>':
        return nl ? `meer dan ${shown}` : `with more than ${shown}`;
      case '>=':
        return nl ? `${shown} of meer` : `with ${shown} or more`;
      default:
        return assertNever(operator);
    }
  }

  private question(key: string): string {
    const item = this.items.get(key);
    return `"${item ? localize(item.text, this.language) : key}"`;
  }

  private value(key: string, literal: Literal): string {
    switch (literal.kind) {
      case 'number':
        return this.number(literal);
      case 'bool':
        return `"${literal.value ? WORDS[this.language].yes : WORDS[this.language].no}"`;
      case 'string': {
        const item = this.items.get(key);
        const options = item?.type === 'single' || item?.type === 'multi' ? item.options : [];
        const option = options.find((candidate) => candidate.code === literal.value);
        return `"${option ? localize(option.label, this.language) : literal.value}"`;
      }
      default:
        return assertNever(literal);
    }
  }

  private number(literal: Literal): string {
    const text = String(literal.value);
    return this.language === 'nl' ? text.replace('.', ',') : text;
  }

  private list(values: readonly string[]): string {
    if (values.length <= 1) return values.join('');
    const last = values[values.length - 1];
    return `${values.slice(0, -1).join(', ')} ${WORDS[this.language].or} ${last}`;
  }
}

/** The junction a node reads as after pushing negations inward, or undefined for a single comparison. */
function effectiveJunction(node: Condition, negated: boolean): 'and' | 'or' | undefined {
  if (node.type === 'not') return effectiveJunction(node.operand, !negated);
  if (node.type !== 'and' && node.type !== 'or') return undefined;
  if (!negated) return node.type;
  return node.type === 'and' ? 'or' : 'and';
}
