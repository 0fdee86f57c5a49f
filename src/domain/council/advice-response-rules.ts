// The organisation's answer to one point of a council's advice. Adopting a point needs no
// explanation; adopting it in part or not at all must say why (the council is owed reasons).

import { err, ok, type Result } from '../result.ts';

export type AdviceDecision = 'adopted' | 'partly' | 'not_adopted';
export const ADVICE_DECISIONS: readonly AdviceDecision[] = ['adopted', 'partly', 'not_adopted'];

export const MAX_ADVICE_TEXT = 5000;

export type ResponseProblem = 'decision' | 'reasons-missing' | 'reasons-too-long';

export function isAdviceDecision(value: unknown): value is AdviceDecision {
  return typeof value === 'string' && (ADVICE_DECISIONS as readonly string[]).includes(value);
}

/** Checks a typed response; all problems at once, so the form can show them together. */
export function checkAdviceResponse(decision: unknown, reasons: string): Result<{ decision: AdviceDecision; reasons: string }, ResponseProblem[]> {
  const problems: ResponseProblem[] = [];
  const text = reasons.trim();
  if (!isAdviceDecision(decision)) problems.push('decision');
  else if (decision !== 'adopted' && text === '') problems.push('reasons-missing');
  if (text.length > MAX_ADVICE_TEXT) problems.push('reasons-too-long');
  return problems.length || !isAdviceDecision(decision) ? err(problems) : ok({ decision, reasons: text });
}
