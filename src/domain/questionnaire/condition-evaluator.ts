// Evaluates a checked condition against the answers given so far. A comparison needs a real
// answer: someone who skipped a question or chose "niet van toepassing" satisfies neither
// `x = 1` nor `x != 1`, so follow-up questions are only shown to people who said something.
// `not` is plain negation, so `not x = 1` does hold for them.

import { isRealAnswer, type AnswerLookup, type AnswerValue } from './answer-value.ts';
import type { ComparisonOperator, Condition, Literal } from './condition.ts';
import { assertNever } from './questionnaire.ts';

export function evaluateCondition(condition: Condition, answers: AnswerLookup): boolean {
  switch (condition.type) {
    case 'and':
      return condition.operands.every((operand) => evaluateCondition(operand, answers));
    case 'or':
      return condition.operands.some((operand) => evaluateCondition(operand, answers));
    case 'not':
      return !evaluateCondition(condition.operand, answers);
    case 'answered':
      return isRealAnswer(answers(condition.key));
    case 'compare': {
      const answer = realAnswer(answers(condition.key));
      return answer !== undefined && compare(answer, condition.operator, condition.value);
    }
    case 'in': {
      const answer = realAnswer(answers(condition.key));
      if (answer === undefined) return false;
      const matches = condition.values.map((value) => equals(answer, value));
      if (matches.includes(undefined)) return false;
      return condition.negated ? !matches.includes(true) : matches.includes(true);
    }
    case 'contains': {
      const answer = realAnswer(answers(condition.key));
      const literal = condition.value;
      return answer?.kind === 'options' && literal.kind === 'string' && answer.codes.includes(literal.value);
    }
    default:
      return assertNever(condition);
  }
}

function realAnswer(answer: AnswerValue | undefined): AnswerValue | undefined {
  return isRealAnswer(answer) ? answer : undefined;
}

// Mismatched kinds never hold, not even with != or `not in`: the checker rejects them, so they
// only occur with stale answers, and showing a routed block on stale data would be wrong.
function compare(answer: AnswerValue, operator: ComparisonOperator, literal: Literal): boolean {
  const equal = equals(answer, literal);
  if (equal === undefined) return false;
  if (operator === '=') return equal;
  if (operator === '!=') return !equal;
  return answer.kind === 'number' && literal.kind === 'number' && compareNumbers(answer.value, operator, literal.value);
}

/** Undefined when the answer and the literal are of kinds that cannot be compared. */
function equals(answer: AnswerValue, literal: Literal): boolean | undefined {
  if (answer.kind === 'number' && literal.kind === 'number') return answer.value === literal.value;
  if (answer.kind === 'bool' && literal.kind === 'bool') return answer.value === literal.value;
  if (answer.kind === 'option' && literal.kind === 'string') return answer.code === literal.value;
  return undefined;
}

function compareNumbers(left: number, operator: ComparisonOperator, right: number): boolean {
  switch (operator) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      return assertNever(operator);
  }
}
