import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature (PLT-9)', () => {
  const secret = 'whsec_test-secret';
  const body = JSON.stringify({ id: 'e1', type: 'webhook.test', data: { 标题: '期末考试安排' } });
  const now = 1_767_225_600;

  it('PLT-9 signs timestamp.body with HMAC-SHA256 in the t=…,v1=… form', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(signWebhook(secret, now, body)).toBe(`t=${now},v1=${expected}`);
  });

  it('PLT-9 a signature verifies, and a changed body, secret or stale timestamp does not', () => {
    const header = signWebhook(secret, now, body);
    expect(verifyWebhookSignature(secret, header, body, { now })).toBe(true);
    expect(verifyWebhookSignature(secret, header, body.replace('期末', '期中'), { now })).toBe(false);
    expect(verifyWebhookSignature('whsec_other', header, body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now: now + 301 })).toBe(false);
    expect(verifyWebhookSignature(secret, 'v1=abc', body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, `t=${now},v1=zz`, body, { now })).toBe(false);
  });

  it('PLT-9 accepts a header carrying several v1 signatures when one matches (secret change-over)', () => {
    const good = signWebhook(secret, now, body).split(',')[1];
    expect(verifyWebhookSignature(secret, `t=${now},v1=${'0'.repeat(64)},${good}`, body, { now })).toBe(true);
  });
});
