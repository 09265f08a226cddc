/**
 * Documents (公文, DOC-1 to DOC-12): the enumerations of 《党政机关公文处理工作条例》 and GB/T 9704-2012,
 * and the incoming flow (收文) written once: the API refuses a move that is not here (409), and the
 * admin panel shows only the actions this table allows.
 */
import { SECRECY_LEVELS, type SecrecyLevel } from './secrecy.js';

type Label = { 'zh-CN': string; en: string };

/** The 15 kinds of 公文 of the 条例 (第八条). */
export const DOCUMENT_TYPES = [
  'resolution',
  'decision',
  'order',
  'communique',
  'announcement',
  'public-notice',
  'opinion',
  'notice',
  'circular',
  'report',
  'request',
  'reply',
  'motion',
  'letter',
  'minutes',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, Label> = {
  resolution: { 'zh-CN': '决议', en: 'Resolution' },
  decision: { 'zh-CN': '决定', en: 'Decision' },
  order: { 'zh-CN': '命令（令）', en: 'Order' },
  communique: { 'zh-CN': '公报', en: 'Communiqué' },
  announcement: { 'zh-CN': '公告', en: 'Announcement' },
  'public-notice': { 'zh-CN': '通告', en: 'Public notice' },
  opinion: { 'zh-CN': '意见', en: 'Opinion' },
  notice: { 'zh-CN': '通知', en: 'Notice' },
  circular: { 'zh-CN': '通报', en: 'Circular' },
  report: { 'zh-CN': '报告', en: 'Report' },
  request: { 'zh-CN': '请示', en: 'Request for instructions' },
  reply: { 'zh-CN': '批复', en: 'Reply' },
  motion: { 'zh-CN': '议案', en: 'Motion' },
  letter: { 'zh-CN': '函', en: 'Letter' },
  minutes: { 'zh-CN': '纪要', en: 'Minutes' },
};

/** 紧急程度: GB/T 9704 knows only 特急 and 加急; everything else is normal. */
export const DOCUMENT_URGENCIES = ['extra-urgent', 'urgent', 'normal'] as const;
export type DocumentUrgency = (typeof DOCUMENT_URGENCIES)[number];

export const DOCUMENT_URGENCY_LABELS: Record<DocumentUrgency, Label> = {
  'extra-urgent': { 'zh-CN': '特急', en: 'Extra urgent' },
  urgent: { 'zh-CN': '加急', en: 'Urgent' },
  normal: { 'zh-CN': '普通', en: 'Normal' },
};

/** True for 特急 and 加急: these notify at once and head the intake list (DOC-2). */
export const isUrgent = (urgency: DocumentUrgency): boolean => urgency !== 'normal';

/** 密级 of a document: the platform's levels (非密/秘密/机密/绝密). */
export const DOCUMENT_SECRECY_LEVELS = SECRECY_LEVELS;
export type DocumentSecrecy = SecrecyLevel;

/** 保管期限 of the archive rules. */
export const RETENTION_PERIODS = ['permanent', '30-years', '10-years'] as const;
export type RetentionPeriod = (typeof RETENTION_PERIODS)[number];

export const RETENTION_PERIOD_LABELS: Record<RetentionPeriod, Label> = {
  permanent: { 'zh-CN': '永久', en: 'Permanent' },
  '30-years': { 'zh-CN': '定期30年', en: '30 years' },
  '10-years': { 'zh-CN': '定期10年', en: '10 years' },
};

/**
 * The school's retention schedule by document type (DOC-1): the default a registration takes
 * when the clerk names none. A constant for now; a configurable schedule can replace it later.
 */
export const DEFAULT_RETENTION_SCHEDULE: Record<DocumentType, RetentionPeriod> = {
  resolution: 'permanent',
  decision: 'permanent',
  order: 'permanent',
  communique: 'permanent',
  reply: 'permanent',
  motion: 'permanent',
  announcement: '30-years',
  'public-notice': '30-years',
  opinion: '30-years',
  report: '30-years',
  request: '30-years',
  minutes: '30-years',
  notice: '10-years',
  circular: '10-years',
  letter: '10-years',
};

/** How a document travelled to a receiver (DOC-4). */
export const TRANSFER_METHODS = ['system', 'email', 'paper'] as const;
export type TransferMethod = (typeof TRANSFER_METHODS)[number];

export const TRANSFER_METHOD_LABELS: Record<TransferMethod, Label> = {
  system: { 'zh-CN': '系统流转', en: 'In the system' },
  email: { 'zh-CN': '电子邮件', en: 'Email' },
  paper: { 'zh-CN': '纸质', en: 'Paper' },
};

// ---------- the incoming flow (收文) ----------

/** 签收 → 登记 → 初审 → 拟办 → 批办 → 承办 → 办结 → 归档, with 退文 after 初审. */
export const INCOMING_STATUSES = [
  'signed-for',
  'registered',
  'reviewed',
  'proposed',
  'instructed',
  'handling',
  'completed',
  'filed',
  'returned',
] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];

