import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { Exportable, ExportRequested } from '../../../platform/excel/exportable';
import type { RowSource } from '../../../platform/excel/row-source';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  CreateResolutionDto,
  QueryResolutionReportDto,
  ResolutionDto,
  ResolutionReportRowDto,
  ResolutionTaskDetailDto,
  TaskProgressDto,
} from './resolution.dto';
import { RESOLUTION_REPORT_SHEET } from './resolutions.sheet';
import { ResolutionsService } from './resolutions.service';

const ReportPage = Paginated(ResolutionReportRowDto);

/** Resolutions (决议) and their tasks (MTG-9). */
@ApiTags('meetings')
@Controller('meetings')
export class ResolutionsController {
  constructor(private readonly resolutions: ResolutionsService) {}

  @Get('resolutions')
  @Authenticated({ permission: PERMISSIONS.MEETINGS_RESOLUTIONS_REPORT })
  @ApiOperation({
    operationId: 'listResolutionReport',
    summary: 'The leaders’ report of resolutions and their tasks (决议落实情况)',
    description:
      'MTG-9: every resolution of the meetings the caller may see, with its tasks’ state; by meeting type, state (open/done), ' +
      'overdue, owner, meeting dates, text; `format=xlsx` exports.',
  })
  @Exportable(RESOLUTION_REPORT_SHEET, ReportPage)
  @ApiErrors(400, 403)
  listResolutionReport(
    @Query() query: QueryResolutionReportDto,
    @ExportRequested() exporting: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof ReportPage>> | RowSource<ResolutionReportRowDto> {
    return exporting ? this.resolutions.exportReport(query, ctx.actor!) : this.resolutions.report(query, ctx.actor!);
  }

  @Get('resolution-tasks/:taskId')
  @Authenticated()
  @ApiOperation({
    operationId: 'getResolutionTask',
    summary: 'A resolution task with its progress log',
    description: 'MTG-9: for its owner (from the inbox) and whoever may see the meeting; 404 otherwise.',
  })
  @ApiOkResponse({ type: ResolutionTaskDetailDto })
  @ApiErrors(400, 404)
  getResolutionTask(@Param('taskId', UUID_PARAM) taskId: string, @Ctx() ctx: RequestContext): Promise<ResolutionTaskDetailDto> {
    return this.resolutions.getTask(taskId, ctx);
  }

  @Post('resolution-tasks/:taskId/progress')
  @HttpCode(201)
  @Authenticated()
  @ApiOperation({
    operationId: 'recordResolutionTaskProgress',
    summary: 'Record progress on a resolution task (进展)',
    description:
      'MTG-9: by the owner (or the meeting’s organiser; 403 RESOLUTION_NOT_THE_TASK_OWNER otherwise): a note with a percent or a ' +
      'state (open, in-progress, done); 100% is done, and done closes the inbox item.',
  })
  @ApiCreatedResponse({ type: ResolutionTaskDetailDto })
  @ApiErrors(400, 403, 404)
  recordResolutionTaskProgress(
    @Param('taskId', UUID_PARAM) taskId: string,
    @Body() dto: TaskProgressDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ResolutionTaskDetailDto> {
    return this.resolutions.progress(taskId, dto, ctx);
  }

  @Get(':id/resolutions')
  @Authenticated()
  @ApiOperation({
    operationId: 'listMeetingResolutions',
    summary: 'The resolutions of a meeting, with their tasks',
    description: 'MTG-9: for whoever may see the meeting; 404 otherwise.',
  })
  @ApiOkResponse({ type: [ResolutionDto] })
  @ApiErrors(400, 404)
  listMeetingResolutions(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<ResolutionDto[]> {
    return this.resolutions.listForMeeting(id, ctx);
  }

  @Post(':id/resolutions')
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @ApiOperation({
    operationId: 'createMeetingResolution',
    summary: 'Record a resolution (决议) and its tasks',
    description:
      'MTG-9: by the organiser (or meetings.manage); each task has an owner and a deadline and opens an item in the owner’s inbox. ' +
      'Owners of a classified meeting’s tasks must be cleared for it (400 keyed tasks.N.ownerId).',
  })
  @ApiCreatedResponse({ type: ResolutionDto })
  @ApiErrors(400, 403, 404)
  createMeetingResolution(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CreateResolutionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ResolutionDto> {
    return this.resolutions.create(id, dto, ctx);
  }
}
