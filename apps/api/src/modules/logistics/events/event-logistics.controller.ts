import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  AccountMaterialDto,
  AddDecorationDto,
  AddDutyDto,
  AddMaterialDto,
  AddRehearsalCheckDto,
  CreateEventDto,
  EventDetailDto,
  EventSummaryDto,
  LogIncidentDto,
  MoveEventDto,
  PlaceLayoutPieceDto,
  QueryEventsDto,
  ReconcileEventDto,
  ReconciliationReportDto,
  SetRehearsalCheckDto,
  UpdateEventDto,
} from './event.dto';
import { EventLogisticsService } from './event-logistics.service';

const EventPage = Paginated(EventSummaryDto);

/**
 * Event logistics (活动后勤, LOG-11). Creating needs logistics.events.manage; everything else is
 * open to who may see the event (404 otherwise) and changed by its owner or the office (403 otherwise).
 */
@ApiTags('logistics')
@Controller('logistics/events')
export class EventLogisticsController {
  constructor(private readonly events: EventLogisticsService) {}

  @Post()
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_EVENTS_MANAGE })
  @ApiOperation({
    operationId: 'createEvent',
    summary: 'Create an event (活动)',
    description: 'LOG-11: title, start and end, venue (optionally a meeting room), owner; starts in planning.',
  })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403)
  createEvent(@Body() dto: CreateEventDto, @Ctx() ctx: RequestContext): Promise<EventDetailDto> {
    return this.events.create(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listEvents',
    summary: 'The events',
    description: 'LOG-11: every event for logistics.events.manage; one’s own events (as owner) otherwise.',
  })
  @ApiOkResponse({ type: EventPage })
  @ApiErrors(400)
  listEvents(@Query() query: QueryEventsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof EventPage>> {
    return this.events.list(query, ctx.actor!);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getEvent',
    summary: 'An event with its material list, layout, decorations, rehearsal checklist, duty roster and incidents',
    description: 'LOG-11: 404 for who may not see it (neither its owner nor logistics.events.manage).',
  })
  @ApiOkResponse({ type: EventDetailDto })
  @ApiErrors(400, 404)
  getEvent(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<EventDetailDto> {
    return this.events.get(id, ctx);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'updateEvent',
    summary: 'Change an event',
    description: 'LOG-11: optimistic locking by `version` (409 when stale); the grid does not shrink under its pieces.',
  })
  @ApiOkResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  updateEvent(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateEventDto, @Ctx() ctx: RequestContext): Promise<EventDetailDto> {
    return this.events.update(id, dto, ctx);
  }

  @Post(':id/status')
  @Authenticated()
  @ApiOperation({
    operationId: 'moveEvent',
    summary: 'Move an event: planning ⇄ ready → held',
    description: 'LOG-11: 409 EVENT_ILLEGAL_STATUS for any other move; reconciled only through reconcileEvent.',
  })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  moveEvent(@Param('id', UUID_PARAM) id: string, @Body() dto: MoveEventDto, @Ctx() ctx: RequestContext): Promise<EventDetailDto> {
    return this.events.move(id, dto, ctx);
  }

  @Post(':id/materials')
  @Authenticated()
  @ApiOperation({
    operationId: 'addEventMaterial',
    summary: 'Add a line to the material list',
    description:
      'LOG-11: from stock (a supply item), to buy (a note) or to rent (supplier, cost in fen, return date); while planning or ready.',
  })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  addEventMaterial(@Param('id', UUID_PARAM) id: string, @Body() dto: AddMaterialDto, @Ctx() ctx: RequestContext): Promise<EventDetailDto> {
    return this.events.addMaterial(id, dto, ctx);
  }

  @Delete(':id/materials/:materialId')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'removeEventMaterial',
    summary: 'Remove a line of the material list',
    description: 'LOG-11: a planned or reserved line; a reserved line’s reservation is released in the ledger.',
  })
  @ApiOkResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  removeEventMaterial(
    @Param('id', UUID_PARAM) id: string,
    @Param('materialId', UUID_PARAM) materialId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.removeMaterial(id, materialId, ctx);
  }

  @Post(':id/materials/:materialId/confirm')
  @Authenticated()
  @ApiOperation({
    operationId: 'confirmEventMaterial',
    summary: 'Confirm a stock line: reserve it',
    description:
      'LOG-11, LOG-6: a reservation movement in the stock ledger (available stock falls); 409 INSUFFICIENT_STOCK when less is available.',
  })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  confirmEventMaterial(
    @Param('id', UUID_PARAM) id: string,
    @Param('materialId', UUID_PARAM) materialId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.confirmMaterial(id, materialId, ctx);
  }

  @Post(':id/materials/:materialId/issue')
  @Authenticated()
  @ApiOperation({
    operationId: 'issueEventMaterial',
    summary: 'Issue a reserved stock line',
    description: 'LOG-11: release and out movements in the stock ledger (on hand falls); 409 INSUFFICIENT_STOCK when less is on hand.',
  })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  issueEventMaterial(
    @Param('id', UUID_PARAM) id: string,
    @Param('materialId', UUID_PARAM) materialId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.issueMaterial(id, materialId, ctx);
  }

  @Post(':id/materials/:materialId/account')
  @Authenticated()
  @ApiOperation({
    operationId: 'accountEventMaterial',
    summary: 'Account for a line at the clean-up (清点)',
    description:
      'LOG-11: returned (stock: a return movement into the ledger; rental: marked returned), consumed, missing and damaged, adding up to the quantity; missing or damaged needs the person responsible.',
  })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  accountEventMaterial(
    @Param('id', UUID_PARAM) id: string,
    @Param('materialId', UUID_PARAM) materialId: string,
    @Body() dto: AccountMaterialDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.accountMaterial(id, materialId, dto, ctx);
  }

  @Get(':id/reconciliation')
  @Authenticated()
  @ApiOperation({
    operationId: 'getEventReconciliation',
    summary: 'The clean-up report (清点报告)',
    description: 'LOG-11: lines not yet accounted for, and missing or damaged items with the person responsible.',
  })
  @ApiOkResponse({ type: ReconciliationReportDto })
  @ApiErrors(400, 404)
  getEventReconciliation(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<ReconciliationReportDto> {
    return this.events.report(id, ctx);
  }

  @Post(':id/reconcile')
  @Authenticated()
  @ApiOperation({
    operationId: 'reconcileEvent',
    summary: 'Complete the reconciliation: held → reconciled',
    description:
      'LOG-11: refused with 409 EVENT_LINES_UNACCOUNTED (the lines under `errors.materials`) while a stock or rented line is not accounted for.',
  })
  @ApiCreatedResponse({ type: ReconciliationReportDto })
  @ApiErrors(400, 403, 404, 409)
  reconcileEvent(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ReconcileEventDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ReconciliationReportDto> {
    return this.events.reconcile(id, dto, ctx);
  }

  @Post(':id/layout')
  @Authenticated()
  @ApiOperation({
    operationId: 'placeEventLayoutPiece',
    summary: 'Place a piece on a cell of the venue layout grid',
    description: 'LOG-11: a table, chairs, equipment…; 409 EVENT_LAYOUT_CELL_TAKEN when the cell holds one.',
  })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  placeEventLayoutPiece(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: PlaceLayoutPieceDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.placePiece(id, dto, ctx);
  }

  @Delete(':id/layout/:pieceId')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'removeEventLayoutPiece', summary: 'Remove a piece from the layout', description: 'LOG-11.' })
  @ApiOkResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  removeEventLayoutPiece(
    @Param('id', UUID_PARAM) id: string,
    @Param('pieceId', UUID_PARAM) pieceId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.removePiece(id, pieceId, ctx);
  }

  @Post(':id/decorations')
  @Authenticated()
  @ApiOperation({ operationId: 'addEventDecoration', summary: 'Add a decoration (横幅, 气球, 桌布…)', description: 'LOG-11.' })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  addEventDecoration(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AddDecorationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.addDecoration(id, dto, ctx);
  }

  @Delete(':id/decorations/:decorationId')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'removeEventDecoration', summary: 'Remove a decoration', description: 'LOG-11.' })
  @ApiOkResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  removeEventDecoration(
    @Param('id', UUID_PARAM) id: string,
    @Param('decorationId', UUID_PARAM) decorationId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.removeDecoration(id, decorationId, ctx);
  }

  @Post(':id/checks')
  @Authenticated()
  @ApiOperation({
    operationId: 'addEventRehearsalCheck',
    summary: 'Add an item to the rehearsal checklist (彩排检查)',
    description: 'LOG-11.',
  })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  addEventRehearsalCheck(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AddRehearsalCheckDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.addCheck(id, dto, ctx);
  }

  @Post(':id/checks/:checkId')
  @Authenticated()
  @ApiOperation({
    operationId: 'setEventRehearsalCheck',
    summary: 'Tick or untick a rehearsal item',
    description: 'LOG-11: who and when are recorded (the caller, now).',
  })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  setEventRehearsalCheck(
    @Param('id', UUID_PARAM) id: string,
    @Param('checkId', UUID_PARAM) checkId: string,
    @Body() dto: SetRehearsalCheckDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.setCheck(id, checkId, dto, ctx);
  }

  @Delete(':id/checks/:checkId')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'removeEventRehearsalCheck', summary: 'Remove a rehearsal item', description: 'LOG-11.' })
  @ApiOkResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  removeEventRehearsalCheck(
    @Param('id', UUID_PARAM) id: string,
    @Param('checkId', UUID_PARAM) checkId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.removeCheck(id, checkId, ctx);
  }

  @Post(':id/duties')
  @Authenticated()
  @ApiOperation({
    operationId: 'addEventDuty',
    summary: 'Add a shift to the on-site duty roster (现场值守)',
    description: 'LOG-11: a person, their role and a time slot.',
  })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  addEventDuty(@Param('id', UUID_PARAM) id: string, @Body() dto: AddDutyDto, @Ctx() ctx: RequestContext): Promise<EventDetailDto> {
    return this.events.addDuty(id, dto, ctx);
  }

  @Delete(':id/duties/:dutyId')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ operationId: 'removeEventDuty', summary: 'Remove a shift of the duty roster', description: 'LOG-11.' })
  @ApiOkResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  removeEventDuty(
    @Param('id', UUID_PARAM) id: string,
    @Param('dutyId', UUID_PARAM) dutyId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EventDetailDto> {
    return this.events.removeDuty(id, dutyId, ctx);
  }

  @Post(':id/incidents')
  @Authenticated()
  @ApiOperation({
    operationId: 'logEventIncident',
    summary: 'Log an incident (现场情况)',
    description: 'LOG-11: time, description and action taken; the caller is the reporter.',
  })
  @ApiCreatedResponse({ type: EventDetailDto })
  @ApiErrors(400, 403, 404, 409)
  logEventIncident(@Param('id', UUID_PARAM) id: string, @Body() dto: LogIncidentDto, @Ctx() ctx: RequestContext): Promise<EventDetailDto> {
    return this.events.logIncident(id, dto, ctx);
  }
}
