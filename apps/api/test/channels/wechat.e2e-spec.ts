import { WeChatTemplateChannel, type WeChatTemplateChannelConfig } from '../../src/platform/notifications/channels/wechat-template.channel';
import { failureOf, notice, sendWithRetries } from './notices';
import { startWeChatServer, type WeChatServer } from './servers';

const ACCOUNT = {
  appId: 'wx5f3c8e2a9b1d4c70',
  appSecret: 'b7e1c9d2a4f6083e5d7c9b1a3f5e7d90',
  templateId: 'Tz8Kq3vN1xYbW6mR0aLcJ5uH2sD9fG4eP7oI',
};

describe('WeChatTemplateChannel (official account template messages)', () => {
  let wechat: WeChatServer;
  let config: WeChatTemplateChannelConfig;

  beforeEach(async () => {
    wechat = await startWeChatServer({ appId: ACCOUNT.appId, appSecret: ACCOUNT.appSecret, templateIds: [ACCOUNT.templateId] });
    config = { apiBase: wechat.url, ...ACCOUNT };
  });
  afterEach(() => wechat.close());

  it('PLT-4 WeChat template: token fetched once and cached across two sends; client_msg_id = outbox key; msgid kept exactly', async () => {
    const channel = new WeChatTemplateChannel(config);
    const first = notice('wechat-mp', 'oXb3d5ZqL0y2kF7m9TnR1sVw4UaE');
    const second = notice('wechat-mp', 'oXb3d5ZqL0y2kF7m9TnR1sVw4UaE', { title: '关于教职工体检安排的通知', link: null });

    const results = [await channel.send(first), await channel.send(second)];

    expect(wechat.tokenRequests()).toBe(1);
    expect(wechat.rejected).toEqual([]);
    expect(wechat.received.map((sent) => sent.key)).toEqual([first.outboxKey, second.outboxKey]);
    // 64-bit msgids, unrounded.
    expect(results).toEqual([
      { status: 'sent', providerMessageId: '1739874398275108865' },
      { status: 'sent', providerMessageId: '1739874398275108866' },
    ]);
    const [sent] = wechat.received;
    expect(sent.openid).toBe('oXb3d5ZqL0y2kF7m9TnR1sVw4UaE');
    expect(sent.templateId).toBe(ACCOUNT.templateId);
    expect(sent.url).toBe(first.link);
    expect(sent.data).toEqual({ keyword1: '关于开展消防疏散演练的通知', keyword2: '定于本周五下午第三节课在教学楼A栋开展…' });
    expect(wechat.received[1].url).toBeUndefined();
  });

  it('PLT-4 WeChat template: concurrent sends share one token request', async () => {
    const channel = new WeChatTemplateChannel(config);
    await Promise.all([1, 2, 3, 4].map((i) => channel.send(notice('wechat-mp', `openid-${i}`))));
    expect(wechat.tokenRequests()).toBe(1);
    expect(wechat.received).toHaveLength(4);
  });

  it.each([40001, 42001] as const)(
    'PLT-4 WeChat template: a stale token (errcode %i) is refetched once and the send goes through',
    async (errcode) => {
      const channel = new WeChatTemplateChannel(config);
      await channel.send(notice('wechat-mp', 'openid-a'));
      wechat.expireTokens(errcode);

      const message = notice('wechat-mp', 'openid-b');
      await expect(channel.send(message)).resolves.toMatchObject({ status: 'sent' });

      expect(wechat.tokenRequests()).toBe(2);
      expect(wechat.rejected.map((r) => r.reason)).toEqual([errcode === 40001 ? 'retired access_token' : 'expired access_token']);
      expect(wechat.received.at(-1)?.key).toBe(message.outboxKey);
    },
  );

  it('PLT-4 WeChat template: a token that is refused again after the refetch fails instead of looping', async () => {
    const channel = new WeChatTemplateChannel(config);
    await channel.send(notice('wechat-mp', 'openid-a'));
    // The refetched token is refused too: the second 40001 must end the send.
    wechat.expireTokens(40001, { andNewOnes: true });

    await expect(channel.send(notice('wechat-mp', 'openid-b'))).rejects.toThrow(/^wechat-mp: errcode 40001: invalid credential/);
    expect(wechat.tokenRequests()).toBe(2);
  });

  it('PLT-4 WeChat template: the token is fetched again when it is about to expire', async () => {
    await wechat.close();
    wechat = await startWeChatServer({
      appId: ACCOUNT.appId,
      appSecret: ACCOUNT.appSecret,
      templateIds: [ACCOUNT.templateId],
      expiresIn: 1,
    });
    const channel = new WeChatTemplateChannel({ ...config, apiBase: wechat.url });
    await channel.send(notice('wechat-mp', 'openid-a'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    await channel.send(notice('wechat-mp', 'openid-b'));
    expect(wechat.tokenRequests()).toBe(2);
  });

  it('PLT-4 WeChat template: a wrong AppSecret fails with the token errcode and no secret in the message', async () => {
    const channel = new WeChatTemplateChannel({ ...config, appSecret: 'ffffffffffffffffffffffffffffffff' });
    const error = await failureOf(channel.send(notice('wechat-mp', 'openid-a')));
    expect(error.message).toBe('wechat-mp: access_token refused (HTTP 200), errcode 40125: invalid appsecret');
    expect(error.message).not.toContain('ffffffff');
  });

  it('PLT-4 WeChat template: errcode ≠ 0 fails; a retry after a lost answer reuses client_msg_id, so WeChat delivers once', async () => {
    const channel = new WeChatTemplateChannel(config);
    await expect(
      new WeChatTemplateChannel({ ...config, templateId: 'unknown-template' }).send(notice('wechat-mp', 'openid-a')),
    ).rejects.toThrow(/^wechat-mp: errcode 40037: invalid template_id$/);

    const message = notice('wechat-mp', 'openid-a');
    wechat.failNext(1, 'errcode');
    wechat.failNext(1, 'after-accept');
    const { failures } = await sendWithRetries(() => channel.send(message), 3);

    expect(failures).toEqual(['wechat-mp: errcode -1: system error', 'wechat-mp: HTTP 500: Internal Server Error']);
    expect(wechat.received).toHaveLength(1);
    expect(wechat.duplicates()).toBe(1);
    expect(wechat.distinctKeys()).toEqual(new Set([message.outboxKey]));
  });

  it('PLT-4 WeChat template: configurable data keys for a category template (thing1, thing2)', async () => {
    const channel = new WeChatTemplateChannel({ ...config, dataKeys: { title: 'thing1', body: 'thing2' } });
    await channel.send(notice('wechat-mp', 'openid-a', { title: '停水通知', body: '明日8:00至12:00\n教学楼停水' }));
    expect(wechat.received[0].data).toEqual({ thing1: '停水通知', thing2: '明日8:00至12:00 教学楼停水' });
  });
});
