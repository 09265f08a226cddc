import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LIST_TOTAL_CAP } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../http/api-error';
import type { Page } from '../http/pagination';
import type { RequestContext } from '../http/request-context';
import { escapeLike } from '../http/sql';
import type { JobRunDto, JobScheduleDto, JobState, QueryJobRunsDto } from './jobs.dto';
import { JobsService, PG_BOSS_SCHEMA } from './jobs.service';

interface JobRow {
  id: string;
  name: string;
  state: JobState;
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
  output: Record<string, unknown> | null;
  data: Record<string, unknown> | null;
}

const JOB_COLUMNS = 'id, name, state, retry_count, retry_limit, created_on, start_after, started_on, completed_on, output, data';
/** pg-boss's own plumbing (the cron forwarder), not work anyone scheduled. */
const USER_QUEUES = `NOT starts_with(name, '__pgboss__')`;

/**
 * The jobs admin page (PLT-8): the schedule registry with each schedule's last run and last
 * failure, the recent jobs with their errors, and "run now". Reads pg-boss's own tables, which
 * hold every job of every instance; pg-boss keeps finished jobs for its retention period (7 days).
 */
@Injectable()
export class JobsAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  async schedules(): Promise<JobScheduleDto[]> {
    const schedules = await this.jobs.schedules();
    return Promise.all(
      schedules.map(async (schedule) => {
        const [lastRun] = await this.jobRows(`WHERE name = $1 ORDER BY created_on DESC LIMIT 1`, [schedule.name]);
        const [lastFailure] = await this.jobRows(
          `WHERE name = $1 AND state = 'failed' AND completed_on IS NOT NULL ORDER BY completed_on DESC LIMIT 1`,
          [schedule.name],
        );
        const next = this.jobs.nextOccurrence(schedule.cron, schedule.timezone);
        return {
          queue: schedule.name,
          key: schedule.key,
          cron: schedule.cron,
          timeZone: schedule.timezone,
          registered: this.jobs.isRegistered(schedule.name),
          nextRunAt: next?.toISOString() ?? null,
          lastRun: lastRun ? toJobRunDto(lastRun) : null,
          lastFailure: lastFailure ? toJobRunDto(lastFailure) : null,
          updatedAt: new Date(schedule.updatedOn).toISOString(),
        };
      }),
    );
  }

  async runs(query: QueryJobRunsDto): Promise<Page<JobRunDto>> {
    const conditions = [USER_QUEUES];
    const params: unknown[] = [];
    if (query.queue) conditions.push(`name = $${params.push(query.queue)}`);
    if (query.state) conditions.push(`state::text = $${params.push(query.state)}`);
    if (query.q) conditions.push(`name ILIKE $${params.push(`%${escapeLike(query.q)}%`)}`);
    const where = `WHERE ${conditions.join(' AND ')}`;
    const [rows, [{ n }]] = await Promise.all([
      this.jobRows(`${where} ORDER BY created_on DESC, id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`, params),
      this.dataSource.query(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${PG_BOSS_SCHEMA}.job ${where} LIMIT ${LIST_TOTAL_CAP + 1}) AS capped`,
        params,
      ) as Promise<{ n: number }[]>,
    ]);
    return {
      items: rows.map(toJobRunDto),
      total: Math.min(n, LIST_TOTAL_CAP),
      totalCapped: n > LIST_TOTAL_CAP,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Queues one run of a schedule now, with its audit row in the same transaction. */
  async runNow(queue: string, reason: string | undefined, ctx: RequestContext): Promise<{ jobId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const jobId = await this.jobs.runScheduleNow(manager, queue);
      if (!jobId) throw notFound('schedule');
      await this.audit.record(manager, ctx, {
        action: 'job.run-now',
        objectType: 'job-schedule',
        objectId: queue,
        details: { jobId, reason: reason ?? null },
      });
      return { jobId };
    });
  }

  private jobRows(rest: string, params: unknown[]): Promise<JobRow[]> {
    return this.dataSource.query(`SELECT ${JOB_COLUMNS} FROM ${PG_BOSS_SCHEMA}.job ${rest}`, params);
  }
}

function toJobRunDto(row: JobRow): JobRunDto {
  const message = row.output?.message;
  const failed = row.state === 'failed' || row.state === 'retry';
  return {
    id: row.id,
    queue: row.name,
    state: row.state,
    retryCount: row.retry_count,
    retryLimit: row.retry_limit,
    createdAt: row.created_on.toISOString(),
    startAfter: row.start_after.toISOString(),
    startedAt: row.started_on?.toISOString() ?? null,
    completedAt: row.completed_on?.toISOString() ?? null,
    error: failed && typeof message === 'string' ? message : null,
    output: row.output,
    data: row.data,
  };
}
