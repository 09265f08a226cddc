import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { rowSource, type RowSource } from '../excel/row-source';
import { badRequest, notFound } from '../http/api-error';
import { paginate, type Page } from '../http/pagination';
import type { RequestContext } from '../http/request-context';
import { escapeLike } from '../http/sql';
import { CHANNEL_SETTINGS, ChannelRegistry } from './channel-registry';
import { CHANNELS, type ChannelName } from './channels/channel';
import { ChannelSetting, NotificationDelivery, NotificationPreference } from './delivery.entity';
import type {
  ChannelSettingsDto,
  DeliveryDto,
  PreferencesDto,
  QueryDeliveriesDto,
  UpdateChannelSettingsDto,
  UpdatePreferencesDto,
} from './notifications.dto';

const SECRET_MASK = '********';

/** Phone numbers show as 138****1234 in the delivery log. */
function maskAddress(channel: ChannelName, address: string): string {
  if (['sms', 'wecom', 'dingtalk'].includes(channel) && address.length >= 7) return `${address.slice(0, 3)}****${address.slice(-4)}`;
  return address;
}

export function toDeliveryDto(d: NotificationDelivery): DeliveryDto {
  return {
    id: d.id,
    recipient: { id: d.recipientId, name: d.recipient?.name ?? '' },
    channel: d.channel,
    address: maskAddress(d.channel, d.address),
    kind: d.kind,
    title: d.title,
    mandatory: d.mandatory,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    resendOf: d.resendOf,
    createdAt: d.createdAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    readAt: d.readAt?.toISOString() ?? null,
  };
}

/** The delivery log, people's channel preferences and the channels' settings (PLT-4). */
@Injectable()
export class NotificationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelRegistry,
    private readonly audit: AuditService,
  ) {}

  async listDeliveries(query: QueryDeliveriesDto): Promise<Page<DeliveryDto>> {
    return paginate(this.deliveriesQuery(query), query, toDeliveryDto);
  }

  /** Every delivery the log would show, unpaged, for an Excel export (PLT-7). */
  exportDeliveries(query: QueryDeliveriesDto): RowSource<DeliveryDto> {
    return rowSource(this.deliveriesQuery(query), (deliveries) => deliveries.map(toDeliveryDto));
  }

  private deliveriesQuery(query: QueryDeliveriesDto) {
    const qb = this.dataSource.manager
      .createQueryBuilder(NotificationDelivery, 'd')
      .leftJoinAndSelect('d.recipient', 'u')
      .orderBy('d.created_at', 'DESC');
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.channel) qb.andWhere('d.channel = :channel', { channel: query.channel });
    if (query.recipientId) qb.andWhere('d.recipient_id = :recipientId', { recipientId: query.recipientId });
    if (query.kind) qb.andWhere('d.kind = :kind', { kind: query.kind });
    if (query.q) qb.andWhere('(d.title ILIKE :q OR u.name ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return qb;
  }

  async getDelivery(id: string): Promise<DeliveryDto> {
    const delivery = await this.dataSource.manager.findOne(NotificationDelivery, { where: { id }, relations: { recipient: true } });
    if (!delivery) throw notFound('delivery');
    return toDeliveryDto(delivery);
  }

  async preferences(userId: string): Promise<PreferencesDto> {
    const preference = await this.dataSource.manager.findOne(NotificationPreference, { where: { userId } });
    return {
      channels: preference?.channels ?? ['in-app', 'email'],
      wechatOpenid: preference?.wechatOpenid ?? null,
      available: await this.channels.configuredChannels(),
    };
  }

  async updatePreferences(dto: UpdatePreferencesDto, ctx: RequestContext): Promise<PreferencesDto> {
    const userId = ctx.actor!.id;
    const channels = [...new Set<ChannelName>(['in-app', ...dto.channels])];
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(NotificationPreference, { where: { userId } });
      await manager.query(
        `INSERT INTO notification_preferences (user_id, channels, wechat_openid) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels,
           wechat_openid = CASE WHEN $4 THEN EXCLUDED.wechat_openid ELSE notification_preferences.wechat_openid END, updated_at = now()`,
        [userId, channels, dto.wechatOpenid ?? null, dto.wechatOpenid !== undefined],
      );
      await this.audit.record(manager, ctx, {
        action: 'notification-preferences.update',
        objectType: 'user',
        objectId: userId,
        before: { channels: before?.channels ?? null },
        after: { channels },
      });
    });
    return this.preferences(userId);
  }

  async channelSettings(): Promise<ChannelSettingsDto[]> {
    const configured = new Set(await this.channels.configuredChannels());
    return (await this.channels.settings()).map((s) => {
      const values: Record<string, string | null> = {};
      if (s.channel !== 'in-app') {
        for (const { key, secret } of CHANNEL_SETTINGS[s.channel])
          values[key] = s.values[key] ? (secret ? SECRET_MASK : s.values[key]) : null;
      }
      return { channel: s.channel, enabled: s.enabled, configured: configured.has(s.channel), values, sources: s.sources };
    });
  }

  async updateChannelSettings(channel: string, dto: UpdateChannelSettingsDto, ctx: RequestContext): Promise<ChannelSettingsDto> {
    if (!(CHANNELS as readonly string[]).includes(channel) || channel === 'in-app') throw notFound('channel');
    const name = channel as Exclude<ChannelName, 'in-app'>;
    const known = CHANNEL_SETTINGS[name].map((s) => s.key);
    const unknown = Object.keys(dto.values ?? {}).filter((key) => !known.includes(key));
    if (unknown.length)
      throw badRequest('Unknown settings', Object.fromEntries(unknown.map((k) => [`values.${k}`, [`not a setting of ${name}`]])));
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(ChannelSetting, { where: { channel: name } });
      const config = { ...(current?.config ?? {}) };
      for (const [key, value] of Object.entries(dto.values ?? {})) {
        if (value === SECRET_MASK) continue; // the masked value sent back unchanged
        if (value === '') delete config[key];
        else config[key] = value;
      }
      await manager.query(
        `INSERT INTO notification_channel_settings (channel, enabled, config) VALUES ($1, $2, $3)
         ON CONFLICT (channel) DO UPDATE SET enabled = EXCLUDED.enabled, config = EXCLUDED.config, updated_at = now()`,
        [name, dto.enabled ?? current?.enabled ?? true, JSON.stringify(config)],
      );
      // Which settings changed, never their values: they include keys and passwords.
      await this.audit.record(manager, ctx, {
        action: 'notification-channel.update',
        objectType: 'notification-channel',
        objectId: name,
        details: { enabled: dto.enabled ?? null, changed: Object.keys(dto.values ?? {}) },
      });
    });
    return (await this.channelSettings()).find((s) => s.channel === name)!;
  }
}
