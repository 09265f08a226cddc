/**
 * Bulletin boards (公告栏, INF-6), the group robots and the link checker (INF-5) as the notices'
 * broadcast channels: states, moves and labels, written once for the API, the panel and the tests.
 */

/** 待张贴 → 已张贴 → 待撤除 (the expiry job flags it) → 已撤除; a posting may be taken down at any point before. */
export const BOARD_POSTING_STATUSES = ['to_post', 'posted', 'removal_due', 'removed'] as const;
export type BoardPostingStatus = (typeof BOARD_POSTING_STATUSES)[number];

export const BOARD_POSTING_ACTIONS = ['post', 'remove'] as const;
export type BoardPostingAction = (typeof BOARD_POSTING_ACTIONS)[number];

/** Which action is legal from which state, and where it leads. */
export const BOARD_POSTING_TRANSITIONS: Record<BoardPostingStatus, Partial<Record<BoardPostingAction, BoardPostingStatus>>> = {
  to_post: { post: 'posted', remove: 'removed' },
  posted: { remove: 'removed' },
  removal_due: { remove: 'removed' },
  removed: {},
};

export function boardPostingActions(status: BoardPostingStatus): BoardPostingAction[] {
  return BOARD_POSTING_ACTIONS.filter((a) => BOARD_POSTING_TRANSITIONS[status][a] !== undefined);
}

export const BOARD_POSTING_STATUS_LABELS: Record<BoardPostingStatus, { 'zh-CN': string; en: string }> = {
  to_post: { 'zh-CN': '待张贴', en: 'To post' },
  posted: { 'zh-CN': '已张贴', en: 'Posted' },
  removal_due: { 'zh-CN': '已到期待撤除', en: 'Expired, to remove' },
  removed: { 'zh-CN': '已撤除', en: 'Removed' },
};

/** 1 = Monday … 7 = Sunday (ISO), the weekday a board is cleaned on. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The group robots a notice can go to: WeCom (企业微信) and DingTalk (钉钉) webhooks. */
export const NOTICE_ROBOT_KINDS = ['wecom', 'dingtalk'] as const;
export type NoticeRobotKind = (typeof NOTICE_ROBOT_KINDS)[number];

export const NOTICE_ROBOT_KIND_LABELS: Record<NoticeRobotKind, { 'zh-CN': string; en: string }> = {
  wecom: { 'zh-CN': '企业微信群机器人', en: 'WeCom group robot' },
  dingtalk: { 'zh-CN': '钉钉群机器人', en: 'DingTalk group robot' },
};

/** The notice channel each kind of robot serves. */
export const NOTICE_ROBOT_CHANNEL: Record<NoticeRobotKind, 'wecom-group' | 'dingtalk-group'> = {
  wecom: 'wecom-group',
  dingtalk: 'dingtalk-group',
};

/** A robot posting: queued in the outbox, then sent, or failed with the robot's answer (and retried). */
export const ROBOT_POST_STATUSES = ['queued', 'sent', 'failed'] as const;
export type RobotPostStatus = (typeof ROBOT_POST_STATUSES)[number];

export const ROBOT_POST_STATUS_LABELS: Record<RobotPostStatus, { 'zh-CN': string; en: string }> = {
  queued: { 'zh-CN': '排队中', en: 'Queued' },
  sent: { 'zh-CN': '已发送', en: 'Sent' },
  failed: { 'zh-CN': '发送失败', en: 'Failed' },
};

/**
 * The http(s) links in a text, in order of appearance, each once. A link ends at whitespace, at a
 * quote or bracket, or at full-width punctuation (Chinese text often runs straight on after a URL);
 * trailing ASCII punctuation that ends a sentence is not part of it.
 */
export function linksIn(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s"'<>()[\]{}\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+/giu) ?? [];
  const cleaned = found.map((u) => u.replace(/[.,;:!?]+$/u, '')).filter((u) => u.length > 'https://'.length);
  return [...new Set(cleaned)];
}

export const BOARD_ERRORS = {
  /** 409: the posting's state does not allow the move. */
  BOARD_POSTING_ILLEGAL_STATE: 'BOARD_POSTING_ILLEGAL_STATE',
  /** 409: the notice is on this board already. */
  BOARD_POSTING_EXISTS: 'BOARD_POSTING_EXISTS',
  /** 409: the board was checked already on that day. */
  BOARD_CHECK_EXISTS: 'BOARD_CHECK_EXISTS',
  /** 409: another board has this name. */
  BOARD_NAME_TAKEN: 'BOARD_NAME_TAKEN',
  /** 409: only a failed robot posting is sent again. */
  ROBOT_POST_NOT_FAILED: 'ROBOT_POST_NOT_FAILED',
} as const;
