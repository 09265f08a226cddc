/**
 * Local stand-ins for the notification providers (PLT-4), for the channel tests and the outbox
 * e2e tests. Each checks what the real provider checks (signature, token, message format) with
 * its own code, never the adapter's, so an adapter bug cannot agree with itself; and each answers
 * in the provider's documented shape, errors included.
 *
 * Every server counts attempts, keeps the accepted messages in `received`, the refused ones in
 * `rejected`, and `distinctKeys()` gives the outbox keys that arrived, for "at least once, each
 * key once" checks. `failNext(n, kind)` makes the next n message requests fail:
 * - `http-500`: an HTTP 500 before anything is looked at;
 * - `errcode`: the provider's own refusal (rate limit, system busy) in a normal answer;
 * - `after-accept`: the message is taken (it counts in `received`) but the answer is a 500,
 *   as when the answer is lost on the way back: the caller will retry, and the receiver sees
 *   the same key twice;
 * - `hang`: no answer at all, to run into the caller's timeout.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type FailureKind = 'http-500' | 'errcode' | 'after-accept' | 'hang';

export interface Rejection {
  status: number;
  reason: string;
}

/** What every provider stand-in offers. */
export interface ProviderServer<T extends { key?: string }> {
  /** Where the adapter is pointed: a webhook URL, an API base or an SMTP URL. */
  readonly url: string;
  /** Accepted messages, in arrival order (duplicates included). */
  readonly received: T[];
  readonly rejected: Rejection[];
  /** Message requests seen, failed and refused ones included. */
  attempts(): number;
  distinctKeys(): Set<string>;
  failNext(n: number, kind?: FailureKind): void;
  close(): Promise<void>;
}

interface Exchange {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Answer {
  status: number;
  /** A body already serialised (when JSON.stringify would not do, e.g. a 64-bit number). */
  text?: string;
  json?: unknown;
}

/** Shared plumbing: failures queued by failNext, counters, and the HTTP listener. */
class Bench<T extends { key?: string }> {
  readonly received: T[] = [];
  readonly rejected: Rejection[] = [];
  private readonly failures: FailureKind[] = [];
  private count = 0;

  failNext(n: number, kind: FailureKind = 'http-500'): void {
    for (let i = 0; i < n; i += 1) this.failures.push(kind);
  }

  /** Called once per message request: counts it and hands out the failure planned for it. */
  nextFailure(): FailureKind | undefined {
    this.count += 1;
    return this.failures.shift();
  }

  attempts(): number {
    return this.count;
  }

  distinctKeys(): Set<string> {
    return new Set(this.received.flatMap((item) => (item.key ? [item.key] : [])));
  }

