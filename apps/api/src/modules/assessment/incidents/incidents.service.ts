import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INCIDENT_ERRORS, INCIDENT_TRANSITIONS, incidentActionsFrom } from '@xiaoban/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { escapeLike } from '../../../platform/http/sql';
import type { RequestContext } from '../../../platform/http/request-context';
import { ImprovementService } from '../improvement/improvement.service';
import { Incident } from './incident.entity';
import type { IncidentDto, QueryIncidentsDto, RecordIncidentDto, ReviewIncidentDto } from './incidents.dto';
import { toRef } from '../../../platform/org/refs';

export const INCIDENT = 'incident';

/**
 * The incident register (突发情况, REQ-5). Every route needs assessment.incidents.manage (the
 * office), so there is no row-level rule. The review turns lessons into improvement measures
 * (ASM-5) in the same transaction: the review, the problem and its measures commit together.
 */
@Injectable()
export class IncidentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly improvement: ImprovementService,
  ) {}

  async record(dto: RecordIncidentDto, ctx: RequestContext): Promise<IncidentDto> {
    if (dto.occurredAt.getTime() > Date.now() + 60_000)
      throw badRequest('An incident cannot be in the future', { occurredAt: ['in the future'] });
    return this.dataSource.transaction(async (manager) => {
      const incident = manager.create(Incident, { ...dto, status: 'recorded', recordedById: ctx.actor!.id });
      await manager.insert(Incident, incident);
      await this.audit.record(manager, ctx, {
        action: 'assessment.incident.record',
        objectType: INCIDENT,
        objectId: incident.id,
        details: { severity: dto.severity },
      });
      return this.get(incident.id, manager);
    });
  }

  private query(manager: EntityManager): SelectQueryBuilder<Incident> {
    return manager
      .createQueryBuilder(Incident, 'i')
      .leftJoinAndSelect('i.recordedBy', 'recordedBy')
      .leftJoinAndSelect('i.reviewedBy', 'reviewedBy');
  }

  list(query: QueryIncidentsDto): Promise<Page<IncidentDto>> {
    const qb = this.query(this.dataSource.manager).orderBy('i.occurredAt', 'DESC').addOrderBy('i.id', 'ASC');
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.severity) qb.andWhere('i.severity = :severity', { severity: query.severity });
    if (query.q) qb.andWhere('(i.title ILIKE :q OR i.location ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return paginate(qb, query, (i) => this.toDto(i));
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<IncidentDto> {
    const incident = await this.query(manager).where('i.id = :id', { id }).getOne();
    if (!incident) throw notFound(INCIDENT);
    return this.toDto(incident);
  }

  /** 事后总结: with lessons, an improvement problem (source incident_review) with one measure per lesson. */
  async review(id: string, dto: ReviewIncidentDto, ctx: RequestContext): Promise<IncidentDto> {
    return this.dataSource.transaction(async (manager) => {
      const incident = await manager.findOne(Incident, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!incident) throw notFound(INCIDENT);
      if (!INCIDENT_TRANSITIONS.review.from.includes(incident.status)) {
        throw conflict(INCIDENT_ERRORS.INCIDENT_ILLEGAL_MOVE, 'This incident was already reviewed');
      }
      const problemId = dto.lessons.length
        ? await this.improvement.createWithin(manager, ctx, {
            title: incident.title,
            description: `${incident.description}\n\n${dto.summary}`,
            source: 'incident_review',
            sourceRefId: incident.id,
            rootCause: dto.summary,
            measures: dto.lessons,
            measuresField: 'lessons',
          })
        : null;
      await updateVersioned(
        manager,
        Incident,
        id,
        dto.version,
        {
          status: INCIDENT_TRANSITIONS.review.to,
          reviewSummary: dto.summary,
          reviewedAt: new Date(),
          reviewedById: ctx.actor!.id,
          improvementProblemId: problemId,
        },
        INCIDENT,
      );
      await this.audit.record(manager, ctx, {
        action: 'assessment.incident.review',
        objectType: INCIDENT,
        objectId: id,
        details: { lessons: dto.lessons.length, improvementProblemId: problemId },
      });
      return this.get(id, manager);
    });
  }

  private toDto(i: Incident): IncidentDto {
    return {
      id: i.id,
      title: i.title,
      description: i.description,
      location: i.location,
      occurredAt: i.occurredAt,
      handledBy: i.handledBy,
      stepsTaken: i.stepsTaken,
      outcome: i.outcome,
      severity: i.severity,
      status: i.status,
      recordedBy: toRef(i.recordedBy)!,
      reviewSummary: i.reviewSummary,
      reviewedAt: i.reviewedAt,
      reviewedBy: toRef(i.reviewedBy),
      improvementProblemId: i.improvementProblemId,
      actions: incidentActionsFrom(i.status),
      version: i.version,
    };
  }
}
