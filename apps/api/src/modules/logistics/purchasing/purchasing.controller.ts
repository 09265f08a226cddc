import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { DemandService } from './demand.service';
import { PurchaseListsService } from './purchase-lists.service';
import {
  AddQuoteDto,
  ChooseQuoteDto,
  CreateSupplierDto,
  DemandDto,
  DemandWindowDto,
  OpenDemandWindowDto,
  PurchaseListDto,
  PurchaseListSummaryDto,
  PurchasingSettingsDto,
  QueryDemandsDto,
  QueryPurchaseListsDto,
  QuerySuppliersDto,
  ReceiveDeliveryDto,
  SubmitDemandDto,
  SupplierDto,
  UpdatePurchasingSettingsDto,
  UpdateSupplierDto,
} from './purchasing.dto';
import { SuppliersService } from './suppliers.service';

const DemandPage = Paginated(DemandDto);
const SupplierPage = Paginated(SupplierDto);
const PurchaseListPage = Paginated(PurchaseListSummaryDto);

/** Monthly demand (月度需求, LOG-2): windows, departments' submissions, the merge. */
@ApiTags('logistics')
@Controller('logistics')
export class DemandController {
  constructor(private readonly demand: DemandService) {}

  @Get('demand-windows')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_DEMAND_SUBMIT })
  @ApiOperation({ operationId: 'listDemandWindows', summary: 'The demand windows of the last two years', description: 'LOG-2.' })
  @ApiOkResponse({ type: [DemandWindowDto] })
  @ApiErrors(403)
  listDemandWindows(): Promise<DemandWindowDto[]> {
    return this.demand.listWindows();
  }

  @Post('demand-windows')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'openDemandWindow',
    summary: 'Open a month’s demand window by hand',
    description: 'LOG-2: the monthly job opens the current month’s window on the 1st; this opens one by hand. 409 DEMAND_WINDOW_EXISTS.',
  })
  @ApiCreatedResponse({ type: DemandWindowDto })
  @ApiErrors(400, 403, 409)
  openDemandWindow(@Body() dto: OpenDemandWindowDto, @Ctx() ctx: RequestContext): Promise<DemandWindowDto> {
    return this.demand.openWindow(dto.month, ctx);
  }

  @Post('demand-windows/:id/close')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'closeDemandWindow',
    summary: 'Close a demand window',
    description: 'LOG-2: no more submissions. 409 DEMAND_WINDOW_CLOSED.',
  })
  @ApiCreatedResponse({ type: DemandWindowDto })
  @ApiErrors(400, 403, 404, 409)
  closeDemandWindow(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<DemandWindowDto> {
    return this.demand.closeWindow(id, ctx);
  }

  @Post('demand-windows/:id/merge')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'mergeDemandWindow',
    summary: 'Merge the window’s demands into a purchase list (汇总)',
    description:
      'LOG-2: per item the sum of the departments’ demands less the available stock (on hand − reserved); closes the window. 409 once merged.',
  })
  @ApiCreatedResponse({ type: DemandWindowDto })
  @ApiErrors(400, 403, 404, 409)
  async mergeDemandWindow(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<DemandWindowDto> {
    await this.demand.merge(id, ctx);
    return this.demand.getWindow(id);
  }

  @Post('demands')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_DEMAND_SUBMIT })
  @ApiOperation({
    operationId: 'submitDemand',
    summary: 'Submit (or replace) one’s department’s demand for a month',
    description:
      'LOG-2: while the window is open (409 DEMAND_WINDOW_CLOSED after). A line over the department’s monthly quota needs a reason: ' +
      '422 DEMAND_OVER_QUOTA keyed `lines.<n>.reason` without one.',
  })
  @ApiCreatedResponse({ type: DemandDto })
  @ApiErrors(400, 403, 409, 422)
  submitDemand(@Body() dto: SubmitDemandDto, @Ctx() ctx: RequestContext): Promise<DemandDto> {
    return this.demand.submit(dto, ctx);
  }

  @Get('demands')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_DEMAND_SUBMIT })
  @ApiOperation({
    operationId: 'listDemands',
    summary: 'Departments’ demands',
    description: 'LOG-2: one’s own department’s; every department’s for the purchasing office.',
  })
  @ApiOkResponse({ type: DemandPage })
  @ApiErrors(400, 403)
  listDemands(@Query() query: QueryDemandsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof DemandPage>> {
    return this.demand.list(query, ctx.actor!);
  }

  @Get('demands/:id')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_DEMAND_SUBMIT })
  @ApiOperation({ operationId: 'getDemand', summary: 'A department’s demand', description: 'LOG-2: 404 for another department’s.' })
  @ApiOkResponse({ type: DemandDto })
  @ApiErrors(400, 403, 404)
  getDemand(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<DemandDto> {
    return this.demand.get(id, ctx.actor!);
  }
}