  refuse(status: number, reason: string, answer: unknown): Answer {
    this.rejected.push({ status, reason });
    return { status, json: answer };
  }
}

const HANG = Symbol('hang');

async function listen(
  handle: (exchange: Exchange) => Promise<Answer | typeof HANG> | Answer | typeof HANG,
): Promise<{ base: string; close(): Promise<void> }> {
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const exchange: Exchange = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      Promise.resolve()
        .then(() => handle(exchange))
        .then((answer) => {
          if (answer === HANG) return;
          const text = answer.text ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
          response.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8' });
          response.end(text);
        })
        .catch((error: unknown) => {
          response.writeHead(500, { 'Content-Type': 'text/plain' });
          response.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isJsonRequest(headers: IncomingHttpHeaders): boolean {
  return /^application\/json\b/i.test(header(headers, 'content-type') ?? '');
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

// ---------------------------------------------------------------------------------------------
// 钉钉 custom robot, signed (加签)

export interface DingTalkMessage {
  key?: string;
  msgtype: string;
  title?: string;
  text: string;
  atMobiles: string[];
  isAtAll: boolean;
  /** atMobiles that also stand as `@phone` in the text, which DingTalk needs to show the mention. */
  mentioned: string[];
  body: Record<string, unknown>;
}

export interface DingTalkServer extends ProviderServer<DingTalkMessage> {
  readonly accessToken: string;
}

/**
 * POST /robot/send?access_token=…&timestamp=…&sign=…, like oapi.dingtalk.com: the sign is
 * recomputed from this server's own copy of the secret, and a timestamp more than an hour from
 * this server's clock is refused (both errcode 310000, as DingTalk answers).
 */
export async function startDingTalkServer(options: { secret: string; accessToken?: string }): Promise<DingTalkServer> {
  const accessToken = options.accessToken ?? randomBytes(16).toString('hex');
  const bench = new Bench<DingTalkMessage>();
  const ok = { errcode: 0, errmsg: 'ok' };
  const http = await listen((x) => {
    if (x.method !== 'POST' || x.path !== '/robot/send')
      return bench.refuse(404, 'not the robot endpoint', { errcode: 404, errmsg: 'not found' });
    const failure = bench.nextFailure();
    if (failure === 'hang') return HANG;
    if (failure === 'http-500') return { status: 500, text: 'Internal Server Error' };
    if (x.query.get('access_token') !== accessToken)
      return bench.refuse(200, 'unknown access_token', { errcode: 300001, errmsg: 'token is not exist' });

    const timestamp = Number(x.query.get('timestamp'));
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() - timestamp) > 3_600_000) {
      return bench.refuse(200, 'timestamp missing or more than 1 hour off', { errcode: 310000, errmsg: 'invalid timestamp' });
    }
    // URLSearchParams has already undone the URL encoding; the rest must be the exact base64.
    const expected = createHmac('sha256', options.secret).update(`${timestamp}\n${options.secret}`).digest('base64');
    if (x.query.get('sign') !== expected) return bench.refuse(200, 'sign mismatch', { errcode: 310000, errmsg: 'sign not match' });
    if (failure === 'errcode') return { status: 200, json: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } };

    if (!isJsonRequest(x.headers))
      return bench.refuse(200, 'not JSON', { errcode: 43004, errmsg: 'content-type must be application/json' });
    const body = parseObject(x.body);
    if (!body) return bench.refuse(200, 'body is not a JSON object', { errcode: 300005, errmsg: 'param error: invalid json' });
    let title: string | undefined;
    let text: unknown;
    if (body.msgtype === 'markdown') {
      const markdown = asRecord(body.markdown);
      title = typeof markdown?.title === 'string' ? markdown.title : undefined;
      text = markdown?.text;
      if (!title) return bench.refuse(200, 'markdown.title missing', { errcode: 300005, errmsg: 'param error: markdown.title' });
    } else if (body.msgtype === 'text') {
      text = asRecord(body.text)?.content;
    } else {
      return bench.refuse(200, `msgtype ${String(body.msgtype)}`, { errcode: 300005, errmsg: 'param error: unsupported msgtype' });
    }
    if (typeof text !== 'string' || !text)
      return bench.refuse(200, 'message text missing', { errcode: 300005, errmsg: 'param error: text' });
    const at = body.at === undefined ? {} : asRecord(body.at);
    const atMobiles = at?.atMobiles ?? [];
    const isAtAll = at?.isAtAll ?? false;
    if (!at || !isStringArray(atMobiles) || typeof isAtAll !== 'boolean') {
      return bench.refuse(200, 'at is malformed', { errcode: 300005, errmsg: 'param error: at' });
    }
    const message: DingTalkMessage = {
      key: header(x.headers, 'idempotency-key'),
      msgtype: body.msgtype,
      title,
      text,
      atMobiles,
      isAtAll,
      mentioned: atMobiles.filter((phone) => text.includes(`@${phone}`)),
      body,
    };
    bench.received.push(message);
    if (failure === 'after-accept') return { status: 500, text: 'Internal Server Error' };
    return { status: 200, json: ok };
  });
  return {
    url: `${http.base}/robot/send?access_token=${accessToken}`,
    accessToken,
    received: bench.received,
    rejected: bench.rejected,
    attempts: () => bench.attempts(),
    distinctKeys: () => bench.distinctKeys(),
    failNext: (n, kind) => bench.failNext(n, kind),
    close: http.close,
  };
}

// ---------------------------------------------------------------------------------------------
// 企业微信 group robot

export interface WeComMessage {
  key?: string;
  msgtype: 'text' | 'markdown';
  content: string;
  mentionedList: string[];
  mentionedMobileList: string[];
  body: Record<string, unknown>;
}

/**
 * POST /cgi-bin/webhook/send?key=…, like qyapi.weixin.qq.com: text (content ≤ 2048 bytes, with
 * optional mentioned_list / mentioned_mobile_list) and markdown (content ≤ 4096 bytes); answers
 * `{ errcode, errmsg }`, errcode 93000 for a wrong key.
 */
export async function startWeComRobotServer(
  options: { key?: string } = {},
): Promise<ProviderServer<WeComMessage> & { readonly key: string }> {
  const key = options.key ?? randomUUID();
  const bench = new Bench<WeComMessage>();
  const invalid = (reason: string, errcode: number, errmsg: string) => bench.refuse(200, reason, { errcode, errmsg });
  const http = await listen((x) => {
    if (x.method !== 'POST' || x.path !== '/cgi-bin/webhook/send')
      return bench.refuse(404, 'not the webhook endpoint', { errcode: 404, errmsg: 'not found' });
    const failure = bench.nextFailure();
    if (failure === 'hang') return HANG;
    if (failure === 'http-500') return { status: 500, text: 'Internal Server Error' };
    if (x.query.get('key') !== key) return invalid('wrong key', 93000, 'invalid webhook url');
    if (failure === 'errcode') return { status: 200, json: { errcode: 45009, errmsg: 'api freq out of limit' } };

    const body = parseObject(x.body);
    if (!body) return invalid('body is not a JSON object', 40035, 'invalid args: not a json object');
    let message: WeComMessage;
    if (body.msgtype === 'text') {
      const text = asRecord(body.text);
      const content = text?.content;
      const mentionedList = text?.mentioned_list ?? [];
      const mentionedMobileList = text?.mentioned_mobile_list ?? [];
      if (typeof content !== 'string' || !content) return invalid('text.content empty', 44004, 'empty content');
      if (Buffer.byteLength(content, 'utf8') > 2048)
        return invalid('text.content over 2048 bytes', 40058, 'content exceed max length 2048');
      if (!isStringArray(mentionedList) || !isStringArray(mentionedMobileList))
        return invalid('mention lists malformed', 40058, 'invalid mentioned list');
      message = { key: undefined, msgtype: 'text', content, mentionedList, mentionedMobileList, body };
    } else if (body.msgtype === 'markdown') {
      const markdown = asRecord(body.markdown);
      const content = markdown?.content;
      if (typeof content !== 'string' || !content) return invalid('markdown.content empty', 44004, 'empty content');
      if (Buffer.byteLength(content, 'utf8') > 4096)
        return invalid('markdown.content over 4096 bytes', 40058, 'content exceed max length 4096');
      // A markdown message has no mention lists; WeCom ignores them there, and so do we.
      message = { key: undefined, msgtype: 'markdown', content, mentionedList: [], mentionedMobileList: [], body };
    } else {
      return invalid(`msgtype ${String(body.msgtype)}`, 40008, 'invalid message type');
    }
    message.key = header(x.headers, 'idempotency-key');
    bench.received.push(message);
    if (failure === 'after-accept') return { status: 500, text: 'Internal Server Error' };
    return { status: 200, json: { errcode: 0, errmsg: 'ok' } };
  });
  return {
    url: `${http.base}/cgi-bin/webhook/send?key=${key}`,
    key,
    received: bench.received,
    rejected: bench.rejected,
    attempts: () => bench.attempts(),
    distinctKeys: () => bench.distinctKeys(),
    failNext: (n, kind) => bench.failNext(n, kind),
    close: http.close,
  };
}

// ---------------------------------------------------------------------------------------------
// Aliyun SMS (dysmsapi SendSms, RPC signature 1.0)

export interface SmsSent {
  /** The OutId: our outbox key. */
  key?: string;
  phone: string;
  signName: string;
  templateCode: string;
  templateParam: Record<string, string>;
  bizId: string;
  params: Record<string, string>;
}

export interface AliyunSmsServer extends ProviderServer<SmsSent> {
  /** The SmsReport item Aliyun would push for a message it took: what our report endpoint receives. */
  deliveryReport(sent: SmsSent, outcome?: { success: boolean; errCode?: string; errMsg?: string }): Record<string, unknown>;
}

/** RFC 3986 over the UTF-8 bytes, written apart from the adapter's so that the two must agree. */
function rfc3986(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Aliyun's check: its own string to sign from the parameters it received. */
export function aliyunExpectedSignature(
  method: string,
  params: Record<string, string>,
  secret: string,
): { signature: string; stringToSign: string } {
  const names = Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const canonical = names.map((name) => `${rfc3986(name)}=${rfc3986(params[name])}`).join('&');
  const stringToSign = `${method}&${rfc3986('/')}&${rfc3986(canonical)}`;
  return { signature: createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64'), stringToSign };
}

function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * POST / (form body) or GET / (query), like dysmsapi.aliyuncs.com: the common parameters, a
 * Timestamp within 15 minutes, a SignatureNonce used once, the AccessKeyId, then the signature
 * recomputed with this server's copy of the secret; then the SendSms rules (a mainland mobile
 * number, the registered sign name and template, TemplateParam a JSON object of strings of at
 * most 35 characters). Answers `{ Code, Message, RequestId, BizId }`.
 */
export async function startAliyunSmsServer(options: {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
}): Promise<AliyunSmsServer> {
  const bench = new Bench<SmsSent>();
  const nonces = new Set<string>();
  const sentAt = new Map<string, Date>();
  const answer = (status: number, reason: string, code: string, message: string) =>
    bench.refuse(status, reason, { RequestId: randomUUID().toUpperCase(), Code: code, Message: message, HostId: 'dysmsapi.aliyuncs.com' });
  const http = await listen((x) => {
    if (x.path !== '/' || (x.method !== 'POST' && x.method !== 'GET'))
      return answer(404, 'not the API path', 'InvalidAction.NotFound', 'Specified api is not found');
    const failure = bench.nextFailure();
    if (failure === 'hang') return HANG;
    if (failure === 'http-500')
      return { status: 500, json: { Code: 'InternalError', Message: 'The request processing has failed due to some unknown error.' } };

    const params: Record<string, string> = {};
    for (const [name, value] of x.query) params[name] = value;
    if (x.method === 'POST' && x.body) {
      if (!/^application\/x-www-form-urlencoded\b/i.test(header(x.headers, 'content-type') ?? '')) {
        return answer(400, 'POST body is not a form', 'InvalidParameter', 'The body must be application/x-www-form-urlencoded');
      }
      for (const [name, value] of new URLSearchParams(x.body)) params[name] = value;
    }
    for (const name of [
      'AccessKeyId',
      'Action',
      'Version',
      'SignatureMethod',
      'SignatureVersion',
      'SignatureNonce',
      'Timestamp',
      'Signature',
    ]) {
      if (!params[name])
        return answer(
          400,
          `missing ${name}`,
          'MissingParameter',
          `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
        );
    }
    if (params.Action !== 'SendSms')
      return answer(
        400,
        `Action ${params.Action}`,
        'InvalidAction.NotFound',
        'Specified api is not found, please check your url and method.',
      );
    if (params.Version !== '2017-05-25')
      return answer(400, `Version ${params.Version}`, 'InvalidVersion', 'Specified parameter Version is not valid.');
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') {
      return answer(400, 'signature method', 'InvalidSignatureMethod', 'Specified signature method is not supported.');
    }
    if (params.Format && !['JSON', 'XML'].includes(params.Format))
      return answer(400, 'Format', 'InvalidParameter', 'Format must be JSON or XML');
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(params.Timestamp)) {
      return answer(400, 'Timestamp format', 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
    }
    if (Math.abs(Date.now() - Date.parse(params.Timestamp)) > 15 * 60_000) {
      return answer(400, 'Timestamp expired', 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    }
    if (params.AccessKeyId !== options.accessKeyId)
      return answer(404, 'unknown AccessKeyId', 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    const { signature, stringToSign } = aliyunExpectedSignature(x.method, params, options.accessKeySecret);
    if (params.Signature !== signature) {
      return answer(
        400,
        'signature mismatch',
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
      );
    }
    if (nonces.has(params.SignatureNonce))
      return answer(400, 'nonce reused', 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    nonces.add(params.SignatureNonce);
    if (failure === 'errcode')
      return {
        status: 200,
        json: { RequestId: randomUUID().toUpperCase(), Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' },
      };

    if (!/^(?:\+?86)?1\d{10}$/.test(params.PhoneNumbers ?? ''))
      return answer(200, 'phone number', 'isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    if (params.SignName !== options.signName) return answer(200, 'sign name', 'isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名');
    if (params.TemplateCode !== options.templateCode)
      return answer(200, 'template code', 'isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板');
    const templateParam = parseObject(params.TemplateParam ?? '');
    if (!templateParam || !Object.values(templateParam).every((value) => typeof value === 'string')) {
      return answer(200, 'TemplateParam', 'isv.INVALID_JSON_PARAM', 'JSON参数不合法,只接受字符串值');
    }
    if (Object.values(templateParam).some((value) => Array.from(value as string).length > 35)) {
      return answer(200, 'template variable over 35 characters', 'isv.PARAM_LENGTH_LIMIT', '参数超出长度限制');
    }
    const bizId = `${Date.now()}${randomBytes(2).readUInt16BE()}^0`;
    const sent: SmsSent = {
      key: params.OutId || undefined,
      phone: params.PhoneNumbers,
      signName: params.SignName,
      templateCode: params.TemplateCode,
      templateParam: templateParam as Record<string, string>,
      bizId,
      params,
    };
    bench.received.push(sent);
    sentAt.set(bizId, new Date());
    if (failure === 'after-accept')
      return { status: 500, json: { Code: 'InternalError', Message: 'The request processing has failed due to some unknown error.' } };
    return { status: 200, json: { Message: 'OK', RequestId: randomUUID().toUpperCase(), Code: 'OK', BizId: bizId } };
  });
  return {
    url: http.base,
    received: bench.received,
    rejected: bench.rejected,
    attempts: () => bench.attempts(),
    distinctKeys: () => bench.distinctKeys(),
    failNext: (n, kind) => bench.failNext(n, kind),
    close: http.close,
    deliveryReport(sent, outcome = { success: true }) {
      const sendTime = sentAt.get(sent.bizId) ?? new Date();
      return {
        phone_number: sent.phone,
        send_time: chinaDateTime(sendTime),
        report_time: chinaDateTime(new Date(sendTime.getTime() + 3000)),
        success: outcome.success,
        err_code: outcome.errCode ?? (outcome.success ? 'DELIVERED' : 'MK:0001'),
        err_msg: outcome.errMsg ?? (outcome.success ? '用户接收成功' : '用户接收失败'),
        sms_size: '1',
        biz_id: sent.bizId,
        out_id: sent.key ?? '',
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// WeChat official account: access_token and template messages

export interface WeChatTemplateSent {
  /** client_msg_id: our outbox key. */
  key?: string;
  openid: string;
  templateId: string;
  url?: string;
  data: Record<string, string>;
  msgid: string;
  accessToken: string;
}

export interface WeChatServer extends ProviderServer<WeChatTemplateSent> {
  /** Tokens handed out by /cgi-bin/token. */
  tokenRequests(): number;
  /**
   * Retires every token issued so far, as a token fetched elsewhere or its expiry would: 40001 or
   * 42001 on next use. With `andNewOnes`, tokens issued from now on are born retired as well.
   */
  expireTokens(errcode?: 40001 | 42001, options?: { andNewOnes?: boolean }): void;
  /** Template sends answered as duplicates (same openid and client_msg_id within 10 minutes). */
  duplicates(): number;
}

/**
 * GET /cgi-bin/token and POST /cgi-bin/message/template/send, like api.weixin.qq.com. Checks the
 * appid and secret, the access_token it issued, the template id, `data` as `{ key: { value } }`
 * with at most 20 characters a field (47003 otherwise, as for category templates). The msgid is
 * a 64-bit number, as WeChat's are. A repeated client_msg_id for the same openid within 10
 * minutes is answered with the first msgid and not delivered again (WeChat documents that it
 * sends only one; that it answers this way is our assumption).
 */
export async function startWeChatServer(options: {
  appId: string;
  appSecret: string;
  templateIds: string[];
  expiresIn?: number;
}): Promise<WeChatServer> {
  const bench = new Bench<WeChatTemplateSent>();
  const tokens = new Map<string, { expiresAt: number; retiredWith?: 40001 | 42001 }>();
  const seen = new Map<string, { msgid: string; at: number }>();
  let issued = 0;
  let duplicates = 0;
  let bornRetired: 40001 | 42001 | undefined;
  let nextMsgid = 1739874398275108865n;
  const error = (reason: string, errcode: number, errmsg: string) => bench.refuse(200, reason, { errcode, errmsg });
  const http = await listen((x) => {
    if (x.path === '/cgi-bin/token') {
      if (x.method !== 'GET') return error('token by POST', 43001, 'require GET method');
      if (x.query.get('grant_type') !== 'client_credential') return error('grant_type', 40002, 'invalid grant_type');
      if (x.query.get('appid') !== options.appId) return error('appid', 40013, 'invalid appid');
      if (x.query.get('secret') !== options.appSecret) return error('secret', 40125, 'invalid appsecret');
      const token = randomBytes(48).toString('base64url');
      const expiresIn = options.expiresIn ?? 7200;
      tokens.set(token, { expiresAt: Date.now() + expiresIn * 1000, retiredWith: bornRetired });
      issued += 1;
      return { status: 200, json: { access_token: token, expires_in: expiresIn } };
    }
    if (x.path !== '/cgi-bin/message/template/send') return error(`path ${x.path}`, 404, 'not found');
    if (x.method !== 'POST') return error('template send by GET', 43002, 'require POST method');
    const failure = bench.nextFailure();
    if (failure === 'hang') return HANG;
    if (failure === 'http-500') return { status: 500, text: 'Internal Server Error' };
    const accessToken = x.query.get('access_token');
    if (!accessToken) return error('no access_token', 41001, 'access_token missing');
    const token = tokens.get(accessToken);
    if (!token) return error('unknown access_token', 40014, 'invalid access_token');
    if (token.retiredWith === 40001)
      return error('retired access_token', 40001, 'invalid credential, access_token is invalid or not latest');
    if (token.retiredWith === 42001 || Date.now() >= token.expiresAt) return error('expired access_token', 42001, 'access_token expired');
    if (failure === 'errcode') return { status: 200, json: { errcode: -1, errmsg: 'system error' } };

    const body = parseObject(x.body);
    if (!body) return error('body is not a JSON object', 47001, 'data format error');
    if (typeof body.touser !== 'string' || !body.touser) return error('touser', 40003, 'invalid openid');
    if (typeof body.template_id !== 'string' || !options.templateIds.includes(body.template_id))
      return error('template_id', 40037, 'invalid template_id');
    if (body.url !== undefined && typeof body.url !== 'string') return error('url', 47001, 'data format error: url');
    if (body.client_msg_id !== undefined && typeof body.client_msg_id !== 'string')
      return error('client_msg_id', 47001, 'data format error: client_msg_id');
    const data = asRecord(body.data);
    if (!data) return error('data', 47001, 'data format error: data');
    const values: Record<string, string> = {};
    for (const [name, field] of Object.entries(data)) {
      const value = asRecord(field)?.value;
      if (typeof value !== 'string') return error(`data.${name}`, 47001, `data format error: data.${name}.value`);
      if (Array.from(value).length > 20 || /[\r\n]/.test(value))
        return error(`data.${name} too long`, 47003, `argument invalid! data.${name}.value exceeds limit`);
      values[name] = value;
    }
    const dedupeKey = body.client_msg_id ? `${body.touser}\n${body.client_msg_id}` : undefined;
    const earlier = dedupeKey ? seen.get(dedupeKey) : undefined;
    if (earlier && Date.now() - earlier.at < 10 * 60_000) {
      duplicates += 1;
      return { status: 200, text: `{"errcode":0,"errmsg":"ok","msgid":${earlier.msgid}}` };
    }
    const msgid = String(nextMsgid);
    nextMsgid += 1n;
    if (dedupeKey) seen.set(dedupeKey, { msgid, at: Date.now() });
    bench.received.push({
      key: typeof body.client_msg_id === 'string' ? body.client_msg_id : undefined,
      openid: body.touser,
      templateId: body.template_id,
      url: typeof body.url === 'string' ? body.url : undefined,
      data: values,
      msgid,
      accessToken,
    });
    if (failure === 'after-accept') return { status: 500, text: 'Internal Server Error' };
    // Written by hand: JSON.stringify cannot write a 64-bit msgid without rounding it.
    return { status: 200, text: `{"errcode":0,"errmsg":"ok","msgid":${msgid}}` };
  });
  return {
    url: http.base,
    received: bench.received,
    rejected: bench.rejected,
    attempts: () => bench.attempts(),
    distinctKeys: () => bench.distinctKeys(),
    failNext: (n, kind) => bench.failNext(n, kind),
    close: http.close,
    tokenRequests: () => issued,
    duplicates: () => duplicates,
    expireTokens(errcode = 40001, { andNewOnes = false } = {}) {
      for (const token of tokens.values()) token.retiredWith = errcode;
      if (andNewOnes) bornRetired = errcode;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// SMTP

export interface EmailReceived {
  /** The outbox key, read back from the Message-ID `<key@xiaoban>`. */
  key?: string;
  messageId?: string;
  outboxKeyHeader?: string;
  envelopeFrom?: string;
  envelopeTo: string[];
  from?: string;
  to?: string;
  subject?: string;
  text?: string;
  /** The message as it arrived on the wire. */
  raw: string;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 that requires AUTH with the given user and
 * password (plain text allowed: it is loopback), takes the message and parses it with
 * mailparser. `failNext` answers DATA with 451 (a temporary failure) for the next n messages;
 * `after-accept` is not available over SMTP and behaves like a 451.
 */
export async function startSmtpServer(options: { user: string; pass: string }): Promise<ProviderServer<EmailReceived>> {
  const bench = new Bench<EmailReceived>();
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.pass) return callback(null, { user: auth.username });
      bench.rejected.push({ status: 535, reason: 'bad credentials' });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const failure = bench.nextFailure();
        if (failure) return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const messageId = parsed.messageId;
            const outboxKeyHeader = parsed.headers.get('x-outbox-key');
            bench.received.push({
              key: /^<(.+)@xiaoban>$/.exec(messageId ?? '')?.[1],
              messageId,
              outboxKeyHeader: typeof outboxKeyHeader === 'string' ? outboxKeyHeader : undefined,
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              from: parsed.from?.text,
              to: Array.isArray(parsed.to) ? parsed.to.map((to) => to.text).join(', ') : parsed.to?.text,
              subject: parsed.subject,
              text: parsed.text,
              raw: raw.toString('utf8'),
            });
            callback(null, 'Message queued as ' + createHash('sha1').update(raw).digest('hex').slice(0, 12));
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${encodeURIComponent(options.user)}:${encodeURIComponent(options.pass)}@127.0.0.1:${port}`,
    received: bench.received,
    rejected: bench.rejected,
    attempts: () => bench.attempts(),
    distinctKeys: () => bench.distinctKeys(),
    failNext: (n, kind) => bench.failNext(n, kind),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
