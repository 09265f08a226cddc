import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Idempotent } from '../../../platform/http/idempotency';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { EvaluationCyclesService } from './evaluation-cycles.service';
import { EvaluationFormsService } from './evaluation-forms.service';
import { EvaluationResultsService } from './evaluation-results.service';
import {
  CreateEvaluationCycleDto,
  CreateEvaluationTemplateDto,
  CycleMoveDto,
  EvaluationCycleDto,
  EvaluationFormDetailDto,
  EvaluationFormDto,
  EvaluationReportDto,
  EvaluationResultDto,
  EvaluationTemplateDto,
  ParticipantProgressDto,
  QueryCyclesDto,
  QueryMyFormsDto,
  QueryResultsDto,
  ResultCycleDto,
  SubmitEvaluationFormDto,
} from './evaluations.dto';

const MANAGE = { permission: PERMISSIONS.ASSESSMENT_EVALUATIONS_MANAGE };

/** The office's side of evaluations (考核, ASM-2): templates and cycles. */
@ApiTags('assessment')
@Controller('assessment/evaluations')
export class EvaluationCyclesController {
  constructor(private readonly cycles: EvaluationCyclesService) {}

  @Post('templates')
  @Authenticated(MANAGE)
  @Idempotent()
  @ApiOperation({
    operationId: 'createEvaluationTemplate',
    summary: 'Create a template of weighted dimensions',
    description: 'ASM-2: e.g. 工作量 40, 工作质量 40, 服务态度 20; the weights sum to 100, each dimension has its scale.',
  })
  @ApiCreatedResponse({ type: EvaluationTemplateDto })
  @ApiErrors(400, 403)
  createEvaluationTemplate(@Body() dto: CreateEvaluationTemplateDto, @Ctx() ctx: RequestContext): Promise<EvaluationTemplateDto> {
    return this.cycles.createTemplate(dto, ctx);
  }

  @Get('templates')
  @Authenticated(MANAGE)
  @ApiOperation({ operationId: 'listEvaluationTemplates', summary: 'List templates', description: 'ASM-2: newest first.' })
  @ApiOkResponse({ type: [EvaluationTemplateDto] })
  @ApiErrors(403)
  listEvaluationTemplates(): Promise<EvaluationTemplateDto[]> {
    return this.cycles.listTemplates();
  }

  @Post('cycles')
  @Authenticated(MANAGE)
  @Idempotent()
  @ApiOperation({
    operationId: 'createEvaluationCycle',
    summary: 'Set up a cycle (draft)',
    description:
      'ASM-2: a month or a term, a template, the self/peer/leader weights (sum 100), the peer minimum, and the people or departments evaluated; peers default to colleagues of the same department.',
  })
  @ApiCreatedResponse({ type: EvaluationCycleDto })
  @ApiErrors(400, 403)
  createEvaluationCycle(@Body() dto: CreateEvaluationCycleDto, @Ctx() ctx: RequestContext): Promise<EvaluationCycleDto> {
    return this.cycles.createCycle(dto, ctx);
  }

  @Get('cycles')
  @Authenticated(MANAGE)
  @ApiOperation({ operationId: 'listEvaluationCycles', summary: 'List cycles', description: 'ASM-2: the newest period first.' })
  @ApiOkResponse({ type: [EvaluationCycleDto] })
  @ApiErrors(400, 403)
  listEvaluationCycles(@Query() query: QueryCyclesDto): Promise<EvaluationCycleDto[]> {
    return this.cycles.listCycles(query);
  }

  @Get('cycles/:id')
  @Authenticated(MANAGE)
  @ApiOperation({ operationId: 'getEvaluationCycle', summary: 'A cycle', description: 'ASM-2.' })
  @ApiOkResponse({ type: EvaluationCycleDto })
  @ApiErrors(400, 403, 404)
  getEvaluationCycle(@Param('id', UUID_PARAM) id: string): Promise<EvaluationCycleDto> {
    return this.cycles.getCycle(id);
  }

  @Get('cycles/:id/progress')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'getEvaluationCycleProgress',
    summary: 'Who is evaluated and how far their forms are',
    description: 'ASM-2: counts of peer forms submitted, never which peer submitted.',
  })
  @ApiOkResponse({ type: [ParticipantProgressDto] })
  @ApiErrors(400, 403, 404)
  getEvaluationCycleProgress(@Param('id', UUID_PARAM) id: string): Promise<ParticipantProgressDto[]> {
    return this.cycles.progress(id);
  }

  @Post('cycles/:id/open')
  @HttpCode(200)
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'openEvaluationCycle',
    summary: 'Open the cycle',
    description: 'ASM-2: every self, peer and leader form goes to its evaluator’s inbox.',
  })
  @ApiOkResponse({ type: EvaluationCycleDto })
  @ApiErrors(400, 403, 404, 409)
  openEvaluationCycle(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CycleMoveDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationCycleDto> {
    return this.cycles.open(id, dto, ctx);
  }

  @Post('cycles/:id/close')
  @HttpCode(200)
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'closeEvaluationCycle',
    summary: 'Close the cycle and compute the results',
    description: 'ASM-2: pending forms expire; results are computed; peer forms keep no scores after this, only the aggregate.',
  })
  @ApiOkResponse({ type: EvaluationCycleDto })
  @ApiErrors(400, 403, 404, 409)
  closeEvaluationCycle(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CycleMoveDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationCycleDto> {
    return this.cycles.close(id, dto, ctx);
  }

  @Post('cycles/:id/release')
  @HttpCode(200)
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'releaseEvaluationCycle',
    summary: 'Release the results',
    description: 'ASM-2: each person sees their report, with a to-do to acknowledge it.',
  })
  @ApiOkResponse({ type: EvaluationCycleDto })
  @ApiErrors(400, 403, 404, 409)
  releaseEvaluationCycle(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CycleMoveDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationCycleDto> {
    return this.cycles.release(id, dto, ctx);
  }
}

