import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Idempotent } from '../../../platform/http/idempotency';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { RefDto } from '../../../platform/org/org.dto';
import {
  AssignMaintenanceRequestDto,
  CompleteMaintenanceRequestDto,
  ConfirmMaintenanceRequestDto,
  CreateLocationDto,
  LocationDto,
  MaintenanceNoteDto,
  MaintenanceRequestDetailDto,
  MaintenanceRequestDto,
  MaintenanceSettingsDto,
  QueryMaintenanceRequestsDto,
  QueryRepeatFaultsDto,
  RegisterMaintenanceRequestDto,
  RejectMaintenanceRequestDto,
  RepeatFaultReportDto,
  SubmitMaintenanceRequestDto,
  TriageMaintenanceRequestDto,
  UpdateLocationDto,
  UpdateMaintenanceSettingsDto,
} from './maintenance.dto';
import { MaintenanceService } from './maintenance.service';

const RequestPage = Paginated(MaintenanceRequestDto);
const FLOW =
  '409 MAINTENANCE_ILLEGAL_TRANSITION when the request’s status does not allow it, VERSION_CONFLICT on a stale version; 404 for who may not see it.';

/** Maintenance (维修, LOG-9): locations, settings, requests and their flow, the repeat-fault report. */
@ApiTags('logistics')
@Controller('logistics/maintenance')
export class MaintenanceController {
  constructor(private readonly maintenance: MaintenanceService) {}

  // ---------- locations ----------

