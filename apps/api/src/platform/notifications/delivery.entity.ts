import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../org/user.entity';
import type { ChannelName } from './channels/channel';

export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One message to one person on one channel: the notification outbox (PLT-4). The row is written
 * in the same transaction as the change that caused it, and its id is the outbox key that every
 * attempt carries, so a receiver can deduplicate. Status moves only on real signals.
 */
@Entity('notification_deliveries')
@Index('IDX_notification_deliveries_recipient', ['recipientId', 'createdAt'])
@Index('IDX_notification_deliveries_status', ['status', 'createdAt'])
export class NotificationDelivery {
  /** The outbox key. */
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'FK_notification_deliveries_recipient' })
  recipient?: User;

  @Column({ type: 'varchar', length: 20 })
  channel: ChannelName;

  /** Email address, phone number, openid or user id, as it was when the message was queued. */
  @Column({ type: 'varchar', length: 200 })
  address: string;

  /** What the message is about, e.g. `approval.decided`: preferences and reports group by it. */
  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  /** Not optional for the recipient (e.g. urgent documents): sent whatever their preferences say. */
  @Column({ type: 'boolean', default: false })
  mandatory: boolean;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Index('IDX_notification_deliveries_provider')
  @Column({ name: 'provider_message_id', type: 'varchar', length: 200, nullable: true })
  providerMessageId: string | null;

  /** The delivery this one resends (on the same or a fallback channel). */
  @Column({ name: 'resend_of', type: 'uuid', nullable: true })
  resendOf: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;
}

/** A person's choice of channels (PLT-4). In-app is always on; mandatory messages ignore the choice. */
@Entity('notification_preferences')
export class NotificationPreference {
  @Column({ name: 'user_id', type: 'uuid', primary: true })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_preferences_user' })
  user?: User;

  @Column({ type: 'varchar', array: true, default: () => "'{in-app,email}'" })
  channels: ChannelName[];

  /** The person's openid for the school's WeChat official account, when they have bound it. */
  @Column({ name: 'wechat_openid', type: 'varchar', length: 100, nullable: true })
  wechatOpenid: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** Channel settings edited in the panel; they override the environment's (PLT-4). */
@Entity('notification_channel_settings')
export class ChannelSetting {
  @Column({ type: 'varchar', length: 20, primary: true })
  channel: ChannelName;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** Provider settings (URLs, keys); never returned whole by the API and never audited. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  config: Record<string, string>;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
