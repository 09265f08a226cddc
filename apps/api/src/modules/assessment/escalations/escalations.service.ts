import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ESCALATION_CATEGORIES,
  ESCALATION_DEFAULT_ANSWER_WORKING_DAYS,
  ESCALATION_ERRORS,
  ESCALATION_TRANSITIONS,
  escalationActionsFrom,
  PERMISSIONS,
  type EscalationCategory,
} from '@xiaoban/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { escapeLike } from '../../../platform/http/sql';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { Escalation, EscalationRoute } from './escalation.entities';
import type {
  AnswerEscalationDto,
  EscalationDto,
  EscalationRouteDto,
  QueryEscalationsDto,
  ReportEscalationDto,
  SetEscalationRouteDto,
} from './escalations.dto';
import { toRef } from '../../../platform/org/refs';

export const ESCALATION = 'escalation';
export const ESCALATION_OVERDUE_JOB = 'assessment-escalation-overdue';
/** The audit action of the overdue alert; its entry per escalation is also what makes the alert go out once. */
const OVERDUE_ACTION = 'assessment.escalation.overdue';

const link = (id: string) => `/assessment/escalations?open=${id}`;

/**
 * Escalation (问题上报, REQ-1): anyone reports; the category's route names the leader, who gets it
 * in their inbox and answers. Overdue is worked out at read time from the due time fixed when it
 * was reported (the category's working days by the school calendar). An hourly job tells the
 * leader and the office once about each one left unanswered past its due time.
 */