  @Get('locations')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_REQUEST })
  @ApiOperation({
    operationId: 'listMaintenanceLocations',
    summary: 'The location tree',
    description: 'LOG-9: campus → building → floor → room, each with its path.',
  })
  @ApiOkResponse({ type: [LocationDto] })
  @ApiErrors(403)
  listMaintenanceLocations(): Promise<LocationDto[]> {
    return this.maintenance.listLocations();
  }

  @Post('locations')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE })
  @ApiOperation({
    operationId: 'createMaintenanceLocation',
    summary: 'Add a location',
    description: 'LOG-9: under a larger node (campus → building → floor → room); names are unique under one parent.',
  })
  @ApiCreatedResponse({ type: LocationDto })
  @ApiErrors(400, 403)
  createMaintenanceLocation(@Body() dto: CreateLocationDto, @Ctx() ctx: RequestContext): Promise<LocationDto> {
    return this.maintenance.createLocation(dto, ctx);
  }

  @Patch('locations/:id')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE })
  @ApiOperation({
    operationId: 'updateMaintenanceLocation',
    summary: 'Rename, move or retire a location',
    description: 'LOG-9: 409 MAINTENANCE_LOCATION_IN_USE for a move under itself. A retired location keeps its history.',
  })
  @ApiOkResponse({ type: LocationDto })
  @ApiErrors(400, 403, 404, 409)
  updateMaintenanceLocation(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateLocationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<LocationDto> {
    return this.maintenance.updateLocation(id, dto, ctx);
  }

  // ---------- settings ----------

  @Get('settings')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE })
  @ApiOperation({
    operationId: 'getMaintenanceSettings',
    summary: 'Maintenance settings',
    description: 'LOG-9: approval threshold, SLA per urgency, repeat-fault rule.',
  })
  @ApiOkResponse({ type: MaintenanceSettingsDto })
  @ApiErrors(403)
  getMaintenanceSettings(): Promise<MaintenanceSettingsDto> {
    return this.maintenance.settings();
  }

  @Put('settings')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE })
  @ApiOperation({
    operationId: 'updateMaintenanceSettings',
    summary: 'Change the maintenance settings',
    description: 'LOG-9: versioned; 409 on a stale version.',
  })
  @ApiOkResponse({ type: MaintenanceSettingsDto })
  @ApiErrors(400, 403, 409)
  updateMaintenanceSettings(@Body() dto: UpdateMaintenanceSettingsDto, @Ctx() ctx: RequestContext): Promise<MaintenanceSettingsDto> {
    return this.maintenance.updateSettings(dto, ctx);
  }

  // ---------- requests ----------

  @Post('requests')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_REQUEST })
  @Idempotent()
  @ApiOperation({
    operationId: 'submitMaintenanceRequest',
    summary: 'Report a repair (报修)',
    description:
      'LOG-9: from the phone page: category, location, description, urgency and photos (draft files). NFR-7: accepts Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: MaintenanceRequestDetailDto })
  @ApiErrors(400, 403)
  submitMaintenanceRequest(@Body() dto: SubmitMaintenanceRequestDto, @Ctx() ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    return this.maintenance.submit(dto, ctx);
  }

  @Post('requests/registered')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE })
  @Idempotent()
  @ApiOperation({
    operationId: 'registerMaintenanceRequest',
    summary: 'Register a repair that came by phone or on paper',
    description:
      'LOG-9: the office notes the source (phone, paper) and the member of staff it is for, or the caller’s name. NFR-7: accepts Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: MaintenanceRequestDetailDto })
  @ApiErrors(400, 403)
  registerMaintenanceRequest(@Body() dto: RegisterMaintenanceRequestDto, @Ctx() ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    return this.maintenance.register(dto, ctx);
  }

  @Get('requests')
  @Authenticated()
  @ApiOperation({
    operationId: 'listMaintenanceRequests',
    summary: 'List maintenance requests',
    description:
      'LOG-9: the requests one asked for, registered, is assigned or approves; all for logistics.maintenance.manage. ' +
      '`locationId` lists a location’s history (with everything under it).',
  })
  @ApiOkResponse({ type: RequestPage })
  @ApiErrors(400)
  listMaintenanceRequests(
    @Query() query: QueryMaintenanceRequestsDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof RequestPage>> {
    return this.maintenance.list(query, ctx.actor!);
  }

  @Get('requests/:id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getMaintenanceRequest',
    summary: 'A maintenance request with its progress and photos',
    description: 'LOG-9: with the actions the viewer may take now; 404 for who may not see it.',
  })
  @ApiOkResponse({ type: MaintenanceRequestDetailDto })
  @ApiErrors(400, 404)
  getMaintenanceRequest(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    return this.maintenance.get(id, ctx);
  }

  @Post('requests/:id/triage')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE })
  @ApiOperation({
    operationId: 'triageMaintenanceRequest',
    summary: 'Triage: in-house or external',
    description:
      'LOG-9: external work records contractor, quote and cost (fen); a cost above the configured threshold goes to repair-cost approval ' +
      '(status awaiting-approval) and the request is assigned only once approved. ' +
      FLOW,
  })
  @ApiOkResponse({ type: MaintenanceRequestDetailDto })
  @ApiErrors(400, 403, 404, 409)
  triageMaintenanceRequest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: TriageMaintenanceRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MaintenanceRequestDetailDto> {
    return this.maintenance.triage(id, dto, ctx);
  }

  @Post('requests/:id/assign')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE })
  @ApiOperation({
    operationId: 'assignMaintenanceRequest',
    summary: 'Assign a maintenance worker',
    description: 'LOG-9: the job enters the worker’s inbox with the SLA deadline; reassigning moves it. ' + FLOW,
  })
  @ApiOkResponse({ type: MaintenanceRequestDetailDto })
  @ApiErrors(400, 403, 404, 409)
  assignMaintenanceRequest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AssignMaintenanceRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MaintenanceRequestDetailDto> {
    return this.maintenance.assign(id, dto, ctx);
  }

  @Post('requests/:id/start')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'startMaintenanceRequest',
    summary: 'Start the work',
    description: 'LOG-9: the assigned worker (or the office); 403 MAINTENANCE_NOT_ASSIGNEE otherwise. ' + FLOW,
  })
  @ApiOkResponse({ type: MaintenanceRequestDetailDto })
  @ApiErrors(400, 403, 404, 409)
  startMaintenanceRequest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: MaintenanceNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MaintenanceRequestDetailDto> {
    return this.maintenance.start(id, dto, ctx);
  }

  @Post('requests/:id/progress')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'noteMaintenanceProgress',
    summary: 'Note progress',
    description: 'LOG-9: a note the requester sees (e.g. waiting for parts). ' + FLOW,
  })
  @ApiOkResponse({ type: MaintenanceRequestDetailDto })
  @ApiErrors(400, 403, 404, 409)
  noteMaintenanceProgress(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: MaintenanceNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MaintenanceRequestDetailDto> {
    return this.maintenance.progress(id, dto, ctx);
  }

  @Post('requests/:id/complete')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'completeMaintenanceRequest',
    summary: 'Complete the work with a note and photos',
    description: 'LOG-9: closes the worker’s inbox item and asks the requester to confirm. ' + FLOW,
  })
  @ApiOkResponse({ type: MaintenanceRequestDetailDto })
  @ApiErrors(400, 403, 404, 409)
  completeMaintenanceRequest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CompleteMaintenanceRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MaintenanceRequestDetailDto> {
    return this.maintenance.complete(id, dto, ctx);
  }

  @Post('requests/:id/confirm')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'confirmMaintenanceRequest',
    summary: 'Confirm the repair and rate it (1–5)',
    description: 'LOG-9: the requester; 403 MAINTENANCE_NOT_REQUESTER for anyone else. ' + FLOW,
  })
  @ApiOkResponse({ type: MaintenanceRequestDetailDto })
  @ApiErrors(400, 403, 404, 409)
  confirmMaintenanceRequest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ConfirmMaintenanceRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MaintenanceRequestDetailDto> {
    return this.maintenance.confirm(id, dto, ctx);
  }

  @Post('requests/:id/reject')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'rejectMaintenanceRequest',
    summary: 'Reject the completed work: the request reopens',
    description: 'LOG-9: the requester says what is still wrong; the job returns to the worker’s inbox. ' + FLOW,
  })
  @ApiOkResponse({ type: MaintenanceRequestDetailDto })
  @ApiErrors(400, 403, 404, 409)
  rejectMaintenanceRequest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RejectMaintenanceRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MaintenanceRequestDetailDto> {
    return this.maintenance.reject(id, dto, ctx);
  }

  @Post('requests/:id/cancel')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'cancelMaintenanceRequest',
    summary: 'Cancel a request',
    description: 'LOG-9: the office, or the requester before it is triaged; a reason is required. ' + FLOW,
  })
  @ApiOkResponse({ type: MaintenanceRequestDetailDto })
  @ApiErrors(400, 403, 404, 409)
  cancelMaintenanceRequest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: MaintenanceNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MaintenanceRequestDetailDto> {
    return this.maintenance.cancel(id, dto, ctx);
  }

  @Get('workers')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE })
  @ApiOperation({
    operationId: 'listMaintenanceWorkers',
    summary: 'The maintenance workers',
    description: 'LOG-9: who a request can be assigned to.',
  })
  @ApiOkResponse({ type: [RefDto] })
  @ApiErrors(403)
  listMaintenanceWorkers(): Promise<RefDto[]> {
    return this.maintenance.workers();
  }

  // ---------- report ----------

  @Get('reports/repeat-faults')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE })
  @ApiOperation({
    operationId: 'getRepeatFaultReport',
    summary: 'Repeat faults (报修高发点)',
    description: 'LOG-9: locations with more than `threshold` requests of one category in the period (defaults from the settings).',
  })
  @ApiOkResponse({ type: RepeatFaultReportDto })
  @ApiErrors(400, 403)
  getRepeatFaultReport(@Query() query: QueryRepeatFaultsDto): Promise<RepeatFaultReportDto> {
    return this.maintenance.repeatFaults(query);
  }
}
