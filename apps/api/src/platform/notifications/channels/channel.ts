/**
 * The channels a notification can travel on (PLT-4). Each adapter speaks its provider's
 * documented protocol; the outbox worker calls `send` at least once per message, always with the
 * same `outboxKey`, which the adapter passes on where the receiver can deduplicate on it.
 */
export const CHANNELS = ['in-app', 'email', 'sms', 'wecom', 'dingtalk', 'wechat-mp'] as const;
export type ChannelName = (typeof CHANNELS)[number];

export interface OutgoingMessage {
  /** Stable id of the outbox row: the same on every retry of this message. */
  outboxKey: string;
  channel: ChannelName;
  /** Where it goes: an email address, a phone number, a WeChat openid; for in-app, the user id. */
  address: string;
  /** Phone number to @-mention in a group robot message, when known. */
  mentionPhone?: string | null;
  title: string;
  body: string;
  /** Absolute link into the admin panel, when the message is about an object there. */
  link?: string | null;
}

/** What a send achieved, from the provider's own answer. */
export interface SendResult {
  /**
   * `sent`: the provider accepted it and cannot tell more (robots, WeChat, an SMS gateway until
   * its delivery report comes); `delivered`: the provider confirmed delivery (an SMTP accept).
   */
  status: 'sent' | 'delivered';
  /** The provider's id of the message, e.g. an SMS BizId, used to match delivery reports. */
  providerMessageId?: string | null;
}

export interface ChannelAdapter {
  readonly name: ChannelName;
  /** True when the channel is configured (URLs, keys) and may be used. */
  isConfigured(): boolean;
  /** Throws on failure; the error message is kept as the delivery's last error. */
  send(message: OutgoingMessage): Promise<SendResult>;
}
