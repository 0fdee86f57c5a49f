// Who may do what with a qualitative study. A study is the work of its owner: the organisation's
// researchers (administrators and researchers) or the client council. Its owner records, codes
// and reviews the conversations and so reads the summaries as typed; everyone else with access
// to the organisation reads only what passed the privacy review (the chapter).

export type StudyRole = 'administrator' | 'researcher' | 'viewer' | 'council';
export type StudyOwner = 'organisation' | 'council';

export function isStudyResearcher(role: StudyRole, owner: StudyOwner): boolean {
  return owner === 'council' ? role === 'council' : role === 'administrator' || role === 'researcher';
}

/** A study a user starts belongs to the council when a council member starts it. */
export function ownerFor(role: StudyRole): StudyOwner | undefined {
  if (role === 'council') return 'council';
  if (role === 'administrator' || role === 'researcher') return 'organisation';
  return undefined;
}
