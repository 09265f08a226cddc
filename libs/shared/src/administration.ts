/**
 * Administration (行政管理, guide 二(一) and 四(二)): seals (印章, ADM-4 to ADM-6) and the work
 * ledger (工作台账, ADM-3). The enumerations, their labels, the legal moves and the error codes,
 * written once for the API and the admin panel. Archives, classified lending and training come later.
 */

type Label = { 'zh-CN': string; en: string };

// ---------- seals (印章, ADM-4) ----------

/** 公章, 党委章, 法人章, 财务章, 合同章, 部门章. */
export const SEAL_TYPES = ['official', 'party', 'legal-representative', 'finance', 'contract', 'department'] as const;
export type SealType = (typeof SEAL_TYPES)[number];

export const SEAL_TYPE_LABELS: Record<SealType, Label> = {
  official: { 'zh-CN': '公章', en: 'Official seal' },
  party: { 'zh-CN': '党委章', en: 'Party committee seal' },
  'legal-representative': { 'zh-CN': '法人章', en: 'Legal representative seal' },
  finance: { 'zh-CN': '财务章', en: 'Finance seal' },
  contract: { 'zh-CN': '合同章', en: 'Contract seal' },
  department: { 'zh-CN': '部门章', en: 'Department seal' },
};

/** The seal types whose use a school leader (校长/书记) approves (ADM-5); the others go to a department head. */
export const LEADER_SEAL_TYPES: readonly SealType[] = ['official', 'party', 'legal-representative', 'finance', 'contract'];
/** The seal types whose use the applicant's department head approves first. */
export const DEPARTMENT_HEAD_SEAL_TYPES: readonly SealType[] = ['department', 'finance', 'contract'];

/** 在用, 停用, 遗失, 销毁. A seal not in use cannot be applied for nor used. */
export const SEAL_STATUSES = ['in-use', 'suspended', 'lost', 'destroyed'] as const;
export type SealStatus = (typeof SEAL_STATUSES)[number];

export const SEAL_STATUS_LABELS: Record<SealStatus, Label> = {
  'in-use': { 'zh-CN': '在用', en: 'In use' },
  suspended: { 'zh-CN': '停用', en: 'Suspended' },
  lost: { 'zh-CN': '遗失', en: 'Lost' },
  destroyed: { 'zh-CN': '已销毁', en: 'Destroyed' },
};

/** Which status a seal may move to from each status. A destroyed seal is final. */
export const SEAL_STATUS_MOVES: Record<SealStatus, readonly SealStatus[]> = {
  'in-use': ['suspended', 'lost', 'destroyed'],
  suspended: ['in-use', 'lost', 'destroyed'],
  // A lost seal that is found again is checked and put back in use, or destroyed.
  lost: ['in-use', 'destroyed'],
  destroyed: [],
};

export function canMoveSeal(from: SealStatus, to: SealStatus): boolean {
  return SEAL_STATUS_MOVES[from].includes(to);
}

/** 交接: pending until the new custodian confirms with their own login. */
export const SEAL_HANDOVER_STATUSES = ['pending', 'confirmed', 'cancelled'] as const;
export type SealHandoverStatus = (typeof SEAL_HANDOVER_STATUSES)[number];

export const SEAL_HANDOVER_STATUS_LABELS: Record<SealHandoverStatus, Label> = {
  pending: { 'zh-CN': '待接收', en: 'Awaiting confirmation' },
  confirmed: { 'zh-CN': '已交接', en: 'Handed over' },
  cancelled: { 'zh-CN': '已撤销', en: 'Cancelled' },
};

// ---------- seal use (用印, ADM-5) ----------

/** The approval kind of a seal-use application; the seal type (`sealType` in its data) chooses the chain. */
export const SEAL_USE_APPROVAL_KIND = 'seal-use';

/**
 * An application's life: pending approval → approved (copies left) → spent (every approved copy
 * stamped); or rejected / withdrawn by the approval.
 */
export const SEAL_APPLICATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'spent'] as const;
export type SealApplicationStatus = (typeof SEAL_APPLICATION_STATUSES)[number];

