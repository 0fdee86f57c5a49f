import { redact, screenPersonalData, type PersonalDataFinding } from '../open-answers/privacy-screen.ts';
import { err, ok, type Result } from '../result.ts';

// The privacy review of a passage, by the rule of open answers: a passage with a finding cannot
// be approved as it is, only redacted (and the redaction must leave no finding) or excluded.

export type PassageReviewDecision = 'approved' | 'redacted' | 'excluded';

export type PassageReviewProblem =
  | { readonly code: 'has-personal-data'; readonly findings: readonly PersonalDataFinding[] }
  | { readonly code: 'redaction-empty' };

export interface CheckedReview {
  readonly decision: PassageReviewDecision;
  readonly redactedText: string | null;
}

export function checkPassageReview(text: string, decision: PassageReviewDecision, typedRedaction: string): Result<CheckedReview, PassageReviewProblem> {
  if (decision === 'approved') {
    const findings = screenPersonalData(text);
    return findings.length ? err({ code: 'has-personal-data', findings }) : ok({ decision, redactedText: null });
  }
  if (decision === 'excluded') return ok({ decision, redactedText: null });
  const redactedText = typedRedaction.trim();
  if (redactedText === '') return err({ code: 'redaction-empty' });
  const left = screenPersonalData(redactedText);
  return left.length ? err({ code: 'has-personal-data', findings: left }) : ok({ decision, redactedText });
}

/** The screen's findings and the redaction it proposes, for the review form. */
export function screenPassage(text: string): { findings: PersonalDataFinding[]; suggestedRedaction: string | undefined } {
  const findings = screenPersonalData(text);
  return { findings, suggestedRedaction: findings.length ? redact(text, findings) : undefined };
}
