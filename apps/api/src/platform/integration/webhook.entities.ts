import type { WebhookDeliveryStatus } from '@xiaoban/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { User } from '../org/user.entity';

/** An outgoing webhook (事件推送, PLT-9): where to POST which event types, and the key that signs them. */
@Entity('webhook_subscriptions')
@Check('CHK_webhook_subscriptions_event_types', `cardinality(event_types) >= 1`)
export class WebhookSubscription {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  url: string;

  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes: string[];

  /**
   * The HMAC key. Kept as it is, because every delivery is signed with it; the API shows it only
   * in the answer that creates it, and masked afterwards. Never audited.
   */
  @Column({ type: 'varchar', length: 100 })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_webhook_subscriptions_created_by' })
  createdBy?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/**
 * One event for one subscription (PLT-9): the webhook outbox. Written in the transaction that
 * publishes the event; its id is the idempotency key that every attempt carries, so a receiver
 * can deduplicate. `attempts` counts the rows of the attempt log.
 */
@Entity('webhook_deliveries')
@Check('CHK_webhook_deliveries_status', `status IN ('queued', 'succeeded', 'failed')`)
@Check('CHK_webhook_deliveries_attempts', `attempts >= 0`)
@Index('IDX_webhook_deliveries_subscription', ['subscriptionId', 'createdAt'])
export class WebhookDelivery {
  /** The idempotency key. */
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  @ManyToOne('WebhookSubscription', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id', foreignKeyConstraintName: 'FK_webhook_deliveries_subscription' })
  subscription?: WebhookSubscription;

  @Column({ name: 'event_type', type: 'varchar', length: 60 })
  eventType: string;

  /** The event's id, the same in every subscription's delivery of it. */
  @Index('IDX_webhook_deliveries_event')
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  /** The event's `data`. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The pg-boss job of the current or next attempt, to show when the next retry is due. */
  @Column({ name: 'job_id', type: 'uuid', nullable: true })
  jobId: string | null;

  /** When the event happened (the body's `createdAt`). */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  /** When it succeeded or failed for good. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

/** The delivery log (PLT-9): one row per HTTP attempt, whatever its outcome. */
@Entity('webhook_delivery_attempts')
@Check('CHK_webhook_delivery_attempts_attempt', `attempt >= 1`)
export class WebhookDeliveryAttempt {
  @PrimaryColumn({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @ManyToOne('WebhookDelivery', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'FK_webhook_delivery_attempts_delivery' })
  delivery?: WebhookDelivery;

  /** 1, 2, …, counted across resends. */
  @PrimaryColumn({ type: 'integer' })
  attempt: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** The receiver's HTTP status; null when no answer came (refused connection, timeout). */
  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;
}
