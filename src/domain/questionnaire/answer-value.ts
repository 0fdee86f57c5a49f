// Answers as routing sees them. Kept apart from storage so that routing does not depend on how
// the database encodes an answer row.

import { assertNever } from './questionnaire.ts';

export type AnswerValue =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'option'; readonly code: string }
  | { readonly kind: 'options'; readonly codes: readonly string[] }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'notApplicable' };

/** The answer to an item by key, or undefined when the item was not answered (or not shown). */
export type AnswerLookup = (key: string) => AnswerValue | undefined;

/**
 * True for a real answer. "Niet van toepassing / weet niet", an empty selection and blank text
 * are not answers: routing on them would show follow-up questions to people who said nothing.
 */
export function isRealAnswer(answer: AnswerValue | undefined): boolean {
  if (answer === undefined) return false;
  switch (answer.kind) {
    case 'notApplicable':
      return false;
    case 'options':
      return answer.codes.length > 0;
    case 'text':
      return answer.value.trim() !== '';
    case 'number':
    case 'bool':
    case 'option':
      return true;
    default:
      return assertNever(answer);
  }
}
