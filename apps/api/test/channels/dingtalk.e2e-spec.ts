import { createHmac } from 'node:crypto';
import { DingTalkRobotChannel, dingTalkSign } from '../../src/platform/notifications/channels/dingtalk-robot.channel';
import { notice, sendWithRetries } from './notices';
import { startDingTalkServer, type DingTalkServer } from './servers';

const SECRET = 'SEC7b3f0e0c2a9d4e6b8f1a2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7';

describe('DingTalkRobotChannel (custom robot, signed)', () => {
  let dingtalk: DingTalkServer;

  beforeEach(async () => {
    dingtalk = await startDingTalkServer({ secret: SECRET });
  });
  afterEach(() => dingtalk.close());

  it('PLT-4 a signed DingTalk send verifies at the receiver: markdown with title, text and the @-mention', async () => {
    const channel = new DingTalkRobotChannel({ webhookUrl: dingtalk.url, secret: SECRET });
    const message = notice('dingtalk', 'group', { mentionPhone: '13812345678' });

    await expect(channel.send(message)).resolves.toEqual({ status: 'sent' });

    expect(dingtalk.rejected).toEqual([]);
    const [received] = dingtalk.received;
    expect(received.key).toBe(message.outboxKey);
    expect(received.msgtype).toBe('markdown');
    expect(received.title).toBe(message.title);
    expect(received.text).toContain(message.body);
    expect(received.text).toContain(`(${message.link})`);
    expect(received.atMobiles).toEqual(['13812345678']);
    expect(received.isAtAll).toBe(false);
    expect(received.mentioned).toEqual(['13812345678']);
  });

  it('PLT-4 a DingTalk send signed with a wrong secret is rejected by the receiver and the adapter throws errcode 310000', async () => {
    const channel = new DingTalkRobotChannel({ webhookUrl: dingtalk.url, secret: 'SECnot-the-robots-secret' });

    await expect(channel.send(notice('dingtalk', 'group'))).rejects.toThrow(/^dingtalk: errcode 310000: sign not match$/);
    expect(dingtalk.received).toEqual([]);
    expect(dingtalk.rejected).toEqual([{ status: 200, reason: 'sign mismatch' }]);
  });

  it('PLT-4 the DingTalk receiver refuses a correct sign made more than an hour ago, and a URL-encoding slip', async () => {
    const stale = Date.now() - 61 * 60_000;
    const url = new URL(dingtalk.url);
    url.searchParams.set('timestamp', String(stale));
    url.searchParams.set('sign', dingTalkSign(stale, SECRET));
    const body = JSON.stringify({ msgtype: 'markdown', markdown: { title: '测试', text: '测试' } });
    const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(await answer.json()).toEqual({ errcode: 310000, errmsg: 'invalid timestamp' });

    // The base64 sign pasted into the URL without encoding: its "+" reads as a space.
    let now = Date.now();
    while (!dingTalkSign(now, SECRET).includes('+')) now += 1;
    const raw = `${dingtalk.url}&timestamp=${now}&sign=${dingTalkSign(now, SECRET)}`;
    const slip = await fetch(raw, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(await slip.json()).toEqual({ errcode: 310000, errmsg: 'sign not match' });
    expect(dingtalk.received).toEqual([]);
  });

  it('PLT-4 dingTalkSign follows the documented recipe (HMAC-SHA256 of timestamp + "\\n" + secret, base64)', () => {
    const expected = createHmac('sha256', 'this is secret').update('1577836800000\nthis is secret').digest('base64');
    expect(dingTalkSign(1577836800000, 'this is secret')).toBe(expected);
    expect(new URL(`https://x/?sign=${encodeURIComponent(expected)}`).searchParams.get('sign')).toBe(expected);
  });

  it('PLT-4 DingTalk receiver fails twice (HTTP 500, then errcode ≠ 0), the caller retries 3 times with one outbox key: exactly one distinct key arrives', async () => {
    const channel = new DingTalkRobotChannel({ webhookUrl: dingtalk.url, secret: SECRET });
    const message = notice('dingtalk', 'group');
    dingtalk.failNext(1, 'http-500');
    dingtalk.failNext(1, 'errcode');

    const { failures } = await sendWithRetries(() => channel.send(message), 3);

    expect(failures).toEqual([
      'dingtalk: HTTP 500: Internal Server Error',
      'dingtalk: errcode 130101: send too fast, exceed 20 times per minute',
    ]);
    expect(dingtalk.attempts()).toBe(3);
    expect(dingtalk.received).toHaveLength(1);
    expect(dingtalk.distinctKeys()).toEqual(new Set([message.outboxKey]));
  });

  it('PLT-4 DingTalk answer lost after the message was taken: the retry arrives again under the same key, so the receiver can drop it', async () => {
    const channel = new DingTalkRobotChannel({ webhookUrl: dingtalk.url, secret: SECRET });
    const message = notice('dingtalk', 'group');
    dingtalk.failNext(1, 'after-accept');

    await sendWithRetries(() => channel.send(message), 3);

    expect(dingtalk.received).toHaveLength(2);
    expect(dingtalk.distinctKeys()).toEqual(new Set([message.outboxKey]));
  });

  it('PLT-4 a DingTalk receiver that does not answer runs into the configured timeout', async () => {
    const channel = new DingTalkRobotChannel({ webhookUrl: dingtalk.url, secret: SECRET, timeoutMs: 300 });
    dingtalk.failNext(1, 'hang');

    const started = Date.now();
    await expect(channel.send(notice('dingtalk', 'group'))).rejects.toThrow(/^dingtalk: no answer within 300 ms$/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
