/**
 * Outgoing documents (发文, DOC-7): the flow written once, as the incoming one is in documents.ts.
 * The API refuses a move that is not in this table (409) and the admin panel shows only the
 * actions it allows from a status.
 *
 * 拟稿 → 核稿 → 办公室审核 (may return the draft) → optional 会签 → 签发 (a leader, through the
 * approval kind `outgoing-signoff`) → 复核 (a substantive change sends it back to the signer) →
 * 登记 (发文字号, distribution list, copies) → 印制 → 校对 → 用印 → 分发 → 归档 (ready to file).
 */

type Label = { 'zh-CN': string; en: string };

/** 行文方向: 上行文 goes to a superior, 平行文 to a peer, 下行文 to those below. */
export const OUTGOING_DIRECTIONS = ['upward', 'parallel', 'downward'] as const;
export type OutgoingDirection = (typeof OUTGOING_DIRECTIONS)[number];

export const OUTGOING_DIRECTION_LABELS: Record<OutgoingDirection, Label> = {
  upward: { 'zh-CN': '上行文', en: 'To a superior' },
  parallel: { 'zh-CN': '平行文', en: 'To a peer' },
  downward: { 'zh-CN': '下行文', en: 'To those below' },
};

export const OUTGOING_STATUSES = [
  'draft',
  'checking',
  'office-review',
  'countersigning',
  'signing',
  'signed',
  'reviewed',
  'registered',
  'printed',
  'proofread',
  'sealed',
  'distributed',
  'ready-to-file',
] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

export const OUTGOING_STATUS_LABELS: Record<OutgoingStatus, Label> = {
  draft: { 'zh-CN': '拟稿', en: 'Draft' },
  checking: { 'zh-CN': '待核稿', en: 'Being checked' },
  'office-review': { 'zh-CN': '办公室审核', en: 'Office review' },
  countersigning: { 'zh-CN': '会签中', en: 'Countersigning' },
  signing: { 'zh-CN': '待签发', en: 'Awaiting sign-off' },
  signed: { 'zh-CN': '已签发待复核', en: 'Signed, awaiting final check' },
  reviewed: { 'zh-CN': '已复核待登记', en: 'Checked, awaiting registration' },
  registered: { 'zh-CN': '已登记待印制', en: 'Registered, awaiting printing' },
  printed: { 'zh-CN': '已印制待校对', en: 'Printed, awaiting proofreading' },
  proofread: { 'zh-CN': '已校对待用印', en: 'Proofread, awaiting the seal' },
  sealed: { 'zh-CN': '已用印待分发', en: 'Sealed, awaiting distribution' },
  distributed: { 'zh-CN': '已分发', en: 'Distributed' },
  'ready-to-file': { 'zh-CN': '待归档', en: 'Ready to file' },
};

/**
 * What can be done to an outgoing document. `countersign` (one countersigner's opinion) keeps the
 * status until the last one agrees; `revise` is a substantive change after 签发 (a PATCH that
 * changes the text), which goes back to the signer. `sign-off` and `reject-signoff` are taken by
 * the approval's outcome, never by a button.
 */
export const OUTGOING_ACTIONS = [
  'submit',
  'check',
  'return',
  'request-countersign',
  'countersign',
  'request-signoff',
  'sign-off',
  'reject-signoff',
  'revise',
  'review',
  'register',
  'print',
  'proofread',
  'seal',
  'distribute',
  'file',
] as const;
export type OutgoingAction = (typeof OUTGOING_ACTIONS)[number];

export const OUTGOING_ACTION_LABELS: Record<OutgoingAction, Label> = {
  submit: { 'zh-CN': '送核稿', en: 'Submit for checking' },
  check: { 'zh-CN': '核稿通过', en: 'Pass checking' },
  return: { 'zh-CN': '退回修改', en: 'Return to the drafter' },
  'request-countersign': { 'zh-CN': '送会签', en: 'Send for countersigning' },
  countersign: { 'zh-CN': '会签', en: 'Countersign' },
  'request-signoff': { 'zh-CN': '送签发', en: 'Send for sign-off' },
  'sign-off': { 'zh-CN': '签发', en: 'Sign off' },
  'reject-signoff': { 'zh-CN': '不予签发', en: 'Refuse sign-off' },
  revise: { 'zh-CN': '实质性修改（重新签发）', en: 'Substantive change (sign off again)' },
  review: { 'zh-CN': '复核', en: 'Final check' },
  register: { 'zh-CN': '登记编号', en: 'Register and number' },
  print: { 'zh-CN': '印制', en: 'Print' },
  proofread: { 'zh-CN': '校对', en: 'Proofread' },
  seal: { 'zh-CN': '用印', en: 'Seal' },
  distribute: { 'zh-CN': '分发', en: 'Distribute' },
  file: { 'zh-CN': '归档', en: 'Mark ready to file' },
};

