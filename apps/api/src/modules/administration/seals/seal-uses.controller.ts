import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
  ApplySealUseDto,
  QuerySealApplicationsDto,
  QuerySealUsesDto,
  RegisterSealUseDto,
  SealUseApplicationDetailDto,
  SealUseApplicationDto,
  SealUseDto,
} from './seal-uses.dto';
import { SEAL_USE_REGISTER_SHEET } from './seal-uses.sheet';
import { SealUsesService } from './seal-uses.service';

const ApplicationPage = Paginated(SealUseApplicationDto);
const UsePage = Paginated(SealUseDto);

/** Seal use (用印, ADM-5): applications, their approval, the custodian's registration, the register. */
@ApiTags('administration')
@Controller('administration/seal-uses')
export class SealUsesController {
  constructor(private readonly uses: SealUsesService) {}

  @Post('applications')
  @Authenticated({ permission: PERMISSIONS.ADMIN_SEALS_APPLY })
  @ApiOperation({
    operationId: 'applySealUse',
    summary: 'Apply to use a seal (用印申请)',
    description:
      'ADM-5: the seal, document title, copies, reason and the file(s) to be stamped (draft files, kept with their SHA-256). ' +
      'Submitted for approval (kind seal-use; the seal type chooses the chain). 409 SEAL_NOT_IN_USE for a suspended, lost or destroyed seal.',
  })
  @ApiCreatedResponse({ type: SealUseApplicationDetailDto })
  @ApiErrors(400, 403, 409)
  applySealUse(@Body() dto: ApplySealUseDto, @Ctx() ctx: RequestContext): Promise<SealUseApplicationDetailDto> {
    return this.uses.apply(dto, ctx);
  }

  @Get('applications')
  @Authenticated()
  @ApiOperation({
    operationId: 'listSealUseApplications',
    summary: 'List seal-use applications',
    description: 'ADM-5: one’s own, those of the seals one keeps and those one approves; all for administration.seals.manage.',
  })
  @ApiOkResponse({ type: ApplicationPage })
  @ApiErrors(400)
  listSealUseApplications(
    @Query() query: QuerySealApplicationsDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof ApplicationPage>> {
    return this.uses.list(query, ctx.actor!);
  }

  @Get('applications/:id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getSealUseApplication',
    summary: 'Get a seal-use application with its files and uses',
    description: 'ADM-5: 404 for who may not see it.',
  })
  @ApiOkResponse({ type: SealUseApplicationDetailDto })
  @ApiErrors(400, 404)
  getSealUseApplication(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<SealUseApplicationDetailDto> {
    return this.uses.get(id, ctx);
  }

  @Post('applications/:id/uses')
  @HttpCode(201)
  @Authenticated({ permission: PERMISSIONS.ADMIN_SEALS_MANAGE })
  @ApiOperation({
    operationId: 'registerSealUse',
    summary: 'Register an actual use (用印登记)',
    description:
      'ADM-5: by the seal’s custodian: time, copies stamped, 经办人, 监印人. 409 SEAL_USE_NOT_APPROVED without an approved application, ' +
      'SEAL_USE_COPIES_EXCEEDED beyond the approved copies (cumulative), SEAL_USE_SPENT once every copy is stamped, SEAL_NOT_IN_USE ' +
      'for a seal out of use. Two uses at once cannot together exceed the approval.',
  })
  @ApiCreatedResponse({ type: SealUseApplicationDetailDto })
  @ApiErrors(400, 403, 404, 409)
  registerSealUse(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RegisterSealUseDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SealUseApplicationDetailDto> {
    return this.uses.registerUse(id, dto, ctx);
  }

  @Get()
  @Authenticated({ permission: PERMISSIONS.ADMIN_SEALS_MANAGE })
  @ApiOperation({
    operationId: 'listSealUses',
    summary: 'The seal-use register (用印登记簿)',
    description: 'ADM-5: every registered use, newest first, by seal and dates; `format=xlsx` exports it.',
  })
  @Exportable(SEAL_USE_REGISTER_SHEET, UsePage)
  @ApiErrors(400, 403)
  listSealUses(
    @Query() query: QuerySealUsesDto,
    @ExportRequested() exporting: boolean,
  ): Promise<InstanceType<typeof UsePage>> | RowSource<SealUseDto> {
    return exporting ? this.uses.registerRows(query) : this.uses.register(query);
  }
}
