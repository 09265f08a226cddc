import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Authenticated } from '../../../platform/auth/decorators';
import { badRequest } from '../../../platform/http/api-error';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Idempotent } from '../../../platform/http/idempotency';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  CreateSupplyItemDto,
  QueryStockMovementsDto,
  QuerySupplyItemsDto,
  QuotaDto,
  RecordStockMovementDto,
  SetQuotasDto,
  StockMovementDto,
  SupplyItemDto,
  UpdateSupplyItemDto,
} from './catalogue.dto';
import { CatalogueService } from './catalogue.service';
import { StockLedgerService } from './stock-ledger.service';

const SupplyItemPage = Paginated(SupplyItemDto);
const StockMovementPage = Paginated(StockMovementDto);

/** The supplies catalogue (LOG-1) and the stock ledger. */
@ApiTags('logistics')
@Controller('logistics/supplies')
export class CatalogueController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly ledger: StockLedgerService,
  ) {}

  @Get('items')
  @Authenticated()
  @ApiOperation({
    operationId: 'listSupplyItems',
    summary: 'The supplies catalogue with stock',
    description:
      'LOG-1, LOG-6: every item with on hand, reserved and available stock; by category, active, low (available ≤ safety stock) and text.',
  })
  @ApiOkResponse({ type: SupplyItemPage })
  @ApiErrors(400)
  listSupplyItems(@Query() query: QuerySupplyItemsDto): Promise<InstanceType<typeof SupplyItemPage>> {
    return this.catalogue.list(query);
  }

  @Get('categories')
  @Authenticated()
  @ApiOperation({ operationId: 'listSupplyCategories', summary: 'The categories in use', description: 'LOG-1.' })
  @ApiOkResponse({ type: [String] })
  listSupplyCategories(): Promise<string[]> {
    return this.catalogue.categories();
  }

  @Post('items')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @ApiOperation({ operationId: 'createSupplyItem', summary: 'Add an item to the catalogue', description: 'LOG-1: starts with no stock.' })
  @ApiCreatedResponse({ type: SupplyItemDto })
  @ApiErrors(400, 403)
  createSupplyItem(@Body() dto: CreateSupplyItemDto, @Ctx() ctx: RequestContext): Promise<SupplyItemDto> {
    return this.catalogue.create(dto, ctx);
  }

  @Get('items/:id')
  @Authenticated()
  @ApiOperation({ operationId: 'getSupplyItem', summary: 'A catalogue item with its stock', description: 'LOG-1.' })
  @ApiOkResponse({ type: SupplyItemDto })
  @ApiErrors(400, 404)
  getSupplyItem(@Param('id', UUID_PARAM) id: string): Promise<SupplyItemDto> {
    return this.catalogue.getDto(id);
  }

  @Patch('items/:id')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @ApiOperation({
    operationId: 'updateSupplyItem',
    summary: 'Change a catalogue item',
    description: 'LOG-1, LOG-6: name, specification, unit, category, safety stock, alert exclusion, active. 409 on a stale version.',
  })
  @ApiOkResponse({ type: SupplyItemDto })
  @ApiErrors(400, 403, 404, 409)
  updateSupplyItem(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateSupplyItemDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SupplyItemDto> {
    return this.catalogue.update(id, dto, ctx);
  }

  @Get('items/:id/quotas')
  @Authenticated()
  @ApiOperation({ operationId: 'listSupplyQuotas', summary: 'The departments’ monthly quotas of an item', description: 'LOG-1.' })
  @ApiOkResponse({ type: [QuotaDto] })
  @ApiErrors(400, 404)
  listSupplyQuotas(@Param('id', UUID_PARAM) id: string): Promise<QuotaDto[]> {
    return this.catalogue.listQuotas(id);
  }

  @Put('items/:id/quotas')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @ApiOperation({
    operationId: 'setSupplyQuotas',
    summary: 'Set the departments’ monthly quotas of an item',
    description: 'LOG-1: replaces the whole set; a department left out has no quota.',
  })
  @ApiOkResponse({ type: [QuotaDto] })
  @ApiErrors(400, 403, 404)
  setSupplyQuotas(@Param('id', UUID_PARAM) id: string, @Body() dto: SetQuotasDto, @Ctx() ctx: RequestContext): Promise<QuotaDto[]> {
    return this.catalogue.setQuotas(id, dto, ctx);
  }

  @Get('movements')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @ApiOperation({
    operationId: 'listStockMovements',
    summary: 'The stock ledger (库存台账)',
    description: 'LOG-4, LOG-5, LOG-7: every movement, newest first, with who, when, why and the balance after it.',
  })
  @ApiOkResponse({ type: StockMovementPage })
  @ApiErrors(400, 403)
  listStockMovements(@Query() query: QueryStockMovementsDto): Promise<InstanceType<typeof StockMovementPage>> {
    return this.catalogue.listMovements(query);
  }

  @Post('movements')
  @Authenticated({ permission: PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE })
  @Idempotent()
  @ApiOperation({
    operationId: 'recordStockMovement',
    summary: 'Record a stock-in (入库) or a return (退库) by hand',
    description:
      'LOG-5: stock that arrives outside a purchase order (期初, 调拨, 捐赠) or items a department brings back. Issues, ' +
      'adjustments and reservations come from distribution, stocktaking and events.',
  })
  @ApiCreatedResponse({ type: StockMovementDto })
  @ApiErrors(400, 403)
  async recordStockMovement(@Body() dto: RecordStockMovementDto, @Ctx() ctx: RequestContext): Promise<StockMovementDto> {
    const { id } = await this.dataSource.transaction(async (manager) => {
      if (dto.departmentId) {
        const [dept] = await manager.query<unknown[]>('SELECT 1 FROM departments WHERE id = $1', [dto.departmentId]);
        if (!dept) throw badRequestDepartment();
      }
      return this.ledger.record(manager, ctx, {
        itemId: dto.itemId,
        kind: dto.kind,
        quantity: dto.quantity,
        reason: dto.reason,
        departmentId: dto.departmentId ?? null,
        sourceType: 'manual',
      });
    });
    return this.catalogue.getMovement(id);
  }
}

const badRequestDepartment = () => badRequest('No such department', { departmentId: ['department does not exist'] });
