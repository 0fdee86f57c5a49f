// Who was spoken to in a qualitative study: a kind, never a name.

export const PARTICIPANT_KINDS = ['client', 'volunteer', 'staff', 'partner', 'council-member', 'other'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export function isParticipantKind(value: unknown): value is ParticipantKind {
  return typeof value === 'string' && (PARTICIPANT_KINDS as readonly string[]).includes(value);
}
