// What an import could not carry over as it was. Every LimeSurvey feature we cannot represent is
// listed here (question, feature, what was done), so nothing is dropped silently.

import type { IssueMessage } from '../questionnaire/issue-message.ts';

export interface ImportReportEntry {
  /** LimeSurvey question code (`Q01`, `Q01_SQ002`), or '' for the survey as a whole. */
  readonly question: string;
  readonly feature: IssueMessage;
  readonly action: IssueMessage;
}

export function reportEntry(question: string, feature: [nl: string, en: string], action: [nl: string, en: string]): ImportReportEntry {
  return { question, feature: { nl: feature[0], en: feature[1] }, action: { nl: action[0], en: action[1] } };
}
