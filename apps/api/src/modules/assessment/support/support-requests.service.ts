import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PERMISSIONS,
  SUPPORT_REQUEST_ERRORS,
  SUPPORT_REQUEST_TRANSITIONS,
  supportRequestActionsFrom,
  type SupportRequestAction,
} from '@xiaoban/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { escapeLike, returnedRows } from '../../../platform/http/sql';
import type { RequestContext } from '../../../platform/http/request-context';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { SupportRequest } from './support-request.entity';
import type {
  CompleteSupportRequestDto,
  QuerySupportRequestsDto,
  RequestSupportDto,
  RespondSupportRequestDto,
  SupportRequestDto,
} from './support-requests.dto';
import { toRef } from '../../../platform/org/refs';

export const SUPPORT_REQUEST = 'support-request';
export const SUPPORT_BREACH_JOB = 'assessment-support-breaches';

const link = (id: string) => `/assessment/support?open=${id}`;
const HOUR = 3_600_000;

/**
 * Support requests between departments (REQ-2). The asker's department asks a target
 * department; its head gets the request in their inbox; the target department responds within
 * the deadline and completes it. Only the members of the two departments and the office see it.
 */
@Injectable()
export class SupportRequestsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly inbox: InboxService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.access.register(SUPPORT_REQUEST, {
      table: 'support_requests',
      named: (o, me) =>
        `${o}.requested_by = ${me} OR ${o}.handler_id = ${me} OR EXISTS (SELECT 1 FROM users su WHERE su.id = ${me}
          AND su.department_id IN (${o}.requesting_department_id, ${o}.target_department_id))`,
    });
    this.jobs.register({
      name: SUPPORT_BREACH_JOB,
      cron: '0 8 * * *',
      handler: async () => {
        await this.flagBreaches();
      },
    });
  }

  async request(dto: RequestSupportDto, ctx: RequestContext): Promise<SupportRequestDto> {
    const from = ctx.actor!.departmentId;
    if (!from)
      throw badRequest('Only a member of a department can ask for support', { targetDepartmentId: ['you belong to no department'] });
    if (from === dto.targetDepartmentId) {
      throw badRequest('A department does not ask itself', { targetDepartmentId: ['choose another department than your own'] });
    }
    if ((dto.responseHours === undefined) === (dto.responseWorkingDays === undefined)) {
      const message = 'give the deadline in hours or in working days, one of the two';
      throw badRequest('Response deadline', { responseHours: [message], responseWorkingDays: [message] });
    }
    return this.dataSource.transaction(async (manager) => {
      const [target]: { id: string; name: string; head_id: string | null }[] = await manager.query(
        `SELECT d.id, d.name, d.head_id FROM departments d JOIN users u ON u.id = d.head_id AND u.active WHERE d.id = $1`,
        [dto.targetDepartmentId],
      );
      if (!target?.head_id) {
        throw badRequest('No department with a head to answer', { targetDepartmentId: ['no such department, or it has no head'] });
      }
      const now = new Date();
      const responseDueAt = dto.responseHours
        ? new Date(now.getTime() + dto.responseHours * HOUR)
        : await this.calendar.deadlineEnd(now, dto.responseWorkingDays!, manager);
      const request = manager.create(SupportRequest, {
        title: dto.title,
        detail: dto.detail,
        requestingDepartmentId: from,
        targetDepartmentId: target.id,
        requestedById: ctx.actor!.id,
        handlerId: target.head_id,
        responseDueAt,
        status: 'open',
      });
      await manager.insert(SupportRequest, request);
      await this.inbox.open(manager, {
        assigneeId: target.head_id,
        sourceType: SUPPORT_REQUEST,
        sourceId: request.id,
        title: `【部门协作】${dto.title}`,
        link: link(request.id),
        dueAt: responseDueAt,
      });
      await this.audit.record(manager, ctx, {
        action: 'assessment.support.request',
        objectType: SUPPORT_REQUEST,
        objectId: request.id,
        details: { targetDepartmentId: target.id, responseDueAt: responseDueAt.toISOString() },
      });
      return this.get(request.id, ctx, manager);
    });
  }

  private query(manager: EntityManager): SelectQueryBuilder<SupportRequest> {
    return manager
      .createQueryBuilder(SupportRequest, 's')
      .leftJoinAndSelect('s.requestingDepartment', 'requestingDepartment')
      .leftJoinAndSelect('s.targetDepartment', 'targetDepartment')
      .leftJoinAndSelect('s.requestedBy', 'requestedBy')
      .leftJoinAndSelect('s.handler', 'handler')
      .leftJoinAndSelect('s.respondedBy', 'respondedBy');
  }

  async list(query: QuerySupportRequestsDto, viewer: Principal): Promise<Page<SupportRequestDto>> {
    const visible = this.access.visibleWhere(viewer, SUPPORT_REQUEST, 's');
    const qb = this.query(this.dataSource.manager)
      .where(visible.sql, visible.params)
      .orderBy('s.createdAt', 'DESC')
      .addOrderBy('s.id', 'ASC');
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.direction) {
      const column = query.direction === 'incoming' ? 's.target_department_id' : 's.requesting_department_id';
      qb.andWhere(`${column} = :myDepartment`, { myDepartment: viewer.departmentId });
    }
    if (query.breached) qb.andWhere(`((s.responded_at IS NULL AND s.response_due_at < now()) OR s.responded_at > s.response_due_at)`);
    if (query.q) qb.andWhere('(s.title ILIKE :q OR s.detail ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return paginate(qb, query, (s) => this.toDto(s, viewer));
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<SupportRequestDto> {
    await this.access.assertCanRead(ctx.actor!, { type: SUPPORT_REQUEST, id }, ctx, manager);
    const request = await this.query(manager).where('s.id = :id', { id }).getOne();
    if (!request) throw notFound(SUPPORT_REQUEST);
    return this.toDto(request, ctx.actor!);
  }

  /** The target department acknowledges and answers; the response clock stops; the head's inbox item closes. */
  async respond(id: string, dto: RespondSupportRequestDto, ctx: RequestContext): Promise<SupportRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForMove(manager, id, 'respond', ctx);
      await updateVersioned(
        manager,
        SupportRequest,
        id,
        dto.version,
        { status: SUPPORT_REQUEST_TRANSITIONS.respond.to, response: dto.response, respondedAt: new Date(), respondedById: ctx.actor!.id },
        SUPPORT_REQUEST,
      );
      await this.inbox.close(manager, { sourceType: SUPPORT_REQUEST, sourceId: id });
      await this.audit.record(manager, ctx, { action: 'assessment.support.respond', objectType: SUPPORT_REQUEST, objectId: id });
      return this.get(id, ctx, manager);
    });
  }

  async complete(id: string, dto: CompleteSupportRequestDto, ctx: RequestContext): Promise<SupportRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForMove(manager, id, 'complete', ctx);
      await updateVersioned(
        manager,
        SupportRequest,
        id,
        dto.version,
        { status: SUPPORT_REQUEST_TRANSITIONS.complete.to, completedAt: new Date() },
        SUPPORT_REQUEST,
      );
      await this.audit.record(manager, ctx, { action: 'assessment.support.complete', objectType: SUPPORT_REQUEST, objectId: id });
      return this.get(id, ctx, manager);
    });
  }

  /**
   * The daily job: every request past its response deadline without a response is flagged once,
   * and the asker and the target's handler are told. Returns the ids flagged now.
   */
  async flagBreaches(): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = returnedRows<{ id: string; title: string; requested_by: string; handler_id: string }>(
        await manager.query(
          `UPDATE support_requests SET breach_notified_at = now()
            WHERE responded_at IS NULL AND response_due_at < now() AND breach_notified_at IS NULL
          RETURNING id, title, requested_by, handler_id`,
        ),
      );
      for (const row of rows) {
        await this.notifications.notify(manager, {
          recipientIds: [...new Set([row.requested_by, row.handler_id])],
          kind: 'assessment.support.breach',
          title: `【部门协作超时】${row.title}`,
          body: '该协作请求已超过响应时限仍未响应。',
          link: link(row.id),
        });
      }
      return rows.map((r) => r.id);
    });
  }

  private async lockForMove(
    manager: EntityManager,
    id: string,
    action: SupportRequestAction,
    ctx: RequestContext,
  ): Promise<SupportRequest> {
    await this.access.assertCanRead(ctx.actor!, { type: SUPPORT_REQUEST, id }, ctx, manager);
    const request = await manager.findOne(SupportRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!request || !this.mayAct(request, ctx.actor!)) throw notFound(SUPPORT_REQUEST);
    if (!SUPPORT_REQUEST_TRANSITIONS[action].from.includes(request.status)) {
      throw conflict(SUPPORT_REQUEST_ERRORS.SUPPORT_REQUEST_ILLEGAL_MOVE, `A request that is ${request.status} cannot take "${action}"`);
    }
    return request;
  }

  /** The target department (its members and the handler) answers and completes; the office may act for it. */
  private mayAct(request: SupportRequest, viewer: Principal): boolean {
    return (
      request.handlerId === viewer.id ||
      (viewer.departmentId !== null && viewer.departmentId === request.targetDepartmentId) ||
      viewer.permissions.has(PERMISSIONS.ASSESSMENT_ESCALATIONS_MANAGE)
    );
  }

  private toDto(s: SupportRequest, viewer: Principal): SupportRequestDto {
    return {
      id: s.id,
      title: s.title,
      detail: s.detail,
      requestingDepartment: toRef(s.requestingDepartment)!,
      targetDepartment: toRef(s.targetDepartment)!,
      requestedBy: toRef(s.requestedBy)!,
      handler: toRef(s.handler)!,
      status: s.status,
      createdAt: s.createdAt,
      responseDueAt: s.responseDueAt,
      response: s.response,
      respondedAt: s.respondedAt,
      respondedBy: toRef(s.respondedBy),
      completedAt: s.completedAt,
      breached: s.respondedAt ? s.respondedAt > s.responseDueAt : Date.now() > s.responseDueAt.getTime(),
      actions: this.mayAct(s, viewer) ? supportRequestActionsFrom(s.status) : [],
      version: s.version,
    };
  }
}
