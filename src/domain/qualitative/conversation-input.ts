import { err, ok, type Result } from '../result.ts';
import { isParticipantKind, type ParticipantKind } from './participant-kind.ts';
import { MAX_PASSAGES, passagesOf } from './passages-of.ts';
import { calendarDate } from './study-input.ts';

// A conversation summary as typed or uploaded: the kind of participant (never a name), how many
// people took part, when, and the summary text.

export const MAX_SUMMARY_LENGTH = 200_000;

export interface TypedConversation {
  readonly participantKind: string;
  readonly people: string;
  readonly heldOn: string;
  readonly summary: string;
}

export interface ConversationInput {
  readonly participantKind: ParticipantKind;
  readonly people: number;
  readonly heldOn: string | null;
  readonly summary: string;
}

export type ConversationField = 'participantKind' | 'people' | 'heldOn' | 'summary';
export interface ConversationProblem {
  readonly field: ConversationField;
  readonly code: 'required' | 'invalid' | 'too-long' | 'too-many-passages';
}

export function checkConversation(typed: TypedConversation): Result<ConversationInput, ConversationProblem[]> {
  const problems: ConversationProblem[] = [];
  const kind = typed.participantKind;
  if (!isParticipantKind(kind)) problems.push({ field: 'participantKind', code: 'required' });
  const peopleText = typed.people.trim() === '' ? '1' : typed.people.trim();
  const people = Number(peopleText);
  if (!/^\d+$/.test(peopleText) || people < 1 || people > 99) problems.push({ field: 'people', code: 'invalid' });
  const heldOn = typed.heldOn.trim() === '' ? null : calendarDate(typed.heldOn);
  if (heldOn === undefined) problems.push({ field: 'heldOn', code: 'invalid' });
  const summary = typed.summary.replace(/\r\n?/g, '\n').trim();
  if (summary === '') problems.push({ field: 'summary', code: 'required' });
  else if (summary.length > MAX_SUMMARY_LENGTH) problems.push({ field: 'summary', code: 'too-long' });
  else if (passagesOf(summary).length > MAX_PASSAGES) problems.push({ field: 'summary', code: 'too-many-passages' });
  if (problems.length || !isParticipantKind(kind)) return err(problems);
  return ok({ participantKind: kind, people, heldOn: heldOn ?? null, summary });
}
