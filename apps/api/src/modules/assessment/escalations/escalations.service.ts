import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ESCALATION_CATEGORIES,
  ESCALATION_DEFAULT_ANSWER_WORKING_DAYS,
  ESCALATION_ERRORS,
  ESCALATION_TRANSITIONS,
  escalationActionsFrom,
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
import type { RequestContext } from '../../../platform/http/request-context';
import { InboxService } from '../../../platform/inbox/inbox.service';
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

const link = (id: string) => `/assessment/escalations?open=${id}`;

/**
 * Escalation (问题上报, REQ-1): anyone reports; the category's route names the leader, who gets it
 * in their inbox and answers. Overdue is worked out at read time from the due time fixed when it
 * was reported (the category's working days by the school calendar).
 */
@Injectable()
export class EscalationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly inbox: InboxService,
  ) {}

  onModuleInit(): void {
    this.access.register(ESCALATION, {
      table: 'escalations',
      named: (o, me) => `${o}.reported_by = ${me} OR ${o}.leader_id = ${me}`,
      changers: (o, me) => `${o}.leader_id = ${me}`,
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
