import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { badRequest, conflict, notFound } from '../http/api-error';
import type { RequestContext } from '../http/request-context';
import { returnedRows } from '../http/sql';
import { JobsService, type JobInfo } from '../jobs/jobs.service';
import { ChannelRegistry } from './channel-registry';
import type { ChannelName, SendResult } from './channels/channel';
import { NotificationDelivery } from './delivery.entity';
import { MessagesService } from './messages/messages.service';

const DELIVER_QUEUE = 'notification-deliver';

export interface Notification {
  recipientIds: string[];
  /** What it is about, e.g. `approval.task`; reports and preferences group by it. */
  kind: string;
  title: string;
  body: string;
  /** Path in the admin panel, e.g. `/approvals/…`. */
  link?: string | null;
  /** Not optional (e.g. an urgent document): every configured channel, whatever the preferences. */
  mandatory?: boolean;
}

interface Recipient {
  id: string;
  email: string | null;
  phone: string | null;
  channels: ChannelName[] | null;
  wechat_openid: string | null;
}

/**
 * Notifications through a durable outbox (PLT-4). `notify` writes one delivery per recipient
 * and channel in the caller's transaction, and queues its job in the same transaction; workers
 * send it with retries and backoff. In-app deliveries are messages in the message centre,
 * written at once.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly channels: ChannelRegistry,
    private readonly messages: MessagesService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: DELIVER_QUEUE,
      handler: (data, job) => this.deliver((data as { deliveryId: string }).deliveryId, job),
      retryLimit: this.config.notifyRetryLimit,
      retryDelay: this.config.notifyRetryDelaySeconds,
      // A worker that died mid-send leaves its job active; after this it is retried elsewhere.
      expireInSeconds: 60,
    });
  }

  /** Queues a notification in the caller's transaction; returns the delivery ids (outbox keys). */
  async notify(manager: EntityManager, notification: Notification): Promise<string[]> {
    const made = await this.queue(manager, notification, (recipient, configured) => {
      const wanted = new Set<ChannelName>(notification.mandatory ? configured : (recipient.channels ?? ['in-app', 'email']));
      return wanted.add('in-app'); // the message centre always has it
    });
    return made.map((d) => d.id);
  }

  /**
   * Queues one delivery per recipient on each of the given channels, whatever their preferences:
   * the sender chose the channels (a notice, INF-3). A channel the school has not configured, or a
   * person without an address on it, gets no delivery; the caller sees which were made.
   */
  notifyVia(
    manager: EntityManager,
    notification: Omit<Notification, 'mandatory'>,
    channels: readonly ChannelName[],
  ): Promise<{ id: string; recipientId: string; channel: ChannelName }[]> {
    return this.queue(manager, notification, () => new Set(channels));
  }

  /** One delivery per recipient and chosen channel that is configured (in-app always is) and has an address. */
  private async queue(
    manager: EntityManager,
    notification: Notification,
    channelsFor: (recipient: Recipient, configured: ReadonlySet<ChannelName>) => Iterable<ChannelName>,
  ): Promise<{ id: string; recipientId: string; channel: ChannelName }[]> {
    const recipients = await this.recipients(manager, notification.recipientIds);
    const configured = new Set(await this.channels.configuredChannels(manager));
    const made: { id: string; recipientId: string; channel: ChannelName }[] = [];
    for (const recipient of recipients) {
      for (const channel of channelsFor(recipient, configured)) {
        if (channel !== 'in-app' && !configured.has(channel)) continue;
        const address = this.addressOf(recipient, channel);
        if (!address) continue;
        const id = await this.enqueue(manager, { ...notification, recipientId: recipient.id, channel, address, resendOf: null });
        made.push({ id, recipientId: recipient.id, channel });
      }
    }
    return made;
  }

  private async recipients(manager: EntityManager, ids: string[]): Promise<Recipient[]> {
    const recipientIds = [...new Set(ids)];
    if (recipientIds.length === 0) return [];
    return manager.query(
      `SELECT u.id, u.email, u.phone, p.channels, p.wechat_openid
         FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
        WHERE u.id = ANY($1::uuid[]) AND u.active`,
      [recipientIds],
    );
  }

  private addressOf(recipient: Recipient, channel: ChannelName): string | null {
    switch (channel) {
      case 'in-app':
        return recipient.id;
      case 'email':
        return recipient.email;
      case 'sms':
      case 'wecom':
      case 'dingtalk':
        // Group robots post to the school's group and @-mention the person by phone.
        return recipient.phone;
      case 'wechat-mp':
        return recipient.wechat_openid;
    }
  }

  private async enqueue(
    manager: EntityManager,
    d: Omit<Notification, 'recipientIds'> & { recipientId: string; channel: ChannelName; address: string; resendOf: string | null },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO notification_deliveries (recipient_id, channel, address, kind, title, body, link, mandatory, resend_of)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [d.recipientId, d.channel, d.address, d.kind, d.title.slice(0, 200), d.body, d.link ?? null, d.mandatory ?? false, d.resendOf],
    );
    if (d.channel === 'in-app') {
      // The message centre is the in-app channel: written now, in this transaction, so it is delivered.
      await this.messages.write(manager, {
        senderId: null,
        subject: d.title.slice(0, 200),
        body: d.body,
        toUserIds: [d.recipientId],
        toDepartmentIds: [],
        link: d.link ?? null,
        deliveryId: row.id,
      });
      await manager.query(
        `UPDATE notification_deliveries SET status = 'delivered', attempts = 1, sent_at = now(), delivered_at = now() WHERE id = $1`,
        [row.id],
      );
    } else {
      await this.jobs.sendWithin(manager, DELIVER_QUEUE, { deliveryId: row.id });
    }
    return row.id;
  }

  /** The worker: one attempt to send one delivery. Throws to have pg-boss retry with backoff. */
  async deliver(deliveryId: string, job: JobInfo): Promise<void> {
    const delivery = await this.dataSource.manager.findOne(NotificationDelivery, { where: { id: deliveryId } });
    if (!delivery || delivery.status !== 'queued') return; // done already: this is a repeat
    const adapter = await this.channels.adapter(delivery.channel);
    const lastTry = job.retryCount >= job.retryLimit;
    let result: SendResult;
    try {
      if (!adapter) throw new Error(`The ${delivery.channel} channel is not configured`);
      result = await adapter.send({
        outboxKey: delivery.id,
        channel: delivery.channel,
        address: delivery.address,
        mentionPhone: ['wecom', 'dingtalk'].includes(delivery.channel) ? delivery.address : null,
        title: delivery.title,
        body: delivery.body,
        link: delivery.link ? `${this.config.publicUrl}${delivery.link}` : null,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const givingUp = lastTry || !adapter;
      await this.dataSource.query(
        `UPDATE notification_deliveries
            SET attempts = attempts + 1, last_error = $2,
                status = CASE WHEN $3::boolean THEN 'failed' ELSE status END, failed_at = CASE WHEN $3::boolean THEN now() END
          WHERE id = $1 AND status = 'queued'`,
        [delivery.id, message.slice(0, 2000), givingUp],
      );
      if (givingUp) {
        this.logger.warn(`delivery ${delivery.id} on ${delivery.channel} failed for good: ${message}`);
        return;
      }
      throw error;
    }
    // If this process dies here, the job is retried and the receiver sees the key twice: it
    // deduplicates on it. That is the only way a duplicate can arise.
    await this.dataSource.query(
      `UPDATE notification_deliveries
          SET status = $2::varchar, attempts = attempts + 1, last_error = NULL, sent_at = now(),
              delivered_at = CASE WHEN $2::varchar = 'delivered' THEN now() END, provider_message_id = $3
        WHERE id = $1 AND status = 'queued'`,
      [delivery.id, result.status, result.providerMessageId ?? null],
    );
  }

  /** Sends a delivery again, on its own channel or another (a fallback), as a new delivery. */
  async resend(deliveryId: string, channel: ChannelName | undefined, ctx: RequestContext): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const original = await manager.findOne(NotificationDelivery, { where: { id: deliveryId } });
      if (!original) throw notFound('delivery');
      const target = channel ?? original.channel;
      if (target !== 'in-app' && !(await this.channels.configuredChannels(manager)).includes(target)) {
        throw conflict('CHANNEL_NOT_CONFIGURED', `The ${target} channel is not configured`, { channel: ['channel is not configured'] });
      }
      const [recipient]: Recipient[] = await manager.query(
        `SELECT u.id, u.email, u.phone, p.channels, p.wechat_openid FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id WHERE u.id = $1`,
        [original.recipientId],
      );
      const address = target === original.channel ? original.address : this.addressOf(recipient, target);
      if (!address)
        throw badRequest('The recipient has no address on that channel', { channel: [`no ${target} address for the recipient`] });
      const id = await this.enqueue(manager, {
        recipientId: original.recipientId,
        channel: target,
        address,
        kind: original.kind,
        title: original.title,
        body: original.body,
        link: original.link,
        mandatory: original.mandatory,
        resendOf: original.id,
      });
      await this.audit.record(manager, ctx, {
        action: 'notification.resend',
        objectType: 'notification-delivery',
        objectId: id,
        details: { resendOf: original.id, channel: target },
      });
      return id;
    });
  }

  /**
   * A delivery report from the SMS gateway: the real signal that turns `sent` into `delivered`
   * (or `failed`). Matched by our outbox key (OutId) or the gateway's message id.
   */
  async applySmsReport(report: { outId?: string; bizId?: string; delivered: boolean; error?: string }): Promise<boolean> {
    const rows = await this.dataSource.query(
      `UPDATE notification_deliveries
          SET status = CASE WHEN $3::boolean THEN 'delivered' ELSE 'failed' END,
              delivered_at = CASE WHEN $3::boolean THEN now() ELSE delivered_at END,
              failed_at = CASE WHEN $3::boolean THEN failed_at ELSE now() END,
              last_error = CASE WHEN $3::boolean THEN last_error ELSE $4::text END
        WHERE channel = 'sms' AND status = 'sent'
          AND (id::text = $1 OR ($2::text IS NOT NULL AND provider_message_id = $2))
        RETURNING id`,
      [report.outId ?? '', report.bizId ?? null, report.delivered, report.error ?? 'not delivered'],
    );
    return returnedRows(rows).length > 0;
  }
}
