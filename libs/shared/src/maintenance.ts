/**
 * Maintenance (维修, LOG-9) and facility inspections (设施巡查, LOG-10): a request's categories,
 * sources and urgencies, the location tree and the request's state machine. The API refuses any
 * move the table does not allow (409 MAINTENANCE_ILLEGAL_TRANSITION); the panel shows only these.
 */

type Label = { 'zh-CN': string; en: string };

export const MAINTENANCE_CATEGORIES = ['electrical', 'plumbing', 'building', 'network', 'other'] as const;
export type MaintenanceCategory = (typeof MAINTENANCE_CATEGORIES)[number];

export const MAINTENANCE_CATEGORY_LABELS: Record<MaintenanceCategory, Label> = {
  electrical: { 'zh-CN': '电气', en: 'Electrical' },
  plumbing: { 'zh-CN': '水暖', en: 'Plumbing' },
  building: { 'zh-CN': '楼梯与房屋', en: 'Stairs and building' },
  network: { 'zh-CN': '网络与信息设备', en: 'Network and IT' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** Where a request came from: the phone page, the office (phone call, paper slip), an inspection, a meeting's equipment test. */
export const MAINTENANCE_SOURCES = ['online', 'phone', 'paper', 'inspection', 'meeting-equipment'] as const;
export type MaintenanceSource = (typeof MAINTENANCE_SOURCES)[number];
/** The sources the office notes when it registers a request for someone. */
export const MAINTENANCE_OFFICE_SOURCES = ['phone', 'paper'] as const;

export const MAINTENANCE_SOURCE_LABELS: Record<MaintenanceSource, Label> = {
  online: { 'zh-CN': '在线报修', en: 'Online' },
  phone: { 'zh-CN': '电话报修', en: 'Phone call' },
  paper: { 'zh-CN': '纸质报修单', en: 'Paper slip' },
  inspection: { 'zh-CN': '设施巡查', en: 'Inspection' },
  'meeting-equipment': { 'zh-CN': '会议设备调试', en: 'Meeting equipment test' },
};

/** Urgency sets the SLA: urgent in hours, normal and low in working days (configured in the settings). */
export const MAINTENANCE_URGENCIES = ['urgent', 'normal', 'low'] as const;
export type MaintenanceUrgency = (typeof MAINTENANCE_URGENCIES)[number];

export const MAINTENANCE_URGENCY_LABELS: Record<MaintenanceUrgency, Label> = {
  urgent: { 'zh-CN': '紧急', en: 'Urgent' },
  normal: { 'zh-CN': '一般', en: 'Normal' },
  low: { 'zh-CN': '不急', en: 'Low' },
};

/** In-house (本校维修工) or external (外包单位, with contractor, quote and cost). */
export const MAINTENANCE_HANDLINGS = ['in-house', 'external'] as const;
export type MaintenanceHandling = (typeof MAINTENANCE_HANDLINGS)[number];

export const LOCATION_KINDS = ['campus', 'building', 'floor', 'room'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const LOCATION_KIND_LABELS: Record<LocationKind, Label> = {
  campus: { 'zh-CN': '校区', en: 'Campus' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
  floor: { 'zh-CN': '楼层', en: 'Floor' },
  room: { 'zh-CN': '房间', en: 'Room' },
};

/** The kind a child of a node has (campus → building → floor → room); a room has no children. */
export const LOCATION_CHILD_KIND: Record<LocationKind, LocationKind | null> = {
  campus: 'building',
  building: 'floor',
  floor: 'room',
  room: null,
};

export const MAINTENANCE_STATUSES = [
  'submitted',
  'awaiting-approval',
  'triaged',
  'assigned',
  'in-progress',
  'completed',
  'reopened',
  'confirmed',
  'cancelled',
] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

/** Statuses of a request still being worked on: at most one open request per dedupe key (a meeting room's projector, an inspection item). */
export const MAINTENANCE_OPEN_STATUSES: readonly MaintenanceStatus[] = [
  'submitted',
  'awaiting-approval',
  'triaged',
  'assigned',
  'in-progress',
  'completed',
  'reopened',
];

export const MAINTENANCE_STATUS_LABELS: Record<MaintenanceStatus, Label> = {
  submitted: { 'zh-CN': '待受理', en: 'Submitted' },
  'awaiting-approval': { 'zh-CN': '费用审批中', en: 'Cost awaiting approval' },
  triaged: { 'zh-CN': '待派工', en: 'Triaged' },
  assigned: { 'zh-CN': '已派工', en: 'Assigned' },
  'in-progress': { 'zh-CN': '维修中', en: 'In progress' },
  completed: { 'zh-CN': '待确认', en: 'Completed, awaiting confirmation' },
  reopened: { 'zh-CN': '返修', en: 'Reopened' },
  confirmed: { 'zh-CN': '已验收', en: 'Confirmed' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

/**
 * - triage: the office decides in-house or external (a cost at or below the threshold);
 * - submit-cost: the same, with an external cost above the threshold: it waits for `repair-cost` approval;
 * - approve / decline: the approval's outcome (the platform, not a person);
 * - assign: a maintenance worker (the job enters their inbox); start, progress, complete: the worker;
 * - confirm (with a rating) / reject (reopens it): the requester; cancel: the office (or the requester before triage).
 */
export const MAINTENANCE_ACTIONS = [
  'triage',
  'submit-cost',
  'approve',
  'decline',
  'assign',
  'start',
  'progress',
  'complete',
  'confirm',
  'reject',
  'cancel',
] as const;
export type MaintenanceAction = (typeof MAINTENANCE_ACTIONS)[number];

export const MAINTENANCE_TRANSITIONS: Record<MaintenanceStatus, Partial<Record<MaintenanceAction, MaintenanceStatus>>> = {
  submitted: { triage: 'triaged', 'submit-cost': 'awaiting-approval', cancel: 'cancelled' },
  'awaiting-approval': { approve: 'triaged', decline: 'submitted' },
  triaged: { triage: 'triaged', 'submit-cost': 'awaiting-approval', assign: 'assigned', cancel: 'cancelled' },
  assigned: { assign: 'assigned', start: 'in-progress', progress: 'assigned', complete: 'completed', cancel: 'cancelled' },
  'in-progress': { assign: 'in-progress', progress: 'in-progress', complete: 'completed' },
  completed: { confirm: 'confirmed', reject: 'reopened' },
  reopened: { assign: 'reopened', start: 'in-progress', progress: 'reopened', complete: 'completed' },
  confirmed: {},
  cancelled: {},
};

/** The status an action leads to from `status`, or undefined when the move is illegal. */
export function nextMaintenanceStatus(status: MaintenanceStatus, action: MaintenanceAction): MaintenanceStatus | undefined {
  return MAINTENANCE_TRANSITIONS[status][action];
}

/** The actions the flow allows from a status (before the person's role is considered). */
export function maintenanceActionsFrom(status: MaintenanceStatus): MaintenanceAction[] {
  return Object.keys(MAINTENANCE_TRANSITIONS[status]) as MaintenanceAction[];
}

/** Actions only the office takes; `approve`/`decline` come from the approval's outcome and are never offered. */
export const MAINTENANCE_OFFICE_ACTIONS: readonly MaintenanceAction[] = ['triage', 'submit-cost', 'assign', 'cancel'];
export const MAINTENANCE_WORKER_ACTIONS: readonly MaintenanceAction[] = ['start', 'progress', 'complete'];
export const MAINTENANCE_REQUESTER_ACTIONS: readonly MaintenanceAction[] = ['confirm', 'reject'];

/** The approval kind of an external repair whose cost is above the configured amount. */
export const REPAIR_COST_APPROVAL_KIND = 'repair-cost';

/** Facility inspection rounds: how often a template's checklist is due. */
export const INSPECTION_FREQUENCIES = ['weekly', 'monthly', 'quarterly'] as const;
export type InspectionFrequency = (typeof INSPECTION_FREQUENCIES)[number];

export const INSPECTION_FREQUENCY_LABELS: Record<InspectionFrequency, Label> = {
  weekly: { 'zh-CN': '每周', en: 'Weekly' },
  monthly: { 'zh-CN': '每月', en: 'Monthly' },
  quarterly: { 'zh-CN': '每季度', en: 'Quarterly' },
};

export const INSPECTION_ROUND_STATUSES = ['open', 'completed'] as const;
export type InspectionRoundStatus = (typeof INSPECTION_ROUND_STATUSES)[number];

export const INSPECTION_RESULTS = ['pass', 'fail'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/**
 * The period a date falls in for a frequency, as a stable key (one round per template per period):
 * weekly `2026-W49` (ISO week), monthly `2026-12`, quarterly `2026-Q4`.
 */
export function inspectionPeriodKey(date: string, frequency: InspectionFrequency): string {
  const [y, m, d] = date.split('-').map(Number);
  if (frequency === 'monthly') return `${y}-${String(m).padStart(2, '0')}`;
  if (frequency === 'quarterly') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The last day of the period a date falls in (the round's due date). */
export function inspectionPeriodEnd(date: string, frequency: InspectionFrequency): string {
  const [y, m, d] = date.split('-').map(Number);
  let end: Date;
  if (frequency === 'monthly') end = new Date(Date.UTC(y, m, 0));
  else if (frequency === 'quarterly') end = new Date(Date.UTC(y, Math.floor((m - 1) / 3) * 3 + 3, 0));
  else {
    end = new Date(Date.UTC(y, m - 1, d));
    end.setUTCDate(end.getUTCDate() + (7 - (end.getUTCDay() || 7)));
  }
  return end.toISOString().slice(0, 10);
}

export const MAINTENANCE_ERRORS = {
  /** 409: the request's flow does not allow this action from its status. */
  ILLEGAL_TRANSITION: 'MAINTENANCE_ILLEGAL_TRANSITION',
  /** 403: only the assigned worker (or the office) acts on the job. */
  NOT_ASSIGNEE: 'MAINTENANCE_NOT_ASSIGNEE',
  /** 403: only the requester confirms or rejects the completed work. */
  NOT_REQUESTER: 'MAINTENANCE_NOT_REQUESTER',
  /** 409: a location with children or requests cannot be removed, or the move would make a cycle. */
  LOCATION_IN_USE: 'MAINTENANCE_LOCATION_IN_USE',
  /** 409: the inspection round is completed already. */
  INSPECTION_ROUND_CLOSED: 'INSPECTION_ROUND_CLOSED',
} as const;