/** Suppliers with their contacts (供应商, LOG-3). */
@ApiTags('logistics')
@Controller('logistics/suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({ operationId: 'listSuppliers', summary: 'Suppliers', description: 'LOG-3: by name.' })
  @ApiOkResponse({ type: SupplierPage })
  @ApiErrors(400, 403)
  listSuppliers(@Query() query: QuerySuppliersDto): Promise<InstanceType<typeof SupplierPage>> {
    return this.suppliers.list(query);
  }

  @Post()
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'createSupplier',
    summary: 'Add a supplier with its contacts',
    description: 'LOG-3: 409 SUPPLIER_NAME_TAKEN.',
  })
  @ApiCreatedResponse({ type: SupplierDto })
  @ApiErrors(400, 403, 409)
  createSupplier(@Body() dto: CreateSupplierDto, @Ctx() ctx: RequestContext): Promise<SupplierDto> {
    return this.suppliers.create(dto, ctx);
  }

  @Get(':id')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({ operationId: 'getSupplier', summary: 'A supplier', description: 'LOG-3.' })
  @ApiOkResponse({ type: SupplierDto })
  @ApiErrors(400, 403, 404)
  getSupplier(@Param('id', UUID_PARAM) id: string): Promise<SupplierDto> {
    return this.suppliers.get(id);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'updateSupplier',
    summary: 'Change a supplier (contacts replaced when given)',
    description: 'LOG-3: versioned (409 VERSION_CONFLICT); 409 SUPPLIER_NAME_TAKEN.',
  })
  @ApiOkResponse({ type: SupplierDto })
  @ApiErrors(400, 403, 404, 409)
  updateSupplier(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateSupplierDto, @Ctx() ctx: RequestContext): Promise<SupplierDto> {
    return this.suppliers.update(id, dto, ctx);
  }
}

/** Purchase lists (采购清单, LOG-2–LOG-4): quotes, choice, approval, order, receiving. */
@ApiTags('logistics')
@Controller('logistics')
export class PurchaseListsController {
  constructor(private readonly lists: PurchaseListsService) {}

