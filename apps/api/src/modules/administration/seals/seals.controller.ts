import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  ChangeSealStatusDto,
  CreateSealDto,
  HandoverNoteDto,
  QuerySealsDto,
  ReportSealIncidentDto,
  SealDetailDto,
  SealDto,
  StartHandoverDto,
  UpdateSealDto,
} from './seals.dto';
import { SealsService } from './seals.service';

const SealPage = Paginated(SealDto);

/** The seal register (印章, ADM-4): school-wide to read, so that anyone may apply; kept by administration.seals.manage. */
@ApiTags('administration')
@Controller('administration/seals')
export class SealsController {
  constructor(private readonly seals: SealsService) {}

  @Post()
  @Authenticated({ permission: PERMISSIONS.ADMIN_SEALS_MANAGE })
  @ApiOperation({
    operationId: 'createSeal',
    summary: 'Register a seal (印章登记)',
    description: 'ADM-4: name, type, custodian, the 印模 images (draft files); the seal starts in use.',
  })
  @ApiCreatedResponse({ type: SealDetailDto })
  @ApiErrors(400, 403)
  createSeal(@Body() dto: CreateSealDto, @Ctx() ctx: RequestContext): Promise<SealDetailDto> {
    return this.seals.create(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ operationId: 'listSeals', summary: 'List the seals', description: 'ADM-4: by status, type and name (`q`).' })
  @ApiOkResponse({ type: SealPage })
  @ApiErrors(400)
  listSeals(@Query() query: QuerySealsDto): Promise<InstanceType<typeof SealPage>> {
    return this.seals.list(query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ operationId: 'getSeal', summary: 'Get a seal with its 印模 and handovers', description: 'ADM-4' })
  @ApiOkResponse({ type: SealDetailDto })
  @ApiErrors(400, 404)
  getSeal(@Param('id', UUID_PARAM) id: string): Promise<SealDetailDto> {
    return this.seals.get(id);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.ADMIN_SEALS_MANAGE })
  @ApiOperation({
    operationId: 'updateSeal',
    summary: 'Edit a seal',
    description: 'ADM-4: name, type, department, note, more 印模 images; optimistic locking by `version` (409 on a stale one).',
  })
  @ApiOkResponse({ type: SealDetailDto })
  @ApiErrors(400, 403, 404, 409)
  updateSeal(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateSealDto, @Ctx() ctx: RequestContext): Promise<SealDetailDto> {
    return this.seals.update(id, dto, ctx);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ADMIN_SEALS_MANAGE })
  @ApiOperation({
    operationId: 'changeSealStatus',
    summary: 'Suspend, resume or destroy a seal',
    description: 'ADM-4: 409 SEAL_ILLEGAL_STATUS for a move SEAL_STATUS_MOVES does not allow (a destroyed seal is final).',
  })
  @ApiOkResponse({ type: SealDetailDto })
  @ApiErrors(400, 403, 404, 409)
  changeSealStatus(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ChangeSealStatusDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SealDetailDto> {
    return this.seals.changeStatus(id, dto, ctx);
  }

  @Post(':id/report')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'reportSealIncident',
    summary: 'Report damage or loss of a seal',
    description:
      'ADM-6: by the custodian or a keeper of the register. Damage suspends the seal; loss marks it lost at once (no application ' +
      'nor use any more) and notifies the school leaders and the office director on every channel.',
  })
  @ApiOkResponse({ type: SealDetailDto })
  @ApiErrors(400, 403, 404, 409)
  reportSealIncident(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ReportSealIncidentDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SealDetailDto> {
    return this.seals.report(id, dto.kind, dto.note, ctx);
  }

  @Post(':id/handovers')
  @Authenticated()
  @ApiOperation({
    operationId: 'startSealHandover',
    summary: 'Hand a seal over (交接)',
    description:
      'ADM-4: recorded by the custodian (or a keeper of the register); custody moves when the new custodian confirms with their own ' +
      'login. 409 SEAL_HANDOVER_PENDING while another handover waits.',
  })
  @ApiCreatedResponse({ type: SealDetailDto })
  @ApiErrors(400, 403, 404, 409)
  startSealHandover(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: StartHandoverDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SealDetailDto> {
    return this.seals.startHandover(id, dto.toUserId, dto.note, ctx);
  }
}

@ApiTags('administration')
@Controller('administration/seal-handovers')
export class SealHandoversController {
  constructor(private readonly seals: SealsService) {}

  @Post(':id/confirm')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'confirmSealHandover',
    summary: 'Confirm receipt of a seal (接收)',
    description: 'ADM-4: only by the new custodian; the seal is in their custody from now. 409 SEAL_HANDOVER_CLOSED if not pending.',
  })
  @ApiOkResponse({ type: SealDetailDto })
  @ApiErrors(400, 403, 404, 409)
  confirmSealHandover(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: HandoverNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SealDetailDto> {
    return this.seals.confirmHandover(id, dto.note, ctx);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'cancelSealHandover', summary: 'Cancel a pending handover', description: 'ADM-4: by either side.' })
  @ApiOkResponse({ type: SealDetailDto })
  @ApiErrors(400, 403, 404, 409)
  cancelSealHandover(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: HandoverNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SealDetailDto> {
    return this.seals.cancelHandover(id, dto.note, ctx);
  }
}
