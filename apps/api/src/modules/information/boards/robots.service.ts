import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BOARD_ERRORS, NOTICE_ROBOT_CHANNEL, NOTICE_ROBOT_KINDS, type NoticeChannel, type NoticeRobotKind } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { updateVersioned } from '../../../database/versioned-update';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { returnedRows } from '../../../platform/http/sql';
import type { RequestContext } from '../../../platform/http/request-context';
import { JobsService, type JobInfo } from '../../../platform/jobs/jobs.service';
import type { ChannelAdapter } from '../../../platform/notifications/channels/channel';
import { DingTalkRobotChannel } from '../../../platform/notifications/channels/dingtalk-robot.channel';
import { WeComRobotChannel } from '../../../platform/notifications/channels/wecom-robot.channel';
import { NoticeRobot } from './boards.entities';
import type { CreateRobotDto, RobotDto, RobotPostDto, UpdateRobotDto } from './boards.dto';

/** One job per robot posting, queued in the publish transaction (the outbox) and retried with backoff. */
export const ROBOT_POST_JOB = 'notice-robot-post';
const ROBOT_OBJECT = 'notice-robot';
/** Robots take a few thousand bytes; the notice's page has the rest. */
const BODY_LIMIT = 1500;

/** The webhook without its key: scheme, host and path, the query's values starred. */
export function maskWebhook(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) u.searchParams.set(key, '****');
    return `${u.origin}${u.pathname}${u.search ? decodeURIComponent(u.search) : ''}`;
  } catch {
    return '****';
  }
}

/**
 * WeCom (企业微信) and DingTalk (钉钉) group robots as broadcast channels of notices: the office
 * keeps their webhooks here; a publish queues one posting per active robot of each chosen kind,
 * and a job sends it with the platform's robot adapters (their documented formats, DingTalk's
 * signature). A failed send is recorded at once with the robot's answer and retried by the jobs
 * platform; a later success turns it to sent. A posting never counts as reaching a person.
 */
