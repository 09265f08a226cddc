import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  AddMeasuresDto,
  AnalyseProblemDto,
  CreateProblemDto,
  EvaluateProblemDto,
  ProblemDto,
  QueryProblemsDto,
  ReportMeasureDto,
} from './improvement.dto';
import { ImprovementService } from './improvement.service';

const ProblemPage = Paginated(ProblemDto);

/** Improvement (整改, ASM-5): the office runs problems; measure owners report their measures. */
@ApiTags('assessment')
@Controller('assessment/improvement/problems')
export class ImprovementController {
  constructor(private readonly improvement: ImprovementService) {}

  @Post()
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE })
  @ApiOperation({
    operationId: 'createImprovementProblem',
    summary: 'Record a problem to improve (整改问题)',
    description: 'ASM-5: a problem with its source (evaluation, questionnaire, suggestion, inspection, audit, incident review).',
  })
  @ApiCreatedResponse({ type: ProblemDto })
  @ApiErrors(400, 403, 409)
  createImprovementProblem(@Body() dto: CreateProblemDto, @Ctx() ctx: RequestContext): Promise<ProblemDto> {
    return this.improvement.create(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listImprovementProblems',
    summary: 'List improvement problems',
    description: 'ASM-5: the office sees all; a measure owner the problems of their measures. Filters: status, source, overdue.',
  })
  @ApiOkResponse({ type: ProblemPage })
  @ApiErrors(400)
  listImprovementProblems(@Query() query: QueryProblemsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof ProblemPage>> {
    return this.improvement.list(query, ctx.actor!);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ operationId: 'getImprovementProblem', summary: 'An improvement problem with its measures', description: 'ASM-5.' })
  @ApiOkResponse({ type: ProblemDto })
  @ApiErrors(400, 404)
  getImprovementProblem(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<ProblemDto> {
    return this.improvement.get(id, ctx);
  }

  @Post(':id/analyse')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE })
  @ApiOperation({ operationId: 'analyseImprovementProblem', summary: 'Record the root cause (根本原因分析)', description: 'ASM-5.' })
  @ApiOkResponse({ type: ProblemDto })
  @ApiErrors(400, 403, 404, 409)
  analyseImprovementProblem(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AnalyseProblemDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ProblemDto> {
    return this.improvement.analyse(id, dto, ctx);
  }

  @Post(':id/measures')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE })
  @ApiOperation({
    operationId: 'addImprovementMeasures',
    summary: 'Add measures, each with an owner and a deadline',
    description: 'ASM-5: each measure opens an item in its owner’s inbox.',
  })
  @ApiOkResponse({ type: ProblemDto })
  @ApiErrors(400, 403, 404, 409)
  addImprovementMeasures(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AddMeasuresDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ProblemDto> {
    return this.improvement.addMeasures(id, dto, ctx);
  }

  @Post(':id/measures/:measureId/report')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'reportImprovementMeasure',
    summary: 'Report one’s measure implemented',
    description: 'ASM-5: only the measure’s owner; closes their inbox item. The last one moves the problem to evaluation.',
  })
  @ApiOkResponse({ type: ProblemDto })
  @ApiErrors(400, 404, 409)
  reportImprovementMeasure(
    @Param('id', UUID_PARAM) id: string,
    @Param('measureId', UUID_PARAM) measureId: string,
    @Body() dto: ReportMeasureDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ProblemDto> {
    return this.improvement.reportMeasure(id, measureId, dto, ctx);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE })
  @ApiOperation({
    operationId: 'closeImprovementProblem',
    summary: 'Effect evaluated: effective, close',
    description: 'ASM-5: only once every measure is implemented.',
  })
  @ApiOkResponse({ type: ProblemDto })
  @ApiErrors(400, 403, 404, 409)
  closeImprovementProblem(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: EvaluateProblemDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ProblemDto> {
    return this.improvement.close(id, dto, ctx);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE })
  @ApiOperation({
    operationId: 'reopenImprovementProblem',
    summary: 'Effect evaluated: not effective, reopen',
    description: 'ASM-5: further measures follow in the next round.',
  })
  @ApiOkResponse({ type: ProblemDto })
  @ApiErrors(400, 403, 404, 409)
  reopenImprovementProblem(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: EvaluateProblemDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ProblemDto> {
    return this.improvement.reopen(id, dto, ctx);
  }
}
