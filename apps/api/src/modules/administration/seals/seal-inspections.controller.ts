import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  OpenedInspectionsDto,
  OpenSealInspectionsDto,
  QuerySealInspectionsDto,
  RecordSealInspectionDto,
  SealInspectionDto,
} from './seal-inspections.dto';
import { SealInspectionsService } from './seal-inspections.service';

const InspectionPage = Paginated(SealInspectionDto);

/** Seal inspections (印章检查, ADM-6). */
@ApiTags('administration')
@Controller('administration/seal-inspections')
export class SealInspectionsController {
  constructor(private readonly inspections: SealInspectionsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listSealInspections',
    summary: 'List seal inspections',
    description: 'ADM-6: one’s own as custodian; all for administration.seals.manage.',
  })
  @ApiOkResponse({ type: InspectionPage })
  @ApiErrors(400)
  listSealInspections(@Query() query: QuerySealInspectionsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof InspectionPage>> {
    return this.inspections.list(query, ctx.actor!);
  }

  @Post('open')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ADMIN_SEALS_MANAGE })
  @ApiOperation({
    operationId: 'openSealInspections',
    summary: 'Open the month’s inspections now',
    description: 'ADM-6: what the monthly job does on the 1st; existing inspections of the month are kept.',
  })
  @ApiOkResponse({ type: OpenedInspectionsDto })
  @ApiErrors(400, 403)
  openSealInspections(@Body() dto: OpenSealInspectionsDto, @Ctx() ctx: RequestContext): Promise<OpenedInspectionsDto> {
    return dto.period ? this.inspections.openMonthly(dto.period, ctx) : this.inspections.openMonthly(undefined, ctx);
  }

  @Post(':id/record')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'recordSealInspection',
    summary: 'Record an inspection’s result and photo',
    description:
      'ADM-6: by the custodian. A damaged seal is suspended; a lost one is marked lost at once and the leaders are notified. ' +
      '409 SEAL_INSPECTION_DONE when recorded already.',
  })
  @ApiOkResponse({ type: SealInspectionDto })
  @ApiErrors(400, 403, 404, 409)
  recordSealInspection(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RecordSealInspectionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SealInspectionDto> {
    return this.inspections.record(id, dto, ctx);
  }
}
