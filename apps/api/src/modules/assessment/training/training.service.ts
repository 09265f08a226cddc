import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { escapeLike } from '../../../platform/http/sql';
import type { RequestContext } from '../../../platform/http/request-context';
import { User } from '../../../platform/org/user.entity';
import type {
  AttendanceDto,
  CreateTrainingPlanDto,
  CreateTrainingSessionDto,
  QueryTrainingPlansDto,
  RecordAttendanceDto,
  TrainingPlanDetailDto,
  TrainingPlanDto,
  TrainingSessionDto,
} from './training.dto';
import { TrainingAttendance, TrainingPlan, TrainingSession } from './training.entities';
import { toRefOrDash } from '../../../platform/org/refs';

/** The audit object types of training records. */
const TRAINING_PLAN = 'training-plan';
const TRAINING_SESSION = 'training-session';

/** Training records (培训, ASM-6): plans, sessions, attendance (签到) and results, kept by the office. */
@Injectable()
export class TrainingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async createPlan(dto: CreateTrainingPlanDto, ctx: RequestContext): Promise<TrainingPlanDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const plan = manager.create(TrainingPlan, {
        kind: dto.kind,
        year: dto.year,
        quarter: dto.quarter,
        title: dto.title,
        description: dto.description || null,
        createdById: ctx.actor!.id,
      });
      await manager.insert(TrainingPlan, plan);
      await this.audit.record(manager, ctx, {
        action: 'assessment.training.plan.create',
        objectType: TRAINING_PLAN,
        objectId: plan.id,
        details: { kind: dto.kind, year: dto.year, quarter: dto.quarter },
      });
      return plan.id;
    });
    return this.getPlan(id);
  }

  async listPlans(query: QueryTrainingPlansDto): Promise<Page<TrainingPlanDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(TrainingPlan, 'p')
      .leftJoinAndSelect('p.createdBy', 'createdBy')
      .orderBy('p.year', 'DESC')
      .addOrderBy('p.quarter', 'DESC')
      .addOrderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'ASC');
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.year) qb.andWhere('p.year = :year', { year: query.year });
    if (query.q) qb.andWhere('p.title ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const page = await paginate(qb, query, (p) => this.toPlanDto(p, 0));
    const counts = await this.sessionCounts(page.items.map((p) => p.id));
    for (const item of page.items) item.sessionCount = counts.get(item.id) ?? 0;
    return page;
  }

  async getPlan(id: string, manager: EntityManager = this.dataSource.manager): Promise<TrainingPlanDetailDto> {
    const plan = await manager.findOne(TrainingPlan, { where: { id }, relations: { createdBy: true } });
    if (!plan) throw notFound(TRAINING_PLAN);
    const sessions = await manager.find(TrainingSession, { where: { planId: id }, order: { heldAt: 'ASC', id: 'ASC' } });
    const attendance = sessions.length
      ? await manager.find(TrainingAttendance, {
          where: { sessionId: In(sessions.map((s) => s.id)) },
          relations: { user: true },
          order: { recordedAt: 'ASC', id: 'ASC' },
        })
      : [];
    return {
      ...this.toPlanDto(plan, sessions.length),
      sessions: sessions.map((s) =>
        this.toSessionDto(
          s,
          attendance.filter((a) => a.sessionId === s.id),
        ),
      ),
    };
  }

  async addSession(planId: string, dto: CreateTrainingSessionDto, ctx: RequestContext): Promise<TrainingPlanDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const plan = await manager.findOneBy(TrainingPlan, { id: planId });
      if (!plan) throw notFound(TRAINING_PLAN);
      const session = manager.create(TrainingSession, {
        planId,
        heldAt: new Date(dto.heldAt),
        place: dto.place,
        trainer: dto.trainer,
        content: dto.content,
        createdById: ctx.actor!.id,
      });
      await manager.insert(TrainingSession, session);
      await this.audit.record(manager, ctx, {
        action: 'assessment.training.session.create',
        objectType: TRAINING_SESSION,
        objectId: session.id,
        details: { planId, heldAt: session.heldAt.toISOString() },
      });
    });
    return this.getPlan(planId);
  }

  /** Records the attendance sheet and results; a person already on it gets their row replaced. */
  async recordAttendance(sessionId: string, dto: RecordAttendanceDto, ctx: RequestContext): Promise<TrainingSessionDto> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOneBy(TrainingSession, { id: sessionId });
      if (!session) throw notFound(TRAINING_SESSION);
      const userIds = dto.entries.map((e) => e.userId);
      if (new Set(userIds).size !== userIds.length) throw badRequest('A person is listed twice', { entries: ['each person once'] });
      const known = await manager.count(User, { where: { id: In(userIds) } });
      if (known !== userIds.length) throw badRequest('Unknown person on the sheet', { entries: ['every userId must be an account'] });
      for (const [index, e] of dto.entries.entries()) {
        if (!e.attended && (e.passed || e.score != null))
          throw badRequest('A result needs attendance', { [`entries.${index}.passed`]: ['only those who attended have a result'] });
      }
      for (const e of dto.entries) {
        await manager.query(
          `INSERT INTO training_attendances (session_id, user_id, attended, score, passed, remarks, recorded_by, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now())
           ON CONFLICT (session_id, user_id) DO UPDATE SET attended = EXCLUDED.attended, score = EXCLUDED.score,
             passed = EXCLUDED.passed, remarks = EXCLUDED.remarks, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
          [sessionId, e.userId, e.attended, e.score ?? null, e.passed ?? null, e.remarks || null, ctx.actor!.id],
        );
      }
      await this.audit.record(manager, ctx, {
        action: 'assessment.training.attendance',
        objectType: TRAINING_SESSION,
        objectId: sessionId,
        details: { entries: dto.entries.map((e) => ({ userId: e.userId, attended: e.attended, passed: e.passed ?? null })) },
      });
      const attendance = await manager.find(TrainingAttendance, {
        where: { sessionId },
        relations: { user: true },
        order: { recordedAt: 'ASC', id: 'ASC' },
      });
      return this.toSessionDto(session, attendance);
    });
  }

  private async sessionCounts(planIds: string[]): Promise<Map<string, number>> {
    if (!planIds.length) return new Map();
    const rows: { plan_id: string; n: number }[] = await this.dataSource.query(
      'SELECT plan_id, count(*)::int AS n FROM training_sessions WHERE plan_id = ANY($1::uuid[]) GROUP BY plan_id',
      [planIds],
    );
    return new Map(rows.map((r) => [r.plan_id, r.n]));
  }

  private toPlanDto(p: TrainingPlan, sessionCount: number): TrainingPlanDto {
    return {
      id: p.id,
      kind: p.kind,
      year: p.year,
      quarter: p.quarter,
      title: p.title,
      description: p.description,
      sessionCount,
      createdBy: toRefOrDash(p.createdBy),
      createdAt: p.createdAt.toISOString(),
    };
  }

  private toSessionDto(s: TrainingSession, attendance: TrainingAttendance[]): TrainingSessionDto {
    const rows: AttendanceDto[] = attendance.map((a) => ({
      user: toRefOrDash(a.user),
      attended: a.attended,
      score: a.score,
      passed: a.passed,
      remarks: a.remarks,
      recordedAt: a.recordedAt.toISOString(),
    }));
    return {
      id: s.id,
      planId: s.planId,
      heldAt: s.heldAt.toISOString(),
      place: s.place,
      trainer: s.trainer,
      content: s.content,
      attendedCount: attendance.filter((a) => a.attended).length,
      attendance: rows,
    };
  }
}