@Injectable()
export class RobotsService implements OnModuleInit {
  private readonly logger = new Logger('NoticeRobots');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: ROBOT_POST_JOB,
      retryLimit: 5,
      retryDelay: 30,
      handler: (data, job) => this.send((data as { postId: string }).postId, job),
    });
  }

  private toDto(r: NoticeRobot): RobotDto {
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      webhookUrlMasked: maskWebhook(r.webhookUrl),
      hasSecret: Boolean(r.secret),
      keyword: r.keyword,
      active: r.active,
      version: r.version,
    };
  }

  async list(): Promise<RobotDto[]> {
    const robots = await this.dataSource.manager.find(NoticeRobot, { order: { kind: 'ASC', name: 'ASC', id: 'ASC' } });
    return robots.map((r) => this.toDto(r));
  }

  async create(dto: CreateRobotDto, ctx: RequestContext): Promise<RobotDto> {
    if (dto.kind === 'dingtalk' && !dto.secret)
      throw badRequest('A DingTalk robot needs its signing secret', { secret: ['required for DingTalk'] });
    return this.dataSource.transaction(async (manager) => {
      const robot = manager.create(NoticeRobot, {
        kind: dto.kind,
        name: dto.name,
        webhookUrl: dto.webhookUrl,
        secret: dto.secret || null,
        keyword: dto.keyword || null,
        active: dto.active ?? true,
      });
      await manager.insert(NoticeRobot, robot);
      // The webhook and secret hold keys: they stay out of the audit log.
      await this.audit.record(manager, ctx, {
        action: 'information.robot.create',
        objectType: ROBOT_OBJECT,
        objectId: robot.id,
        details: { kind: dto.kind, name: dto.name },
      });
      return this.toDto(await manager.findOneByOrFail(NoticeRobot, { id: robot.id }));
    });
  }

  async update(id: string, dto: UpdateRobotDto, ctx: RequestContext): Promise<RobotDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOneBy(NoticeRobot, { id });
      const kind = dto.kind ?? current?.kind;
      const secret = dto.secret !== undefined ? dto.secret : current?.secret;
      if (current && kind === 'dingtalk' && !secret)
        throw badRequest('A DingTalk robot needs its signing secret', { secret: ['required for DingTalk'] });
      const changes: Record<string, unknown> = {};
      if (dto.kind !== undefined) changes.kind = dto.kind;
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.webhookUrl !== undefined) changes.webhookUrl = dto.webhookUrl;
      if (dto.secret !== undefined) changes.secret = dto.secret || null;
      if (dto.keyword !== undefined) changes.keyword = dto.keyword || null;
      if (dto.active !== undefined) changes.active = dto.active;
      await updateVersioned(manager, NoticeRobot, id, dto.version, changes, 'robot');
      await this.audit.record(manager, ctx, {
        action: 'information.robot.update',
        objectType: ROBOT_OBJECT,
        objectId: id,
        details: { fields: Object.keys(changes) },
      });
      return this.toDto(await manager.findOneByOrFail(NoticeRobot, { id }));
    });
  }

  /**
   * At publish: one posting per active robot of each robot channel the notice chose, queued in
   * the publish transaction with its job, so both exist if and only if the publish commits.
   */
  async queueNotice(manager: EntityManager, noticeId: string, channels: readonly NoticeChannel[]): Promise<number> {
    const kinds = NOTICE_ROBOT_KINDS.filter((k) => channels.includes(NOTICE_ROBOT_CHANNEL[k]));
    if (!kinds.length) return 0;
    const posts = returnedRows<{ id: string }>(
      await manager.query(
        `INSERT INTO notice_robot_posts (notice_id, robot_id)
         SELECT $1, id FROM notice_robots WHERE active AND kind = ANY($2::varchar[])
         ON CONFLICT (notice_id, robot_id) DO NOTHING RETURNING id`,
        [noticeId, kinds],
      ),
    );
    for (const post of posts) await this.jobs.sendWithin(manager, ROBOT_POST_JOB, { postId: post.id }, { singletonKey: post.id });
    return posts.length;
  }

  /**
   * Sends a failed posting again (after the robot's settings were fixed, or the retries ran out):
   * queued with a new job in the same transaction. 409 unless it failed.
   */
  async retry(noticeId: string, postId: string, ctx: RequestContext): Promise<RobotPostDto> {
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT status FROM notice_robot_posts WHERE id = $1 AND notice_id = $2 FOR UPDATE`, [
        postId,
        noticeId,
      ]);
      if (!current) throw notFound('robot posting');
      if (current.status !== 'failed') throw conflict(BOARD_ERRORS.ROBOT_POST_NOT_FAILED, 'Only a failed posting is sent again');
      await manager.query(`UPDATE notice_robot_posts SET status = 'queued' WHERE id = $1`, [postId]);
      await this.jobs.sendWithin(manager, ROBOT_POST_JOB, { postId });
      await this.audit.record(manager, ctx, {
        action: 'information.robot.retry',
        objectType: 'notice',
        objectId: noticeId,
        details: { postId },
      });
    });
    return (await this.postsOfNotice(noticeId)).find((p) => p.id === postId)!;
  }

  async postsOfNotice(noticeId: string): Promise<RobotPostDto[]> {
    const rows: {
      id: string;
      robot_id: string;
      robot_name: string;
      kind: NoticeRobotKind;
      status: RobotPostDto['status'];
      attempts: number;
      last_error: string | null;
      sent_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT p.id, p.robot_id, r.name AS robot_name, r.kind, p.status, p.attempts, p.last_error, p.sent_at
         FROM notice_robot_posts p JOIN notice_robots r ON r.id = p.robot_id
        WHERE p.notice_id = $1 ORDER BY r.kind, r.name, p.id`,
      [noticeId],
    );
    return rows.map((r) => ({
      id: r.id,
      robot: { id: r.robot_id, name: r.robot_name },
      kind: r.kind,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    }));
  }

  private adapter(robot: NoticeRobot): ChannelAdapter {
    return robot.kind === 'wecom'
      ? new WeComRobotChannel({ webhookUrl: robot.webhookUrl, timeoutMs: 10_000 })
      : new DingTalkRobotChannel({ webhookUrl: robot.webhookUrl, secret: robot.secret ?? '', timeoutMs: 10_000 });
  }

  /** The job: one POST to the robot. Failure is recorded at once, then thrown so the jobs platform retries. */
  async send(postId: string, job?: JobInfo): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT p.status, p.notice_id, n.title, n.body, p.robot_id FROM notice_robot_posts p JOIN notices n ON n.id = p.notice_id WHERE p.id = $1`,
      [postId],
    );
    if (!row || row.status === 'sent') return;
    const robot = await this.dataSource.manager.findOneBy(NoticeRobot, { id: row.robot_id });
    if (!robot) return;
    const prefix = robot.keyword && !`${row.title}${row.body}`.includes(robot.keyword) ? `【${robot.keyword}】` : '';
    const body = row.body.length > BODY_LIMIT ? `${row.body.slice(0, BODY_LIMIT)}…` : row.body;
    try {
      await this.adapter(robot).send({
        outboxKey: postId,
        channel: robot.kind,
        address: robot.name,
        title: `${prefix}【通知】${row.title}`,
        body,
        link: `${this.config.publicUrl}/information/notices/${row.notice_id}`,
      });
      await this.dataSource.query(
        `UPDATE notice_robot_posts SET status = 'sent', attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE id = $1`,
        [postId],
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(
        `UPDATE notice_robot_posts SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1`,
        [postId, message.slice(0, 1000)],
      );
      this.logger.warn(`robot posting ${postId} failed: ${message}`);
      if (!job || job.retryCount < job.retryLimit) throw error;
    }
  }
}
