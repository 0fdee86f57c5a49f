import { err, ok, type Result } from '../result.ts';
import { isParticipantKind, PARTICIPANT_KINDS, type ParticipantKind } from './participant-kind.ts';

// The description of a qualitative study as typed in its form, checked field by field.

export const STUDY_KINDS = ['interviews', 'group-conversations'] as const;
export type StudyKindValue = (typeof STUDY_KINDS)[number];

export interface TypedStudy {
  readonly kind: string;
  readonly title: string;
  readonly purpose: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly recruitment: string;
  /** Per participant kind the number typed, as text. */
  readonly participants: Readonly<Record<string, string>>;
  readonly roundId: string;
  readonly onPublicPage: boolean;
}

export interface StudyInput {
  readonly kind: StudyKindValue;
  readonly title: string;
  readonly purpose: string;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly recruitment: string;
  readonly participants: Readonly<Partial<Record<ParticipantKind, number>>>;
  readonly roundId: string | null;
  readonly onPublicPage: boolean;
}

export type StudyField = 'kind' | 'title' | 'purpose' | 'periodFrom' | 'periodTo' | 'recruitment' | 'participants' | 'roundId';
export interface StudyProblem {
  readonly field: StudyField;
  readonly code: 'required' | 'too-long' | 'invalid' | 'period-order' | 'no-participants';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A real calendar date in YYYY-MM-DD, or undefined. */
export function calendarDate(text: string): string | undefined {
  const value = text.trim();
  if (!DATE.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : undefined;
}

export function checkStudy(typed: TypedStudy, roundIds: ReadonlySet<string>): Result<StudyInput, StudyProblem[]> {
  const problems: StudyProblem[] = [];
  const kind = STUDY_KINDS.find((k) => k === typed.kind);
  if (!kind) problems.push({ field: 'kind', code: 'required' });
  const title = typed.title.trim();
  if (title === '') problems.push({ field: 'title', code: 'required' });
  else if (title.length > 200) problems.push({ field: 'title', code: 'too-long' });
  const purpose = typed.purpose.trim();
  if (purpose === '') problems.push({ field: 'purpose', code: 'required' });
  else if (purpose.length > 5000) problems.push({ field: 'purpose', code: 'too-long' });
  const recruitment = typed.recruitment.trim();
  if (recruitment === '') problems.push({ field: 'recruitment', code: 'required' });
  else if (recruitment.length > 5000) problems.push({ field: 'recruitment', code: 'too-long' });
  const periodFrom = typed.periodFrom.trim() === '' ? null : calendarDate(typed.periodFrom);
  const periodTo = typed.periodTo.trim() === '' ? null : calendarDate(typed.periodTo);
  if (periodFrom === undefined) problems.push({ field: 'periodFrom', code: 'invalid' });
  if (periodTo === undefined) problems.push({ field: 'periodTo', code: 'invalid' });
  if (periodFrom && periodTo && periodFrom > periodTo) problems.push({ field: 'periodTo', code: 'period-order' });
  const participants: Partial<Record<ParticipantKind, number>> = {};
  let participantProblem = false;
  for (const [key, text] of Object.entries(typed.participants)) {
    if (!isParticipantKind(key) || text.trim() === '') continue;
    const count = Number(text.trim());
    if (!Number.isInteger(count) || count < 0 || count > 9999) participantProblem = true;
    else if (count > 0) participants[key] = count;
  }
  if (participantProblem) problems.push({ field: 'participants', code: 'invalid' });
  else if (Object.keys(participants).length === 0) problems.push({ field: 'participants', code: 'no-participants' });
  const roundId = typed.roundId.trim() === '' ? null : typed.roundId.trim();
  if (roundId !== null && (!UUID.test(roundId) || !roundIds.has(roundId))) problems.push({ field: 'roundId', code: 'invalid' });
  if (problems.length || !kind) return err(problems);
  return ok({ kind, title, purpose, periodFrom: periodFrom ?? null, periodTo: periodTo ?? null, recruitment, participants, roundId, onPublicPage: typed.onPublicPage });
}

/** Participant counts in the fixed order of the kinds, leaving out kinds nobody belonged to. */
export function participantList(participants: Readonly<Record<string, number>>): { kind: ParticipantKind; count: number }[] {
  return PARTICIPANT_KINDS.filter((kind) => (participants[kind] ?? 0) > 0).map((kind) => ({ kind, count: participants[kind]! }));
}
