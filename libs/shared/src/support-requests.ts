/**
 * Support requests between departments (REQ-2): one department asks another; the target
 * department's head gets it in their inbox, responds within the deadline and completes it.
 * Only the two departments and the office see a request.
 */

export const SUPPORT_REQUEST_STATUSES = ['open', 'responded', 'completed'] as const;
export type SupportRequestStatus = (typeof SUPPORT_REQUEST_STATUSES)[number];

export const SUPPORT_REQUEST_ACTIONS = ['respond', 'complete'] as const;
export type SupportRequestAction = (typeof SUPPORT_REQUEST_ACTIONS)[number];

export const SUPPORT_REQUEST_TRANSITIONS: Record<
  SupportRequestAction,
  { from: readonly SupportRequestStatus[]; to: SupportRequestStatus }
> = {
  respond: { from: ['open'], to: 'responded' },
  complete: { from: ['responded'], to: 'completed' },
};

export function supportRequestActionsFrom(status: SupportRequestStatus): SupportRequestAction[] {
  return SUPPORT_REQUEST_ACTIONS.filter((action) => SUPPORT_REQUEST_TRANSITIONS[action].from.includes(status));
}

export const SUPPORT_REQUEST_ERRORS = {
  /** 409: the move is not legal from the request's status. */
  SUPPORT_REQUEST_ILLEGAL_MOVE: 'SUPPORT_REQUEST_ILLEGAL_MOVE',
} as const;
