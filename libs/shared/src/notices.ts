/**
 * Notices and announcements (通知公告, INF-3–INF-5): the states, the channels, and the one rule of
 * when a person counts as reached. Written once here for the API, the panel and the tests.
 */

/** 拟稿 → 待审核 → 已审核 → 已发布; a rejected verification goes back to the draft with its reason. */
export const NOTICE_STATUSES = ['draft', 'pending', 'verified', 'published'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  pending: { 'zh-CN': '审核中', en: 'Being verified' },
  verified: { 'zh-CN': '已审核', en: 'Verified' },
  published: { 'zh-CN': '已发布', en: 'Published' },
};

/**
 * Channels that reach persons one by one, each with its own delivery status (the platform's
 * notification channels). In-app is always among them: the message centre is every notice's home.
 */
export const NOTICE_PERSONAL_CHANNELS = ['in-app', 'email', 'sms', 'wechat-mp'] as const;
export type NoticePersonalChannel = (typeof NOTICE_PERSONAL_CHANNELS)[number];

/** Broadcast channels: one posting per notice, never counted as reaching a person. */
export const NOTICE_BROADCAST_CHANNELS = ['website', 'board', 'wecom-group', 'dingtalk-group'] as const;
export type NoticeBroadcastChannel = (typeof NOTICE_BROADCAST_CHANNELS)[number];

export const NOTICE_CHANNELS = [...NOTICE_PERSONAL_CHANNELS, ...NOTICE_BROADCAST_CHANNELS] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const NOTICE_CHANNEL_LABELS: Record<NoticeChannel, { 'zh-CN': string; en: string }> = {
  'in-app': { 'zh-CN': '站内消息', en: 'In-app' },
  email: { 'zh-CN': '电子邮件', en: 'Email' },
  sms: { 'zh-CN': '短信', en: 'SMS' },
  'wechat-mp': { 'zh-CN': '微信公众号', en: 'WeChat official account' },
  website: { 'zh-CN': '学校网站', en: 'School website' },
  board: { 'zh-CN': '公告栏', en: 'Bulletin boards' },
  'wecom-group': { 'zh-CN': '企业微信群机器人', en: 'WeCom group robots' },
  'dingtalk-group': { 'zh-CN': '钉钉群机器人', en: 'DingTalk group robots' },
};

export function isPersonalChannel(channel: string): channel is NoticePersonalChannel {
  return (NOTICE_PERSONAL_CHANNELS as readonly string[]).includes(channel);
}

/** How many times one person may be reminded of one notice by resends (补发). */
export const NOTICE_REMINDER_CAP = 3;

/** Delivery statuses as the platform records them from real signals. */
export type NoticeDeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

/**
 * Whether a recipient is reached (INF-3). With a read confirmation asked, only their confirmation
 * counts. Without one, a per-person delivery that arrived ('delivered' or 'read') counts; 'sent'
 * alone does not, and broadcast postings never do.
 */
export function isReached(recipient: {
  asksConfirmation: boolean;
  confirmedAt: string | Date | null;
  deliveries: readonly { channel: string; status: NoticeDeliveryStatus }[];
}): boolean {
  if (recipient.asksConfirmation) return recipient.confirmedAt !== null;
  return recipient.deliveries.some((d) => isPersonalChannel(d.channel) && (d.status === 'delivered' || d.status === 'read'));
}

export const NOTICE_ERRORS = {
  /** 409: the move is not allowed from the notice's state (e.g. editing a published notice). */
  NOTICE_ILLEGAL_STATE: 'NOTICE_ILLEGAL_STATE',
  /** 409: a notice is published only after its verification (notice-publish) was approved. */
  NOTICE_NOT_VERIFIED: 'NOTICE_NOT_VERIFIED',
  /** 409: the notice asks for no read confirmation, or the person is not among its recipients. */
  NOTICE_CONFIRMATION_NOT_ASKED: 'NOTICE_CONFIRMATION_NOT_ASKED',
  /** 422: the audience resolves to nobody. */
  NOTICE_NO_RECIPIENTS: 'NOTICE_NO_RECIPIENTS',
} as const;
