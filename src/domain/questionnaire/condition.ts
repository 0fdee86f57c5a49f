// The syntax tree of a routing condition (see condition-parser.ts for the grammar). Positions
// are 0-based offsets into the source, so editors can point at the exact spot of a problem.

import type { IssueMessage } from './issue-message.ts';
import { assertNever } from './questionnaire.ts';

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Literal =
  | { readonly kind: 'number'; readonly value: number; readonly position: number }
  | { readonly kind: 'string'; readonly value: string; readonly position: number }
  | { readonly kind: 'bool'; readonly value: boolean; readonly position: number };

interface KeyedNode {
  readonly key: string;
  /** Position of the item key. */
  readonly position: number;
}

export interface CompareCondition extends KeyedNode {
  readonly type: 'compare';
  readonly operator: ComparisonOperator;
  readonly operatorPosition: number;
  readonly value: Literal;
}

/** `key in (...)`, or `key not in (...)` when negated. */
export interface InCondition extends KeyedNode {
  readonly type: 'in';
  readonly negated: boolean;
  readonly operatorPosition: number;
  readonly values: readonly Literal[];
}

export interface ContainsCondition extends KeyedNode {
  readonly type: 'contains';
  readonly operatorPosition: number;
  readonly value: Literal;
}

export interface AnsweredCondition extends KeyedNode {
  readonly type: 'answered';
}

export interface NotCondition {
  readonly type: 'not';
  readonly operand: Condition;
  readonly position: number;
}

/** n-ary so that "a and b and c" reads back as one list. */
export interface JunctionCondition {
  readonly type: 'and' | 'or';
  readonly operands: readonly Condition[];
  readonly position: number;
}

export type Condition =
  | CompareCondition
  | InCondition
  | ContainsCondition
  | AnsweredCondition
  | NotCondition
  | JunctionCondition;

export interface ConditionIssue {
  /** 0-based offset into the condition source. */
  readonly position: number;
  readonly message: IssueMessage;
}

/** Item keys the condition refers to, each once, in order of appearance. */
export function conditionKeys(condition: Condition): string[] {
  const keys = new Set<string>();
  const visit = (node: Condition): void => {
    switch (node.type) {
      case 'and':
      case 'or':
        node.operands.forEach(visit);
        return;
      case 'not':
        visit(node.operand);
        return;
      case 'compare':
      case 'in':
      case 'contains':
      case 'answered':
        keys.add(node.key);
        return;
      default:
        assertNever(node);
    }
  };
  visit(condition);
  return [...keys];
}