export const INCOMING_STATUS_LABELS: Record<IncomingStatus, Label> = {
  'signed-for': { 'zh-CN': '已签收', en: 'Signed for' },
  registered: { 'zh-CN': '已登记', en: 'Registered' },
  reviewed: { 'zh-CN': '已初审', en: 'Reviewed' },
  proposed: { 'zh-CN': '已拟办', en: 'Proposed' },
  instructed: { 'zh-CN': '已批办', en: 'Instructed' },
  handling: { 'zh-CN': '承办中', en: 'Being handled' },
  completed: { 'zh-CN': '已办结', en: 'Completed' },
  filed: { 'zh-CN': '已归档', en: 'Filed' },
  returned: { 'zh-CN': '已退文', en: 'Returned' },
};

/**
 * What can be done to an incoming document. `remind` (催办) and `route` during 承办 (more receivers,
 * 传阅) keep the state; the others move it.
 */
export const INCOMING_ACTIONS = ['register', 'review', 'return', 'propose', 'instruct', 'route', 'remind', 'complete', 'file'] as const;
export type IncomingAction = (typeof INCOMING_ACTIONS)[number];

export const INCOMING_ACTION_LABELS: Record<IncomingAction, Label> = {
  register: { 'zh-CN': '登记', en: 'Register' },
  review: { 'zh-CN': '初审通过', en: 'Pass review' },
  return: { 'zh-CN': '退文', en: 'Return to sender' },
  propose: { 'zh-CN': '拟办', en: 'Propose handling' },
  instruct: { 'zh-CN': '批办', en: 'Instruct' },
  route: { 'zh-CN': '分送承办', en: 'Route' },
  remind: { 'zh-CN': '催办', en: 'Remind' },
  complete: { 'zh-CN': '办结', en: 'Complete' },
  file: { 'zh-CN': '归档', en: 'File' },
};

/** The legal moves: from a status, an action leads to a status. Anything else is refused. */
export const INCOMING_TRANSITIONS: Record<IncomingStatus, Partial<Record<IncomingAction, IncomingStatus>>> = {
  'signed-for': { register: 'registered' },
  registered: { review: 'reviewed', return: 'returned' },
  reviewed: { propose: 'proposed' },
  proposed: { instruct: 'instructed' },
  instructed: { route: 'handling' },
  handling: { route: 'handling', remind: 'handling', complete: 'completed' },
  completed: { file: 'filed' },
  filed: {},
  returned: {},
};

/** The status an action leads to from `status`, or undefined when the move is illegal. */
export function nextIncomingStatus(status: IncomingStatus, action: IncomingAction): IncomingStatus | undefined {
  return INCOMING_TRANSITIONS[status][action];
}

/** The actions the flow allows from a status (before the person's permissions are considered). */
export function incomingActionsFrom(status: IncomingStatus): IncomingAction[] {
  return Object.keys(INCOMING_TRANSITIONS[status]) as IncomingAction[];
}

/** A major document's leader approval (DOC-5): routing waits for `approved`. */
export const MAJOR_APPROVAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type MajorApprovalStatus = (typeof MAJOR_APPROVAL_STATUSES)[number];

/** Approval kind of a major incoming document (DOC-5). */
export const MAJOR_INCOMING_APPROVAL_KIND = 'major-incoming';

/** Error codes of the documents module that clients may branch on. */
export const DOCUMENT_ERRORS = {
  /** The flow does not allow this action from the document's status (409). */
  ILLEGAL_TRANSITION: 'DOCUMENT_ILLEGAL_TRANSITION',
  /** A major document waits for its leader's approval before it is routed (409). */
  AWAITING_APPROVAL: 'DOCUMENT_AWAITING_APPROVAL',
  /** The person is not among the document's receivers (403). */
  NOT_A_RECEIVER: 'DOCUMENT_NOT_A_RECEIVER',
} as const;
