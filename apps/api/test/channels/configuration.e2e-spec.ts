import type { ChannelAdapter } from '../../src/platform/notifications/channels/channel';
import { DingTalkRobotChannel } from '../../src/platform/notifications/channels/dingtalk-robot.channel';
import { EmailChannel } from '../../src/platform/notifications/channels/email.channel';
import { SmsChannel } from '../../src/platform/notifications/channels/sms.channel';
import { WeChatTemplateChannel } from '../../src/platform/notifications/channels/wechat-template.channel';
import { WeComRobotChannel } from '../../src/platform/notifications/channels/wecom-robot.channel';
import { failureOf, notice } from './notices';

describe('channel configuration', () => {
  const unconfigured: ChannelAdapter[] = [
    new EmailChannel(undefined),
    new EmailChannel({ url: 'smtp://user:pass@127.0.0.1:2525', from: '' }),
    new SmsChannel(null),
    new SmsChannel({
      endpoint: 'http://127.0.0.1:1',
      accessKeyId: 'id',
      accessKeySecret: '',
      signName: '某市第一中学',
      templateCode: 'SMS_1',
    }),
    new WeComRobotChannel(undefined),
    new WeComRobotChannel({ webhookUrl: '' }),
    new DingTalkRobotChannel(undefined),
    new DingTalkRobotChannel({ webhookUrl: 'http://127.0.0.1:1/robot/send?access_token=x', secret: '' }),
    new WeChatTemplateChannel(undefined),
    new WeChatTemplateChannel({ appId: 'wx1', appSecret: 's', templateId: '' }),
  ];

  it.each(unconfigured.map((channel, index) => [`${channel.name} #${index}`, channel] as const))(
    'PLT-4 a channel with missing config reports isConfigured() false and refuses to send: %s',
    async (_label, channel) => {
      expect(channel.isConfigured()).toBe(false);
      await expect(channel.send(notice(channel.name, 'someone'))).rejects.toThrow(`${channel.name}: not configured`);
    },
  );

  it('PLT-4 channels with their config report isConfigured() true', () => {
    const configured: ChannelAdapter[] = [
      new EmailChannel({ url: 'smtp://user:pass@127.0.0.1:2525', from: 'office@school.example.cn' }),
      new SmsChannel({
        endpoint: 'https://dysmsapi.aliyuncs.com',
        accessKeyId: 'id',
        accessKeySecret: 's',
        signName: '某市第一中学',
        templateCode: 'SMS_1',
      }),
      new WeComRobotChannel({ webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' }),
      new DingTalkRobotChannel({ webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: 'SECx' }),
      new WeChatTemplateChannel({ appId: 'wx1', appSecret: 's', templateId: 't' }),
    ];
    expect(configured.map((channel) => [channel.name, channel.isConfigured()])).toEqual([
      ['email', true],
      ['sms', true],
      ['wecom', true],
      ['dingtalk', true],
      ['wechat-mp', true],
    ]);
  });

  it('PLT-4 a malformed provider URL fails with a clear message that does not repeat the URL (it may hold a key)', async () => {
    const channel = new WeComRobotChannel({ webhookUrl: 'qyapi.weixin.qq.com/cgi-bin/webhook/send?key=robot-key-123' });
    const error = await failureOf(channel.send(notice('wecom', 'group')));
    expect(error.message).toBe('wecom: webhookUrl is not a valid URL');
    expect(error.message).not.toContain('robot-key-123');
  });
});
