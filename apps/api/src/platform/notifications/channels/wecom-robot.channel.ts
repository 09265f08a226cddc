import type { ChannelAdapter, OutgoingMessage, SendResult } from './channel';
import { ChannelSendError } from './channel-send-error';
import { callProvider, DEFAULT_TIMEOUT_MS, expectErrcodeZero, providerUrl } from './provider-http';
import { truncateUtf8 } from './text-limits';

export interface WeComRobotChannelConfig {
  /** The group robot's webhook, `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`. */
  webhookUrl: string;
  timeoutMs?: number;
}

/** WeCom's limits on a robot message: text content 2048 bytes, markdown content 4096 bytes (UTF-8). */
const TEXT_LIMIT_BYTES = 2048;
const MARKDOWN_LIMIT_BYTES = 4096;

/**
 * A 企业微信 group robot (PLT-4): the message goes to the group the webhook belongs to, whoever
 * `address` names. Markdown reads best, but a markdown robot message can only @ by userid
 * (`<@userid>`), which we do not know; to @ someone by phone the documented form is a `text`
 * message with `mentioned_mobile_list`, so that is what a message with `mentionPhone` becomes.
 * WeCom does not deduplicate; the `Idempotency-Key` header is for receivers that do.
 */
export class WeComRobotChannel implements ChannelAdapter {
  readonly name = 'wecom' as const;

  constructor(private readonly config: WeComRobotChannelConfig | null | undefined) {}

  isConfigured(): boolean {
    return Boolean(this.config?.webhookUrl);
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const config = this.config;
    if (!config || !this.isConfigured()) throw new ChannelSendError(this.name, 'not configured');
    const response = await callProvider(this.name, {
      method: 'POST',
      url: providerUrl(this.name, config.webhookUrl, 'webhookUrl').toString(),
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotency-Key': message.outboxKey },
      body: JSON.stringify(weComRobotBody(message)),
      timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    expectErrcodeZero(this.name, response);
    return { status: 'sent' };
  }
}

export function weComRobotBody(message: OutgoingMessage): object {
  if (message.mentionPhone) {
    const content = [message.title, message.body, message.link].filter(Boolean).join('\n');
    return {
      msgtype: 'text',
      text: { content: truncateUtf8(content, TEXT_LIMIT_BYTES), mentioned_mobile_list: [message.mentionPhone] },
    };
  }
  const parts = [`**${message.title}**`, message.body];
  if (message.link) parts.push(`[查看详情](${message.link})`);
  return { msgtype: 'markdown', markdown: { content: truncateUtf8(parts.join('\n\n'), MARKDOWN_LIMIT_BYTES) } };
}
