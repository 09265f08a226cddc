/**
 * Incidents (突发情况, REQ-5): the register of what happened, where and when, who handled it, the
 * steps taken and the outcome; then a post-incident review (事后总结) whose lessons become
 * improvement measures (ASM-5).
 */

export const INCIDENT_SEVERITIES = ['minor', 'major', 'severe'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export const INCIDENT_STATUSES = ['recorded', 'reviewed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_ACTIONS = ['review'] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** An incident is reviewed once. */
export const INCIDENT_TRANSITIONS: Record<IncidentAction, { from: readonly IncidentStatus[]; to: IncidentStatus }> = {
  review: { from: ['recorded'], to: 'reviewed' },
};

export function incidentActionsFrom(status: IncidentStatus): IncidentAction[] {
  return INCIDENT_ACTIONS.filter((action) => INCIDENT_TRANSITIONS[action].from.includes(status));
}

export const INCIDENT_ERRORS = {
  /** 409: the incident was already reviewed. */
  INCIDENT_ILLEGAL_MOVE: 'INCIDENT_ILLEGAL_MOVE',
} as const;
