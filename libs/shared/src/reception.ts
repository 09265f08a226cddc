/**
 * Information collection (信息采集, INF-1), feedback on notices (INF-4), visitor reception
 * (来访接待, INF-7) and reception cover (INF-9): states, transitions and the cover rule, written once
 * here for the API, the panel and the tests.
 */

// ---------- INF-1: collection requests and submissions ----------

/** A request is open until the office closes it; a closed request takes no more submissions. */
export const COLLECTION_REQUEST_STATUSES = ['open', 'closed'] as const;
export type CollectionRequestStatus = (typeof COLLECTION_REQUEST_STATUSES)[number];

/** 已报送 → 已采用 (into a category) | 已退回 (with a reason) → 已报送 again (the department resubmits). */
export const COLLECTION_SUBMISSION_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type CollectionSubmissionStatus = (typeof COLLECTION_SUBMISSION_STATUSES)[number];

export type CollectionSubmissionAction = 'accept' | 'return' | 'resubmit';

/** The transition table: the action, the states it leaves from, the state it reaches. */
export const COLLECTION_SUBMISSION_TRANSITIONS: Record<
  CollectionSubmissionAction,
  { from: readonly CollectionSubmissionStatus[]; to: CollectionSubmissionStatus }
> = {
  accept: { from: ['submitted'], to: 'accepted' },
  return: { from: ['submitted'], to: 'returned' },
  resubmit: { from: ['returned'], to: 'submitted' },
};

export function canMoveSubmission(action: CollectionSubmissionAction, status: CollectionSubmissionStatus): boolean {
  return COLLECTION_SUBMISSION_TRANSITIONS[action].from.includes(status);
}

/** Reviews (the office) and resubmission (the department) open in each state. */
export function submissionActions(status: CollectionSubmissionStatus, as: 'office' | 'department'): CollectionSubmissionAction[] {
  const mine: CollectionSubmissionAction[] = as === 'office' ? ['accept', 'return'] : ['resubmit'];
  return mine.filter((a) => canMoveSubmission(a, status));
}

/** Reminders go out from this many days before the deadline, and daily after it, to departments not yet submitted. */
export const COLLECTION_REMIND_DAYS_BEFORE = 2;

/** Categories the publishing list suggests; the office may type its own. */
export const COLLECTION_CATEGORY_SUGGESTIONS = ['校园动态', '教学成果', '师生风采', '通知公告', '党建工作'] as const;

// ---------- INF-4: comments and questions on a notice ----------

export const NOTICE_COMMENT_KINDS = ['comment', 'question'] as const;
export type NoticeCommentKind = (typeof NOTICE_COMMENT_KINDS)[number];

// ---------- INF-7: visitors ----------

export const VISIT_PURPOSES = ['consultation', 'business', 'complaint', 'inspection', 'admission', 'other'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export const VISIT_PURPOSE_LABELS: Record<VisitPurpose, { 'zh-CN': string; en: string }> = {
  consultation: { 'zh-CN': '咨询', en: 'Enquiry' },
  business: { 'zh-CN': '公务联系', en: 'Official business' },
  complaint: { 'zh-CN': '投诉建议', en: 'Complaint or suggestion' },
  inspection: { 'zh-CN': '检查调研', en: 'Inspection' },
  admission: { 'zh-CN': '招生入学', en: 'Admissions' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** A question is answered on the spot, or transferred to a department and tracked until it answers. */
export const VISITOR_QUESTION_STATUSES = ['answered', 'transferred'] as const;
export type VisitorQuestionStatus = (typeof VISITOR_QUESTION_STATUSES)[number];

/** Working days a department has to answer a transferred question by default. */
export const VISITOR_QUESTION_DEFAULT_DAYS = 3;

/** What the visitor acknowledges before entering (保密提醒); the record keeps when they did. */
export const CONFIDENTIALITY_REMINDER = {
  'zh-CN': '来访期间请遵守学校保密规定：不拍摄、不录音、不带走任何文件资料，未经允许不进入办公区域。',
  en: 'While visiting, please keep to the school’s confidentiality rules: no photos or recordings, take no papers away, and enter no office without permission.',
} as const;

// ---------- INF-9: reception cover ----------

/** Reception duty slots of a school day, in school time. */
export const RECEPTION_SLOTS = ['am', 'pm'] as const;
export type ReceptionSlot = (typeof RECEPTION_SLOTS)[number];

export const RECEPTION_SLOT_TIMES: Record<ReceptionSlot, { from: string; to: string }> = {
  am: { from: '08:00:00', to: '12:00:00' },
  pm: { from: '13:30:00', to: '17:30:00' },
};

export const RECEPTION_SLOT_LABELS: Record<ReceptionSlot, { 'zh-CN': string; en: string }> = {
  am: { 'zh-CN': '上午', en: 'Morning' },
  pm: { 'zh-CN': '下午', en: 'Afternoon' },
};

/** How far ahead an uncovered slot is flagged. */
export const RECEPTION_GAP_LOOKAHEAD_DAYS = 3;

/**
 * Why a person covers a slot: the one on duty; the duty's named backup when the one on duty is
 * out; else someone else rostered that day (on duty or as backup in another slot) who is not out.
 */
export const COVER_REASONS = ['on-duty', 'backup', 'same-day', 'none'] as const;
export type CoverReason = (typeof COVER_REASONS)[number];

/**
 * Who covers a slot (INF-9). `available(id)` says whether a person is not out of office during the
 * slot. The rostered person first, then the duty's backup, then the people rostered for the other
 * slots of the same day (their duty person, then their backup, in slot order): they are at school
 * that day and know the desk. Nobody available is a gap.
 */
export function coverOf(
  duty: { userId: string; backupUserId: string | null } | null,
  sameDay: readonly { userId: string; backupUserId: string | null }[],
  available: (userId: string) => boolean,
): { userId: string | null; reason: CoverReason } {
  if (duty && available(duty.userId)) return { userId: duty.userId, reason: 'on-duty' };
  if (duty?.backupUserId && available(duty.backupUserId)) return { userId: duty.backupUserId, reason: 'backup' };
  for (const other of sameDay) {
    for (const id of [other.userId, other.backupUserId]) if (id && available(id)) return { userId: id, reason: 'same-day' };
  }
  return { userId: null, reason: 'none' };
}

export const RECEPTION_ERRORS = {
  /** 409: the submission's state does not allow the move (accept/return twice, resubmit before a return). */
  COLLECTION_ILLEGAL_STATE: 'COLLECTION_ILLEGAL_STATE',
  /** 409: the request is closed. */
  COLLECTION_CLOSED: 'COLLECTION_CLOSED',
  /** 409: the submission started a notice draft already. */
  COLLECTION_NOTICE_EXISTS: 'COLLECTION_NOTICE_EXISTS',
  /** 409: comments are taken on published notices only. */
  NOTICE_COMMENT_NOT_PUBLISHED: 'NOTICE_COMMENT_NOT_PUBLISHED',
  /** 409: the comment is no question, or is answered already. */
  NOTICE_COMMENT_ILLEGAL_STATE: 'NOTICE_COMMENT_ILLEGAL_STATE',
  /** 409: the visitor has signed out already. */
  VISIT_SIGNED_OUT: 'VISIT_SIGNED_OUT',
  /** 409: the question is answered already. */
  VISITOR_QUESTION_ANSWERED: 'VISITOR_QUESTION_ANSWERED',
  /** 409: someone is on duty in that slot already. */
  RECEPTION_SLOT_TAKEN: 'RECEPTION_SLOT_TAKEN',
} as const;
