import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a receiver knows a webhook came from us (PLT-9), in Stripe's form:
 *
 *     X-Xiaoban-Timestamp: 1767225600
 *     X-Xiaoban-Signature: t=1767225600,v1=<hex HMAC-SHA256(secret, "1767225600." + raw body)>
 *
 * The key is the subscription's whole secret (`whsec_…`) as UTF-8. A receiver recomputes the
 * HMAC over the timestamp, a dot and the raw body bytes exactly as received, compares in constant
 * time, and refuses a timestamp more than a few minutes old (a replay). `v1` is the scheme: a
 * later scheme would add its own field next to it during a change-over.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/** Checks a signature header as a receiver should; true when one `v1` matches and `t` is fresh. */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const fields = header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
  const timestamp = Number(fields.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(timestamp)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  return fields.some(([key, value]) => {
    if (key !== 'v1' || !value || !/^[0-9a-f]{64}$/.test(value)) return false;
    return timingSafeEqual(Buffer.from(value, 'hex'), expected);
  });
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}