/** The legal moves: from a status, an action leads to a status. Anything else is refused. */
export const OUTGOING_TRANSITIONS: Record<OutgoingStatus, Partial<Record<OutgoingAction, OutgoingStatus>>> = {
  draft: { submit: 'checking' },
  checking: { check: 'office-review', return: 'draft' },
  'office-review': { 'request-countersign': 'countersigning', 'request-signoff': 'signing', return: 'draft' },
  // The last countersigner's agreement sends it on to 签发 by itself; a disagreement returns it.
  countersigning: { countersign: 'countersigning', 'request-signoff': 'signing', return: 'draft' },
  signing: { 'sign-off': 'signed', 'reject-signoff': 'draft' },
  signed: { review: 'reviewed', revise: 'signing' },
  reviewed: { register: 'registered', revise: 'signing' },
  registered: { print: 'printed' },
  printed: { proofread: 'proofread' },
  proofread: { seal: 'sealed' },
  sealed: { distribute: 'distributed' },
  distributed: { file: 'ready-to-file' },
  'ready-to-file': {},
};

/** Actions nobody takes by a button: the approval's outcome, the last countersignature and an edit take them. */
export const OUTGOING_SYSTEM_ACTIONS: readonly OutgoingAction[] = ['sign-off', 'reject-signoff', 'revise'];

/** The status an action leads to from `status`, or undefined when the move is illegal. */
export function nextOutgoingStatus(status: OutgoingStatus, action: OutgoingAction): OutgoingStatus | undefined {
  return OUTGOING_TRANSITIONS[status][action];
}

/** The actions the flow allows from a status (before the person's permissions are considered). */
export function outgoingActionsFrom(status: OutgoingStatus): OutgoingAction[] {
  return Object.keys(OUTGOING_TRANSITIONS[status]) as OutgoingAction[];
}

/** Statuses in which the text may still be edited: before 签发, and in 复核 (a substantive change then re-signs). */
export const OUTGOING_EDITABLE_STATUSES: readonly OutgoingStatus[] = ['draft', 'checking', 'office-review', 'signed', 'reviewed'];

/**
 * The fields whose change after 签发 is substantive (实质性修改) and goes back to the signer. The
 * others (附注, 印发 details, copies, retention) are the office's to set without a new signature.
 */
export const OUTGOING_SUBSTANTIVE_FIELDS = [
  'docType',
  'direction',
  'title',
  'body',
  'mainRecipients',
  'ccRecipients',
  'attachmentNote',
  'secrecy',
  'secrecyPeriod',
  'urgency',
  'issuerMark',
  'signers',
  'attachmentIds',
  'bodyFileId',
] as const;

/** Approval kind of the leader's sign-off (签发) of an outgoing document (DOC-7). */
export const OUTGOING_SIGNOFF_APPROVAL_KIND = 'outgoing-signoff';

/** A countersigner's answer (会签意见). */
export const COUNTERSIGN_STATUSES = ['pending', 'agreed', 'disagreed'] as const;
export type CountersignStatus = (typeof COUNTERSIGN_STATUSES)[number];

/** Main recipients (主送) and copied ones (抄送) of the distribution list; `internal` for the school's own departments' copies. */
export const DISTRIBUTION_KINDS = ['main', 'cc', 'internal'] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

export const DISTRIBUTION_KIND_LABELS: Record<DistributionKind, Label> = {
  main: { 'zh-CN': '主送', en: 'Main recipient' },
  cc: { 'zh-CN': '抄送', en: 'Copied' },
  internal: { 'zh-CN': '内部分发', en: 'Internal' },
};

/** What became of a number of a 代字 and year (the gap report's fates). */
export const OUTGOING_NUMBER_FATES = ['used', 'reserved', 'voided'] as const;
export type OutgoingNumberFate = (typeof OUTGOING_NUMBER_FATES)[number];

export const OUTGOING_NUMBER_FATE_LABELS: Record<OutgoingNumberFate, Label> = {
  used: { 'zh-CN': '已使用', en: 'Used' },
  reserved: { 'zh-CN': '预留', en: 'Reserved' },
  voided: { 'zh-CN': '作废', en: 'Voided' },
};

/** Error codes of outgoing documents that clients may branch on. */
export const OUTGOING_ERRORS = {
  /** The draft breaks GB/T 9704 rules; `errors` holds the findings by field (422). */
  LINT_FAILED: 'OUTGOING_LINT_FAILED',
  /** The person is not a countersigner of this document, or has answered already (403/409). */
  NOT_A_COUNTERSIGNER: 'OUTGOING_NOT_A_COUNTERSIGNER',
  /** The 代字 is deactivated: no new numbers (409). */
  PREFIX_INACTIVE: 'OUTGOING_PREFIX_INACTIVE',
  /** A 代字 with this code exists already (409). */
  PREFIX_EXISTS: 'OUTGOING_PREFIX_EXISTS',
} as const;
