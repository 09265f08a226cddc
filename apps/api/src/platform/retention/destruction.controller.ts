import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../auth/decorators';
import { Exportable, ExportRequested } from '../excel/exportable';
import type { RowSource } from '../excel/row-source';
import { ApiErrors } from '../http/api-responses';
import { Idempotent } from '../http/idempotency';
import { Paginated, PageQueryDto } from '../http/pagination';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import {
  DestructionListDetailDto,
  DestructionListDto,
  DestructionListItemDto,
  DestructionVersionDto,
  ProposeDestructionListDto,
  QueryDestructionListsDto,
  RecordDestructionDto,
  UpdateDestructionListDto,
} from './destruction.dto';
import { DESTRUCTION_LIST_SHEET } from './destruction.sheet';
import { DestructionService } from './destruction.service';

const ListPage = Paginated(DestructionListDto);
const ItemPage = Paginated(DestructionListItemDto);
const MANAGE = PERMISSIONS.RETENTION_DESTRUCTION_MANAGE;

/**
 * Destruction lists (销毁清册) and destruction records, for every kind of record. Reading is for
 * those who manage destruction and for the list's named witnesses (404 for anyone else).
 */
@ApiTags('retention')
@Controller('retention/destruction-lists')
export class DestructionController {
  constructor(private readonly destruction: DestructionService) {}

  @Post()
  @Authenticated({ permission: MANAGE })
  @Idempotent()
  @ApiOperation({
    operationId: 'proposeDestructionList',
    summary: 'Propose a destruction list of expired records',
    description:
      'DOC-10: every record of the registered kinds whose retention ran out by `asOf` and that is not filed to the archive, not ' +
      'destroyed, not 永久 and on no other live list. 409 RETENTION_NOTHING_EXPIRED when there is none. NFR-7: accepts Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: DestructionListDetailDto })
  @ApiErrors(400, 403, 409)
  proposeDestructionList(@Body() dto: ProposeDestructionListDto, @Ctx() ctx: RequestContext): Promise<DestructionListDetailDto> {
    return this.destruction.propose(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listDestructionLists',
    summary: 'List destruction lists',
    description: 'DOC-10: witnesses see the lists they witness.',
  })
  @ApiOkResponse({ type: ListPage })
  @ApiErrors(400)
  listDestructionLists(@Query() query: QueryDestructionListsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof ListPage>> {
    return this.destruction.list(query, ctx.actor!);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getDestructionList',
    summary: 'Get a destruction list with its records and its destruction record',
    description: 'DOC-10',
  })
  @ApiOkResponse({ type: DestructionListDetailDto })
  @ApiErrors(400, 404)
  getDestructionList(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<DestructionListDetailDto> {
    return this.destruction.get(id, ctx.actor!);
  }

  @Get(':id/items')
  @Authenticated()
  @ApiOperation({
    operationId: 'listDestructionListItems',
    summary: 'The records of a destruction list; export it (销毁清册)',
    description: 'DOC-10: `format=xlsx` exports the list as an Excel sheet. Titles above the viewer’s clearance are left out.',
  })
  @Exportable(DESTRUCTION_LIST_SHEET, ItemPage)
  @ApiErrors(400, 404)
  listDestructionListItems(
    @Param('id', UUID_PARAM) id: string,
    @Query() query: PageQueryDto,
    @ExportRequested() exporting: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof ItemPage> | RowSource<DestructionListItemDto>> {
    return exporting ? this.destruction.exportItems(id, ctx.actor!) : this.destruction.items(id, query, ctx.actor!);
  }

  @Patch(':id')
  @Authenticated({ permission: MANAGE })
  @ApiOperation({ operationId: 'updateDestructionList', summary: 'Edit a draft list: title, records taken off', description: 'DOC-10' })
  @ApiOkResponse({ type: DestructionListDetailDto })
  @ApiErrors(400, 403, 404, 409)
  updateDestructionList(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateDestructionListDto,
    @Ctx() ctx: RequestContext,
  ): Promise<DestructionListDetailDto> {
    return this.destruction.update(id, dto, ctx);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'submitDestructionList',
    summary: 'Submit the list for approval',
    description: 'DOC-10: approval kind `destruction-list`.',
  })
  @ApiOkResponse({ type: DestructionListDetailDto })
  @ApiErrors(400, 403, 404, 409)
  submitDestructionList(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: DestructionVersionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<DestructionListDetailDto> {
    return this.destruction.submit(id, dto.version, ctx);
  }

  @Post(':id/revise')
  @HttpCode(200)
  @Authenticated({ permission: MANAGE })
  @ApiOperation({ operationId: 'reviseDestructionList', summary: 'Take a rejected list back to a draft', description: 'DOC-10' })
  @ApiOkResponse({ type: DestructionListDetailDto })
  @ApiErrors(400, 403, 404, 409)
  reviseDestructionList(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: DestructionVersionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<DestructionListDetailDto> {
    return this.destruction.revise(id, dto.version, ctx);
  }

  @Post(':id/record')
  @HttpCode(200)
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'recordDestruction',
    summary: 'Record the destruction: method, date, place, witnesses',
    description: 'DOC-10: 焚毁/粉碎/制浆/消磁; the witnesses (监销人) then confirm themselves. Recording again resets their confirmations.',
  })
  @ApiOkResponse({ type: DestructionListDetailDto })
  @ApiErrors(400, 403, 404, 409)
  recordDestruction(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RecordDestructionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<DestructionListDetailDto> {
    return this.destruction.record(id, dto, ctx);
  }

  @Post(':id/witness')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'confirmDestructionWitness',
    summary: 'Confirm as a witness (监销人确认)',
    description: 'DOC-10: by a named witness with their own sign-in, once the list is approved and the destruction recorded.',
  })
  @ApiOkResponse({ type: DestructionListDetailDto })
  @ApiErrors(400, 403, 404, 409)
  confirmDestructionWitness(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<DestructionListDetailDto> {
    return this.destruction.confirmAsWitness(id, ctx);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'completeDestruction',
    summary: 'Complete the destruction: the records are marked destroyed',
    description:
      'DOC-10: 409 RETENTION_NOT_APPROVED before approval, RETENTION_NOT_RECORDED without method/date/place, RETENTION_TOO_FEW_WITNESSES ' +
      'with fewer than two confirmed witnesses. The records keep their metadata, marked destroyed with a link to this list.',
  })
  @ApiOkResponse({ type: DestructionListDetailDto })
  @ApiErrors(400, 403, 404, 409)
  completeDestruction(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: DestructionVersionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<DestructionListDetailDto> {
    return this.destruction.complete(id, dto.version, ctx);
  }
}
