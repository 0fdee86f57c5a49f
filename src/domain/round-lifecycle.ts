// The life of a survey round: draft → fieldwork → closed → published. The questionnaire is
// frozen from fieldwork on (answers must keep their meaning); going back from closed to fieldwork
// is an administrator's decision and is logged.

import { err, ok, type Result } from './result.ts';

export type RoundStatus = 'draft' | 'fieldwork' | 'closed' | 'published';
export type RoundAction = 'start-fieldwork' | 'close' | 'publish' | 'unpublish' | 'reopen';
export type LifecycleRole = 'administrator' | 'researcher' | 'viewer' | 'council';

export const ROUND_ACTIONS: readonly RoundAction[] = ['start-fieldwork', 'close', 'publish', 'unpublish', 'reopen'];

interface Rule {
  readonly from: readonly RoundStatus[];
  readonly to: RoundStatus;
  readonly roles: readonly LifecycleRole[];
}

const rules: Record<RoundAction, Rule> = {
  'start-fieldwork': { from: ['draft'], to: 'fieldwork', roles: ['administrator', 'researcher'] },
  close: { from: ['fieldwork'], to: 'closed', roles: ['administrator', 'researcher'] },
  publish: { from: ['closed'], to: 'published', roles: ['administrator', 'researcher'] },
  unpublish: { from: ['published'], to: 'closed', roles: ['administrator', 'researcher'] },
  reopen: { from: ['closed', 'published'], to: 'fieldwork', roles: ['administrator'] },
};

export type LifecycleProblem = 'not-allowed-now' | 'role';

export function nextStatus(status: RoundStatus, action: RoundAction, role: LifecycleRole): Result<RoundStatus, LifecycleProblem> {
  const rule = rules[action];
  if (!rule.from.includes(status)) return err('not-allowed-now');
  if (!rule.roles.includes(role)) return err('role');
  return ok(rule.to);
}

/** Whose round it is: the organisation's research, or a client council's own survey. */
export type RoundOwner = 'organisation' | 'council';

/**
 * A client council runs its own survey: it designs it, starts and closes it. The organisation's
 * staff may publish it (or take it back) and an administrator may reopen it, but may not change
 * it or run its fieldwork; a council's survey is its own voice.
 */
const COUNCIL_RUNS: readonly RoundAction[] = ['start-fieldwork', 'close'];

export function staffMayAct(owner: RoundOwner, action: RoundAction): boolean {
  return owner === 'organisation' || !COUNCIL_RUNS.includes(action);
}

/** Only the council changes the questionnaire of its own survey. */
export function staffMayDesign(owner: RoundOwner): boolean {
  return owner === 'organisation';
}

/** The actions a member of staff with this role can take on a round in this status, in display order. */
export function availableActions(status: RoundStatus, role: LifecycleRole, owner: RoundOwner = 'organisation'): RoundAction[] {
  return ROUND_ACTIONS.filter((action) => nextStatus(status, action, role).ok && staffMayAct(owner, action));
}

export function isRoundAction(value: unknown): value is RoundAction {
  return typeof value === 'string' && (ROUND_ACTIONS as readonly string[]).includes(value);
}

/** Questionnaire and design can change only while the round is a draft. */
export function isQuestionnaireFrozen(status: RoundStatus): boolean {
  return status !== 'draft';
}

/** Answers are taken only during fieldwork. */
export function acceptsAnswers(status: RoundStatus): boolean {
  return status === 'fieldwork';
}
