import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { PageQueryDto, Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  AddExtraInventoryItemDto,
  DamageInventoryItemDto,
  InventoryDto,
  InventoryItemDto,
  InventoryScanResultDto,
  InventoryVersionDto,
  QueryInventoryItemsDto,
  RemedyInventoryItemDto,
  ScanInventoryDto,
} from './inventory.dto';
import { InventoryService } from './inventory.service';

const InventoryPage = Paginated(InventoryDto);
const ItemPage = Paginated(InventoryItemDto);
const MANAGE = PERMISSIONS.DOCUMENTS_INVENTORY_MANAGE;

/** The monthly inventory of paper documents (清点, DOC-9). */
@ApiTags('documents')
@Controller('documents/inventories')
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

  @Post()
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'openInventory',
    summary: 'Open this month’s inventory now',
    description:
      'DOC-9: the checklist is generated from the records (paper documents not filed and not destroyed). 409 INVENTORY_ALREADY_OPEN if this month’s exists; the monthly job opens it on the 1st otherwise.',
  })
  @ApiCreatedResponse({ type: InventoryDto })
  @ApiErrors(403, 409)
  openInventory(@Ctx() ctx: RequestContext): Promise<InventoryDto> {
    return this.inventory.open(undefined, ctx);
  }

  @Get()
  @Authenticated({ permission: MANAGE })
  @ApiOperation({ operationId: 'listInventories', summary: 'List inventories, newest first', description: 'DOC-9' })
  @ApiOkResponse({ type: InventoryPage })
  @ApiErrors(400, 403)
  listInventories(@Query() query: PageQueryDto): Promise<InstanceType<typeof InventoryPage>> {
    return this.inventory.list(query);
  }

  @Post('scan')
  @HttpCode(200)
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'scanInventoryItem',
    summary: 'Count a scanned item (扫码清点)',
    description:
      'DOC-9: the QR label names the record; it is counted in the open inventory, or added as extra (多出) when it is not on the checklist. ' +
      'Scanning twice counts once. 409 INVENTORY_NOT_OPEN when no inventory is open; 404 when no such record exists.',
  })
  @ApiOkResponse({ type: InventoryScanResultDto })
  @ApiErrors(400, 403, 404, 409)
  scanInventoryItem(@Body() dto: ScanInventoryDto, @Ctx() ctx: RequestContext): Promise<InventoryScanResultDto> {
    return this.inventory.scan(dto, ctx);
  }

  @Get(':id')
  @Authenticated({ permission: MANAGE })
  @ApiOperation({ operationId: 'getInventory', summary: 'An inventory with its progress, or its result once closed', description: 'DOC-9' })
  @ApiOkResponse({ type: InventoryDto })
  @ApiErrors(400, 403, 404)
  getInventory(@Param('id', UUID_PARAM) id: string): Promise<InventoryDto> {
    return this.inventory.get(id);
  }

  @Get(':id/items')
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'listInventoryItems',
    summary: 'The checklist',
    description: 'DOC-9: filter by state: pending/missing (未清点到), counted, extra (多出), damaged.',
  })
  @ApiOkResponse({ type: ItemPage })
  @ApiErrors(400, 403, 404)
  listInventoryItems(
    @Param('id', UUID_PARAM) id: string,
    @Query() query: QueryInventoryItemsDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof ItemPage>> {
    return this.inventory.items(id, query, ctx.actor!);
  }

  @Post(':id/extra')
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'addExtraInventoryItem',
    summary: 'Record a paper found that the system does not know (多出)',
    description: 'DOC-9',
  })
  @ApiCreatedResponse({ type: InventoryItemDto })
  @ApiErrors(400, 403, 404, 409)
  addExtraInventoryItem(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AddExtraInventoryItemDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InventoryItemDto> {
    return this.inventory.addExtra(id, dto, ctx);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'closeInventory',
    summary: 'Close the inventory: the result',
    description: 'DOC-9: items not counted are missing (未清点到); the result lists missing, extra (多出) and damaged items.',
  })
  @ApiOkResponse({ type: InventoryDto })
  @ApiErrors(400, 403, 404, 409)
  closeInventory(@Param('id', UUID_PARAM) id: string, @Body() dto: InventoryVersionDto, @Ctx() ctx: RequestContext): Promise<InventoryDto> {
    return this.inventory.close(id, dto.version, ctx);
  }

  @Post('items/:itemId/damage')
  @HttpCode(200)
  @Authenticated({ permission: MANAGE })
  @ApiOperation({ operationId: 'markInventoryItemDamaged', summary: 'Mark an item damaged (破损)', description: 'DOC-9' })
  @ApiOkResponse({ type: InventoryItemDto })
  @ApiErrors(400, 403, 404, 409)
  markInventoryItemDamaged(
    @Param('itemId', UUID_PARAM) itemId: string,
    @Body() dto: DamageInventoryItemDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InventoryItemDto> {
    return this.inventory.markDamaged(itemId, dto, ctx);
  }

  @Post('items/:itemId/remedy')
  @HttpCode(200)
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'recordInventoryRemedy',
    summary: 'Record the repair of a damaged item, or the copy made',
    description: 'DOC-9',
  })
  @ApiOkResponse({ type: InventoryItemDto })
  @ApiErrors(400, 403, 404)
  recordInventoryRemedy(
    @Param('itemId', UUID_PARAM) itemId: string,
    @Body() dto: RemedyInventoryItemDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InventoryItemDto> {
    return this.inventory.recordRemedy(itemId, dto, ctx);
  }
}
