// Type-checks a parsed condition against the questionnaire, so that mistakes surface when the
// file is loaded rather than as a block that silently never shows during fieldwork.

import { err, ok, type Result } from '../result.ts';
import type { Condition, ConditionIssue, Literal } from './condition.ts';
import type { IssueMessage } from './issue-message.ts';
import { assertNever, type Item, type Questionnaire } from './questionnaire.ts';

export interface ItemLocation {
  readonly item: Item;
  readonly blockIndex: number;
  readonly blockKey: string;
}

export interface ConditionContext {
  /** Finds any item of the questionnaire, so that a reference to a later item gets a precise message. */
  readonly findItem: (key: string) => ItemLocation | undefined;
  /**
   * Index of the block holding the condition. Each block is one page and the server routes
   * between pages, so only items of earlier blocks have answers when the condition is evaluated.
   */
  readonly blockIndex: number;
}

/** Every item by key; with duplicate keys the first wins (duplicates are reported elsewhere). */
export function itemLocations(questionnaire: Questionnaire): Map<string, ItemLocation> {
  const locations = new Map<string, ItemLocation>();
  questionnaire.blocks.forEach((block, blockIndex) => {
    for (const item of block.items) {
      if (!locations.has(item.key)) locations.set(item.key, { item, blockIndex, blockKey: block.key });
    }
  });
  return locations;
}

export function conditionContext(questionnaire: Questionnaire, blockIndex: number): ConditionContext {
  const locations = itemLocations(questionnaire);
  return { findItem: (key) => locations.get(key), blockIndex };
}

export function checkCondition(condition: Condition, context: ConditionContext): Result<Condition, ConditionIssue[]> {
  const issues: ConditionIssue[] = [];
  checkNode(condition, context, issues);
  return issues.length === 0 ? ok(condition) : err(issues);
}

function checkNode(node: Condition, context: ConditionContext, issues: ConditionIssue[]): void {
  switch (node.type) {
    case 'and':
    case 'or':
      for (const operand of node.operands) checkNode(operand, context, issues);
      return;
    case 'not':
      checkNode(node.operand, context, issues);
      return;
    case 'answered':
      resolve(node.key, node.position, context, issues);
      return;
    case 'compare':
    case 'in':
    case 'contains': {
      const item = resolve(node.key, node.position, context, issues);
      if (!item) return;
      const operator = node.type === 'compare' ? node.operator : node.type === 'in' && node.negated ? 'not in' : node.type;
      if (!operatorAllowed(item, operator)) {
        issues.push({ position: node.operatorPosition, message: aboutItem(item, operatorProblem(item, operator)) });
        return;
      }
      const values = node.type === 'in' ? node.values : [node.value];
      for (const literal of values) {
        const problem = literalProblem(item, literal);
        if (problem) issues.push({ position: literal.position, message: aboutItem(item, problem) });
      }
      return;
    }
    default:
      assertNever(node);
  }
}

export function unknownItemMessage(key: string): IssueMessage {
  return {
    nl: `'${key}' is geen vraag in deze vragenlijst`,
    en: `'${key}' is not a question in this questionnaire`,
  };
}

function resolve(key: string, position: number, context: ConditionContext, issues: ConditionIssue[]): Item | undefined {
  const location = context.findItem(key);
  if (!location) {
    issues.push({ position, message: unknownItemMessage(key) });
    return undefined;
  }
  if (location.blockIndex >= context.blockIndex) {
    const where =
      location.blockIndex === context.blockIndex
        ? { nl: 'in hetzelfde blok', en: 'in the same block' }
        : { nl: `in een later blok ('${location.blockKey}')`, en: `in a later block ('${location.blockKey}')` };
    issues.push({
      position,
      message: {
        nl: `'${key}' staat ${where.nl}; een voorwaarde kan alleen verwijzen naar vragen in eerdere blokken (elk blok is één pagina)`,
        en: `'${key}' is ${where.en}; a condition can only refer to questions in earlier blocks (each block is one page)`,
      },
    });
    return undefined;
  }
  return location.item;
}

function aboutItem(item: Item, problem: IssueMessage): IssueMessage {
  const type = typeDescription(item);
  return { nl: `'${item.key}' is ${type.nl}; ${problem.nl}`, en: `'${item.key}' is ${type.en}; ${problem.en}` };
}

