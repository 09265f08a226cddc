/**
 * Improvement (整改, ASM-5): a problem from some source; its root cause is analysed; measures,
 * each with an owner and a deadline, are carried out; once every measure is done the office
 * evaluates the effect and closes the problem (effective) or reopens it for further measures.
 */

export const IMPROVEMENT_SOURCES = ['evaluation', 'questionnaire', 'suggestion', 'inspection', 'audit', 'incident_review'] as const;
export type ImprovementSource = (typeof IMPROVEMENT_SOURCES)[number];

/**
 * - `open`: recorded, the root cause and the measures still to come;
 * - `implementing`: measures are being carried out;
 * - `evaluating`: every measure is reported implemented; the office judges the effect;
 * - `reopened`: judged not effective; further measures are needed;
 * - `closed`: judged effective.
 */
export const IMPROVEMENT_STATUSES = ['open', 'implementing', 'evaluating', 'reopened', 'closed'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

/** What a person may do with a problem. `analyse` records the root cause and keeps the status. */
export const IMPROVEMENT_ACTIONS = ['analyse', 'add-measure', 'close', 'reopen'] as const;
export type ImprovementAction = (typeof IMPROVEMENT_ACTIONS)[number];

export const IMPROVEMENT_TRANSITIONS: Record<ImprovementAction, { from: readonly ImprovementStatus[]; to: ImprovementStatus | null }> = {
  analyse: { from: ['open', 'implementing', 'reopened'], to: null },
  'add-measure': { from: ['open', 'implementing', 'reopened'], to: 'implementing' },
  close: { from: ['evaluating'], to: 'closed' },
  reopen: { from: ['evaluating'], to: 'reopened' },
};

/** The move the system makes itself when the last open measure is reported implemented. */
export const IMPROVEMENT_ALL_MEASURES_DONE: { from: ImprovementStatus; to: ImprovementStatus } = { from: 'implementing', to: 'evaluating' };

export function improvementActionsFrom(status: ImprovementStatus): ImprovementAction[] {
  return IMPROVEMENT_ACTIONS.filter((action) => IMPROVEMENT_TRANSITIONS[action].from.includes(status));
}

export const IMPROVEMENT_MEASURE_STATUSES = ['pending', 'implemented'] as const;
export type ImprovementMeasureStatus = (typeof IMPROVEMENT_MEASURE_STATUSES)[number];

export const IMPROVEMENT_ERRORS = {
  /** 409: the move is not legal from the problem's status (e.g. closing one whose measures are not done). */
  IMPROVEMENT_ILLEGAL_MOVE: 'IMPROVEMENT_ILLEGAL_MOVE',
  /** 409: the measure was already reported implemented. */
  IMPROVEMENT_MEASURE_DONE: 'IMPROVEMENT_MEASURE_DONE',
  /** 409: this source (e.g. a suggestion) already has its improvement problem. */
  IMPROVEMENT_SOURCE_TAKEN: 'IMPROVEMENT_SOURCE_TAKEN',
} as const;
