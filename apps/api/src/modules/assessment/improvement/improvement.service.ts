import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  IMPROVEMENT_ALL_MEASURES_DONE,
  IMPROVEMENT_ERRORS,
  IMPROVEMENT_TRANSITIONS,
  PERMISSIONS,
  improvementActionsFrom,
  type ImprovementAction,
  type ImprovementSource,
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
import type {
  AddMeasuresDto,
  AnalyseProblemDto,
  CreateProblemDto,
  EvaluateProblemDto,
  MeasureDto,
  NewMeasureDto,
  ProblemDto,
  QueryProblemsDto,
  ReportMeasureDto,
} from './improvement.dto';
import { ImprovementMeasure, ImprovementProblem } from './improvement.entities';
import { toRef } from '../../../platform/org/refs';

/** The resource type of improvement problems; their measures' inbox items use IMPROVEMENT_MEASURE. */
export const IMPROVEMENT_PROBLEM = 'improvement-problem';
export const IMPROVEMENT_MEASURE = 'improvement-measure';

const link = (id: string) => `/assessment/improvement?open=${id}`;

/** A problem as another part of the assessment module hands it over (a promoted suggestion, an incident review). */
export interface NewProblem {
  title: string;
  description: string;
  source: ImprovementSource;
  sourceRefId?: string | null;
  rootCause?: string | null;
  measures?: NewMeasureDto[];
  /** The field the measures came in, for error keys (e.g. `lessons`); `measures` by default. */
  measuresField?: string;
}

/**
 * Improvement (整改, ASM-5): problem → root cause → measures with owner and deadline (each in its
 * owner's inbox) → implementation reported → effect evaluated (closed, or reopened for more
 * measures). The moves are the table in libs/shared improvement.ts.
 */
