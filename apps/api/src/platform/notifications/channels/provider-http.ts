import type { ChannelName } from './channel';
import { ChannelSendError } from './channel-send-error';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface ProviderRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface ProviderResponse {
  status: number;
  /** The answer parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  text: string;
}

/**
 * One HTTP call to a provider with Node's fetch and a hard timeout. Failures become a
 * ChannelSendError whose text names the cause but not the URL (it holds keys and tokens).
 */
export async function callProvider(channel: ChannelName, request: ProviderRequest): Promise<ProviderResponse> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
      // A redirect would replay a signed body somewhere we did not choose.
      redirect: 'error',
    });
    const text = await response.text();
    return { status: response.status, json: parseJson(text), text };
  } catch (error) {
    if (isErrorLike(error) && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new ChannelSendError(channel, `no answer within ${request.timeoutMs} ms`, {}, { cause: error });
    }
    throw new ChannelSendError(channel, `request failed (${describeNetworkError(error)})`, {}, { cause: error });
  }
}

/**
 * The answer of the WeCom, DingTalk and WeChat APIs: HTTP 200 with `{ errcode, errmsg }`, where
 * only errcode 0 is success. Returns the answer object for the caller to read further fields.
 */
export function expectErrcodeZero(channel: ChannelName, response: ProviderResponse): Record<string, unknown> {
  const answer = isRecord(response.json) ? response.json : undefined;
  const errcode = answer?.errcode;
  const errmsg = typeof answer?.errmsg === 'string' ? answer.errmsg : undefined;
  if (response.status < 200 || response.status >= 300) {
    const detail = typeof errcode === 'number' ? `, errcode ${errcode}: ${errmsg ?? ''}` : `: ${snippet(response.text)}`;
    throw new ChannelSendError(channel, `HTTP ${response.status}${detail}`, {
      httpStatus: response.status,
      providerCode: typeof errcode === 'number' ? errcode : undefined,
      providerMessage: errmsg,
    });
  }
  if (!answer || typeof errcode !== 'number') {
    throw new ChannelSendError(channel, `unexpected answer (HTTP ${response.status}): ${snippet(response.text)}`, {
      httpStatus: response.status,
    });
  }
  if (errcode !== 0) {
    throw new ChannelSendError(channel, `errcode ${errcode}: ${errmsg ?? ''}`, {
      httpStatus: response.status,
      providerCode: errcode,
      providerMessage: errmsg,
    });
  }
  return answer;
}

/** A configured URL, parsed up front so that a typo fails clearly and the URL (it may hold a key) stays out of the message. */
export function providerUrl(channel: ChannelName, value: string, setting: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new ChannelSendError(channel, `${setting} is not a valid URL`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The start of a provider's answer, for an error message about an answer we could not read. */
export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty body)';
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** fetch reports "fetch failed" and hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, a TLS error). */
function describeNetworkError(error: unknown): string {
  if (!isErrorLike(error)) return String(error);
  const cause = error.cause;
  if (isErrorLike(cause)) {
    const code = cause.code;
    return code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message;
}

/**
 * Errors thrown inside Node (fetch's TypeError, the timeout's DOMException) may come from another
 * realm than our `Error` (Jest runs tests in one), so `instanceof` is not a safe test.
 */
export function isErrorLike(value: unknown): value is Error & { code?: string; cause?: unknown } {
  return (
    typeof value === 'object' && value !== null && typeof (value as Error).name === 'string' && typeof (value as Error).message === 'string'
  );
}
