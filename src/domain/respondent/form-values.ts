// The inverse of readBlockAnswers: an answer as the form field values that would send it, so a
// form (web or paper entry) can show what was answered before.

import type { AnswerValue } from '../questionnaire/answer-value.ts';
import { assertNever } from '../questionnaire/questionnaire.ts';
import { NOT_APPLICABLE } from './read-block-answers.ts';

export function formValues(answer: AnswerValue | undefined): string[] {
  if (!answer) return [];
  switch (answer.kind) {
    case 'notApplicable': return [NOT_APPLICABLE];
    case 'number': return [String(answer.value)];
    case 'bool': return [answer.value ? '1' : '0'];
    case 'option': return [answer.code];
    case 'options': return [...answer.codes];
    case 'text': return [answer.value];
    default: return assertNever(answer);
  }
}
