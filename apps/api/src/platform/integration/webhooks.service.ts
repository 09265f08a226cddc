import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@xiaoban/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { updateVersioned } from '../../database/versioned-update';
import { AuditService } from '../audit/audit.service';
import { conflict, notFound } from '../http/api-error';
import { paginate, type Page } from '../http/pagination';
import type { RequestContext } from '../http/request-context';
import { escapeLike, returnedRows } from '../http/sql';
import { JobsService, PG_BOSS_SCHEMA, type JobInfo } from '../jobs/jobs.service';
import { toWebhookDeliveryDto, toWebhookDto } from './integration.mapper';
import { postWebhook } from './webhook-sender';
import { WebhookDelivery, WebhookDeliveryAttempt, WebhookSubscription } from './webhook.entities';
import type {
  CreatedWebhookDto,
  CreateWebhookDto,
  QueryWebhookDeliveriesDto,
  QueryWebhooksDto,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDto,
} from './webhooks.dto';

export const WEBHOOK_DELIVER_QUEUE = 'webhook-deliver';

interface DeliveryToSend {
  id: string;
  event_type: string;
  event_id: string;
  payload: Record<string, unknown>;
  status: string;
  created_at: Date;
  url: string;
  secret: string;
  active: boolean;
}

/**
 * Outgoing webhooks (PLT-9). `publish` writes one delivery per subscribed, active subscription
 * in the caller's transaction and queues its job there too (the outbox pattern). Each attempt is
 * a POST of `{ id, type, createdAt, data }`, signed as webhook-signature.ts describes, carrying
 * the delivery's id as its idempotency key; a non-2xx answer is retried with backoff by pg-boss
 * (WEBHOOK_RETRY_LIMIT, WEBHOOK_RETRY_DELAY_SECONDS doubling), and every attempt is logged.
 */
