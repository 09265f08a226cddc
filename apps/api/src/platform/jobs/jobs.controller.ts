import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../auth/decorators';
import { badRequest } from '../http/api-error';
import { ApiErrors } from '../http/api-responses';
import { Paginated } from '../http/pagination';
import { Ctx, type RequestContext } from '../http/request-context';
import { JobsAdminService } from './jobs-admin.service';
import { JobRunDto, JobScheduleDto, QUEUE_NAME, QueryJobRunsDto, RunScheduleNowDto, RunScheduleNowResultDto } from './jobs.dto';

const JobRunPage = Paginated(JobRunDto);

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobsAdmin: JobsAdminService) {}

  @Get('schedules')
  @Authenticated({ permission: PERMISSIONS.JOBS_MANAGE })
  @ApiOperation({
    operationId: 'listJobSchedules',
    summary: 'The schedule registry',
    description:
      'PLT-8: every cron schedule with its time zone, next tick, last run and last failure. A tick runs once across all API instances.',
  })
  @ApiOkResponse({ type: [JobScheduleDto] })
  listJobSchedules(): Promise<JobScheduleDto[]> {
    return this.jobsAdmin.schedules();
  }

  @Get('runs')
  @Authenticated({ permission: PERMISSIONS.JOBS_MANAGE })
  @ApiOperation({
    operationId: 'listJobRuns',
    summary: 'Recent jobs',
    description: 'PLT-8: newest first, filtered by queue and state; failures carry their error. Finished jobs are kept for 7 days.',
  })
  @ApiOkResponse({ type: JobRunPage })
  @ApiErrors(400)
  listJobRuns(@Query() query: QueryJobRunsDto): Promise<InstanceType<typeof JobRunPage>> {
    return this.jobsAdmin.runs(query);
  }

  @Post(':queue/run')
  @Authenticated({ permission: PERMISSIONS.JOBS_MANAGE })
  @ApiOperation({
    operationId: 'runJobScheduleNow',
    summary: 'Run a schedule now',
    description: 'PLT-8: queues one run of a scheduled job outside its schedule; audited. 404 for a queue without a schedule.',
  })
  @ApiParam({ name: 'queue', example: 'audit-seal' })
  @ApiCreatedResponse({ type: RunScheduleNowResultDto })
  @ApiErrors(400, 404)
  runJobScheduleNow(
    @Param('queue') queue: string,
    @Body() dto: RunScheduleNowDto,
    @Ctx() ctx: RequestContext,
  ): Promise<RunScheduleNowResultDto> {
    if (!QUEUE_NAME.test(queue)) throw badRequest('Invalid queue', { queue: ['queue must be a queue name'] });
    return this.jobsAdmin.runNow(queue, dto.reason, ctx);
  }
}
