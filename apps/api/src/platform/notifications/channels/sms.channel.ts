import { randomUUID } from 'node:crypto';
import type { ChannelAdapter, OutgoingMessage, SendResult } from './channel';
import { ChannelSendError } from './channel-send-error';
import { aliyunTimestamp, canonicalizedQuery, percentEncode, signAliyunRequest } from './aliyun-signature';
import { callProvider, DEFAULT_TIMEOUT_MS, isRecord, providerUrl, snippet } from './provider-http';
import { truncateChars } from './text-limits';

export interface SmsChannelConfig {
  /** Base URL of the gateway, `https://dysmsapi.aliyuncs.com` for Aliyun. */
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** The approved signature shown as 【…】 in the text, e.g. `某某中学`. */
  signName: string;
  /** The approved template, e.g. `SMS_123456789`. */
  templateCode: string;
  /** `cn-hangzhou` when unset (dysmsapi is served from there). */
  regionId?: string;
  /**
   * The template's variables. By default `{ title }`: the template is written around one
   * variable, e.g. `您有一条新通知:${title},请登录校办系统查看。`
   */
  templateParam?: (message: OutgoingMessage) => Record<string, string>;
  timeoutMs?: number;
}

/** Aliyun caps a template variable at 35 characters. */
const TEMPLATE_VARIABLE_LIMIT = 35;

/**
 * SMS through Aliyun's dysmsapi SendSms (PLT-4), signed with the AccessKey (signature 1.0,
 * HMAC-SHA1). The outbox key goes as `OutId` and comes back in the delivery report with the
 * BizId; the gateway's OK only means accepted, so a send is `sent` until that report arrives.
 * The gateway does not deduplicate on OutId: a retry after a lost answer can reach the phone twice.
 */
export class SmsChannel implements ChannelAdapter {
  readonly name = 'sms' as const;

  constructor(private readonly config: SmsChannelConfig | null | undefined) {}

  isConfigured(): boolean {
    const c = this.config;
    return Boolean(c?.endpoint && c.accessKeyId && c.accessKeySecret && c.signName && c.templateCode);
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const config = this.config;
    if (!config || !this.isConfigured()) throw new ChannelSendError(this.name, 'not configured');
    const templateParam = config.templateParam?.(message) ?? { title: truncateChars(message.title, TEMPLATE_VARIABLE_LIMIT) };
    const params: Record<string, string> = {
      AccessKeyId: config.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      RegionId: config.regionId ?? 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      Timestamp: aliyunTimestamp(new Date()),
      Version: '2017-05-25',
      PhoneNumbers: message.address,
      SignName: config.signName,
      TemplateCode: config.templateCode,
      TemplateParam: JSON.stringify(templateParam),
      OutId: message.outboxKey,
    };
    const signature = signAliyunRequest('POST', params, config.accessKeySecret);
    const response = await callProvider(this.name, {
      method: 'POST',
      url: new URL('/', providerUrl(this.name, config.endpoint, 'endpoint')).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Accept: 'application/json' },
      body: `${canonicalizedQuery(params)}&Signature=${percentEncode(signature)}`,
      timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });

    const answer = isRecord(response.json) ? response.json : undefined;
    const code = typeof answer?.Code === 'string' ? answer.Code : undefined;
    const text = typeof answer?.Message === 'string' ? answer.Message : undefined;
    const requestId = typeof answer?.RequestId === 'string' ? ` (RequestId ${answer.RequestId})` : '';
    const providerAnswer = { httpStatus: response.status, providerCode: code, providerMessage: text };
    if (response.status < 200 || response.status >= 300) {
      const detail = code ? `${code}: ${text ?? ''}${requestId}` : snippet(response.text);
      throw new ChannelSendError(this.name, `HTTP ${response.status}, ${detail}`, providerAnswer);
    }
    if (code !== 'OK') {
      const detail = code ? `${code}: ${text ?? ''}${requestId}` : `unexpected answer: ${snippet(response.text)}`;
      throw new ChannelSendError(this.name, detail, providerAnswer);
    }
    if (typeof answer?.BizId !== 'string' || !answer.BizId) {
      throw new ChannelSendError(this.name, `accepted without a BizId${requestId}`, providerAnswer);
    }
    return { status: 'sent', providerMessageId: answer.BizId };
  }
}
