import { createHmac } from 'node:crypto';
import type { ChannelAdapter, OutgoingMessage, SendResult } from './channel';
import { ChannelSendError } from './channel-send-error';
import { callProvider, DEFAULT_TIMEOUT_MS, expectErrcodeZero, providerUrl } from './provider-http';

export interface DingTalkRobotChannelConfig {
  /** The custom robot's webhook, `https://oapi.dingtalk.com/robot/send?access_token=…`. */
  webhookUrl: string;
  /** The 加签 secret shown in the robot's security settings (starts with `SEC`). */
  secret: string;
  timeoutMs?: number;
}

/** DingTalk's 加签: base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)). */
export function dingTalkSign(timestamp: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/**
 * A 钉钉 custom robot with the signed security setting (PLT-4). `timestamp` (ms) and `sign` go
 * on the webhook's query string, URL-encoded; DingTalk refuses a sign made more than an hour
 * away from its clock, so each attempt signs afresh. To @ someone, DingTalk wants the phone both
 * in `at.atMobiles` and as `@phone` in the text. DingTalk does not deduplicate; the
 * `Idempotency-Key` header is for receivers that do.
 */
export class DingTalkRobotChannel implements ChannelAdapter {
  readonly name = 'dingtalk' as const;

  constructor(private readonly config: DingTalkRobotChannelConfig | null | undefined) {}

  isConfigured(): boolean {
    return Boolean(this.config?.webhookUrl && this.config.secret);
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const config = this.config;
    if (!config || !this.isConfigured()) throw new ChannelSendError(this.name, 'not configured');
    const timestamp = Date.now();
    const url = providerUrl(this.name, config.webhookUrl, 'webhookUrl');
    url.searchParams.set('timestamp', String(timestamp));
    // URLSearchParams percent-encodes the base64 (+ / =), which is the urlEncode DingTalk asks for.
    url.searchParams.set('sign', dingTalkSign(timestamp, config.secret));
    const response = await callProvider(this.name, {
      method: 'POST',
      url: url.toString(),
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotency-Key': message.outboxKey },
      body: JSON.stringify(dingTalkRobotBody(message)),
      timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    expectErrcodeZero(this.name, response);
    return { status: 'sent' };
  }
}

export function dingTalkRobotBody(message: OutgoingMessage): object {
  const parts = [`### ${message.title}`, message.body];
  if (message.link) parts.push(`[查看详情](${message.link})`);
  if (message.mentionPhone) parts.push(`@${message.mentionPhone}`);
  return {
    msgtype: 'markdown',
    markdown: { title: message.title, text: parts.join('\n\n') },
    at: { atMobiles: message.mentionPhone ? [message.mentionPhone] : [], isAtAll: false },
  };
}
