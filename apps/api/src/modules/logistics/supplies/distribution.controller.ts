import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { Exportable, ExportRequested } from '../../../platform/excel/exportable';
import type { RowSource } from '../../../platform/excel/row-source';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Idempotent } from '../../../platform/http/idempotency';
import { PageQueryDto, Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { CONSUMPTION_SHEET, ConsumptionService } from './consumption.service';
import {
  CancelSupplyRequestDto,
  ConsumptionReportDto,
  CreateStocktakeDto,
  CreateSupplyRequestDto,
  IssueSupplyRequestDto,
  QueryConsumptionDto,
  QueryLowStockAlertsDto,
  QuerySupplyRequestsDto,
  RecordCountsDto,
  StocktakeDto,
  SupplyIssueDto,
  SupplyRequestDto,
  type ConsumptionRowDto,
} from './distribution.dto';
import { DistributionService } from './distribution.service';
import { LowStockAlertDto, LowStockService } from './low-stock.service';
import { StocktakeService } from './stocktake.service';

const SupplyRequestPage = Paginated(SupplyRequestDto);
const LowStockAlertPage = Paginated(LowStockAlertDto);
const StocktakePage = Paginated(StocktakeDto);

/** Distribution (领用/分发, LOG-5): requests, issues, receipts. */
@ApiTags('logistics')
@Controller('logistics/supplies')
export class DistributionController {
  constructor(private readonly distribution: DistributionService) {}

  @Post('requests')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_REQUEST })
  @Idempotent()
  @ApiOperation({
    operationId: 'createSupplyRequest',
    summary: 'Request supplies for one’s department (领用申请)',
    description: 'LOG-5: items and quantities, for the requester’s own department.',
  })
  @ApiCreatedResponse({ type: SupplyRequestDto })
  @ApiErrors(400, 403)
  createSupplyRequest(@Body() dto: CreateSupplyRequestDto, @Ctx() ctx: RequestContext): Promise<SupplyRequestDto> {
    return this.distribution.create(dto, ctx);
  }

  @Get('requests')
  @Authenticated()
  @ApiOperation({
    operationId: 'listSupplyRequests',
    summary: 'Supply requests',
    description: 'LOG-5: one’s department’s requests with their waiting lines; every request for the storekeeper.',
  })
  @ApiOkResponse({ type: SupplyRequestPage })
  @ApiErrors(400)
  listSupplyRequests(@Query() query: QuerySupplyRequestsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof SupplyRequestPage>> {
    return this.distribution.list(query, ctx.actor!);
  }

  @Get('requests/:id')
  @Authenticated()
  @ApiOperation({ operationId: 'getSupplyRequest', summary: 'A supply request', description: 'LOG-5: 404 outside the department.' })
  @ApiOkResponse({ type: SupplyRequestDto })
  @ApiErrors(400, 404)
  getSupplyRequest(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<SupplyRequestDto> {
    return this.distribution.get(id, ctx);
  }

  @Post('requests/:id/issue')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @Idempotent()
  @ApiOperation({
    operationId: 'issueSupplyRequest',
    summary: 'Issue (发放) all or part of a request',
    description:
      'LOG-5: out movements for the department; what is left waits and is reserved. 409 INSUFFICIENT_STOCK when any line asks ' +
      'for more than is on hand (nothing changes); 409 SUPPLY_REQUEST_ILLEGAL_ACTION once issued or cancelled.',
  })
  @ApiCreatedResponse({ type: SupplyRequestDto })
  @ApiErrors(400, 403, 404, 409)
  issueSupplyRequest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: IssueSupplyRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SupplyRequestDto> {
    return this.distribution.issue(id, dto, ctx);
  }

  @Post('requests/:id/cancel')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_REQUEST })
  @ApiOperation({
    operationId: 'cancelSupplyRequest',
    summary: 'Cancel a request, or what still waits of it',
    description: 'LOG-5: by the department or the storekeeper; releases the reservation of its waiting lines.',
  })
  @ApiCreatedResponse({ type: SupplyRequestDto })
  @ApiErrors(400, 403, 404, 409)
  cancelSupplyRequest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CancelSupplyRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SupplyRequestDto> {
    return this.distribution.cancel(id, dto, ctx);
  }

  @Get('issues/:id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getSupplyIssue',
    summary: 'An issue slip (发放单)',
    description: 'LOG-5: for the sign page the slip’s QR code opens.',
  })
  @ApiOkResponse({ type: SupplyIssueDto })
  @ApiErrors(400, 404)
  getSupplyIssue(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<SupplyIssueDto> {
    return this.distribution.getIssue(id, ctx);
  }

  @Post('issues/:id/sign')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_REQUEST })
  @ApiOperation({
    operationId: 'signSupplyIssue',
    summary: 'Sign for the receipt of an issue (签收)',
    description: 'LOG-5: a member of the receiving department, signed in; 409 SUPPLY_ISSUE_ALREADY_SIGNED the second time.',
  })
  @ApiCreatedResponse({ type: SupplyIssueDto })
  @ApiErrors(400, 403, 404, 409)
  signSupplyIssue(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<SupplyIssueDto> {
    return this.distribution.sign(id, ctx);
  }
}

