import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { Exportable, ExportRequested } from '../../../platform/excel/exportable';
import type { RowSource } from '../../../platform/excel/row-source';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  CreateWorkMatterDto,
  FollowUpWorkMatterDto,
  QueryWorkMattersDto,
  UpdateWorkMatterDto,
  WorkMatterDetailDto,
  WorkMatterDto,
} from './ledger.dto';
import { WORK_LEDGER_SHEET } from './ledger.sheet';
import { LedgerService } from './ledger.service';

const MatterPage = Paginated(WorkMatterDto);

/** The work ledger (工作台账, ADM-3). */
@ApiTags('administration')
@Controller('administration/ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Post()
  @Authenticated({ permission: PERMISSIONS.ADMIN_LEDGER_MANAGE })
  @ApiOperation({
    operationId: 'createWorkMatter',
    summary: 'Open a matter in the work ledger',
    description: 'ADM-3: owner, departments involved, deadline; the owner is notified.',
  })
  @ApiCreatedResponse({ type: WorkMatterDetailDto })
  @ApiErrors(400, 403)
  createWorkMatter(@Body() dto: CreateWorkMatterDto, @Ctx() ctx: RequestContext): Promise<WorkMatterDetailDto> {
    return this.ledger.create(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listWorkMatters',
    summary: 'List the work ledger; export it',
    description: 'ADM-3: one’s own matters, all for administration.ledger.manage; by status, owner, overdue; `format=xlsx` exports.',
  })
  @Exportable(WORK_LEDGER_SHEET, MatterPage)
  @ApiErrors(400)
  listWorkMatters(
    @Query() query: QueryWorkMattersDto,
    @ExportRequested() exporting: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof MatterPage>> | RowSource<WorkMatterDto> {
    return exporting ? this.ledger.exportRows(query, ctx.actor!) : this.ledger.list(query, ctx.actor!);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ operationId: 'getWorkMatter', summary: 'Get a matter with its follow-up log', description: 'ADM-3' })
  @ApiOkResponse({ type: WorkMatterDetailDto })
  @ApiErrors(400, 404)
  getWorkMatter(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<WorkMatterDetailDto> {
    return this.ledger.get(id, ctx);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'updateWorkMatter',
    summary: 'Edit a matter',
    description: 'ADM-3: by its owner or a keeper of the ledger; optimistic locking by `version`.',
  })
  @ApiOkResponse({ type: WorkMatterDetailDto })
  @ApiErrors(400, 403, 404, 409)
  updateWorkMatter(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateWorkMatterDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WorkMatterDetailDto> {
    return this.ledger.update(id, dto, ctx);
  }

  @Post(':id/follow-ups')
  @HttpCode(201)
  @Authenticated()
  @ApiOperation({
    operationId: 'followUpWorkMatter',
    summary: 'Record a follow-up (跟进)',
    description: 'ADM-3: by the owner or a keeper of the ledger; may move the status. 409 WORK_MATTER_CLOSED once done or cancelled.',
  })
  @ApiCreatedResponse({ type: WorkMatterDetailDto })
  @ApiErrors(400, 403, 404, 409)
  followUpWorkMatter(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: FollowUpWorkMatterDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WorkMatterDetailDto> {
    return this.ledger.followUp(id, dto, ctx);
  }
}
