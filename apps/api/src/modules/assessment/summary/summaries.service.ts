import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  nextSummaryStatus,
  PERMISSIONS,
  SUMMARY_ERRORS,
  summaryActionsFrom,
  type SummaryAction,
  type SummarySnapshot,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { MonthlySummary } from './monthly-summary.entity';
import { previousMonth, SummaryCompilerService } from './summary-compiler.service';
import type { QuerySummariesDto, ReturnSummaryDto, SummaryDto, VersionedSummaryDto, WriteNarrativeDto } from './summaries.dto';
import { toRef } from '../../../platform/org/refs';

const SUMMARY = 'monthly-summary';
/** pg-boss queue of the monthly compile (ASM-1). */
export const MONTHLY_SUMMARY_JOB = 'assessment-monthly-summary';

/** Who may take each action: the office compiles, writes and submits; the director reviews and archives. */
const ACTION_PERMISSION: Record<SummaryAction, string> = {
  compile: PERMISSIONS.ASSESSMENT_SUMMARY_MANAGE,
  write: PERMISSIONS.ASSESSMENT_SUMMARY_MANAGE,
  submit: PERMISSIONS.ASSESSMENT_SUMMARY_MANAGE,
  approve: PERMISSIONS.ASSESSMENT_SUMMARY_REVIEW,
  return: PERMISSIONS.ASSESSMENT_SUMMARY_REVIEW,
  archive: PERMISSIONS.ASSESSMENT_SUMMARY_REVIEW,
};

/**
 * The monthly work summary (月度工作总结, ASM-1): opened and compiled by the monthly job or by the
 * office, with the office's narrative; submitted → approved or returned → archived. The figures
 * are a snapshot taken at the compile, so a later change in the records does not rewrite a
 * reviewed summary; the office recompiles a draft to refresh them.
 */