/** Low-stock alerts (LOG-6), stocktaking (LOG-7) and consumption (LOG-8). */
@ApiTags('logistics')
@Controller('logistics/supplies')
export class StockControlController {
  constructor(
    private readonly lowStock: LowStockService,
    private readonly stocktakes: StocktakeService,
    private readonly consumption: ConsumptionService,
  ) {}

  @Get('alerts')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @ApiOperation({
    operationId: 'listLowStockAlerts',
    summary: 'Low-stock alerts (库存预警)',
    description:
      'LOG-6: open ones while available stock (on hand − reserved) stays at or below the safety level, with a suggested reorder.',
  })
  @ApiOkResponse({ type: LowStockAlertPage })
  @ApiErrors(400, 403)
  listLowStockAlerts(@Query() query: QueryLowStockAlertsDto): Promise<InstanceType<typeof LowStockAlertPage>> {
    return this.lowStock.list(query);
  }

  @Post('stocktakes')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @Idempotent()
  @ApiOperation({
    operationId: 'createStocktake',
    summary: 'Generate a count sheet (盘点表)',
    description: 'LOG-7: every active item with its book quantity.',
  })
  @ApiCreatedResponse({ type: StocktakeDto })
  @ApiErrors(400, 403)
  createStocktake(@Body() dto: CreateStocktakeDto, @Ctx() ctx: RequestContext): Promise<StocktakeDto> {
    return this.stocktakes.create(dto, ctx);
  }

  @Get('stocktakes')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @ApiOperation({ operationId: 'listStocktakes', summary: 'Stocktakes', description: 'LOG-7.' })
  @ApiOkResponse({ type: StocktakePage })
  @ApiErrors(400, 403)
  listStocktakes(@Query() query: PageQueryDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof StocktakePage>> {
    return this.stocktakes.list(query, ctx.actor!);
  }

  @Get('stocktakes/:id')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @ApiOperation({ operationId: 'getStocktake', summary: 'A stocktake with its count sheet', description: 'LOG-7.' })
  @ApiOkResponse({ type: StocktakeDto })
  @ApiErrors(400, 403, 404)
  getStocktake(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<StocktakeDto> {
    return this.stocktakes.get(id, ctx.actor!);
  }

  @Put('stocktakes/:id/counts')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @ApiOperation({
    operationId: 'recordStocktakeCounts',
    summary: 'Enter counted quantities (实盘数) and variance reasons',
    description: 'LOG-7: while counting; 409 STOCKTAKE_ILLEGAL_ACTION after submitting.',
  })
  @ApiOkResponse({ type: StocktakeDto })
  @ApiErrors(400, 403, 404, 409)
  recordStocktakeCounts(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RecordCountsDto,
    @Ctx() ctx: RequestContext,
  ): Promise<StocktakeDto> {
    return this.stocktakes.recordCounts(id, dto, ctx);
  }

  @Post('stocktakes/:id/submit')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @ApiOperation({
    operationId: 'submitStocktake',
    summary: 'Submit the counts for approval',
    description: 'LOG-7: every line counted, each variance with a reason (400 otherwise).',
  })
  @ApiCreatedResponse({ type: StocktakeDto })
  @ApiErrors(400, 403, 404, 409)
  submitStocktake(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<StocktakeDto> {
    return this.stocktakes.submit(id, ctx);
  }

  @Post('stocktakes/:id/approve')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_STOCKTAKE_APPROVE })
  @ApiOperation({
    operationId: 'approveStocktake',
    summary: 'Approve the variances: adjust the ledger',
    description:
      'LOG-7: a second person; each variance becomes an adjustment movement with its reason. 409 STOCKTAKE_SAME_PERSON for the submitter.',
  })
  @ApiCreatedResponse({ type: StocktakeDto })
  @ApiErrors(400, 403, 404, 409)
  approveStocktake(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<StocktakeDto> {
    return this.stocktakes.approve(id, ctx);
  }

  @Post('stocktakes/:id/return')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_STOCKTAKE_APPROVE })
  @ApiOperation({ operationId: 'returnStocktake', summary: 'Send a submitted stocktake back to counting', description: 'LOG-7.' })
  @ApiCreatedResponse({ type: StocktakeDto })
  @ApiErrors(400, 403, 404, 409)
  returnStocktake(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<StocktakeDto> {
    return this.stocktakes.returnToCounting(id, ctx);
  }

  @Get('consumption')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @ApiOperation({
    operationId: 'getSupplyConsumption',
    summary: 'Consumption per department and item per month (消耗统计)',
    description: 'LOG-8: issued (out) minus returned, by school month; `format=xlsx` exports the rows.',
  })
  @Exportable(CONSUMPTION_SHEET, ConsumptionReportDto)
  @ApiErrors(400, 403)
  getSupplyConsumption(
    @Query() query: QueryConsumptionDto,
    @ExportRequested() exporting: boolean,
  ): Promise<ConsumptionReportDto> | RowSource<ConsumptionRowDto> {
    return exporting ? this.consumption.exportRows(query) : this.consumption.report(query);
  }
}