@Injectable()
export class EscalationsService implements OnModuleInit {
  private readonly logger = new Logger('Escalations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly inbox: InboxService,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.access.register(ESCALATION, {
      table: 'escalations',
      named: (o, me) => `${o}.reported_by = ${me} OR ${o}.leader_id = ${me}`,
      changers: (o, me) => `${o}.leader_id = ${me}`,
    });
    this.jobs.register({
      name: ESCALATION_OVERDUE_JOB,
      cron: '0 * * * *',
      handler: async () => {
        await this.alertOverdue();
      },
    });
  }

  /** The routing table: every category, with its leader where the office has set one. */
  async routes(): Promise<EscalationRouteDto[]> {
    const rows = await this.dataSource.manager.find(EscalationRoute, { relations: { leader: true } });
    const byCategory = new Map(rows.map((r) => [r.category, r]));
    return ESCALATION_CATEGORIES.map((category) => {
      const route = byCategory.get(category);
      return {
        category,
        leader: toRef(route?.leader),
        answerWorkingDays: route?.answerWorkingDays ?? ESCALATION_DEFAULT_ANSWER_WORKING_DAYS,
      };
    });
  }

  async setRoute(category: string, dto: SetEscalationRouteDto, ctx: RequestContext): Promise<EscalationRouteDto[]> {
    if (!(ESCALATION_CATEGORIES as readonly string[]).includes(category)) {
      throw badRequest('Unknown category', { category: [`one of ${ESCALATION_CATEGORIES.join(', ')}`] });
    }
    await this.dataSource.transaction(async (manager) => {
      const [leader] = await manager.query(`SELECT id FROM users WHERE id = $1 AND active`, [dto.leaderId]);
      if (!leader) throw badRequest('No such person', { leaderId: ['no active account has this id'] });
      await manager.upsert(
        EscalationRoute,
        { category: category as EscalationCategory, leaderId: dto.leaderId, answerWorkingDays: dto.answerWorkingDays },
        ['category'],
      );
      await this.audit.record(manager, ctx, {
        action: 'assessment.escalation.route',
        objectType: 'escalation-route',
        objectId: null,
        details: { category, leaderId: dto.leaderId, answerWorkingDays: dto.answerWorkingDays },
      });
    });
    return this.routes();
  }

  async report(dto: ReportEscalationDto, ctx: RequestContext): Promise<EscalationDto> {
    return this.dataSource.transaction(async (manager) => {
      const route = await manager.findOneBy(EscalationRoute, { category: dto.category });
      if (!route) {
        throw conflict(ESCALATION_ERRORS.ESCALATION_UNROUTED, 'No leader is set for this category yet', {
          category: ['no leader is set for this category'],
        });
      }
      const dueAt = await this.calendar.deadlineEnd(new Date(), route.answerWorkingDays, manager);
      const escalation = manager.create(Escalation, {
        ...dto,
        reportedById: ctx.actor!.id,
        leaderId: route.leaderId,
        status: 'submitted',
        dueAt,
      });
      await manager.insert(Escalation, escalation);
      await this.inbox.open(manager, {
        assigneeId: route.leaderId,
        sourceType: ESCALATION,
        sourceId: escalation.id,
        title: `【问题上报】${dto.description.slice(0, 40)}`,
        link: link(escalation.id),
        dueAt,
      });
      await this.audit.record(manager, ctx, {
        action: 'assessment.escalation.report',
        objectType: ESCALATION,
        objectId: escalation.id,
        details: { category: dto.category, channel: dto.channel, leaderId: route.leaderId },
      });
      return this.get(escalation.id, ctx, manager);
    });
  }

  private query(manager: EntityManager): SelectQueryBuilder<Escalation> {
    return manager
      .createQueryBuilder(Escalation, 'e')
      .leftJoinAndSelect('e.reportedBy', 'reportedBy')
      .leftJoinAndSelect('e.leader', 'leader');
  }

  async list(query: QueryEscalationsDto, viewer: Principal): Promise<Page<EscalationDto>> {
    const visible = this.access.visibleWhere(viewer, ESCALATION, 'e');
    const qb = this.query(this.dataSource.manager)
      .where(visible.sql, visible.params)
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'ASC');
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.category) qb.andWhere('e.category = :category', { category: query.category });
    if (query.overdue) qb.andWhere(`((e.answered_at IS NULL AND e.due_at < now()) OR e.answered_at > e.due_at)`);
    if (query.q) qb.andWhere('(e.description ILIKE :q OR e.proposed_solution ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return paginate(qb, query, (e) => this.toDto(e, viewer));
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<EscalationDto> {
    await this.access.assertCanRead(ctx.actor!, { type: ESCALATION, id }, ctx, manager);
    const escalation = await this.query(manager).where('e.id = :id', { id }).getOne();
    if (!escalation) throw notFound(ESCALATION);
    return this.toDto(escalation, ctx.actor!);
  }

  /** The leader answers; their inbox item closes and the clock stops. */
  async answer(id: string, dto: AnswerEscalationDto, ctx: RequestContext): Promise<EscalationDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: ESCALATION, id }, ctx, manager);
      const escalation = await manager.findOne(Escalation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!escalation || escalation.leaderId !== ctx.actor!.id) throw notFound(ESCALATION);
      if (!ESCALATION_TRANSITIONS.answer.from.includes(escalation.status)) {
        throw conflict(ESCALATION_ERRORS.ESCALATION_ILLEGAL_MOVE, 'This escalation was already answered');
      }
      await updateVersioned(
        manager,
        Escalation,
        id,
        dto.version,
        { status: ESCALATION_TRANSITIONS.answer.to, answer: dto.answer, answeredAt: new Date() },
        ESCALATION,
      );
      await this.inbox.close(manager, { sourceType: ESCALATION, sourceId: id });
      await this.audit.record(manager, ctx, { action: 'assessment.escalation.answer', objectType: ESCALATION, objectId: id });
      return this.get(id, ctx, manager);
    });
  }

  /**
   * The overdue job: each escalation still unanswered past its due time is alerted once, to its
   * leader and to the office. The entity keeps no alert flag, so the system's audit entry for the
   * escalation is the record that it was alerted (no migration for a fact the audit log holds);
   * runs take a transaction lock so two of them cannot both miss the other's entries. `now` is for tests.
   */
  async alertOverdue(now: Date = new Date()): Promise<{ alerted: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [ESCALATION_OVERDUE_JOB]);
      const due: { id: string; leader_id: string; description: string; due_at: Date }[] = await manager.query(
        `SELECT e.id, e.leader_id, e.description, e.due_at FROM escalations e
          WHERE e.status = 'submitted' AND e.due_at < $1
            AND NOT EXISTS (SELECT 1 FROM audit_log a
                             WHERE a.object_type = $2 AND a.object_id = e.id::text AND a.action = $3)
          ORDER BY e.due_at, e.id`,
        [now, ESCALATION, OVERDUE_ACTION],
      );
      if (!due.length) return { alerted: [] };
      const office: { id: string }[] = await manager.query(
        `SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
          WHERE u.active AND $1 = ANY(r.permissions)`,
        [PERMISSIONS.ASSESSMENT_ESCALATIONS_MANAGE],
      );
      for (const e of due) {
        await this.notifications.notify(manager, {
          recipientIds: [...new Set([e.leader_id, ...office.map((o) => o.id)])],
          kind: 'assessment.escalation.overdue',
          title: `【问题上报超时】${e.description.slice(0, 40)}`,
          body: '该问题上报已超过答复时限仍未答复，请尽快处理。',
          link: link(e.id),
        });
        await this.audit.record(manager, SYSTEM_CONTEXT, {
          action: OVERDUE_ACTION,
          objectType: ESCALATION,
          objectId: e.id,
          details: { leaderId: e.leader_id, dueAt: e.due_at },
        });
      }
      this.logger.log(`Alerted ${due.length} overdue escalation(s)`);
      return { alerted: due.map((e) => e.id) };
    });
  }

  private toDto(e: Escalation, viewer: Principal): EscalationDto {
    return {
      id: e.id,
      category: e.category,
      description: e.description,
      proposedSolution: e.proposedSolution,
      channel: e.channel,
      reportedBy: toRef(e.reportedBy)!,
      leader: toRef(e.leader)!,
      status: e.status,
      createdAt: e.createdAt,
      dueAt: e.dueAt,
      answer: e.answer,
      answeredAt: e.answeredAt,
      overdue: e.answeredAt ? e.answeredAt > e.dueAt : Date.now() > e.dueAt.getTime(),
      actions: e.leaderId === viewer.id ? escalationActionsFrom(e.status) : [],
      version: e.version,
    };
  }
}
