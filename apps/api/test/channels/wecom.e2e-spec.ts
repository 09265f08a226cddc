import { WeComRobotChannel } from '../../src/platform/notifications/channels/wecom-robot.channel';
import { failureOf, notice, sendWithRetries } from './notices';
import { startWeComRobotServer, type ProviderServer, type WeComMessage } from './servers';

describe('WeComRobotChannel (group robot webhook)', () => {
  let wecom: ProviderServer<WeComMessage> & { key: string };

  beforeEach(async () => {
    wecom = await startWeComRobotServer();
  });
  afterEach(() => wecom.close());

  it('PLT-4 WeCom robot: a notice without a mention is markdown with title, body and link', async () => {
    const channel = new WeComRobotChannel({ webhookUrl: wecom.url });
    const message = notice('wecom', 'group');

    await expect(channel.send(message)).resolves.toEqual({ status: 'sent' });

    const [received] = wecom.received;
    expect(received.msgtype).toBe('markdown');
    expect(received.content).toBe(`**${message.title}**\n\n${message.body}\n\n[查看详情](${message.link})`);
    expect(received.key).toBe(message.outboxKey);
  });

  it('PLT-4 WeCom robot: a notice that mentions a phone is text with mentioned_mobile_list (markdown cannot @ by mobile)', async () => {
    const channel = new WeComRobotChannel({ webhookUrl: wecom.url });
    const message = notice('wecom', 'group', { mentionPhone: '15900001111' });

    await channel.send(message);

    const [received] = wecom.received;
    expect(received.msgtype).toBe('text');
    expect(received.mentionedMobileList).toEqual(['15900001111']);
    expect(received.content).toBe(`${message.title}\n${message.body}\n${message.link}`);
    expect(received.body).toEqual({
      msgtype: 'text',
      text: { content: received.content, mentioned_mobile_list: ['15900001111'] },
    });
  });

  it('PLT-4 WeCom robot: a long notice is cut to the 4096-byte markdown limit instead of being refused', async () => {
    const channel = new WeComRobotChannel({ webhookUrl: wecom.url });
    await channel.send(notice('wecom', 'group', { body: '请各部门认真落实。'.repeat(400) }));

    const [received] = wecom.received;
    expect(Buffer.byteLength(received.content, 'utf8')).toBeLessThanOrEqual(4096);
    expect(received.content.endsWith('…')).toBe(true);
  });

  it('PLT-4 WeCom robot: errcode ≠ 0 is a failure carrying errcode and errmsg; a retry with the same key then lands once', async () => {
    const channel = new WeComRobotChannel({ webhookUrl: wecom.url });
    const message = notice('wecom', 'group');
    wecom.failNext(1, 'errcode');

    const { failures } = await sendWithRetries(() => channel.send(message), 3);

    expect(failures).toEqual(['wecom: errcode 45009: api freq out of limit']);
    expect(wecom.distinctKeys()).toEqual(new Set([message.outboxKey]));
    expect(wecom.received).toHaveLength(1);
  });

  it('PLT-4 WeCom robot: a webhook with a wrong key fails with errcode 93000 and the key stays out of the message', async () => {
    const wrong = wecom.url.replace(wecom.key, 'ffffffff-0000-4000-8000-000000000000');
    const channel = new WeComRobotChannel({ webhookUrl: wrong });

    const error = await failureOf(channel.send(notice('wecom', 'group')));

    expect(error.message).toBe('wecom: errcode 93000: invalid webhook url');
    expect(error.message).not.toContain('ffffffff');
  });

  it('PLT-4 WeCom robot: HTTP 500 and a refused connection are failures with a clear message', async () => {
    const channel = new WeComRobotChannel({ webhookUrl: wecom.url });
    wecom.failNext(1, 'http-500');
    await expect(channel.send(notice('wecom', 'group'))).rejects.toThrow(/^wecom: HTTP 500: Internal Server Error$/);

    const gone = await startWeComRobotServer();
    await gone.close();
    await expect(new WeComRobotChannel({ webhookUrl: gone.url }).send(notice('wecom', 'group'))).rejects.toThrow(
      /^wecom: request failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/,
    );
  });
});