@Injectable()
export class SummariesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compiler: SummaryCompilerService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: MONTHLY_SUMMARY_JOB,
      // 02:00 on the 1st, school time: the previous month has ended and its late entries are in.
      cron: '0 2 1 * *',
      handler: async () => {
        await this.compileMonthly();
      },
    });
  }

  /**
   * The monthly job: opens and compiles the previous month's summary, once. The unique month
   * holds it: a second run (or a second instance) inserts nothing and compiles nothing.
   * Returns the summary's id when this run opened it, null when it already existed.
   */
  async compileMonthly(now = new Date()): Promise<string | null> {
    const month = previousMonth(this.compiler.currentMonth(now));
    return this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO monthly_summaries (month) VALUES ($1) ON CONFLICT (month) DO NOTHING RETURNING id`,
        [month],
      )) as { id: string }[];
      if (inserted.length === 0) return null;
      const id = inserted[0].id;
      await this.storeCompile(manager, id, await this.compiler.compile(month));
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'assessment.summary.compile',
        objectType: SUMMARY,
        objectId: id,
        details: { month },
      });
      return id;
    });
  }

  /** The office opens a month's summary by hand (a month that has begun) and compiles it at once. */
  async open(month: string, ctx: RequestContext): Promise<SummaryDto> {
    if (month > this.compiler.currentMonth()) throw badRequest('The month has not begun', { month: ['month must not be in the future'] });
    const id = await this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO monthly_summaries (month) VALUES ($1) ON CONFLICT (month) DO NOTHING RETURNING id`,
        [month],
      )) as { id: string }[];
      if (inserted.length === 0) throw conflict(SUMMARY_ERRORS.SUMMARY_EXISTS, `The summary of ${month} already exists`);
      await this.storeCompile(manager, inserted[0].id, await this.compiler.compile(month));
      await this.audit.record(manager, ctx, {
        action: 'assessment.summary.open',
        objectType: SUMMARY,
        objectId: inserted[0].id,
        details: { month },
      });
      return inserted[0].id;
    });
    return this.get(id, ctx.actor!);
  }

  /** Compile now / recompile: the figures of a draft taken again from the records. */
  async compile(id: string, dto: VersionedSummaryDto, ctx: RequestContext): Promise<SummaryDto> {
    await this.dataSource.transaction(async (manager) => {
      const summary = await this.lockForMove(manager, id, 'compile');
      const snapshot = await this.compiler.compile(summary.month);
      await updateVersioned(manager, MonthlySummary, id, dto.version, { figures: snapshot, compiledAt: new Date() }, SUMMARY);
      await this.audit.record(manager, ctx, {
        action: 'assessment.summary.compile',
        objectType: SUMMARY,
        objectId: id,
        details: { month: summary.month },
      });
    });
    return this.get(id, ctx.actor!);
  }

  async write(id: string, dto: WriteNarrativeDto, ctx: RequestContext): Promise<SummaryDto> {
    return this.move(id, 'write', dto.version, ctx, { narrative: dto.narrative });
  }

  async submit(id: string, dto: VersionedSummaryDto, ctx: RequestContext): Promise<SummaryDto> {
    return this.move(id, 'submit', dto.version, ctx, { submittedAt: new Date(), submittedById: ctx.actor!.id, returnReason: null });
  }

  async approve(id: string, dto: VersionedSummaryDto, ctx: RequestContext): Promise<SummaryDto> {
    return this.move(id, 'approve', dto.version, ctx, { reviewedAt: new Date(), reviewedById: ctx.actor!.id });
  }

  async return(id: string, dto: ReturnSummaryDto, ctx: RequestContext): Promise<SummaryDto> {
    return this.move(id, 'return', dto.version, ctx, { reviewedAt: new Date(), reviewedById: ctx.actor!.id, returnReason: dto.reason });
  }

  async archive(id: string, dto: VersionedSummaryDto, ctx: RequestContext): Promise<SummaryDto> {
    return this.move(id, 'archive', dto.version, ctx, { archivedAt: new Date() });
  }

  async list(query: QuerySummariesDto, viewer: Principal): Promise<Page<SummaryDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(MonthlySummary, 's')
      .leftJoinAndSelect('s.submittedBy', 'submittedBy')
      .leftJoinAndSelect('s.reviewedBy', 'reviewedBy')
      .orderBy('s.month', 'DESC');
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.q) qb.andWhere('s.month LIKE :q', { q: `${query.q.replace(/[^0-9-]/g, '')}%` });
    return paginate(qb, query, (s) => this.toDto(s, viewer));
  }

  async get(id: string, viewer: Principal, manager: EntityManager = this.dataSource.manager): Promise<SummaryDto> {
    return this.toDto(await this.load(id, manager), viewer);
  }

  async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<MonthlySummary> {
    const summary = await manager.findOne(MonthlySummary, { where: { id }, relations: { submittedBy: true, reviewedBy: true } });
    if (!summary) throw notFound('summary');
    return summary;
  }

  /** The snapshots of the months from `from` to `to` (inclusive), for the dashboard's trends. */
  async snapshots(from: string, to: string): Promise<Map<string, SummarySnapshot>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(MonthlySummary, 's')
      .where('s.month >= :from AND s.month <= :to AND s.figures IS NOT NULL', { from, to })
      .getMany();
    return new Map(rows.map((r) => [r.month, r.figures!]));
  }

  private async storeCompile(manager: EntityManager, id: string, snapshot: SummarySnapshot): Promise<void> {
    await manager.update(MonthlySummary, { id }, { figures: snapshot, compiledAt: new Date() });
  }

  private async move(
    id: string,
    action: SummaryAction,
    version: number,
    ctx: RequestContext,
    changes: Record<string, unknown>,
  ): Promise<SummaryDto> {
    await this.dataSource.transaction(async (manager) => {
      const summary = await this.lockForMove(manager, id, action);
      await updateVersioned(
        manager,
        MonthlySummary,
        id,
        version,
        { status: nextSummaryStatus(summary.status, action), ...changes },
        SUMMARY,
      );
      await this.audit.record(manager, ctx, {
        action: `assessment.summary.${action}`,
        objectType: SUMMARY,
        objectId: id,
        details: { month: summary.month, from: summary.status, ...(action === 'return' ? { reason: changes.returnReason } : {}) },
      });
    });
    return this.get(id, ctx.actor!);
  }

  /** Reads and locks the summary: 404 when missing, 409 when the move is illegal from its status. */
  private async lockForMove(manager: EntityManager, id: string, action: SummaryAction): Promise<MonthlySummary> {
    const summary = await manager.findOne(MonthlySummary, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!summary) throw notFound('summary');
    if (!nextSummaryStatus(summary.status, action)) {
      throw conflict(
        SUMMARY_ERRORS.SUMMARY_ILLEGAL_MOVE,
        `A summary that is ${summary.status} cannot be ${action === 'write' ? 'written' : action}ed`,
      );
    }
    return summary;
  }

  private toDto(s: MonthlySummary, viewer: Principal): SummaryDto {
    return {
      id: s.id,
      month: s.month,
      status: s.status,
      figures: s.figures,
      compiledAt: s.compiledAt,
      narrative: s.narrative,
      returnReason: s.returnReason,
      submittedAt: s.submittedAt,
      submittedBy: toRef(s.submittedBy),
      reviewedAt: s.reviewedAt,
      reviewedBy: toRef(s.reviewedBy),
      archivedAt: s.archivedAt,
      actions: summaryActionsFrom(s.status).filter((a) => viewer.permissions.has(ACTION_PERMISSION[a])),
      version: s.version,
    };
  }
}
