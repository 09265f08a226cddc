import { signWebhook } from './webhook-signature';

export interface WebhookRequest {
  url: string;
  secret: string;
  /** The idempotency key: the delivery's id, the same on every attempt. */
  deliveryId: string;
  eventType: string;
  /** The JSON body, signed as these exact bytes. */
  body: string;
  timeoutMs: number;
}

export interface WebhookAttemptResult {
  ok: boolean;
  /** The receiver's HTTP status; null when no answer came. */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * One attempt to deliver one webhook (PLT-9): a signed POST; any 2xx is success. Redirects are
 * not followed (they would replay a signed body somewhere nobody chose) and count as failures.
 * Never throws: the outcome goes into the delivery log.
 */
export async function postWebhook(request: WebhookRequest): Promise<WebhookAttemptResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'xiaoban-webhooks/1',
        'x-xiaoban-event': request.eventType,
        'x-xiaoban-delivery': request.deliveryId,
        'idempotency-key': request.deliveryId,
        'x-xiaoban-timestamp': String(timestamp),
        'x-xiaoban-signature': signWebhook(request.secret, timestamp, request.body),
      },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const text = await response.text().catch(() => '');
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}: ${snippet(text)}`, durationMs: elapsed() };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeFailure(error, request.timeoutMs), durationMs: elapsed() };
  }
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty body)';
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

/** fetch says "fetch failed" and hides the reason (ECONNREFUSED, ENOTFOUND, TLS) in `cause`. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } } | null;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e?.cause;
  if (cause?.message) return cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ${cause.message}` : cause.message;
  return e?.message ?? String(error);
}
