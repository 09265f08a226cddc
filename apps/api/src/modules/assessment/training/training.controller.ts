import { Body, Controller, Get, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, PLATFORM_ERRORS, quarterOf, schoolDateOf } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiError } from '../../../platform/http/api-error';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { TrainingRecordsService } from './training-records.service';
import {
  ConfidentialityTrainingStatusDto,
  CreateTrainingPlanDto,
  CreateTrainingSessionDto,
  QueryTrainingPlansDto,
  RecordAttendanceDto,
  TrainingPlanDetailDto,
  TrainingPlanDto,
  TrainingSessionDto,
  TrainingStatusQueryDto,
} from './training.dto';
import { TrainingService } from './training.service';

const PlanPage = Paginated(TrainingPlanDto);

/** Training records (培训, ASM-6): plans, sessions, attendance and results. */
@ApiTags('assessment')
@Controller('assessment/training')
export class TrainingController {
  constructor(
    private readonly training: TrainingService,
    private readonly records: TrainingRecordsService,
  ) {}

  @Post('plans')
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_TRAINING_MANAGE })
  @ApiOperation({
    operationId: 'createTrainingPlan',
    summary: 'Create a training plan (培训计划)',
    description: 'ASM-6: a kind (业务, 保密, 系统使用, 新技术, 维修技能), a year and quarter, a title.',
  })
  @ApiCreatedResponse({ type: TrainingPlanDetailDto })
  @ApiErrors(400, 403)
  createTrainingPlan(@Body() dto: CreateTrainingPlanDto, @Ctx() ctx: RequestContext): Promise<TrainingPlanDetailDto> {
    return this.training.createPlan(dto, ctx);
  }

  @Get('plans')
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_TRAINING_MANAGE })
  @ApiOperation({
    operationId: 'listTrainingPlans',
    summary: 'List training plans',
    description: 'ASM-6: newest quarter first; by kind, year and title.',
  })
  @ApiOkResponse({ type: PlanPage })
  @ApiErrors(400, 403)
  listTrainingPlans(@Query() query: QueryTrainingPlansDto): Promise<InstanceType<typeof PlanPage>> {
    return this.training.listPlans(query);
  }

  @Get('plans/:id')
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_TRAINING_MANAGE })
  @ApiOperation({ operationId: 'getTrainingPlan', summary: 'A training plan with its sessions and attendance', description: 'ASM-6.' })
  @ApiOkResponse({ type: TrainingPlanDetailDto })
  @ApiErrors(400, 403, 404)
  getTrainingPlan(@Param('id', UUID_PARAM) id: string): Promise<TrainingPlanDetailDto> {
    return this.training.getPlan(id);
  }

  @Post('plans/:id/sessions')
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_TRAINING_MANAGE })
  @ApiOperation({
    operationId: 'addTrainingSession',
    summary: 'Record a session of a plan (培训场次)',
    description: 'ASM-6: date and time, place, trainer, content.',
  })
  @ApiCreatedResponse({ type: TrainingPlanDetailDto })
  @ApiErrors(400, 403, 404)
  addTrainingSession(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CreateTrainingSessionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingPlanDetailDto> {
    return this.training.addSession(id, dto, ctx);
  }

  @Put('sessions/:id/attendance')
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_TRAINING_MANAGE })
  @ApiOperation({
    operationId: 'recordTrainingAttendance',
    summary: 'Record attendance (签到) and results of a session',
    description: 'ASM-6: each person attended or not, with a score, pass and remarks where recorded; a person’s row is replaced.',
  })
  @ApiOkResponse({ type: TrainingSessionDto })
  @ApiErrors(400, 403, 404)
  recordTrainingAttendance(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RecordAttendanceDto,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingSessionDto> {
    return this.training.recordAttendance(id, dto, ctx);
  }

  @Get('confidentiality-status')
  @Authenticated()
  @ApiOperation({
    operationId: 'getConfidentialityTrainingStatus',
    summary: 'Whether a person had confidentiality training this quarter',
    description:
      'ASM-6, ADM-10: the gate of classified lending. One’s own status; another person’s for holders of ' +
      'assessment.training.manage or administration.lending.manage.',
  })
  @ApiOkResponse({ type: ConfidentialityTrainingStatusDto })
  @ApiErrors(400, 403)
  async getConfidentialityTrainingStatus(
    @Query() query: TrainingStatusQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ConfidentialityTrainingStatusDto> {
    const actor = ctx.actor!;
    const userId = query.userId ?? actor.id;
    const mayAskForOthers =
      actor.permissions.has(PERMISSIONS.ASSESSMENT_TRAINING_MANAGE) || actor.permissions.has(PERMISSIONS.ADMIN_LENDING_MANAGE);
    if (userId !== actor.id && !mayAskForOthers) {
      throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, 'You may ask about your own training only');
    }
    const now = new Date();
    const { year, quarter } = quarterOf(schoolDateOf(now));
    return { userId, year, quarter, trainedThisQuarter: await this.records.hadConfidentialityTrainingThisQuarter(userId, now) };
  }
}
