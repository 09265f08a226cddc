import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/pagination';

/** The states of a pg-boss job, in its own words. */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Queue names as pg-boss allows them. */
export const QUEUE_NAME = /^[\w.\-/]{1,100}$/;

/** One job: a run of a schedule, a queued piece of work, or a failure (PLT-8). */
export class JobRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'audit-seal' })
  queue: string;

  /** created (waiting) → active → completed; a failed attempt goes to retry, and to failed when the retries are spent. */
  @ApiProperty({ enum: JOB_STATES })
  state: JobState;

  @ApiProperty({ description: 'Retries so far (0 on the first attempt)' })
  retryCount: number;

  @ApiProperty()
  retryLimit: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', description: 'Not before this time: the next attempt of a job waiting for a retry' })
  startAfter: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  completedAt: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The error message of the last failed attempt' })
  error: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What the last attempt left: the error (message, stack) of a failure, or a result',
  })
  output: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The job’s input (ids, never secrets)' })
  data: Record<string, unknown> | null;
}

/** A schedule in the registry (PLT-8): one job per tick across all instances. */
export class JobScheduleDto {
  @ApiProperty({ example: 'audit-seal' })
  queue: string;

  @ApiProperty({ description: 'Tells several schedules of one queue apart; empty for the usual single one' })
  key: string;

  @ApiProperty({ example: '*/10 * * * *', description: 'Cron expression (minute granularity) or RFC 5545 rule' })
  cron: string;

  @ApiProperty({ example: 'Asia/Shanghai' })
  timeZone: string;

  @ApiProperty({ description: 'False for a schedule that no code of this version handles (left by an older version)' })
  registered: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The next tick; jobs start within seconds of it' })
  nextRunAt: string | null;

  @ApiProperty({ type: JobRunDto, nullable: true, description: 'The newest job of the queue' })
  lastRun: JobRunDto | null;

  @ApiProperty({ type: JobRunDto, nullable: true, description: 'The newest job that failed for good' })
  lastFailure: JobRunDto | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class QueryJobRunsDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'webhook-deliver' })
  @IsOptional()
  @IsString()
  @Matches(QUEUE_NAME, { message: 'queue must be a queue name' })
  queue?: string;

  @ApiPropertyOptional({ enum: JOB_STATES })
  @IsOptional()
  @IsIn(JOB_STATES)
  state?: JobState;
}

export class RunScheduleNowDto {
  /** Why it runs outside its schedule; kept in the audit log. */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class RunScheduleNowResultDto {
  @ApiProperty({ format: 'uuid', description: 'The job queued; follow it in the runs list' })
  jobId: string;
}
