import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { IncidentDto, QueryIncidentsDto, RecordIncidentDto, ReviewIncidentDto } from './incidents.dto';
import { IncidentsService } from './incidents.service';

const IncidentPage = Paginated(IncidentDto);

/** The incident register (突发情况, REQ-5), kept by the office. */
@ApiTags('assessment')
@Controller('assessment/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_INCIDENTS_MANAGE })
  @ApiOperation({
    operationId: 'recordIncident',
    summary: 'Record an incident (突发情况)',
    description: 'REQ-5: what, where, when, who handled it, steps taken, outcome, severity.',
  })
  @ApiCreatedResponse({ type: IncidentDto })
  @ApiErrors(400, 403)
  recordIncident(@Body() dto: RecordIncidentDto, @Ctx() ctx: RequestContext): Promise<IncidentDto> {
    return this.incidents.record(dto, ctx);
  }

  @Get()
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_INCIDENTS_MANAGE })
  @ApiOperation({
    operationId: 'listIncidents',
    summary: 'The incident register',
    description: 'REQ-5: newest first; by status, severity, text.',
  })
  @ApiOkResponse({ type: IncidentPage })
  @ApiErrors(400, 403)
  listIncidents(@Query() query: QueryIncidentsDto): Promise<InstanceType<typeof IncidentPage>> {
    return this.incidents.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_INCIDENTS_MANAGE })
  @ApiOperation({ operationId: 'getIncident', summary: 'An incident', description: 'REQ-5.' })
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrors(400, 403, 404)
  getIncident(@Param('id', UUID_PARAM) id: string): Promise<IncidentDto> {
    return this.incidents.get(id);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_INCIDENTS_MANAGE })
  @ApiOperation({
    operationId: 'reviewIncident',
    summary: 'Write the post-incident review (事后总结)',
    description: 'REQ-5, ASM-5: its lessons become the measures of a new improvement problem, in the same transaction.',
  })
  @ApiOkResponse({ type: IncidentDto })
  @ApiErrors(400, 403, 404, 409)
  reviewIncident(@Param('id', UUID_PARAM) id: string, @Body() dto: ReviewIncidentDto, @Ctx() ctx: RequestContext): Promise<IncidentDto> {
    return this.incidents.review(id, dto, ctx);
  }
}
