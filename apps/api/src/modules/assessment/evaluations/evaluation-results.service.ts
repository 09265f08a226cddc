import { HttpStatus, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EVALUATION_ERRORS, EVALUATION_SOURCES, PLATFORM_ERRORS, roundScore } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import { ApiError, conflict, notFound } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { EVALUATION_REPORT } from './evaluation-cycles.service';
import { EvaluationResult } from './evaluation.entities';
import type { EvaluationReportDto, EvaluationResultDto, QueryResultsDto } from './evaluations.dto';

export const EVALUATION_RESULT = 'evaluation-result';

/**
 * Results of evaluations (ASM-2). A result holds aggregates only. The person reads it once the
 * cycle is released; the head of their department reads their department's, ranked; the office
 * reads all. No result carries an evaluator: there is none to carry.
 */
@Injectable()
export class EvaluationResultsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
  ) {}

  onModuleInit(): void {
    this.access.register(EVALUATION_RESULT, {
      table: 'evaluation_results',
      named: (o, me) =>
        `(${o}.person_id = ${me} AND ${o}.released_at IS NOT NULL)
         OR EXISTS (SELECT 1 FROM departments d WHERE d.id = ${o}.department_id AND d.head_id = ${me})`,
    });
  }

  private query(manager: EntityManager) {
    return manager
      .createQueryBuilder(EvaluationResult, 'r')
      .innerJoinAndSelect('r.cycle', 'cycle')
      .innerJoinAndSelect('r.person', 'person')
      .leftJoinAndSelect('r.department', 'department');
  }

  /** The results of a cycle the viewer may see, by department, highest first, with the rank within the department. */
  async list(query: QueryResultsDto, ctx: RequestContext): Promise<EvaluationResultDto[]> {
    const visible = this.access.visibleWhere(ctx.actor!, EVALUATION_RESULT, 'r');
    const qb = this.query(this.dataSource.manager)
      .where('r.cycle_id = :cycleId', { cycleId: query.cycleId })
      .andWhere(visible.sql, visible.params)
      .orderBy('department.name', 'ASC', 'NULLS LAST')
      .addOrderBy('r.total', 'DESC', 'NULLS LAST')
      .addOrderBy('person.name', 'ASC')
      .limit(2000);
    if (query.departmentId) qb.andWhere('r.department_id = :departmentId', { departmentId: query.departmentId });
    const results = await qb.getMany();
    const ranks = await this.ranks(query.cycleId);
    return results.map((r) => this.toDto(r, ranks.get(r.id) ?? null));
  }

  /** My released reports, newest first. */
  async mine(ctx: RequestContext): Promise<EvaluationReportDto[]> {
    const results = await this.query(this.dataSource.manager)
      .where('r.person_id = :me AND r.released_at IS NOT NULL', { me: ctx.actor!.id })
      .orderBy('cycle.period_start', 'DESC')
      .limit(200)
      .getMany();
    return Promise.all(results.map(async (r) => this.toReport(r, (await this.ranks(r.cycleId)).get(r.id) ?? null)));
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<EvaluationReportDto> {
    await this.access.assertCanRead(ctx.actor!, { type: EVALUATION_RESULT, id }, ctx, manager);
    const result = await this.query(manager).where('r.id = :id', { id }).getOne();
    if (!result) throw notFound(EVALUATION_RESULT);
    return this.toReport(result, (await this.ranks(result.cycleId, manager)).get(id) ?? null);
  }

  /** The person acknowledges their report (once); its to-do leaves their inbox. */
  async acknowledge(id: string, ctx: RequestContext): Promise<EvaluationReportDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: EVALUATION_RESULT, id }, ctx, manager);
      const [owner] = await manager.query(`SELECT person_id FROM evaluation_results WHERE id = $1`, [id]);
      if (owner.person_id !== ctx.actor!.id) {
        throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, 'Only the person evaluated acknowledges their report');
      }
      const updated = returnedRows(
        await manager.query(
          `UPDATE evaluation_results SET acknowledged_at = now()
            WHERE id = $1 AND person_id = $2 AND released_at IS NOT NULL AND acknowledged_at IS NULL RETURNING id`,
          [id, ctx.actor!.id],
        ),
      );
      if (updated.length === 0) throw conflict(EVALUATION_ERRORS.EVALUATION_REPORT_ACKNOWLEDGED, 'This report was already acknowledged');
      await this.inbox.close(manager, { sourceType: EVALUATION_REPORT, sourceId: id });
      await this.audit.record(manager, ctx, {
        action: 'assessment.evaluation.report.acknowledge',
        objectType: EVALUATION_RESULT,
        objectId: id,
      });
      return this.get(id, ctx, manager);
    });
  }

  /** Rank within the department over the whole cycle (ties share a rank); people without a result are unranked. */
  private async ranks(cycleId: string, manager: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    const rows: { id: string; rank: number }[] = await manager.query(
      `SELECT id, (RANK() OVER (PARTITION BY department_id ORDER BY total DESC))::int AS rank
         FROM evaluation_results WHERE cycle_id = $1 AND total IS NOT NULL`,
      [cycleId],
    );
    return new Map(rows.map((r) => [r.id, r.rank]));
  }

  private toDto(r: EvaluationResult, rank: number | null): EvaluationResultDto {
    const cycle = r.cycle!;
    const weights = { self: cycle.selfWeight, peer: cycle.peerWeight, leader: cycle.leaderWeight };
    return {
      id: r.id,
      cycle: { id: cycle.id, name: cycle.name },
      person: { id: r.person!.id, name: r.person!.name },
      department: r.department ? { id: r.department.id, name: r.department.name } : null,
      total: r.total === null ? null : Number(r.total),
      rank,
      sources: EVALUATION_SOURCES.map((source) => {
        const s = r.sources[source];
        return {
          source,
          weight: weights[source],
          score: s.score === null ? null : roundScore(s.score),
          responses: s.responses,
          notEnoughResponses: source === 'peer' && r.peerWithheld,
          dimensions: Object.fromEntries(Object.entries(s.dimensions).map(([key, value]) => [key, roundScore(value)])),
        };
      }),
      acknowledgedAt: r.acknowledgedAt,
    };
  }

  private toReport(r: EvaluationResult, rank: number | null): EvaluationReportDto {
    return {
      ...this.toDto(r, rank),
      periodStart: r.cycle!.periodStart,
      periodEnd: r.cycle!.periodEnd,
      dimensions: r.cycle!.dimensions,
      selfComment: r.selfComment,
      leaderComment: r.leaderComment,
    };
  }
}
