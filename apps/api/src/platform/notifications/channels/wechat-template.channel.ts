import type { ChannelAdapter, OutgoingMessage, SendResult } from './channel';
import { ChannelSendError } from './channel-send-error';
import {
  callProvider,
  DEFAULT_TIMEOUT_MS,
  expectErrcodeZero,
  isRecord,
  providerUrl,
  snippet,
  type ProviderResponse,
} from './provider-http';
import { truncateChars } from './text-limits';

export interface WeChatTemplateChannelConfig {
  /** `https://api.weixin.qq.com` when unset. */
  apiBase?: string;
  appId: string;
  appSecret: string;
  /** The template added in the official account's 模板消息 settings. */
  templateId: string;
  /**
   * Which template fields carry the title and the body: `keyword1` and `keyword2` when unset.
   * A template from the category library (类目模板库) names them `thing1`, `thing2`, ….
   */
  dataKeys?: { title: string; body: string };
  timeoutMs?: number;
}

const DEFAULT_API_BASE = 'https://api.weixin.qq.com';
/** Since May 2023 WeChat shows a field's first 20 characters only, on one line. */
const FIELD_LIMIT = 20;
/** invalid credential / invalid access_token / access_token expired: worth one fresh token. */
const STALE_TOKEN_CODES = new Set([40001, 40014, 42001]);
/** Refresh this long before WeChat's expiry, so a token never dies between fetch and use. */
const TOKEN_MARGIN_MS = 5 * 60_000;

/**
 * WeChat official account template messages (PLT-4): an access_token from
 * `/cgi-bin/token`, kept until shortly before its `expires_in`, then
 * `/cgi-bin/message/template/send` to the person's openid (`address`).
 *
 * Mapping: title → `keyword1`, body → `keyword2` (configurable), link → `url`. Not `first` and
 * `remark`: WeChat stopped showing the first and last lines of template messages in May 2023, and
 * cuts each remaining field to 20 characters without line breaks, so both are cut here (the link
 * leads to the whole text). `client_msg_id` is the outbox key: WeChat sends one message per
 * openid and client_msg_id within 10 minutes, which covers a retry after a lost answer.
 */
export class WeChatTemplateChannel implements ChannelAdapter {
  readonly name = 'wechat-mp' as const;
  private token: { value: string; expiresAt: number } | undefined;
  private tokenRequest: Promise<string> | undefined;

  constructor(private readonly config: WeChatTemplateChannelConfig | null | undefined) {}

  isConfigured(): boolean {
    return Boolean(this.config?.appId && this.config.appSecret && this.config.templateId);
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const config = this.config;
    if (!config || !this.isConfigured()) throw new ChannelSendError(this.name, 'not configured');
    let token = await this.accessToken(config);
    let response = await this.postTemplate(config, token, message);
    const errcode = errcodeOf(response);
    if (errcode !== undefined && STALE_TOKEN_CODES.has(errcode)) {
      // Another process may have fetched a token, which retires ours; one fresh token, once.
      this.forgetToken(token);
      token = await this.accessToken(config);
      response = await this.postTemplate(config, token, message);
    }
    expectErrcodeZero(this.name, response);
    // msgid is a 64-bit number that JSON.parse would round; read its digits from the text.
    const msgid = /"msgid"\s*:\s*"?(\d+)/.exec(response.text)?.[1];
    return { status: 'sent', providerMessageId: msgid ?? null };
  }

  private postTemplate(config: WeChatTemplateChannelConfig, token: string, message: OutgoingMessage): Promise<ProviderResponse> {
    const url = new URL('/cgi-bin/message/template/send', this.apiBase(config));
    url.searchParams.set('access_token', token);
    return callProvider(this.name, {
      method: 'POST',
      url: url.toString(),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(weChatTemplateBody(message, config)),
      timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  }

  /** One token request at a time: concurrent sends wait for the same answer. */
  private accessToken(config: WeChatTemplateChannelConfig): Promise<string> {
    if (this.token && Date.now() < this.token.expiresAt) return Promise.resolve(this.token.value);
    this.tokenRequest ??= this.fetchToken(config).finally(() => {
      this.tokenRequest = undefined;
    });
    return this.tokenRequest;
  }

  private async fetchToken(config: WeChatTemplateChannelConfig): Promise<string> {
    const url = new URL('/cgi-bin/token', this.apiBase(config));
    url.searchParams.set('grant_type', 'client_credential');
    url.searchParams.set('appid', config.appId);
    url.searchParams.set('secret', config.appSecret);
    const response = await callProvider(this.name, {
      method: 'GET',
      url: url.toString(),
      timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    const answer = isRecord(response.json) ? response.json : undefined;
    if (typeof answer?.access_token !== 'string' || typeof answer.expires_in !== 'number') {
      const errcode = typeof answer?.errcode === 'number' ? answer.errcode : undefined;
      const errmsg = typeof answer?.errmsg === 'string' ? answer.errmsg : undefined;
      const detail = errcode !== undefined ? `errcode ${errcode}: ${errmsg ?? ''}` : snippet(response.text);
      throw new ChannelSendError(this.name, `access_token refused (HTTP ${response.status}), ${detail}`, {
        httpStatus: response.status,
        providerCode: errcode,
        providerMessage: errmsg,
      });
    }
    const lifetimeMs = answer.expires_in * 1000;
    this.token = { value: answer.access_token, expiresAt: Date.now() + lifetimeMs - Math.min(TOKEN_MARGIN_MS, lifetimeMs / 2) };
    return answer.access_token;
  }

  private apiBase(config: WeChatTemplateChannelConfig): URL {
    return providerUrl(this.name, config.apiBase || DEFAULT_API_BASE, 'apiBase');
  }

  private forgetToken(token: string): void {
    if (this.token?.value === token) this.token = undefined;
  }
}

export function weChatTemplateBody(message: OutgoingMessage, config: Pick<WeChatTemplateChannelConfig, 'templateId' | 'dataKeys'>): object {
  const keys = config.dataKeys ?? { title: 'keyword1', body: 'keyword2' };
  return {
    touser: message.address,
    template_id: config.templateId,
    ...(message.link ? { url: message.link } : {}),
    data: {
      [keys.title]: { value: field(message.title) },
      [keys.body]: { value: field(message.body) },
    },
    client_msg_id: message.outboxKey,
  };
}

function field(text: string): string {
  return truncateChars(text.replace(/\s+/g, ' ').trim(), FIELD_LIMIT);
}

function errcodeOf(response: ProviderResponse): number | undefined {
  return isRecord(response.json) && typeof response.json.errcode === 'number' ? response.json.errcode : undefined;
}