  @Get('purchasing-settings')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'getPurchasingSettings',
    summary: 'Purchasing settings',
    description: 'LOG-3: the minimum number of quotes per line.',
  })
  @ApiOkResponse({ type: PurchasingSettingsDto })
  @ApiErrors(403)
  getPurchasingSettings(): Promise<PurchasingSettingsDto> {
    return this.lists.settings();
  }

  @Put('purchasing-settings')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'updatePurchasingSettings',
    summary: 'Change the purchasing settings',
    description: 'LOG-3: versioned (409 VERSION_CONFLICT).',
  })
  @ApiOkResponse({ type: PurchasingSettingsDto })
  @ApiErrors(400, 403, 409)
  updatePurchasingSettings(@Body() dto: UpdatePurchasingSettingsDto, @Ctx() ctx: RequestContext): Promise<PurchasingSettingsDto> {
    return this.lists.updateSettings(dto, ctx);
  }

  @Get('purchase-lists')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({ operationId: 'listPurchaseLists', summary: 'Purchase lists', description: 'LOG-2, LOG-3: newest first, by status.' })
  @ApiOkResponse({ type: PurchaseListPage })
  @ApiErrors(400, 403)
  listPurchaseLists(@Query() query: QueryPurchaseListsDto): Promise<InstanceType<typeof PurchaseListPage>> {
    return this.lists.list(query);
  }

  @Get('purchase-lists/:id')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'getPurchaseList',
    summary: 'A purchase list with its lines, quotes, comparison and deliveries',
    description: 'LOG-2–LOG-4: each line’s bestQuoteId is the lowest unit price among the quotes matching its specification.',
  })
  @ApiOkResponse({ type: PurchaseListDto })
  @ApiErrors(400, 403, 404)
  getPurchaseList(@Param('id', UUID_PARAM) id: string): Promise<PurchaseListDto> {
    return this.lists.get(id);
  }

  @Post('purchase-lists/:id/lines/:lineId/quotes')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'addPurchaseQuote',
    summary: 'Record a supplier’s quote for a line',
    description:
      'LOG-3: one per supplier and line (a new one replaces it and clears the line’s choice); while gathering quotes (409 after).',
  })
  @ApiCreatedResponse({ type: PurchaseListDto })
  @ApiErrors(400, 403, 404, 409)
  addPurchaseQuote(
    @Param('id', UUID_PARAM) id: string,
    @Param('lineId', UUID_PARAM) lineId: string,
    @Body() dto: AddQuoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PurchaseListDto> {
    return this.lists.addQuote(id, lineId, dto, ctx);
  }

  @Post('purchase-lists/:id/lines/:lineId/choice')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'choosePurchaseQuote',
    summary: 'Choose a line’s quote',
    description: 'LOG-3: any quote other than the best matching one needs a written reason (422 PURCHASE_CHOICE_REASON_REQUIRED).',
  })
  @ApiCreatedResponse({ type: PurchaseListDto })
  @ApiErrors(400, 403, 404, 409, 422)
  choosePurchaseQuote(
    @Param('id', UUID_PARAM) id: string,
    @Param('lineId', UUID_PARAM) lineId: string,
    @Body() dto: ChooseQuoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PurchaseListDto> {
    return this.lists.choose(id, lineId, dto, ctx);
  }

  @Post('purchase-lists/:id/submit')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'submitPurchaseList',
    summary: 'Submit the list for approval (purchase-list)',
    description:
      'LOG-3, PLT-2: each line needs the minimum number of quotes; a line without a choice takes its best matching quote ' +
      '(422 PURCHASE_QUOTES_MISSING keyed by line otherwise). The amount in fen picks the chain (a leader from ¥5,000 by default).',
  })
  @ApiCreatedResponse({ type: PurchaseListDto })
  @ApiErrors(400, 403, 404, 409, 422)
  submitPurchaseList(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<PurchaseListDto> {
    return this.lists.submit(id, ctx);
  }

  @Post('purchase-lists/:id/order')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'orderPurchaseList',
    summary: 'Place the order with the chosen suppliers',
    description: 'LOG-3: only an approved list (409 PURCHASE_LIST_NOT_APPROVED before approval).',
  })
  @ApiCreatedResponse({ type: PurchaseListDto })
  @ApiErrors(400, 403, 404, 409)
  orderPurchaseList(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<PurchaseListDto> {
    return this.lists.order(id, ctx);
  }

  @Post('purchase-lists/:id/deliveries')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_PURCHASING_MANAGE })
  @ApiOperation({
    operationId: 'receivePurchaseDelivery',
    summary: 'Receive a delivery (到货验收) from one supplier',
    description:
      'LOG-4: each line checked against the order, model and quantity; partial deliveries allowed; another model or an excess is ' +
      'recorded (mismatches) and not taken in; what is taken in is written to the stock ledger (in, purchase-delivery).',
  })
  @ApiCreatedResponse({ type: PurchaseListDto })
  @ApiErrors(400, 403, 404, 409)
  receivePurchaseDelivery(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ReceiveDeliveryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PurchaseListDto> {
    return this.lists.receive(id, dto, ctx);
  }
}
