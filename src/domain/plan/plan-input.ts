// Checking what was typed for a plan, a focus point or a measure. Problems are values, one per
// field, so the form can show them all at once next to their fields.

import { err, ok, type Result } from '../result.ts';
import { isMeasureStatus, type MeasureStatus } from './measure-status.ts';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const MEASURE_MAX = 1000;
export const OWNER_MAX = 200;

export type PlanFieldProblem =
  | { readonly field: 'title' | 'description' | 'owner' | 'note'; readonly code: 'required' | 'too-long' }
  | { readonly field: 'items'; readonly code: 'unknown-item' }
  | { readonly field: 'targetDate'; readonly code: 'invalid-date' }
  | { readonly field: 'status'; readonly code: 'invalid-status' };

export interface TypedFocusPoint {
  readonly title: string;
  readonly description: string;
  readonly itemKeys: readonly string[];
}

export interface TypedMeasure {
  readonly description: string;
  readonly owner: string;
  readonly targetDate: string;
  readonly status: string;
  readonly note: string;
}

export interface CheckedMeasure {
  readonly description: string;
  readonly owner: string;
  readonly targetDate: string | null;
  readonly status: MeasureStatus;
  readonly note: string;
}

const tidy = (text: string) => text.replace(/\r\n/g, '\n').trim();

/** A date as 2026-03-31 or 31-3-2026 (also with / or .); null for an empty field, undefined when wrong. */
export function parseTargetDate(typed: string): string | null | undefined {
  const text = typed.trim();
  if (text === '') return null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [year, month, day] = match ? [match[1], match[2], match[3]] : ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text)) ? [match[3], match[2], match[1]] : []);
  if (!year || !month || !day) return undefined;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T12:00:00Z`);
  // Rejects 31 February and the like: the date must survive a round trip.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso && Number(year) >= 2000 && Number(year) <= 2100 ? iso : undefined;
}

function text(field: 'title' | 'description' | 'owner' | 'note', value: string, max: number, required: boolean, problems: PlanFieldProblem[]): string {
  const tidied = tidy(value);
  if (required && tidied === '') problems.push({ field, code: 'required' });
  else if (tidied.length > max) problems.push({ field, code: 'too-long' });
  return tidied;
}

export function checkPlanTitle(typed: string): Result<string, PlanFieldProblem[]> {
  const problems: PlanFieldProblem[] = [];
  const title = text('title', typed, TITLE_MAX, true, problems);
  return problems.length ? err(problems) : ok(title);
}

/** linkable: the item keys a focus point may be linked to (the round's questionnaire). */
export function checkFocusPoint(typed: TypedFocusPoint, linkable: ReadonlySet<string>): Result<TypedFocusPoint, PlanFieldProblem[]> {
  const problems: PlanFieldProblem[] = [];
  const title = text('title', typed.title, TITLE_MAX, true, problems);
  const description = text('description', typed.description, DESCRIPTION_MAX, false, problems);
  const itemKeys = [...new Set(typed.itemKeys)];
  if (itemKeys.some((key) => !linkable.has(key))) problems.push({ field: 'items', code: 'unknown-item' });
  return problems.length ? err(problems) : ok({ title, description, itemKeys });
}

export function checkMeasure(typed: TypedMeasure): Result<CheckedMeasure, PlanFieldProblem[]> {
  const problems: PlanFieldProblem[] = [];
  const description = text('description', typed.description, MEASURE_MAX, true, problems);
  const owner = text('owner', typed.owner, OWNER_MAX, false, problems);
  const note = text('note', typed.note, DESCRIPTION_MAX, false, problems);
  const targetDate = parseTargetDate(typed.targetDate);
  if (targetDate === undefined) problems.push({ field: 'targetDate', code: 'invalid-date' });
  if (!isMeasureStatus(typed.status)) problems.push({ field: 'status', code: 'invalid-status' });
  if (problems.length) return err(problems);
  return ok({ description, owner, note, targetDate: targetDate ?? null, status: typed.status as MeasureStatus });
}
