/**
 * Minutes (会议纪要, MTG-8), resolutions and their tasks (决议, MTG-9) and coordination meetings
 * (协调会, ADM-1). Written once here: the API refuses what is not allowed, the panel shows only what is.
 */
type Label = { 'zh-CN': string; en: string };

/** The approval kind of the leader's review of minutes (PLT-2). */
export const MINUTES_REVIEW_APPROVAL_KIND = 'minutes-review';

/**
 * The minutes' flow: drafted by the organiser, reviewed by a leader (`minutes-review`), and
 * published only once approved. A rejected or withdrawn review sends them back to draft.
 */
export const MINUTES_STATUSES = ['draft', 'in-review', 'approved', 'published'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const MINUTES_STATUS_LABELS: Record<MinutesStatus, Label> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  'in-review': { 'zh-CN': '审核中', en: 'In review' },
  approved: { 'zh-CN': '已审核', en: 'Approved' },
  published: { 'zh-CN': '已发布', en: 'Published' },
};

/** What the organiser may do with the minutes (the approval's outcome moves in-review itself). */
export const MINUTES_ACTIONS = ['edit', 'submit', 'publish'] as const;
export type MinutesAction = (typeof MINUTES_ACTIONS)[number];

const MINUTES_MOVES: Record<MinutesStatus, Partial<Record<MinutesAction, MinutesStatus>>> = {
  draft: { edit: 'draft', submit: 'in-review' },
  'in-review': {},
  approved: { publish: 'published' },
  published: {},
};

/** The status after the action, or null when the action is not allowed from `status`. */
export function nextMinutesStatus(status: MinutesStatus, action: MinutesAction): MinutesStatus | null {
  return MINUTES_MOVES[status][action] ?? null;
}

export function minutesActionsFrom(status: MinutesStatus): MinutesAction[] {
  return MINUTES_ACTIONS.filter((a) => nextMinutesStatus(status, a) !== null);
}

/** A resolution task's state (MTG-9): 未开始, 推进中, 已完成. */
export const RESOLUTION_TASK_STATUSES = ['open', 'in-progress', 'done'] as const;
export type ResolutionTaskStatus = (typeof RESOLUTION_TASK_STATUSES)[number];

export const RESOLUTION_TASK_STATUS_LABELS: Record<ResolutionTaskStatus, Label> = {
  open: { 'zh-CN': '未开始', en: 'Open' },
  'in-progress': { 'zh-CN': '推进中', en: 'In progress' },
  done: { 'zh-CN': '已完成', en: 'Done' },
};

/** A resolution is done when every task is; one without tasks stays open (nothing was done yet). */
export function resolutionDone(taskStatuses: readonly ResolutionTaskStatus[]): boolean {
  return taskStatuses.length > 0 && taskStatuses.every((s) => s === 'done');
}

/**
 * A progress update's effect: a percent of 100 means done; done means 100; otherwise a percent
 * above 0 moves an open task to in progress. Returns the task's new status and percent.
 */
export function applyTaskProgress(
  current: { status: ResolutionTaskStatus; percent: number },
  update: { status?: ResolutionTaskStatus; percent?: number },
): { status: ResolutionTaskStatus; percent: number } {
  const percent = update.percent ?? current.percent;
  if (update.status === 'done' || percent >= 100) return { status: 'done', percent: 100 };
  const status = update.status ?? (percent > 0 && current.status === 'open' ? 'in-progress' : current.status);
  return { status, percent };
}

/** The computed agenda section of the next meeting of the same type (MTG-9). */
export const CARRY_OVER_SECTION_TITLE: Label = { 'zh-CN': '上次决议落实情况', en: 'Follow-up of earlier resolutions' };

/** How many meetings a coordination series may create at once (ADM-1). */
export const COORDINATION_SERIES_MAX = 26;

export const MEETING_MINUTES_ERRORS = {
  /** The minutes are published only after the leader approved them (409). */
  NOT_APPROVED: 'MINUTES_NOT_APPROVED',
  /** The minutes' flow does not allow the action from their status (409). */
  ILLEGAL_TRANSITION: 'MINUTES_ILLEGAL_TRANSITION',
  /** The meeting already has minutes (409). */
  EXISTS: 'MINUTES_EXIST',
  /** Only recipients of published minutes give feedback (403). */
  NOT_A_RECIPIENT: 'MINUTES_NOT_A_RECIPIENT',
  /** Only the task's owner (or the meeting's organiser) records progress (403). */
  NOT_THE_TASK_OWNER: 'RESOLUTION_NOT_THE_TASK_OWNER',
} as const;
