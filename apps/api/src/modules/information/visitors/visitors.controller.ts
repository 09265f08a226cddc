import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  AnswerVisitorQuestionDto,
  QueryVisitorQuestionsDto,
  QueryVisitsDto,
  QueryVisitStatsDto,
  RegisterVisitDto,
  SignOutVisitDto,
  VisitDto,
  VisitorQuestionDto,
  VisitorQuestionInputDto,
  VisitStatsDto,
} from './visitors.dto';
import { VisitorsService } from './visitors.service';

const VisitPage = Paginated(VisitDto);
const VisitorQuestionPage = Paginated(VisitorQuestionDto);

/** Visitor reception (来访接待, INF-7): the visitor log, questions and statistics. */
@ApiTags('information')
@Controller('information/reception')
export class VisitorsController {
  constructor(private readonly visitors: VisitorsService) {}

  @Post('visits')
  @Authenticated({ permission: PERMISSIONS.INFO_RECEPTION_MANAGE })
  @ApiOperation({
    operationId: 'registerVisit',
    summary: 'Register a visitor (来访登记)',
    description:
      'INF-7: name, organisation, purpose, host person or department, time in; the ID number is checked by its checksum and only ' +
      'its masked form (last four digits) is stored. The acknowledgement of the confidentiality reminder is required and recorded ' +
      'with its time. Questions are answered on the spot or transferred to a department.',
  })
  @ApiCreatedResponse({ type: VisitDto })
  @ApiErrors(400, 403)
  // No Idempotency-Key here on purpose: the replay store keeps a hash of the body, and a hash of a
  // body holding an 18-digit ID number (with the rest of the visit known) can be brute-forced.
  registerVisit(@Body() dto: RegisterVisitDto, @Ctx() ctx: RequestContext): Promise<VisitDto> {
    return this.visitors.register(dto, ctx);
  }

  @Get('visits')
  @Authenticated({ permission: PERMISSIONS.INFO_RECEPTION_MANAGE })
  @ApiOperation({
    operationId: 'listVisits',
    summary: 'The visitor log',
    description: 'INF-7: by date range, purpose, still inside, name.',
  })
  @ApiOkResponse({ type: VisitPage })
  @ApiErrors(400, 403)
  listVisits(@Query() query: QueryVisitsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof VisitPage>> {
    return this.visitors.list(query, ctx.actor!);
  }

  @Get('visits/statistics')
  @Authenticated({ permission: PERMISSIONS.INFO_RECEPTION_MANAGE })
  @ApiOperation({
    operationId: 'getVisitStatistics',
    summary: 'Reception statistics',
    description: 'INF-7: visits by purpose, by department visited, by day and by month, over a date range (at most a year).',
  })
  @ApiOkResponse({ type: VisitStatsDto })
  @ApiErrors(400, 403)
  getVisitStatistics(@Query() query: QueryVisitStatsDto, @Ctx() ctx: RequestContext): Promise<VisitStatsDto> {
    return this.visitors.statistics(query, ctx.actor!);
  }

  @Get('visits/:id')
  @Authenticated({ permission: PERMISSIONS.INFO_RECEPTION_MANAGE })
  @ApiOperation({ operationId: 'getVisit', summary: 'A visit with its questions', description: 'INF-7' })
  @ApiOkResponse({ type: VisitDto })
  @ApiErrors(400, 403, 404)
  getVisit(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<VisitDto> {
    return this.visitors.get(id, ctx);
  }

  @Post('visits/:id/sign-out')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INFO_RECEPTION_MANAGE })
  @ApiOperation({
    operationId: 'signOutVisit',
    summary: 'Record the time out',
    description: 'INF-7: 409 VISIT_SIGNED_OUT the second time.',
  })
  @ApiOkResponse({ type: VisitDto })
  @ApiErrors(400, 403, 404, 409)
  signOutVisit(@Param('id', UUID_PARAM) id: string, @Body() dto: SignOutVisitDto, @Ctx() ctx: RequestContext): Promise<VisitDto> {
    return this.visitors.signOut(id, dto, ctx);
  }

  @Post('visits/:id/questions')
  @Authenticated({ permission: PERMISSIONS.INFO_RECEPTION_MANAGE })
  @ApiOperation({
    operationId: 'addVisitorQuestion',
    summary: 'Record a visitor’s question',
    description: 'INF-7: answered on the spot (answer), or transferred to a department (departmentId, dueAt; default 3 working days).',
  })
  @ApiCreatedResponse({ type: VisitorQuestionDto })
  @ApiErrors(400, 403, 404)
  addVisitorQuestion(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: VisitorQuestionInputDto,
    @Ctx() ctx: RequestContext,
  ): Promise<VisitorQuestionDto> {
    return this.visitors.addQuestion(id, dto, ctx);
  }

  @Get('questions')
  @Authenticated()
  @ApiOperation({
    operationId: 'listVisitorQuestions',
    summary: 'Visitors’ questions',
    description: 'INF-7: the reception office sees all; a department sees those transferred to it. `overdue` flags late answers.',
  })
  @ApiOkResponse({ type: VisitorQuestionPage })
  @ApiErrors(400)
  listVisitorQuestions(
    @Query() query: QueryVisitorQuestionsDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof VisitorQuestionPage>> {
    return this.visitors.listQuestions(query, ctx.actor!);
  }

  @Get('questions/:id')
  @Authenticated()
  @ApiOperation({ operationId: 'getVisitorQuestion', summary: 'A visitor’s question', description: 'INF-7: 404 for other departments.' })
  @ApiOkResponse({ type: VisitorQuestionDto })
  @ApiErrors(400, 404)
  getVisitorQuestion(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<VisitorQuestionDto> {
    return this.visitors.getQuestion(id, ctx);
  }

  @Post('questions/:id/answer')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'answerVisitorQuestion',
    summary: 'Answer a transferred question',
    description:
      'INF-7: by the department it was transferred to (or the reception office); closes the inbox item and tells the receptionist.',
  })
  @ApiOkResponse({ type: VisitorQuestionDto })
  @ApiErrors(400, 404, 409)
  answerVisitorQuestion(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AnswerVisitorQuestionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<VisitorQuestionDto> {
    return this.visitors.answerQuestion(id, dto.answer, ctx);
  }
}
