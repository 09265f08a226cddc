/**
 * Approval chains (审批流, PLT-2): the shapes the API stores and the admin chain editor edits, and
 * the legal moves of a request, written once for the service and the panel.
 */

/** Who approves a step. */
export type ApproverRule =
  /** Everyone holding a role, e.g. the school leaders (校领导). */
  | { type: 'role'; role: string }
  /** The head of the applicant's department (or of the nearest department above that has one). */
  | { type: 'department-head' }
  /** The head of the department above the applicant's. */
  | { type: 'parent-department-head' }
  /** Named people. */
  | { type: 'users'; userIds: string[] };

export const CONDITION_OPERATORS = ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** A step applies only when the request's data meets its condition (e.g. sealType eq 'official'). */
export interface StepCondition {
  field: string;
  op: ConditionOperator;
  value: string | number | boolean | (string | number)[];
}

export interface ApprovalStep {
  name: string;
  approvers: ApproverRule;
  /** `any`: one approval decides the step; `all`: every approver must approve (会签). */
  mode: 'any' | 'all';
  condition?: StepCondition | null;
  /** Hours the approvers have; reminders (催办) go out before and after. */
  timeLimitHours?: number | null;
}

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'returned', 'withdrawn'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_ACTIONS = ['approve', 'reject', 'return', 'resubmit', 'withdraw', 'transfer', 'copy'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/**
 * The legal moves of a request by status, and who may make them. A request that is approved,
 * rejected or withdrawn is final.
 */
export const APPROVAL_TRANSITIONS: Record<ApprovalStatus, Partial<Record<ApprovalAction, 'approver' | 'applicant' | 'party'>>> = {
  pending: { approve: 'approver', reject: 'approver', return: 'approver', transfer: 'approver', copy: 'party', withdraw: 'applicant' },
  returned: { resubmit: 'applicant', withdraw: 'applicant', copy: 'party' },
  approved: { copy: 'party' },
  rejected: {},
  withdrawn: {},
};

export function isFinalApprovalStatus(status: ApprovalStatus): boolean {
  return status === 'approved' || status === 'rejected' || status === 'withdrawn';
}

/** True when the step applies to a request with this data. */
export function stepApplies(step: Pick<ApprovalStep, 'condition'>, data: Record<string, unknown>): boolean {
  const condition = step.condition;
  if (!condition) return true;
  const actual = data[condition.field];
  const expected = condition.value;
  switch (condition.op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && (expected as unknown[]).includes(actual);
    case 'gt':
      return typeof actual === 'number' && actual > Number(expected);
    case 'gte':
      return typeof actual === 'number' && actual >= Number(expected);
    case 'lt':
      return typeof actual === 'number' && actual < Number(expected);
    case 'lte':
      return typeof actual === 'number' && actual <= Number(expected);
  }
}