/** Everyone's side of evaluations (ASM-2): the forms they fill, the results they may see, their own report. */
@ApiTags('assessment')
@Controller('assessment/evaluations')
export class EvaluationFormsController {
  constructor(
    private readonly cycles: EvaluationCyclesService,
    private readonly forms: EvaluationFormsService,
    private readonly results: EvaluationResultsService,
  ) {}

  @Get('forms')
  @Authenticated()
  @ApiOperation({
    operationId: 'listMyEvaluationForms',
    summary: 'My forms to fill',
    description: 'ASM-2: the self, peer and leader forms of which I am the evaluator; pending first.',
  })
  @ApiOkResponse({ type: [EvaluationFormDto] })
  @ApiErrors(400)
  listMyEvaluationForms(@Query() query: QueryMyFormsDto, @Ctx() ctx: RequestContext): Promise<EvaluationFormDto[]> {
    return this.forms.mine(query, ctx);
  }

  @Get('forms/:id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getEvaluationForm',
    summary: 'A form of mine, with the evidence panel',
    description: "ASM-2: 404 unless I am its evaluator. The evidence is the evaluated person's own figures from the system for the period.",
  })
  @ApiOkResponse({ type: EvaluationFormDetailDto })
  @ApiErrors(400, 404)
  getEvaluationForm(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<EvaluationFormDetailDto> {
    return this.forms.get(id, ctx);
  }

  @Post('forms/:id/submit')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'submitEvaluationForm',
    summary: 'Submit my scores',
    description: 'ASM-2: once; a second submission is 409. Every dimension scored within its scale; peers give no comment.',
  })
  @ApiOkResponse({ type: EvaluationFormDetailDto })
  @ApiErrors(400, 404, 409)
  submitEvaluationForm(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: SubmitEvaluationFormDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationFormDetailDto> {
    return this.forms.submit(id, dto, ctx);
  }

  @Get('results')
  @Authenticated()
  @ApiOperation({
    operationId: 'listEvaluationResults',
    summary: 'Results of a cycle, ranked per department',
    description:
      'ASM-2: a department head sees their departments’ results; the office all; anyone else their own once released. Aggregates only.',
  })
  @ApiOkResponse({ type: [EvaluationResultDto] })
  @ApiErrors(400)
  listEvaluationResults(@Query() query: QueryResultsDto, @Ctx() ctx: RequestContext): Promise<EvaluationResultDto[]> {
    return this.results.list(query, ctx);
  }

  @Get('result-cycles')
  @Authenticated()
  @ApiOperation({
    operationId: 'listEvaluationResultCycles',
    summary: 'Cycles with results',
    description: 'ASM-2: closed and released cycles, to pick on the results page; which results show is decided per person.',
  })
  @ApiOkResponse({ type: [ResultCycleDto] })
  listEvaluationResultCycles(): Promise<ResultCycleDto[]> {
    return this.cycles.resultCycles();
  }

  @Get('results/:id')
  @Authenticated()
  @ApiOperation({ operationId: 'getEvaluationResult', summary: 'One result as a report', description: 'ASM-2: 404 unless visible to me.' })
  @ApiOkResponse({ type: EvaluationReportDto })
  @ApiErrors(400, 404)
  getEvaluationResult(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<EvaluationReportDto> {
    return this.results.get(id, ctx);
  }

  @Post('results/:id/acknowledge')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'acknowledgeEvaluationReport',
    summary: 'Acknowledge my report',
    description: 'ASM-2: the person evaluated, once the results are released; once.',
  })
  @ApiOkResponse({ type: EvaluationReportDto })
  @ApiErrors(400, 403, 404, 409)
  acknowledgeEvaluationReport(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<EvaluationReportDto> {
    return this.results.acknowledge(id, ctx);
  }

  @Get('reports')
  @Authenticated()
  @ApiOperation({ operationId: 'listMyEvaluationReports', summary: 'My reports', description: 'ASM-2: my released results, newest first.' })
  @ApiOkResponse({ type: [EvaluationReportDto] })
  listMyEvaluationReports(@Ctx() ctx: RequestContext): Promise<EvaluationReportDto[]> {
    return this.results.mine(ctx);
  }
}
