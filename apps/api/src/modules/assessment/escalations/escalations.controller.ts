import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  AnswerEscalationDto,
  EscalationDto,
  EscalationRouteDto,
  QueryEscalationsDto,
  ReportEscalationDto,
  SetEscalationRouteDto,
} from './escalations.dto';
import { EscalationsService } from './escalations.service';

const EscalationPage = Paginated(EscalationDto);

/** The routing of escalations by category (REQ-1), kept by the office. */
@ApiTags('assessment')
@Controller('assessment/escalation-routes')
export class EscalationRoutesController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_ESCALATIONS_MANAGE })
  @ApiOperation({
    operationId: 'listEscalationRoutes',
    summary: 'The routing table',
    description: 'REQ-1: every category with its leader and working days to answer.',
  })
  @ApiOkResponse({ type: EscalationRouteDto, isArray: true })
  @ApiErrors(403)
  listEscalationRoutes(): Promise<EscalationRouteDto[]> {
    return this.escalations.routes();
  }

  @Put(':category')
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_ESCALATIONS_MANAGE })
  @ApiOperation({
    operationId: 'setEscalationRoute',
    summary: 'Set the leader of a category',
    description: 'REQ-1: later reports of the category go to this leader, due within these working days.',
  })
  @ApiOkResponse({ type: EscalationRouteDto, isArray: true })
  @ApiErrors(400, 403)
  setEscalationRoute(
    @Param('category') category: string,
    @Body() dto: SetEscalationRouteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EscalationRouteDto[]> {
    return this.escalations.setRoute(category, dto, ctx);
  }
}

/** Escalation (问题上报, REQ-1). */
@ApiTags('assessment')
@Controller('assessment/escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Post()
  @Authenticated()
  @ApiOperation({
    operationId: 'reportEscalation',
    summary: 'Report a problem to the leadership (问题上报)',
    description: 'REQ-1: routed by category to its leader’s inbox; 409 ESCALATION_UNROUTED while the category has no leader.',
  })
  @ApiCreatedResponse({ type: EscalationDto })
  @ApiErrors(400, 409)
  reportEscalation(@Body() dto: ReportEscalationDto, @Ctx() ctx: RequestContext): Promise<EscalationDto> {
    return this.escalations.report(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listEscalations',
    summary: 'List escalations',
    description: 'REQ-1: one’s own reports and those routed to one; the office sees all. Filters: status, category, overdue.',
  })
  @ApiOkResponse({ type: EscalationPage })
  @ApiErrors(400)
  listEscalations(@Query() query: QueryEscalationsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof EscalationPage>> {
    return this.escalations.list(query, ctx.actor!);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getEscalation',
    summary: 'An escalation',
    description: 'REQ-1: 404 unless it is yours, routed to you, or you are the office.',
  })
  @ApiOkResponse({ type: EscalationDto })
  @ApiErrors(400, 404)
  getEscalation(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<EscalationDto> {
    return this.escalations.get(id, ctx);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'answerEscalation', summary: 'Answer an escalation', description: 'REQ-1: the leader it was routed to.' })
  @ApiOkResponse({ type: EscalationDto })
  @ApiErrors(400, 404, 409)
  answerEscalation(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AnswerEscalationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EscalationDto> {
    return this.escalations.answer(id, dto, ctx);
  }
}
