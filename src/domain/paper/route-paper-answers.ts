// On paper nobody stops a respondent from answering questions the routing says to skip. The
// form is typed in as it is; then the same routing as on the web decides what is stored, so a
// paper response means the same as a web response: answers to a block only from people the
// block was meant for.

import { isRealAnswer, type AnswerValue } from '../questionnaire/answer-value.ts';
import { itemsOf, type Item, type Questionnaire } from '../questionnaire/questionnaire.ts';
import { visibleItems } from '../questionnaire/routing.ts';

export interface RoutedPaperAnswers {
  /** Answers to the items the routing shows, given the answers themselves. */
  readonly kept: ReadonlyMap<string, AnswerValue>;
  /** Items with a real answer on paper that the routing skips: they are not stored. */
  readonly skipped: readonly Item[];
}

export function routePaperAnswers(questionnaire: Questionnaire, answers: ReadonlyMap<string, AnswerValue | undefined>): RoutedPaperAnswers {
  const shown = new Set(visibleItems(questionnaire, (key) => answers.get(key)).map((item) => item.key));
  const kept = new Map<string, AnswerValue>();
  const skipped: Item[] = [];
  for (const item of itemsOf(questionnaire)) {
    const answer = answers.get(item.key);
    if (answer === undefined) continue;
    if (shown.has(item.key)) kept.set(item.key, answer);
    else if (isRealAnswer(answer)) skipped.push(item);
  }
  return { kept, skipped };
}

/** Paper respondents may leave anything open: "required" is a rule of the web form only. */
export function paperItems(questionnaire: Questionnaire): Item[] {
  return itemsOf(questionnaire).map((item) => ({ ...item, required: false }));
}