@Injectable()
export class ImprovementService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly inbox: InboxService,
  ) {}

  onModuleInit(): void {
    this.access.register(IMPROVEMENT_PROBLEM, {
      table: 'improvement_problems',
      named: (o, me) =>
        `${o}.created_by = ${me} OR EXISTS (SELECT 1 FROM improvement_measures im WHERE im.problem_id = ${o}.id AND im.owner_id = ${me})`,
    });
  }

  async create(dto: CreateProblemDto, ctx: RequestContext): Promise<ProblemDto> {
    return this.dataSource.transaction(async (manager) => {
      const id = await this.createWithin(manager, ctx, dto);
      return this.get(id, ctx, manager);
    });
  }

  /**
   * Records a problem (and, where given, its root cause and measures) in the caller's transaction.
   * The suggestions and incidents services call this, so that the problem and what made it commit
   * together or not at all.
   */
  async createWithin(manager: EntityManager, ctx: RequestContext, problem: NewProblem): Promise<string> {
    if (problem.sourceRefId) {
      const taken = await manager.existsBy(ImprovementProblem, { source: problem.source, sourceRefId: problem.sourceRefId });
      if (taken) throw conflict(IMPROVEMENT_ERRORS.IMPROVEMENT_SOURCE_TAKEN, 'This source already has its improvement problem');
    }
    const measures = problem.measures ?? [];
    await this.assertOwners(manager, measures, problem.measuresField ?? 'measures');
    const row = manager.create(ImprovementProblem, {
      title: problem.title,
      description: problem.description,
      source: problem.source,
      sourceRefId: problem.sourceRefId ?? null,
      status: measures.length ? 'implementing' : 'open',
      rootCause: problem.rootCause ?? null,
      analysedAt: problem.rootCause ? new Date() : null,
      createdById: ctx.actor!.id,
    });
    await manager.insert(ImprovementProblem, row);
    await this.insertMeasures(manager, row, measures, 1);
    await this.audit.record(manager, ctx, {
      action: 'assessment.improvement.create',
      objectType: IMPROVEMENT_PROBLEM,
      objectId: row.id,
      details: { source: problem.source, sourceRefId: problem.sourceRefId ?? null, measures: measures.length },
    });
    return row.id;
  }

  private query(manager: EntityManager): SelectQueryBuilder<ImprovementProblem> {
    return manager
      .createQueryBuilder(ImprovementProblem, 'p')
      .leftJoinAndSelect('p.createdBy', 'createdBy')
      .leftJoinAndSelect('p.measures', 'm')
      .leftJoinAndSelect('m.owner', 'owner');
  }

  async list(query: QueryProblemsDto, viewer: Principal): Promise<Page<ProblemDto>> {
    const visible = this.access.visibleWhere(viewer, IMPROVEMENT_PROBLEM, 'p');
    const qb = this.query(this.dataSource.manager)
      .where(visible.sql, visible.params)
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .addOrderBy('m.position', 'ASC');
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.source) qb.andWhere('p.source = :source', { source: query.source });
    if (query.overdue) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM improvement_measures om WHERE om.problem_id = p.id AND om.status = 'pending' AND om.due_on < :today)`,
        { today: this.calendar.today() },
      );
    }
    if (query.q) qb.andWhere('(p.title ILIKE :q OR p.description ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    const today = this.calendar.today();
    return paginate(qb, query, (p) => this.toDto(p, viewer, today));
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<ProblemDto> {
    await this.access.assertCanRead(ctx.actor!, { type: IMPROVEMENT_PROBLEM, id }, ctx, manager);
    const problem = await this.query(manager).where('p.id = :id', { id }).orderBy('m.position', 'ASC').getOne();
    if (!problem) throw notFound(IMPROVEMENT_PROBLEM);
    return this.toDto(problem, ctx.actor!, this.calendar.today());
  }

  /** 根本原因分析: recorded (or revised) while the problem is being worked on. */
  async analyse(id: string, dto: AnalyseProblemDto, ctx: RequestContext): Promise<ProblemDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForMove(manager, id, 'analyse', ctx);
      await updateVersioned(
        manager,
        ImprovementProblem,
        id,
        dto.version,
        { rootCause: dto.rootCause, analysedAt: new Date() },
        IMPROVEMENT_PROBLEM,
      );
      await this.audit.record(manager, ctx, { action: 'assessment.improvement.analyse', objectType: IMPROVEMENT_PROBLEM, objectId: id });
      return this.get(id, ctx, manager);
    });
  }

  /** Adds measures; each lands in its owner's inbox. After a reopen they form the next round. */
  async addMeasures(id: string, dto: AddMeasuresDto, ctx: RequestContext): Promise<ProblemDto> {
    return this.dataSource.transaction(async (manager) => {
      const problem = await this.lockForMove(manager, id, 'add-measure', ctx);
      await this.assertOwners(manager, dto.measures, 'measures');
      await updateVersioned(
        manager,
        ImprovementProblem,
        id,
        dto.version,
        { status: IMPROVEMENT_TRANSITIONS['add-measure'].to },
        IMPROVEMENT_PROBLEM,
      );
      await this.insertMeasures(manager, problem, dto.measures, problem.reopenCount + 1);
      await this.audit.record(manager, ctx, {
        action: 'assessment.improvement.add-measures',
        objectType: IMPROVEMENT_PROBLEM,
        objectId: id,
        details: { measures: dto.measures.length, owners: dto.measures.map((m) => m.ownerId) },
      });
      return this.get(id, ctx, manager);
    });
  }

  /**
   * The owner reports their measure implemented; its inbox item closes. When it was the last one
   * pending, the problem moves on to the office's evaluation of the effect.
   */
  async reportMeasure(problemId: string, measureId: string, dto: ReportMeasureDto, ctx: RequestContext): Promise<ProblemDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: IMPROVEMENT_PROBLEM, id: problemId }, ctx, manager);
      // The problem's row lock makes two owners reporting the last two measures at once agree on which was last.
      const problem = await manager.findOne(ImprovementProblem, { where: { id: problemId }, lock: { mode: 'pessimistic_write' } });
      const measure = await manager.findOneBy(ImprovementMeasure, { id: measureId, problemId });
      if (!problem || !measure || measure.ownerId !== ctx.actor!.id) throw notFound(IMPROVEMENT_MEASURE);
      if (dto.implementedOn > this.calendar.today()) {
        throw badRequest('The day it was implemented cannot be in the future', { implementedOn: ['in the future'] });
      }
      const done = await manager
        .createQueryBuilder()
        .update(ImprovementMeasure)
        .set({ status: 'implemented', implementationNote: dto.note, implementedOn: dto.implementedOn, reportedAt: new Date() })
        .where(`id = :measureId AND status = 'pending'`, { measureId })
        .execute();
      if (done.affected !== 1) throw conflict(IMPROVEMENT_ERRORS.IMPROVEMENT_MEASURE_DONE, 'This measure was already reported implemented');
      await this.inbox.close(manager, { sourceType: IMPROVEMENT_MEASURE, sourceId: measureId });
      const pending = await manager.countBy(ImprovementMeasure, { problemId, status: 'pending' });
      if (pending === 0 && problem.status === IMPROVEMENT_ALL_MEASURES_DONE.from) {
        await manager.update(
          ImprovementProblem,
          { id: problemId },
          { status: IMPROVEMENT_ALL_MEASURES_DONE.to, version: () => 'version + 1' },
        );
      }
      await this.audit.record(manager, ctx, {
        action: 'assessment.improvement.report-measure',
        objectType: IMPROVEMENT_PROBLEM,
        objectId: problemId,
        details: { measureId, implementedOn: dto.implementedOn },
      });
      return this.get(problemId, ctx, manager);
    });
  }

  /** 效果评估: effective, the problem is closed. */
  close(id: string, dto: EvaluateProblemDto, ctx: RequestContext): Promise<ProblemDto> {
    return this.evaluate(id, 'close', dto, ctx);
  }

  /** 效果评估: not effective, the problem is reopened for further measures. */
  reopen(id: string, dto: EvaluateProblemDto, ctx: RequestContext): Promise<ProblemDto> {
    return this.evaluate(id, 'reopen', dto, ctx);
  }

  private async evaluate(id: string, action: 'close' | 'reopen', dto: EvaluateProblemDto, ctx: RequestContext): Promise<ProblemDto> {
    return this.dataSource.transaction(async (manager) => {
      const problem = await this.lockForMove(manager, id, action, ctx);
      const now = new Date();
      await updateVersioned(
        manager,
        ImprovementProblem,
        id,
        dto.version,
        {
          status: IMPROVEMENT_TRANSITIONS[action].to,
          evaluationNote: dto.note,
          evaluatedAt: now,
          closedAt: action === 'close' ? now : null,
          reopenCount: action === 'reopen' ? problem.reopenCount + 1 : problem.reopenCount,
        },
        IMPROVEMENT_PROBLEM,
      );
      await this.audit.record(manager, ctx, { action: `assessment.improvement.${action}`, objectType: IMPROVEMENT_PROBLEM, objectId: id });
      return this.get(id, ctx, manager);
    });
  }

  private async insertMeasures(manager: EntityManager, problem: ImprovementProblem, measures: NewMeasureDto[], round: number) {
    const existing = await manager.countBy(ImprovementMeasure, { problemId: problem.id });
    for (const [index, m] of measures.entries()) {
      const measure = manager.create(ImprovementMeasure, {
        problemId: problem.id,
        description: m.description,
        ownerId: m.ownerId,
        dueOn: m.dueOn,
        position: existing + index + 1,
        round,
        status: 'pending',
      });
      await manager.insert(ImprovementMeasure, measure);
      await this.inbox.open(manager, {
        assigneeId: m.ownerId,
        sourceType: IMPROVEMENT_MEASURE,
        sourceId: measure.id,
        title: `【整改措施】${problem.title}`,
        link: link(problem.id),
        dueAt: new Date(`${m.dueOn}T23:59:59+08:00`),
      });
    }
  }

  /** Every owner must be an active account: a 400 keyed by the measure's field otherwise. */
  private async assertOwners(manager: EntityManager, measures: NewMeasureDto[], field: string): Promise<void> {
    if (!measures.length) return;
    const ids = [...new Set(measures.map((m) => m.ownerId))];
    const rows: { id: string }[] = await manager.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active`, [ids]);
    const known = new Set(rows.map((r) => r.id));
    const errors: Record<string, string[]> = {};
    measures.forEach((m, i) => {
      if (!known.has(m.ownerId)) errors[`${field}.${i}.ownerId`] = ['no active account has this id'];
    });
    if (Object.keys(errors).length) throw badRequest('Unknown measure owner', errors);
  }

  /** Reads and locks the problem for a move: 404 when unseen, 409 with a code when illegal from its status. */
  private async lockForMove(
    manager: EntityManager,
    id: string,
    action: ImprovementAction,
    ctx: RequestContext,
  ): Promise<ImprovementProblem> {
    await this.access.assertCanRead(ctx.actor!, { type: IMPROVEMENT_PROBLEM, id }, ctx, manager);
    const problem = await manager.findOne(ImprovementProblem, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!problem) throw notFound(IMPROVEMENT_PROBLEM);
    if (!IMPROVEMENT_TRANSITIONS[action].from.includes(problem.status)) {
      throw conflict(IMPROVEMENT_ERRORS.IMPROVEMENT_ILLEGAL_MOVE, `A problem that is ${problem.status} cannot take "${action}"`);
    }
    return problem;
  }

  private toDto(p: ImprovementProblem, viewer: Principal, today: string): ProblemDto {
    const manages = viewer.permissions.has(PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE);
    const measures: MeasureDto[] = (p.measures ?? [])
      .sort((a, b) => a.position - b.position)
      .map((m) => ({
        id: m.id,
        description: m.description,
        owner: toRef(m.owner)!,
        dueOn: m.dueOn,
        round: m.round,
        status: m.status,
        implementationNote: m.implementationNote,
        implementedOn: m.implementedOn,
        reportedAt: m.reportedAt,
        overdue: m.status === 'pending' && m.dueOn < today,
        canReport: m.status === 'pending' && m.ownerId === viewer.id,
      }));
    return {
      id: p.id,
      title: p.title,
      description: p.description,
      source: p.source,
      sourceRefId: p.sourceRefId,
      status: p.status,
      rootCause: p.rootCause,
      analysedAt: p.analysedAt,
      evaluationNote: p.evaluationNote,
      evaluatedAt: p.evaluatedAt,
      reopenCount: p.reopenCount,
      closedAt: p.closedAt,
      createdBy: toRef(p.createdBy)!,
      createdAt: p.createdAt,
      measures,
      overdue: measures.some((m) => m.overdue),
      actions: manages ? improvementActionsFrom(p.status) : [],
      version: p.version,
    };
  }
}