export const SEAL_APPLICATION_STATUS_LABELS: Record<SealApplicationStatus, Label> = {
  pending: { 'zh-CN': '审批中', en: 'Awaiting approval' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  rejected: { 'zh-CN': '未批准', en: 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  spent: { 'zh-CN': '已用毕', en: 'Spent' },
};

export const SEAL_USE_COPIES_MAX = 500;

// ---------- inspections (印章检查, ADM-6) ----------

export const SEAL_INSPECTION_RESULTS = ['normal', 'damaged', 'lost'] as const;
export type SealInspectionResult = (typeof SEAL_INSPECTION_RESULTS)[number];

export const SEAL_INSPECTION_RESULT_LABELS: Record<SealInspectionResult, Label> = {
  normal: { 'zh-CN': '正常', en: 'In order' },
  damaged: { 'zh-CN': '损坏', en: 'Damaged' },
  lost: { 'zh-CN': '遗失', en: 'Lost' },
};

export const SEAL_INSPECTION_STATUSES = ['open', 'done'] as const;
export type SealInspectionStatus = (typeof SEAL_INSPECTION_STATUSES)[number];

export const SEAL_INSPECTION_STATUS_LABELS: Record<SealInspectionStatus, Label> = {
  open: { 'zh-CN': '待检查', en: 'To inspect' },
  done: { 'zh-CN': '已检查', en: 'Inspected' },
};

/** What a damage or loss report does to the seal: damage suspends it, loss marks it lost (out of use at once). */
export const SEAL_INCIDENT_STATUS: Record<Exclude<SealInspectionResult, 'normal'>, SealStatus> = {
  damaged: 'suspended',
  lost: 'lost',
};

// ---------- work ledger (工作台账, ADM-3) ----------

export const WORK_MATTER_STATUSES = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type WorkMatterStatus = (typeof WORK_MATTER_STATUSES)[number];

export const WORK_MATTER_STATUS_LABELS: Record<WorkMatterStatus, Label> = {
  open: { 'zh-CN': '未开始', en: 'Open' },
  'in-progress': { 'zh-CN': '推进中', en: 'In progress' },
  done: { 'zh-CN': '已办结', en: 'Done' },
  cancelled: { 'zh-CN': '已撤销', en: 'Cancelled' },
};

/** A finished matter (办结 or 撤销) takes no more follow-ups and raises no overdue reminders. */
export function isWorkMatterClosed(status: WorkMatterStatus): boolean {
  return status === 'done' || status === 'cancelled';
}

// ---------- errors ----------

export const ADMINISTRATION_ERRORS = {
  /** 409: the seal is suspended, lost or destroyed: no application, no use. */
  SEAL_NOT_IN_USE: 'SEAL_NOT_IN_USE',
  /** 409: the status move is not allowed (e.g. from destroyed). */
  SEAL_ILLEGAL_STATUS: 'SEAL_ILLEGAL_STATUS',
  /** 409: a handover of this seal is already waiting for its confirmation. */
  SEAL_HANDOVER_PENDING: 'SEAL_HANDOVER_PENDING',
  /** 409: the handover is no longer pending. */
  SEAL_HANDOVER_CLOSED: 'SEAL_HANDOVER_CLOSED',
  /** 403: only the seal's custodian (or the named new custodian) may do this. */
  SEAL_NOT_CUSTODIAN: 'SEAL_NOT_CUSTODIAN',
  /** 409: a use needs an approved application. */
  SEAL_USE_NOT_APPROVED: 'SEAL_USE_NOT_APPROVED',
  /** 409: more copies than the approval has left. */
  SEAL_USE_COPIES_EXCEEDED: 'SEAL_USE_COPIES_EXCEEDED',
  /** 409: every approved copy has been stamped. */
  SEAL_USE_SPENT: 'SEAL_USE_SPENT',
  /** 409: this inspection has been recorded. */
  SEAL_INSPECTION_DONE: 'SEAL_INSPECTION_DONE',
  /** 409: the matter is done or cancelled. */
  WORK_MATTER_CLOSED: 'WORK_MATTER_CLOSED',
} as const;
