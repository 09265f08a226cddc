/**
 * Retention and destruction (保管期限与销毁, DOC-10), for every kind of record: the expiry rule of a
 * retention period, the destruction methods, and the destruction list's flow (销毁清册), written once
 * here so the API refuses an illegal move (409) and the admin panel shows only the legal buttons.
 */
import type { RetentionPeriod } from './documents.js';

type Label = { 'zh-CN': string; en: string };

/** Years a period keeps a record; null for 永久, which never expires. */
export const RETENTION_YEARS: Record<RetentionPeriod, number | null> = {
  permanent: null,
  '30-years': 30,
  '10-years': 10,
};

/**
 * The day a record's retention runs out, or null for 永久. As for archives, the period counts from
 * 1 January of the year after the record was formed (文件形成的次年1月1日起算): a notice written on
 * 2026-03-05 and kept 10 years expires on 2037-01-01. `formedOn` is YYYY-MM-DD.
 */
export function retentionExpiresOn(period: RetentionPeriod, formedOn: string): string | null {
  const years = RETENTION_YEARS[period];
  if (years === null) return null;
  const year = Number(formedOn.slice(0, 4));
  return `${String(year + 1 + years).padStart(4, '0')}-01-01`;
}

/**
 * The latest year of formation whose records of this period have expired by `asOf` (YYYY-MM-DD),
 * or null for 永久: a provider's query keeps `formation year <= this`, the same rule as
 * retentionExpiresOn without computing a date per row.
 */
export function latestExpiredFormationYear(period: RetentionPeriod, asOf: string): number | null {
  const years = RETENTION_YEARS[period];
  if (years === null) return null;
  return Number(asOf.slice(0, 4)) - 1 - years;
}

/** How the paper was destroyed (销毁方式). */
export const DESTRUCTION_METHODS = ['burn', 'shred', 'pulp', 'degauss'] as const;
export type DestructionMethod = (typeof DESTRUCTION_METHODS)[number];

export const DESTRUCTION_METHOD_LABELS: Record<DestructionMethod, Label> = {
  burn: { 'zh-CN': '焚毁', en: 'Burning' },
  shred: { 'zh-CN': '粉碎', en: 'Shredding' },
  pulp: { 'zh-CN': '制浆', en: 'Pulping' },
  degauss: { 'zh-CN': '消磁', en: 'Degaussing' },
};

/** A destruction needs at least this many witnesses (监销人), each confirming with their own sign-in. */
export const MIN_DESTRUCTION_WITNESSES = 2;

/** Approval kind of a destruction list (销毁清册审批). */
export const DESTRUCTION_LIST_APPROVAL_KIND = 'destruction-list';

/** draft (edit items) → pending (approval) → approved → completed (destroyed); rejected goes back to draft. */
export const DESTRUCTION_LIST_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'completed'] as const;
export type DestructionListStatus = (typeof DESTRUCTION_LIST_STATUSES)[number];

export const DESTRUCTION_LIST_STATUS_LABELS: Record<DestructionListStatus, Label> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  pending: { 'zh-CN': '审批中', en: 'Awaiting approval' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  rejected: { 'zh-CN': '未批准', en: 'Rejected' },
  completed: { 'zh-CN': '已销毁', en: 'Destroyed' },
};

/**
 * What a person does to a list. `record` (the destruction record: method, date, place, witnesses)
 * and `witness` (a 监销人's confirmation) keep the status; approve/reject come from the approval.
 */
export const DESTRUCTION_LIST_ACTIONS = ['edit', 'submit', 'approve', 'reject', 'revise', 'record', 'witness', 'complete'] as const;
export type DestructionListAction = (typeof DESTRUCTION_LIST_ACTIONS)[number];

export const DESTRUCTION_LIST_TRANSITIONS: Record<DestructionListStatus, Partial<Record<DestructionListAction, DestructionListStatus>>> = {
  draft: { edit: 'draft', submit: 'pending', record: 'draft' },
  pending: { approve: 'approved', reject: 'rejected', record: 'pending' },
  approved: { record: 'approved', witness: 'approved', complete: 'completed' },
  rejected: { revise: 'draft' },
  completed: {},
};

export function nextDestructionListStatus(status: DestructionListStatus, action: DestructionListAction): DestructionListStatus | undefined {
  return DESTRUCTION_LIST_TRANSITIONS[status][action];
}

export function destructionListActionsFrom(status: DestructionListStatus): DestructionListAction[] {
  return Object.keys(DESTRUCTION_LIST_TRANSITIONS[status]) as DestructionListAction[];
}

/** Error codes of retention and destruction that clients may branch on. */
export const RETENTION_ERRORS = {
  /** The list's status does not allow this action (409). */
  ILLEGAL_TRANSITION: 'RETENTION_ILLEGAL_TRANSITION',
  /** Completion before the list was approved (409). */
  NOT_APPROVED: 'RETENTION_NOT_APPROVED',
  /** Completion with fewer than MIN_DESTRUCTION_WITNESSES confirmed witnesses (409). */
  TOO_FEW_WITNESSES: 'RETENTION_TOO_FEW_WITNESSES',
  /** Completion before the method, date and place were recorded (409). */
  NOT_RECORDED: 'RETENTION_NOT_RECORDED',
  /** A proposal found nothing expired (409). */
  NOTHING_EXPIRED: 'RETENTION_NOTHING_EXPIRED',
  /** The person is not a named witness of the list (403). */
  NOT_A_WITNESS: 'RETENTION_NOT_A_WITNESS',
} as const;

/**
 * Filing (归档, DOC-11): a finished record is marked ready to file, then the archive takes it and it
 * leaves the destruction lists for good (the archive's own appraisal decides its fate from then on).
 */
export const FILING_ERRORS = {
  /** The record is not finished, is filed already, or was not marked ready to file (409). */
  NOT_READY: 'FILING_NOT_READY',
  /** No record kind of that name takes part in filing (404). */
  UNKNOWN_KIND: 'FILING_UNKNOWN_KIND',
} as const;
