/**
 * Classified lending (涉密载体外借, ADM-10): a loan of a classified item to a borrower, approved
 * by a leader, registered, reminded when overdue, and returned.
 */

/** The approval kind of a loan: a school leader decides. */
export const CLASSIFIED_LENDING_APPROVAL_KIND = 'classified-lending';

/**
 * A loan's life: pending (awaiting approval) → on-loan (approved and lent) → returned; or
 * pending → rejected / withdrawn.
 */
export const LOAN_STATUSES = ['pending', 'on-loan', 'returned', 'rejected', 'withdrawn'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export const LOAN_STATUS_LABELS: Record<LoanStatus, { 'zh-CN': string; en: string }> = {
  pending: { 'zh-CN': '待审批', en: 'Awaiting approval' },
  'on-loan': { 'zh-CN': '借出中', en: 'On loan' },
  returned: { 'zh-CN': '已归还', en: 'Returned' },
  rejected: { 'zh-CN': '未批准', en: 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};

/** The actions a loan takes, by status: the service refuses any other, the panel shows only these. */
export const LOAN_ACTIONS: Record<LoanStatus, readonly 'return'[]> = {
  pending: [],
  'on-loan': ['return'],
  returned: [],
  rejected: [],
  withdrawn: [],
};

/** The longest loan the office grants, in days (a classified item comes back within a term). */
export const MAX_LOAN_DAYS = 90;

export const LENDING_ERRORS = {
  /** 422: the borrower has no confidentiality training (保密培训) on record for this quarter. */
  LOAN_TRAINING_REQUIRED: 'LOAN_TRAINING_REQUIRED',
  /** 422: the borrower's clearance does not cover the item's secrecy level. */
  LOAN_ABOVE_CLEARANCE: 'LOAN_ABOVE_CLEARANCE',
  /** 422: only classified items are lent through this procedure. */
  LOAN_ITEM_NOT_CLASSIFIED: 'LOAN_ITEM_NOT_CLASSIFIED',
  /** 409: the loan is not on loan (not approved yet, or returned already). */
  LOAN_NOT_ON_LOAN: 'LOAN_NOT_ON_LOAN',
} as const;
