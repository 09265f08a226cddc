/**
 * Escalation (问题上报, REQ-1): a report with a category, a description and a proposed solution,
 * received through a channel, routed by its category to the leader the office set for it, and
 * tracked until answered within the category's number of working days.
 */

export const ESCALATION_CATEGORIES = ['teaching', 'safety', 'facilities', 'personnel', 'finance', 'other'] as const;
export type EscalationCategory = (typeof ESCALATION_CATEGORIES)[number];

export const ESCALATION_CHANNELS = ['email', 'phone', 'in_person'] as const;
export type EscalationChannel = (typeof ESCALATION_CHANNELS)[number];

export const ESCALATION_STATUSES = ['submitted', 'answered'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const ESCALATION_ACTIONS = ['answer'] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

export const ESCALATION_TRANSITIONS: Record<EscalationAction, { from: readonly EscalationStatus[]; to: EscalationStatus }> = {
  answer: { from: ['submitted'], to: 'answered' },
};

export function escalationActionsFrom(status: EscalationStatus): EscalationAction[] {
  return ESCALATION_ACTIONS.filter((action) => ESCALATION_TRANSITIONS[action].from.includes(status));
}

/** Working days to answer when a route does not say otherwise. */
export const ESCALATION_DEFAULT_ANSWER_WORKING_DAYS = 3;

export const ESCALATION_ERRORS = {
  /** 409: the escalation was already answered. */
  ESCALATION_ILLEGAL_MOVE: 'ESCALATION_ILLEGAL_MOVE',
  /** 409: no leader is set for the category yet; the office configures the routing first. */
  ESCALATION_UNROUTED: 'ESCALATION_UNROUTED',
} as const;
