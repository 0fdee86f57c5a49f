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

/** The actions a user with this role can take on a round in this status, in display order. */
export function availableActions(status: RoundStatus, role: LifecycleRole): RoundAction[] {
  return ROUND_ACTIONS.filter((action) => nextStatus(status, action, role).ok);
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
