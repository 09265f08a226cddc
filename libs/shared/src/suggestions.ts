/**
 * Suggestions and the hotline (意见箱/热线, ASM-4). A suggestion comes through the public page,
 * anonymously if the submitter wishes; a hotline call is logged by staff. Each is assigned,
 * answered and closed, against a response-time clock; the submitter follows the reply with the
 * query code they were given.
 */

export const SUGGESTION_SOURCES = ['public-page', 'hotline'] as const;
export type SuggestionSource = (typeof SUGGESTION_SOURCES)[number];

export const SUGGESTION_CATEGORIES = ['teaching', 'management', 'service', 'campus', 'safety', 'other'] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];

export const SUGGESTION_CATEGORY_LABELS: Record<SuggestionCategory, { 'zh-CN': string; en: string }> = {
  teaching: { 'zh-CN': '教育教学', en: 'Teaching' },
  management: { 'zh-CN': '学校管理', en: 'Management' },
  service: { 'zh-CN': '服务态度与效率', en: 'Service' },
  campus: { 'zh-CN': '校园环境与后勤', en: 'Campus and logistics' },
  safety: { 'zh-CN': '安全', en: 'Safety' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const SUGGESTION_STATUSES = ['received', 'assigned', 'answered', 'closed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const SUGGESTION_ACTIONS = ['assign', 'answer', 'close'] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];

/** The legal moves: assign (again, to someone else, while unanswered), answer, close once answered. */
export const SUGGESTION_TRANSITIONS: Record<SuggestionAction, { from: readonly SuggestionStatus[]; to: SuggestionStatus }> = {
  assign: { from: ['received', 'assigned'], to: 'assigned' },
  answer: { from: ['assigned'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
};

export function suggestionActionsFrom(status: SuggestionStatus): SuggestionAction[] {
  return SUGGESTION_ACTIONS.filter((action) => SUGGESTION_TRANSITIONS[action].from.includes(status));
}

/** Working days within which a suggestion or call is answered; the clock starts when it arrives. */
export const SUGGESTION_RESPONSE_WORKING_DAYS = 3;

/** Letters and digits a person reads out without confusion (no 0/O, 1/I/L). */
export const QUERY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 12 characters of 31: about 59 bits, beyond guessing through a throttled public route. */
export const QUERY_CODE_LENGTH = 12;
const QUERY_CODE_SHAPE = new RegExp(`^[${QUERY_CODE_ALPHABET}]{${QUERY_CODE_LENGTH}}$`);

/** A query code as typed: spaces and dashes dropped, upper case. Null when it cannot be one. */
export function normaliseQueryCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return QUERY_CODE_SHAPE.test(code) ? code : null;
}

/** A query code as shown: in groups of four, e.g. K7PM-2QXA-9HTD. */
export function formatQueryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

export const SUGGESTION_ERRORS = {
  /** 409: the move is not legal from the suggestion's status (e.g. closing one not yet answered). */
  SUGGESTION_ILLEGAL_MOVE: 'SUGGESTION_ILLEGAL_MOVE',
} as const;
