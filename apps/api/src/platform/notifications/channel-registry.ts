import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CHANNELS, type ChannelAdapter, type ChannelName } from './channels/channel';
import { DingTalkRobotChannel } from './channels/dingtalk-robot.channel';
import { EmailChannel } from './channels/email.channel';
import { SmsChannel } from './channels/sms.channel';
import { WeChatTemplateChannel } from './channels/wechat-template.channel';
import { WeComRobotChannel } from './channels/wecom-robot.channel';
import { ChannelSetting } from './delivery.entity';

/**
 * Each channel's settings: the keys it needs, the environment variable that gives each a default,
 * and whether the key is a secret (never shown back by the API).
 */
export const CHANNEL_SETTINGS: Record<
  Exclude<ChannelName, 'in-app'>,
  { key: string; env: string; secret?: boolean; optional?: boolean }[]
> = {
  email: [
    { key: 'url', env: 'SMTP_URL', secret: true },
    { key: 'from', env: 'SMTP_FROM' },
  ],
  sms: [
    { key: 'endpoint', env: 'SMS_ENDPOINT' },
    { key: 'accessKeyId', env: 'SMS_ACCESS_KEY_ID' },
    { key: 'accessKeySecret', env: 'SMS_ACCESS_KEY_SECRET', secret: true },
    { key: 'signName', env: 'SMS_SIGN_NAME' },
    { key: 'templateCode', env: 'SMS_TEMPLATE_CODE' },
  ],
  wecom: [{ key: 'webhookUrl', env: 'WECOM_WEBHOOK_URL', secret: true }],
  dingtalk: [
    { key: 'webhookUrl', env: 'DINGTALK_WEBHOOK_URL', secret: true },
    { key: 'secret', env: 'DINGTALK_SECRET', secret: true },
  ],
  'wechat-mp': [
    { key: 'apiBase', env: 'WECHAT_API_BASE', optional: true },
    { key: 'appId', env: 'WECHAT_APP_ID' },
    { key: 'appSecret', env: 'WECHAT_APP_SECRET', secret: true },
    { key: 'templateId', env: 'WECHAT_TEMPLATE_ID' },
  ],
};

export interface EffectiveChannelSettings {
  channel: ChannelName;
  enabled: boolean;
  values: Record<string, string>;
  /** Where each value comes from. */
  sources: Record<string, 'panel' | 'env'>;
}

function complete(channel: Exclude<ChannelName, 'in-app'>, values: Record<string, string>): boolean {
  return CHANNEL_SETTINGS[channel].every(({ key, optional }) => optional || Boolean(values[key]));
}

/**
 * Builds channel adapters from the settings in force: the panel's (stored in the database, so
 * every instance sees the same) over the environment's. Read at each use, so a change in the
 * panel applies at once on every instance.
 */
@Injectable()
export class ChannelRegistry {
  private readonly env: NodeJS.ProcessEnv = process.env;
  /** Adapters keep state worth keeping (e.g. WeChat's access token): reuse them while settings stay. */
  private readonly cache = new Map<ChannelName, { fingerprint: string; adapter: ChannelAdapter }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async settings(manager: EntityManager = this.dataSource.manager): Promise<EffectiveChannelSettings[]> {
    const stored = new Map((await manager.find(ChannelSetting)).map((s) => [s.channel, s]));
    return CHANNELS.map((channel) => {
      if (channel === 'in-app') return { channel, enabled: true, values: {}, sources: {} };
      const values: Record<string, string> = {};
      const sources: Record<string, 'panel' | 'env'> = {};
      for (const { key, env } of CHANNEL_SETTINGS[channel]) {
        const panel = stored.get(channel)?.config?.[key];
        if (panel) {
          values[key] = panel;
          sources[key] = 'panel';
        } else if (this.env[env]) {
          values[key] = this.env[env]!;
          sources[key] = 'env';
        }
      }
      return { channel, enabled: stored.get(channel)?.enabled ?? true, values, sources };
    });
  }

  async configuredChannels(manager?: EntityManager): Promise<ChannelName[]> {
    return (await this.settings(manager))
      .filter((s) => s.channel === 'in-app' || (s.enabled && complete(s.channel, s.values)))
      .map((s) => s.channel);
  }

  /** The adapter of a configured, enabled channel; null otherwise (in-app is not sent by a worker). */
  async adapter(channel: ChannelName): Promise<ChannelAdapter | null> {
    if (channel === 'in-app') return null;
    const settings = (await this.settings()).find((s) => s.channel === channel)!;
    if (!settings.enabled || !complete(channel, settings.values)) return null;
    const fingerprint = JSON.stringify(settings.values);
    const cached = this.cache.get(channel);
    if (cached?.fingerprint === fingerprint) return cached.adapter;
    const adapter = this.build(channel, settings.values);
    this.cache.set(channel, { fingerprint, adapter });
    return adapter;
  }

  private build(channel: Exclude<ChannelName, 'in-app'>, v: Record<string, string>): ChannelAdapter {
    switch (channel) {
      case 'email':
        return new EmailChannel({ url: v.url, from: v.from });
      case 'sms':
        return new SmsChannel({
          endpoint: v.endpoint,
          accessKeyId: v.accessKeyId,
          accessKeySecret: v.accessKeySecret,
          signName: v.signName,
          templateCode: v.templateCode,
        });
      case 'wecom':
        return new WeComRobotChannel({ webhookUrl: v.webhookUrl });
      case 'dingtalk':
        return new DingTalkRobotChannel({ webhookUrl: v.webhookUrl, secret: v.secret });
      case 'wechat-mp':
        return new WeChatTemplateChannel({
          apiBase: v.apiBase || undefined,
          appId: v.appId,
          appSecret: v.appSecret,
          templateId: v.templateId,
        });
    }
  }
}
