import { err, ok, type Result } from '../result.ts';

// A recommendation of a qualitative study as typed: its text, the themes (codes) it rests on,
// and what the organisation did with it. Adopted means it is in the improvement plan, so an
// adopted recommendation names the focus point or measure that carries it; one not adopted
// says why.

export const RECOMMENDATION_STATUSES = ['open', 'adopted', 'not-adopted'] as const;
export type RecommendationStatusValue = (typeof RECOMMENDATION_STATUSES)[number];

export interface TypedRecommendation {
  readonly text: string;
  readonly codes: readonly string[];
  readonly status: string;
  readonly response: string;
  /** "focus:<id>", "measure:<id>" or "". */
  readonly planLink: string;
}

export type PlanLink = { readonly kind: 'focus'; readonly id: string } | { readonly kind: 'measure'; readonly id: string };

export interface RecommendationInput {
  readonly text: string;
  readonly codes: readonly string[];
  readonly status: RecommendationStatusValue;
  readonly response: string;
  readonly planLink: PlanLink | null;
}

export type RecommendationField = 'text' | 'codes' | 'status' | 'response' | 'planLink';
export interface RecommendationProblem {
  readonly field: RecommendationField;
  readonly code: 'required' | 'too-long' | 'invalid' | 'link-required' | 'reason-required';
}

export function parsePlanLink(value: string): PlanLink | undefined {
  const match = /^(focus|measure):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(value);
  return match ? { kind: match[1] as PlanLink['kind'], id: match[2]! } : undefined;
}

export const planLinkValue = (link: PlanLink | null): string => (link ? `${link.kind}:${link.id}` : '');

/** Checks the typed recommendation against the codebook's keys and the plan's focus points and measures. */
export function checkRecommendation(
  typed: TypedRecommendation,
  known: { readonly codes: ReadonlySet<string>; readonly focusPoints: ReadonlySet<string>; readonly measures: ReadonlySet<string> },
): Result<RecommendationInput, RecommendationProblem[]> {
  const problems: RecommendationProblem[] = [];
  const text = typed.text.trim();
  if (text === '') problems.push({ field: 'text', code: 'required' });
  else if (text.length > 5000) problems.push({ field: 'text', code: 'too-long' });
  const codes = [...new Set(typed.codes)];
  if (codes.some((code) => !known.codes.has(code))) problems.push({ field: 'codes', code: 'invalid' });
  const status = RECOMMENDATION_STATUSES.find((s) => s === typed.status);
  if (!status) problems.push({ field: 'status', code: 'invalid' });
  const response = typed.response.trim();
  if (response.length > 5000) problems.push({ field: 'response', code: 'too-long' });
  if (status === 'not-adopted' && response === '') problems.push({ field: 'response', code: 'reason-required' });
  let planLink: PlanLink | null = null;
  if (typed.planLink.trim() !== '') {
    const link = parsePlanLink(typed.planLink.trim());
    const exists = link && (link.kind === 'focus' ? known.focusPoints.has(link.id) : known.measures.has(link.id));
    if (!link || !exists) problems.push({ field: 'planLink', code: 'invalid' });
    else planLink = link;
  }
  if (status === 'adopted' && !planLink && !problems.some((p) => p.field === 'planLink')) problems.push({ field: 'planLink', code: 'link-required' });
  if (problems.length || !status) return err(problems);
  // Only an adopted recommendation is in the plan.
  return ok({ text, codes, status, response, planLink: status === 'adopted' ? planLink : null });
}
