import { HttpStatus, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MEETING_MINUTES_ERRORS,
  SECRECY_LABELS,
  applyTaskProgress,
  clearanceCovers,
  resolutionDone,
  schoolDateOf,
  schoolTimeToInstant,
  type SecrecyLevel,
} from '@xiaoban/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AccessService, type Viewer } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { rowSource, type RowSource } from '../../../platform/excel/row-source';
import { ApiError, badRequest, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { escapeLike } from '../../../platform/http/sql';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { MEETING } from '../bookings/bookings.service';
import { Meeting } from '../meetings/meeting.entity';
import type {
  CreateResolutionDto,
  QueryResolutionReportDto,
  ResolutionDto,
  ResolutionReportRowDto,
  ResolutionTaskDetailDto,
  ResolutionTaskDto,
  TaskProgressDto,
} from './resolution.dto';
import { MeetingResolution, MeetingResolutionTask, MeetingResolutionTaskUpdate } from './resolution.entity';
import { toRefOrDash } from '../../../platform/org/refs';

/** The inbox source type of a resolution task (落实任务). */
export const RESOLUTION_TASK = 'meeting-resolution-task';
/** Daily: reminders of tasks past their deadline (MTG-9). */
export const RESOLUTION_REMINDER_JOB = 'meeting-resolution-overdue-reminders';

const taskLink = (id: string) => `/meetings/resolution-tasks/${id}`;

/**
 * Resolutions (决议, MTG-9): recorded on a meeting by its organiser, each broken into tasks with an
 * owner and a deadline. A task is an inbox item of its owner until done; owners post progress; a
 * daily job reminds the owners of overdue tasks once a day. Leaders see every resolution of the
 * meetings they may see, with its tasks' state (report, Excel). Open resolutions carry over to the
 * next meetings of the same type as a computed agenda section (上次决议落实情况, see `carriedOverTo`).
 *
 * Visibility follows the meeting: whoever may see the meeting sees its resolutions and tasks; a
 * task's owner sees their task (an owner of a classified meeting's task must be cleared for it).
 */
@Injectable()
export class ResolutionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: RESOLUTION_REMINDER_JOB,
      cron: '0 8 * * *',
      handler: async () => {
        await this.sendOverdueReminders();
      },
    });
  }

  private today(): string {
    return schoolDateOf(new Date(), this.config.schoolTimeZone);
  }

  /** The end of a deadline's school day: the inbox shows a task overdue from the next day on. */
  private endOf(dueOn: string): Date {
    return schoolTimeToInstant(dueOn, '23:59:59', this.config.schoolTimeZone);
  }

  // ---------- recording ----------

  /** Records a resolution and its tasks; each task opens an item in its owner's inbox. */
  async create(meetingId: string, dto: CreateResolutionDto, ctx: RequestContext): Promise<ResolutionDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: MEETING, id: meetingId }, ctx, manager);
      // Locked so that two resolutions recorded at once get consecutive numbers.
      const meeting = await manager
        .createQueryBuilder(Meeting, 'm')
        .setLock('pessimistic_write')
        .where('m.id = :id', { id: meetingId })
        .getOneOrFail();
      await this.assertOwners(manager, dto, meeting.secrecy);
      const [{ seq }] = await manager.query('SELECT coalesce(max(seq), 0) + 1 AS seq FROM meeting_resolutions WHERE meeting_id = $1', [
        meetingId,
      ]);
      const resolution = manager.create(MeetingResolution, { meetingId, seq, text: dto.text, createdById: ctx.actor!.id });
      await manager.insert(MeetingResolution, resolution);
      const classified = meeting.secrecy !== 'none';
      for (const input of dto.tasks) {
        const task = manager.create(MeetingResolutionTask, {
          resolutionId: resolution.id,
          ownerId: input.ownerId,
          description: input.description || null,
          dueOn: input.dueOn,
          status: 'open',
          percent: 0,
        });
        await manager.insert(MeetingResolutionTask, task);
        // A classified meeting's task names neither meeting nor resolution outside the panel.
        const title = classified ? `决议落实任务（${input.dueOn}前）` : `决议落实：${input.description || dto.text}`.slice(0, 200);
        await this.inbox.open(manager, {
          assigneeId: input.ownerId,
          sourceType: RESOLUTION_TASK,
          sourceId: task.id,
          title,
          link: taskLink(task.id),
          dueAt: this.endOf(input.dueOn),
        });
        await this.notifications.notify(manager, {
          recipientIds: [input.ownerId],
          kind: 'meeting.resolution.task',
          title: `【决议落实】${classified ? '您有一项会议决议落实任务' : meeting.title}`,
          body: classified
            ? `完成时限：${input.dueOn}。请登录系统查看。`
            : `决议：${dto.text}\n任务：${input.description ?? ''}\n完成时限：${input.dueOn}`,
          link: taskLink(task.id),
        });
      }
      await this.audit.record(manager, ctx, {
        action: 'meeting.resolution.create',
        objectType: MEETING,
        objectId: meetingId,
        details: { resolutionId: resolution.id, seq, tasks: dto.tasks.map((t) => ({ ownerId: t.ownerId, dueOn: t.dueOn })) },
      });
      return resolution.id;
    });
    const [row] = await this.resolutionsOf(this.dataSource.manager, [id]);
    return row;
  }

  /** The resolutions of a meeting, in order, with their tasks. */
  async listForMeeting(meetingId: string, ctx: RequestContext): Promise<ResolutionDto[]> {
    await this.access.assertCanRead(ctx.actor!, { type: MEETING, id: meetingId }, ctx);
    const ids: { id: string }[] = await this.dataSource.query('SELECT id FROM meeting_resolutions WHERE meeting_id = $1 ORDER BY seq', [
      meetingId,
    ]);
    return this.resolutionsOf(
      this.dataSource.manager,
      ids.map((r) => r.id),
    );
  }

  /** A task with its resolution, meeting and progress log: for its owner, and whoever may see the meeting. */
  async getTask(taskId: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<ResolutionTaskDetailDto> {
    const task = await manager.findOne(MeetingResolutionTask, { where: { id: taskId }, relations: { owner: true, resolution: true } });
    if (!task) throw notFound(RESOLUTION_TASK);
    const me = ctx.actor!;
    const meetingRef = { type: MEETING, id: task.resolution!.meetingId };
    if (task.ownerId !== me.id) await this.access.assertCanRead(me, meetingRef, ctx, manager);
    const [resolution] = await this.reportRows(manager, [task.resolutionId]);
    const updates = await manager.find(MeetingResolutionTaskUpdate, {
      where: { taskId },
      relations: { recordedBy: true },
      order: { recordedAt: 'ASC', id: 'ASC' },
    });
    return {
      ...this.toTaskDto(task, this.today()),
      resolution,
      updates: updates.map((u) => ({
        id: u.id,
        note: u.note,
        percent: u.percent,
        status: u.status,
        recordedBy: toRefOrDash(u.recordedBy),
        recordedAt: u.recordedAt.toISOString(),
      })),
      canUpdate: task.ownerId === me.id || (await this.access.canChange(me, meetingRef, manager)),
    };
  }

  /** A progress update by the owner (or the meeting's organiser): a note, and a percent or a state. Done closes the inbox item. */
  async progress(taskId: string, dto: TaskProgressDto, ctx: RequestContext): Promise<ResolutionTaskDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const me = ctx.actor!;
      const task = await manager
        .createQueryBuilder(MeetingResolutionTask, 't')
        .setLock('pessimistic_write')
        .innerJoinAndSelect('t.resolution', 'r')
        .where('t.id = :id', { id: taskId })
        .getOne();
      if (!task) throw notFound(RESOLUTION_TASK);
      if (task.ownerId !== me.id) {
        const meetingRef = { type: MEETING, id: task.resolution!.meetingId };
        await this.access.assertCanRead(me, meetingRef, ctx, manager);
        if (!(await this.access.canChange(me, meetingRef, manager))) {
          throw new ApiError(HttpStatus.FORBIDDEN, MEETING_MINUTES_ERRORS.NOT_THE_TASK_OWNER, 'Only the task’s owner records its progress');
        }
      }
      const next = applyTaskProgress({ status: task.status, percent: task.percent }, dto);
      await manager.insert(MeetingResolutionTaskUpdate, {
        taskId,
        note: dto.note,
        percent: next.percent,
        status: next.status,
        recordedById: me.id,
      });
      await manager.query(
        'UPDATE meeting_resolution_tasks SET status = $2, percent = $3, version = version + 1, updated_at = now() WHERE id = $1',
        [taskId, next.status, next.percent],
      );
      if (next.status === 'done') await this.inbox.close(manager, { sourceType: RESOLUTION_TASK, sourceId: taskId });
      else if (task.status === 'done') {
        // Reopened: the task is work again.
        await this.inbox.open(manager, {
          assigneeId: task.ownerId,
          sourceType: RESOLUTION_TASK,
          sourceId: taskId,
          title: `决议落实：${task.description || task.resolution!.text}`.slice(0, 200),
          link: taskLink(taskId),
          dueAt: this.endOf(task.dueOn),
        });
      }
      await this.audit.record(manager, ctx, {
        action: 'meeting.resolution.progress',
        objectType: MEETING,
        objectId: task.resolution!.meetingId,
        details: { taskId, from: { status: task.status, percent: task.percent }, to: next },
      });
      return this.getTask(taskId, ctx, manager);
    });
  }

  /**
   * The daily reminder (MTG-9): each task not done and past its deadline reminds its owner, once
   * per task per day. `today` is for tests. Returns how many tasks were reminded.
   */
  async sendOverdueReminders(today: string = this.today()): Promise<{ reminded: number }> {
    return this.dataSource.transaction(async (manager) => {
      const due: { id: string; owner_id: string; due_on: string; text: string; title: string; secrecy: SecrecyLevel }[] =
        await manager.query(
          `SELECT t.id, t.owner_id, to_char(t.due_on, 'YYYY-MM-DD') AS due_on, r.text, m.title, m.secrecy
           FROM meeting_resolution_tasks t
           JOIN meeting_resolutions r ON r.id = t.resolution_id
           JOIN meetings m ON m.id = r.meeting_id
          WHERE t.status <> 'done' AND t.due_on < $1::date
            AND (t.reminded_overdue_on IS NULL OR t.reminded_overdue_on < $1::date)
          FOR UPDATE OF t SKIP LOCKED`,
          [today],
        );
      for (const task of due) {
        const classified = task.secrecy !== 'none';
        await this.notifications.notify(manager, {
          recipientIds: [task.owner_id],
          kind: 'meeting.resolution.overdue',
          title: '【逾期提醒】会议决议落实任务',
          body: classified
            ? `您的一项会议决议落实任务完成时限为${task.due_on}，已逾期，请登录系统登记进展。`
            : `「${task.title}」决议「${task.text}」的落实任务完成时限为${task.due_on}，已逾期，请尽快推进并登记进展。`,
          link: taskLink(task.id),
        });
      }
      if (due.length) {
        await manager.query('UPDATE meeting_resolution_tasks SET reminded_overdue_on = $2 WHERE id = ANY($1::uuid[])', [
          due.map((t) => t.id),
          today,
        ]);
      }
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'meeting.resolution.overdue-reminders',
        objectType: MEETING,
        details: { reminded: due.length, today },
      });
      return { reminded: due.length };
    });
  }

  // ---------- the leaders' report ----------

  private reportQuery(query: QueryResolutionReportDto, viewer: Viewer): SelectQueryBuilder<MeetingResolution> {
    const visible = this.access.visibleWhere(viewer, MEETING, 'm');
    const zone = this.config.schoolTimeZone;
    const qb = this.dataSource.manager
      .createQueryBuilder(MeetingResolution, 'r')
      // Selected (not only joined): paging by skip/take orders by the meeting's time.
      .innerJoinAndSelect('r.meeting', 'm')
      .where(visible.sql, visible.params)
      .andWhere(`m.status <> 'cancelled'`)
      .orderBy('m.startsAt', 'DESC')
      .addOrderBy('r.seq', 'ASC')
      .addOrderBy('r.id', 'ASC');
    const notDone = `EXISTS (SELECT 1 FROM meeting_resolution_tasks t WHERE t.resolution_id = r.id AND t.status <> 'done')`;
    if (query.state === 'open')
      qb.andWhere(`(${notDone} OR NOT EXISTS (SELECT 1 FROM meeting_resolution_tasks t WHERE t.resolution_id = r.id))`);
    if (query.state === 'done')
      qb.andWhere(`NOT ${notDone} AND EXISTS (SELECT 1 FROM meeting_resolution_tasks t WHERE t.resolution_id = r.id)`);
    if (query.overdue) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM meeting_resolution_tasks t WHERE t.resolution_id = r.id AND t.status <> 'done' AND t.due_on < :today)`,
        { today: this.today() },
      );
    }
    if (query.ownerId) {
      qb.andWhere(`EXISTS (SELECT 1 FROM meeting_resolution_tasks t WHERE t.resolution_id = r.id AND t.owner_id = :owner)`, {
        owner: query.ownerId,
      });
    }
    if (query.typeCode) qb.andWhere('m.type_code = :type', { type: query.typeCode });
    if (query.from) qb.andWhere(`(m.starts_at AT TIME ZONE :zone)::date >= :from`, { zone, from: query.from });
    if (query.to) qb.andWhere(`(m.starts_at AT TIME ZONE :zone)::date <= :to`, { zone, to: query.to });
    if (query.q) qb.andWhere('(r.text ILIKE :q OR m.title ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return qb;
  }

  async report(query: QueryResolutionReportDto, viewer: Principal): Promise<Page<ResolutionReportRowDto>> {
    const page = await paginate(this.reportQuery(query, viewer), query, (r) => r.id);
    return { ...page, items: await this.reportRows(this.dataSource.manager, page.items) };
  }

  exportReport(query: QueryResolutionReportDto, viewer: Principal): RowSource<ResolutionReportRowDto> {
    return rowSource(this.reportQuery(query, viewer), (rows) =>
      this.reportRows(
        this.dataSource.manager,
        rows.map((r) => r.id),
      ),
    );
  }

  /**
   * 上次决议落实情况 (MTG-9): the resolutions still open of the earlier meetings of the same type
   * that the viewer may see. Computed when the meeting is read rather than copied into its agenda
   * when it is created, so that it always shows the tasks' current state and a resolution drops
   * out of it as soon as its last task is done.
   */
  async carriedOverTo(
    meeting: Pick<Meeting, 'id' | 'typeCode' | 'startsAt'>,
    viewer: Viewer,
    manager: EntityManager,
  ): Promise<ResolutionReportRowDto[]> {
    const visible = this.access.visibleWhere(viewer, MEETING, 'm');
    const rows: { id: string }[] = await manager
      .createQueryBuilder(MeetingResolution, 'r')
      .innerJoin('r.meeting', 'm')
      .select('r.id', 'id')
      .where(visible.sql, visible.params)
      .andWhere('m.type_code = :type AND m.starts_at < :startsAt AND m.id <> :id', {
        type: meeting.typeCode,
        startsAt: meeting.startsAt,
        id: meeting.id,
      })
      .andWhere(`m.status <> 'cancelled'`)
      .andWhere(
        `(EXISTS (SELECT 1 FROM meeting_resolution_tasks t WHERE t.resolution_id = r.id AND t.status <> 'done')
          OR NOT EXISTS (SELECT 1 FROM meeting_resolution_tasks t WHERE t.resolution_id = r.id))`,
      )
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('r.seq', 'ASC')
      .limit(200)
      .getRawMany();
    return this.reportRows(
      manager,
      rows.map((r) => r.id),
    );
  }

  // ---------- helpers ----------

  /** Resolutions by id, in the given order, with their tasks. */
  async resolutionsOf(manager: EntityManager, ids: string[]): Promise<ResolutionDto[]> {
    if (ids.length === 0) return [];
    const resolutions = await manager.createQueryBuilder(MeetingResolution, 'r').where('r.id IN (:...ids)', { ids }).getMany();
    const tasks = await manager
      .createQueryBuilder(MeetingResolutionTask, 't')
      .innerJoinAndSelect('t.owner', 'owner')
      .where('t.resolution_id IN (:...ids)', { ids })
      .orderBy('t.due_on', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
    const today = this.today();
    const byId = new Map(resolutions.map((r) => [r.id, r]));
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is MeetingResolution => Boolean(r))
      .map((r) => {
        const own = tasks.filter((t) => t.resolutionId === r.id).map((t) => this.toTaskDto(t, today));
        return { id: r.id, meetingId: r.meetingId, seq: r.seq, text: r.text, done: resolutionDone(own.map((t) => t.status)), tasks: own };
      });
  }

  private async reportRows(manager: EntityManager, ids: string[]): Promise<ResolutionReportRowDto[]> {
    const resolutions = await this.resolutionsOf(manager, ids);
    if (resolutions.length === 0) return [];
    const meetings: { id: string; title: string; type_name: string; starts_at: Date }[] = await manager.query(
      `SELECT m.id, m.title, t.name AS type_name, m.starts_at FROM meetings m JOIN meeting_types t ON t.code = m.type_code
        WHERE m.id = ANY($1::uuid[])`,
      [[...new Set(resolutions.map((r) => r.meetingId))]],
    );
    const meetingOf = new Map(meetings.map((m) => [m.id, m]));
    return resolutions.map((r) => {
      const m = meetingOf.get(r.meetingId)!;
      return {
        ...r,
        meeting: { id: m.id, title: m.title, typeName: m.type_name, startsAt: new Date(m.starts_at).toISOString() },
        taskCount: r.tasks.length,
        doneCount: r.tasks.filter((t) => t.status === 'done').length,
        overdueCount: r.tasks.filter((t) => t.overdue).length,
      };
    });
  }

  private toTaskDto(t: MeetingResolutionTask, today: string): ResolutionTaskDto {
    return {
      id: t.id,
      resolutionId: t.resolutionId,
      owner: toRefOrDash(t.owner),
      description: t.description,
      dueOn: t.dueOn,
      status: t.status,
      percent: t.percent,
      overdue: t.status !== 'done' && t.dueOn < today,
      version: t.version,
    };
  }

  private async assertOwners(manager: EntityManager, dto: CreateResolutionDto, secrecy: SecrecyLevel): Promise<void> {
    const ids = [...new Set(dto.tasks.map((t) => t.ownerId))];
    const rows: { id: string; name: string; clearance: SecrecyLevel }[] = await manager.query(
      'SELECT id, name, clearance FROM users WHERE id = ANY($1::uuid[]) AND active',
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    const errors: Record<string, string[]> = {};
    dto.tasks.forEach((t, i) => {
      const owner = found.get(t.ownerId);
      if (!owner) errors[`tasks.${i}.ownerId`] = ['no active account has this id'];
      else if (!clearanceCovers(owner.clearance, secrecy)) {
        errors[`tasks.${i}.ownerId`] = [`${owner.name} is not cleared for a ${SECRECY_LABELS[secrecy]['zh-CN']} meeting`];
      }
    });
    if (Object.keys(errors).length) throw badRequest('Some task owners cannot take the task', errors);
  }
}
