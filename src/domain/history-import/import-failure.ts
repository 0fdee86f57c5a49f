// Why a LimeSurvey file could not be imported at all. Each failure carries a Dutch and an English
// message that a researcher can act on; nothing of such a file is stored.

import type { IssueMessage } from '../questionnaire/issue-message.ts';

export type ImportFailureCode =
  | 'empty'
  | 'tooLarge'
  | 'encoding'
  | 'doctype'
  | 'tooDeep'
  | 'tooManyElements'
  | 'malformed'
  | 'notLimeSurvey'
  | 'noQuestions'
  | 'invalidQuestionnaire';

export interface ImportFailure {
  readonly code: ImportFailureCode;
  readonly message: IssueMessage;
}

export function importFailure(code: ImportFailureCode, nl: string, en: string): ImportFailure {
  return { code, message: { nl, en } };
}