@Injectable()
export class WebhooksService implements OnModuleInit {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: WEBHOOK_DELIVER_QUEUE,
      handler: (data, job) => this.deliver((data as { deliveryId: string }).deliveryId, job),
      retryLimit: this.config.webhookRetryLimit,
      retryDelay: this.config.webhookRetryDelaySeconds,
      // A worker that died mid-request leaves its job active; after this it is retried elsewhere.
      expireInSeconds: this.config.webhookTimeoutSeconds + 60,
    });
  }

  /**
   * Publishes an event to every active subscription of its type, in the caller's transaction:
   * the deliveries exist if and only if the change that caused them commits. Returns their ids.
   */
  async publish(manager: EntityManager, eventType: WebhookEventType, data: Record<string, unknown>): Promise<string[]> {
    const subscriptions: { id: string }[] = await manager.query(
      'SELECT id FROM webhook_subscriptions WHERE active AND $1 = ANY(event_types) ORDER BY created_at',
      [eventType],
    );
    const eventId = randomUUID();
    const ids: string[] = [];
    for (const { id } of subscriptions) ids.push(await this.enqueue(manager, id, eventType, eventId, data));
    return ids;
  }

  private async enqueue(manager: EntityManager, subscriptionId: string, eventType: string, eventId: string, data: object): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_type, event_id, payload) VALUES ($1, $2, $3, $4) RETURNING id`,
      [subscriptionId, eventType, eventId, JSON.stringify(data)],
    );
    await this.queueAttempt(manager, row.id);
    return row.id;
  }

  private async queueAttempt(manager: EntityManager, deliveryId: string): Promise<void> {
    const jobId = await this.jobs.sendWithin(manager, WEBHOOK_DELIVER_QUEUE, { deliveryId });
    await manager.query('UPDATE webhook_deliveries SET job_id = $2 WHERE id = $1', [deliveryId, jobId]);
  }

  /** The worker: one attempt of one delivery. Throws to have pg-boss retry it with backoff. */
  async deliver(deliveryId: string, job: JobInfo): Promise<void> {
    const [delivery]: DeliveryToSend[] = await this.dataSource.query(
      `SELECT d.id, d.event_type, d.event_id, d.payload, d.status, d.created_at, s.url, s.secret, s.active
         FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!delivery || delivery.status !== 'queued') return; // gone, or done already: a repeat
    if (!delivery.active) {
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = 'failed', completed_at = now(), last_error = $2 WHERE id = $1 AND status = 'queued'`,
        [deliveryId, 'Not sent: the subscription is inactive'],
      );
      return;
    }
    const body = JSON.stringify({
      id: delivery.event_id,
      type: delivery.event_type,
      createdAt: delivery.created_at.toISOString(),
      data: delivery.payload,
    });
    const result = await postWebhook({
      url: delivery.url,
      secret: delivery.secret,
      deliveryId,
      eventType: delivery.event_type,
      body,
      timeoutMs: this.config.webhookTimeoutSeconds * 1000,
    });
    const givingUp = !result.ok && job.retryCount >= job.retryLimit;
    const status = result.ok ? 'succeeded' : givingUp ? 'failed' : 'queued';
    const logged = await this.dataSource.transaction(async (manager) => {
      const [counted] = returnedRows<{ attempts: number }>(
        await manager.query(
          `UPDATE webhook_deliveries
              SET attempts = attempts + 1, last_attempt_at = now(), last_status_code = $2, last_error = $3,
                  status = CASE WHEN status = 'queued' THEN $4::varchar ELSE status END,
                  completed_at = CASE WHEN status = 'queued' AND $4::varchar <> 'queued' THEN now() ELSE completed_at END
            WHERE id = $1
            RETURNING attempts`,
          [deliveryId, result.statusCode, result.error, status],
        ),
      );
      if (!counted) return false; // the subscription was deleted meanwhile, and its log with it
      await manager.insert(WebhookDeliveryAttempt, {
        deliveryId,
        attempt: counted.attempts,
        statusCode: result.statusCode,
        error: result.error,
        durationMs: result.durationMs,
      });
      return true;
    });
    if (givingUp) this.logger.warn(`webhook delivery ${deliveryId} failed for good: ${result.error}`);
    if (logged && status === 'queued') throw new Error(`Webhook delivery ${deliveryId} failed: ${result.error}`);
  }

  // ---------- subscriptions ----------

  async list(query: QueryWebhooksDto): Promise<Page<WebhookDto>> {
    const qb = this.dataSource
      .getRepository(WebhookSubscription)
      .createQueryBuilder('w')
      .leftJoinAndSelect('w.createdBy', 'creator')
      .orderBy('w.createdAt', 'DESC')
      .addOrderBy('w.id');
    if (query.active !== undefined) qb.andWhere('w.active = :active', { active: query.active });
    if (query.q) qb.andWhere('(w.name ILIKE :q OR w.url ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return paginate(qb, query, toWebhookDto);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<WebhookDto> {
    return toWebhookDto(await this.subscription(id, manager));
  }

  private async subscription(id: string, manager: EntityManager): Promise<WebhookSubscription> {
    const subscription = await manager.findOne(WebhookSubscription, { where: { id }, relations: { createdBy: true } });
    if (!subscription) throw notFound('webhook');
    return subscription;
  }

  async create(dto: CreateWebhookDto, ctx: RequestContext): Promise<CreatedWebhookDto> {
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    return this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(WebhookSubscription, {
        name: dto.name,
        url: dto.url,
        eventTypes: [...new Set(dto.eventTypes)],
        active: dto.active ?? true,
        secret,
        createdById: ctx.actor?.apiToken ? null : (ctx.actor?.id ?? null),
      });
      const created = await this.get(identifiers[0].id as string, manager);
      await this.audit.record(manager, ctx, {
        action: 'webhook.create',
        objectType: 'webhook',
        objectId: created.id,
        before: null,
        after: auditView(created),
      });
      return { ...created, secret };
    });
  }

  async update(id: string, dto: UpdateWebhookDto, ctx: RequestContext): Promise<WebhookDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(id, manager);
      const { version, ...fields } = dto;
      if (fields.eventTypes) fields.eventTypes = [...new Set(fields.eventTypes)];
      await updateVersioned(manager, WebhookSubscription, id, version, fields, 'webhook');
      const after = await this.get(id, manager);
      await this.audit.record(manager, ctx, {
        action: 'webhook.update',
        objectType: 'webhook',
        objectId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  /** Deletes a subscription with its delivery log; the audit log keeps that it existed. */
  async remove(id: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.get(id, manager);
      await manager.delete(WebhookSubscription, { id });
      await this.audit.record(manager, ctx, {
        action: 'webhook.delete',
        objectType: 'webhook',
        objectId: id,
        before: auditView(before),
        after: null,
      });
    });
  }

  /** Sends a `webhook.test` event to this one subscription, whatever event types it has chosen. */
  async sendTest(id: string, message: string | undefined, ctx: RequestContext): Promise<WebhookDeliveryDto> {
    const deliveryId = await this.dataSource.transaction(async (manager) => {
      const subscription = await this.subscription(id, manager);
      if (!subscription.active) {
        throw conflict('WEBHOOK_INACTIVE', 'The webhook is inactive; activate it first', { active: ['webhook is inactive'] });
      }
      const created = await this.enqueue(manager, id, WEBHOOK_EVENT_TYPES.TEST, randomUUID(), {
        message: message ?? '这是一条来自校办系统的测试推送',
        webhookId: id,
      });
      await this.audit.record(manager, ctx, {
        action: 'webhook.test',
        objectType: 'webhook',
        objectId: id,
        details: { deliveryId: created },
      });
      return created;
    });
    return this.delivery(deliveryId);
  }

  // ---------- deliveries ----------

  async listDeliveries(subscriptionId: string, query: QueryWebhookDeliveriesDto): Promise<Page<WebhookDeliveryDto>> {
    await this.subscription(subscriptionId, this.dataSource.manager);
    const qb = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .where('d.subscriptionId = :subscriptionId', { subscriptionId })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id');
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.eventType) qb.andWhere('d.eventType = :eventType', { eventType: query.eventType });
    const page = await paginate(qb, query, (row) => row);
    return { ...page, items: await this.withAttempts(page.items) };
  }

  async delivery(id: string): Promise<WebhookDeliveryDto> {
    const delivery = await this.dataSource.manager.findOne(WebhookDelivery, { where: { id } });
    if (!delivery) throw notFound('webhook delivery');
    const [dto] = await this.withAttempts([delivery]);
    return dto;
  }

  /** Sends a delivery again, with the same idempotency key, once its earlier attempts are over. */
  async resend(id: string, reason: string | undefined, ctx: RequestContext): Promise<WebhookDeliveryDto> {
    await this.dataSource.transaction(async (manager) => {
      const reopened = returnedRows(
        await manager.query(
          `UPDATE webhook_deliveries SET status = 'queued', completed_at = NULL WHERE id = $1 AND status <> 'queued' RETURNING id`,
          [id],
        ),
      );
      if (!reopened.length) {
        if (!(await manager.exists(WebhookDelivery, { where: { id } }))) throw notFound('webhook delivery');
        throw conflict('WEBHOOK_DELIVERY_PENDING', 'The delivery is still being attempted');
      }
      await this.queueAttempt(manager, id);
      await this.audit.record(manager, ctx, {
        action: 'webhook-delivery.resend',
        objectType: 'webhook-delivery',
        objectId: id,
        details: { reason: reason ?? null },
      });
    });
    return this.delivery(id);
  }

  /** Adds each delivery's attempt log, and when pg-boss will try a queued one next. */
  private async withAttempts(deliveries: WebhookDelivery[]): Promise<WebhookDeliveryDto[]> {
    if (!deliveries.length) return [];
    const ids = deliveries.map((d) => d.id);
    const attempts = await this.dataSource.manager.find(WebhookDeliveryAttempt, {
      where: { deliveryId: In(ids) },
      order: { attempt: 'ASC' },
    });
    const jobIds = deliveries.filter((d) => d.status === 'queued' && d.jobId).map((d) => d.jobId);
    const nextAt = new Map<string, Date>();
    if (jobIds.length) {
      const rows: { id: string; start_after: Date }[] = await this.dataSource.query(
        `SELECT id, start_after FROM ${PG_BOSS_SCHEMA}.job WHERE name = $1 AND id = ANY($2::uuid[]) AND state IN ('created', 'retry')`,
        [WEBHOOK_DELIVER_QUEUE, jobIds],
      );
      for (const row of rows) nextAt.set(row.id, row.start_after);
    }
    return deliveries.map((d) =>
      toWebhookDeliveryDto(
        d,
        attempts.filter((a) => a.deliveryId === d.id),
        d.jobId ? (nextAt.get(d.jobId) ?? null) : null,
      ),
    );
  }
}

function auditView(webhook: WebhookDto): Record<string, unknown> {
  return { name: webhook.name, url: webhook.url, eventTypes: webhook.eventTypes, active: webhook.active };
}
