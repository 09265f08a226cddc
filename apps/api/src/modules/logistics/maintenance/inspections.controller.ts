import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  CreateInspectionTemplateDto,
  InspectionRoundDetailDto,
  InspectionRoundDto,
  InspectionTemplateDto,
  QueryInspectionRoundsDto,
  RecordInspectionDto,
  UpdateInspectionTemplateDto,
} from './maintenance.dto';
import { InspectionsService } from './inspections.service';

const RoundPage = Paginated(InspectionRoundDto);

/** Facility inspections (设施巡查, LOG-10): checklists per area, rounds per period, results; failures become repair requests. */
@ApiTags('logistics')
@Controller('logistics/inspections')
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  @Get('templates')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_INSPECTIONS_RECORD })
  @ApiOperation({
    operationId: 'listInspectionTemplates',
    summary: 'Inspection checklists',
    description: 'LOG-10: every checklist with its items.',
  })
  @ApiOkResponse({ type: [InspectionTemplateDto] })
  @ApiErrors(403)
  listInspectionTemplates(): Promise<InspectionTemplateDto[]> {
    return this.inspections.listTemplates();
  }

  @Post('templates')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE })
  @ApiOperation({
    operationId: 'createInspectionTemplate',
    summary: 'Add an inspection checklist',
    description:
      'LOG-10: an area (location), a frequency (weekly, monthly, quarterly), the items with their repair category, and optionally the inspector.',
  })
  @ApiCreatedResponse({ type: InspectionTemplateDto })
  @ApiErrors(400, 403)
  createInspectionTemplate(@Body() dto: CreateInspectionTemplateDto, @Ctx() ctx: RequestContext): Promise<InspectionTemplateDto> {
    return this.inspections.createTemplate(dto, ctx);
  }

  @Patch('templates/:id')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE })
  @ApiOperation({
    operationId: 'updateInspectionTemplate',
    summary: 'Retire a checklist or change its inspector',
    description: 'LOG-10: versioned; 409 on a stale version.',
  })
  @ApiOkResponse({ type: InspectionTemplateDto })
  @ApiErrors(400, 403, 404, 409)
  updateInspectionTemplate(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateInspectionTemplateDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InspectionTemplateDto> {
    return this.inspections.updateTemplate(id, dto, ctx);
  }

  @Post('templates/:id/rounds')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_INSPECTIONS_RECORD })
  @ApiOperation({
    operationId: 'openInspectionRound',
    summary: 'Open the round of the current period now',
    description: 'LOG-10: the daily job does this for every active checklist; asking again returns the same round.',
  })
  @ApiOkResponse({ type: InspectionRoundDetailDto })
  @ApiErrors(400, 403, 404, 409)
  openInspectionRound(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<InspectionRoundDetailDto> {
    return this.inspections.openRound(id, ctx);
  }

  @Get('rounds')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_INSPECTIONS_RECORD })
  @ApiOperation({
    operationId: 'listInspectionRounds',
    summary: 'Inspection rounds',
    description: 'LOG-10: open rounds first, by due date.',
  })
  @ApiOkResponse({ type: RoundPage })
  @ApiErrors(400, 403)
  listInspectionRounds(@Query() query: QueryInspectionRoundsDto): Promise<InstanceType<typeof RoundPage>> {
    return this.inspections.listRounds(query);
  }

  @Get('rounds/:id')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_INSPECTIONS_RECORD })
  @ApiOperation({
    operationId: 'getInspectionRound',
    summary: 'A round with its results',
    description: 'LOG-10: each item with its result and the repair request a failure raised.',
  })
  @ApiOkResponse({ type: InspectionRoundDetailDto })
  @ApiErrors(400, 403, 404)
  getInspectionRound(@Param('id', UUID_PARAM) id: string): Promise<InspectionRoundDetailDto> {
    return this.inspections.getRound(id);
  }

  @Post('rounds/:id/results')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_INSPECTIONS_RECORD })
  @ApiOperation({
    operationId: 'recordInspectionResults',
    summary: 'Record pass/fail per item',
    description:
      'LOG-10: each failed item raises a maintenance request (source inspection) at the checklist’s area, linked to the result; ' +
      'at most one open request per item. `complete` closes the round (every item needs a result). 409 INSPECTION_ROUND_CLOSED once completed.',
  })
  @ApiOkResponse({ type: InspectionRoundDetailDto })
  @ApiErrors(400, 403, 404, 409)
  recordInspectionResults(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RecordInspectionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InspectionRoundDetailDto> {
    return this.inspections.record(id, dto, ctx);
  }
}