function typeDescription(item: Item): IssueMessage {
  switch (item.type) {
    case 'mark':
      return { nl: 'een rapportcijfer (1-10)', en: 'a report mark (1-10)' };
    case 'agree5':
      return { nl: 'een vijfpuntsschaal (1-5)', en: 'a five-point scale (1-5)' };
    case 'yesno':
      return { nl: 'een ja/nee-vraag', en: 'a yes/no question' };
    case 'single':
      return { nl: 'een keuzevraag met één antwoord', en: 'a single-choice question' };
    case 'multi':
      return { nl: 'een meerkeuzevraag', en: 'a multiple-choice question' };
    case 'number': {
      if (item.min !== undefined && item.max !== undefined) {
        return { nl: `een getalvraag (${item.min} t/m ${item.max})`, en: `a number question (${item.min} to ${item.max})` };
      }
      if (item.min !== undefined) return { nl: `een getalvraag (minimaal ${item.min})`, en: `a number question (at least ${item.min})` };
      if (item.max !== undefined) return { nl: `een getalvraag (maximaal ${item.max})`, en: `a number question (at most ${item.max})` };
      return { nl: 'een getalvraag', en: 'a number question' };
    }
    case 'open':
      return { nl: 'een open vraag', en: 'an open question' };
    default:
      return assertNever(item);
  }
}

const ORDERED = new Set(['=', '!=', '<', '<=', '>', '>=', 'in', 'not in']);

function operatorAllowed(item: Item, operator: string): boolean {
  switch (item.type) {
    case 'mark':
    case 'agree5':
    case 'number':
      return ORDERED.has(operator);
    case 'yesno':
      return operator === '=' || operator === '!=';
    case 'single':
      return operator === '=' || operator === '!=' || operator === 'in' || operator === 'not in';
    case 'multi':
      return operator === 'contains';
    case 'open':
      return false;
    default:
      return assertNever(item);
  }
}

function operatorProblem(item: Item, operator: string): IssueMessage {
  const cannot = { nl: `'${operator}' kan hier niet`, en: `'${operator}' cannot be used here` };
  const use = ((): IssueMessage => {
    switch (item.type) {
      case 'mark':
      case 'agree5':
      case 'number':
        return { nl: 'gebruik =, !=, <, <=, >, >=, in of not in', en: 'use =, !=, <, <=, >, >=, in or not in' };
      case 'yesno':
        return { nl: `gebruik = of != met ja of nee, zoals: ${item.key} = ja`, en: `use = or != with yes or no, as in: ${item.key} = yes` };
      case 'single':
        return { nl: 'gebruik =, !=, in of not in met antwoordcodes', en: 'use =, !=, in or not in with answer codes' };
      case 'multi': {
        const example = `${item.key} contains '${item.options[0]?.code ?? 'code'}'`;
        return { nl: `gebruik contains, zoals: ${example}`, en: `use contains, as in: ${example}` };
      }
      case 'open':
        return { nl: `alleen answered(${item.key}) kan`, en: `only answered(${item.key}) is possible` };
      default:
        return assertNever(item);
    }
  })();
  return { nl: `${cannot.nl}, ${use.nl}`, en: `${cannot.en}, ${use.en}` };
}

function literalText(literal: Literal): IssueMessage {
  switch (literal.kind) {
    case 'number':
      return { nl: String(literal.value), en: String(literal.value) };
    case 'string':
      return { nl: `'${literal.value}'`, en: `'${literal.value}'` };
    case 'bool':
      return literal.value ? { nl: 'ja', en: 'yes' } : { nl: 'nee', en: 'no' };
    default:
      return assertNever(literal);
  }
}

function literalProblem(item: Item, literal: Literal): IssueMessage | undefined {
  const shown = literalText(literal);
  const compareWith = (expected: IssueMessage): IssueMessage => ({
    nl: `vergelijk met ${expected.nl}, niet met ${shown.nl}`,
    en: `compare with ${expected.en}, not with ${shown.en}`,
  });
  const impossible = { nl: `${shown.nl} kan niet`, en: `${shown.en} is not possible` };
  switch (item.type) {
    case 'mark':
    case 'agree5': {
      const highest = item.type === 'mark' ? 10 : 5;
      if (literal.kind !== 'number') {
        return compareWith({ nl: `een heel getal van 1 t/m ${highest}`, en: `a whole number from 1 to ${highest}` });
      }
      return Number.isInteger(literal.value) && literal.value >= 1 && literal.value <= highest ? undefined : impossible;
    }
    case 'number':
      if (literal.kind !== 'number') return compareWith({ nl: 'een getal', en: 'a number' });
      if ((item.min !== undefined && literal.value < item.min) || (item.max !== undefined && literal.value > item.max)) {
        return impossible;
      }
      return undefined;
    case 'yesno':
      return literal.kind === 'bool' ? undefined : compareWith({ nl: 'ja of nee', en: 'yes or no' });
    case 'single':
    case 'multi': {
      const codes = item.options.map((option) => `'${option.code}'`).join(', ');
      if (literal.kind !== 'string') {
        return compareWith({
          nl: `een antwoordcode tussen enkele aanhalingstekens (${codes})`,
          en: `an answer code in single quotes (${codes})`,
        });
      }
      if (item.options.some((option) => option.code === literal.value)) return undefined;
      return {
        nl: `'${literal.value}' is geen antwoordcode van deze vraag; kies uit ${codes}`,
        en: `'${literal.value}' is not an answer code of this question; choose from ${codes}`,
      };
    }
    case 'open':
      return undefined;
    default:
      return assertNever(item);
  }
}
