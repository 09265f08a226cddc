import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { ErrorBodyDto } from '../../../platform/http/error-body.dto';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  CreateNameListDto,
  DesensitiseApplyDto,
  DesensitiseApplyResultDto,
  DesensitiseScanDto,
  DesensitiseScanResultDto,
  NameListDetailDto,
  NameListDto,
  UpdateNameListDto,
} from './desensitisation.dto';
import { DesensitisationService } from './desensitisation.service';

/** Desensitisation (脱敏, INF-2): the check before anything is published, and the name lists it looks for. */
@ApiTags('information')
@Controller('information')
export class DesensitisationController {
  constructor(private readonly desensitisation: DesensitisationService) {}

  @Post('desensitisation/scan')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INFO_DESENSITISE })
  @ApiOperation({
    operationId: 'scanForPersonalData',
    summary: 'Find personal data in a text',
    description:
      'INF-2: ID numbers (18 digits, GB 11643 checksum validated), mainland mobile numbers, email addresses and names on the ' +
      'school’s lists, with offsets and the masked form of each. Changes nothing.',
  })
  @ApiOkResponse({ type: DesensitiseScanResultDto })
  @ApiErrors(400, 403)
  async scanForPersonalData(@Body() dto: DesensitiseScanDto): Promise<DesensitiseScanResultDto> {
    return { findings: await this.desensitisation.scan(dto.text) };
  }

  @Post('desensitisation/apply')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INFO_DESENSITISE })
  @ApiOperation({
    operationId: 'applyDesensitisation',
    summary: 'Mask the findings the author chose; keep the others with their reasons',
    description:
      'INF-2: every finding needs a decision (mask, or keep with a reason); 422 FINDINGS_UNRESOLVED otherwise, keyed by finding key. ' +
      'Returns the masked text; the kept findings and their reasons go to the audit log.',
  })
  @ApiOkResponse({ type: DesensitiseApplyResultDto })
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'FINDINGS_UNRESOLVED, keyed by finding key' })
  @ApiErrors(400, 403)
  applyDesensitisation(@Body() dto: DesensitiseApplyDto, @Ctx() ctx: RequestContext): Promise<DesensitiseApplyResultDto> {
    return this.desensitisation.apply(dto.text, dto.decisions, ctx);
  }

  @Get('name-lists')
  @Authenticated({ permission: PERMISSIONS.INFO_NAME_LISTS_MANAGE })
  @ApiOperation({ operationId: 'listNameLists', summary: 'The name lists the check looks for', description: 'INF-2: with their sizes.' })
  @ApiOkResponse({ type: [NameListDto] })
  @ApiErrors(403)
  listNameLists(): Promise<NameListDto[]> {
    return this.desensitisation.listNameLists();
  }

  @Post('name-lists')
  @Authenticated({ permission: PERMISSIONS.INFO_NAME_LISTS_MANAGE })
  @ApiOperation({
    operationId: 'createNameList',
    summary: 'Add a name list (students, for example)',
    description: 'INF-2: names of 2–50 characters; blanks dropped, duplicates kept once. 409 NAME_LIST_EXISTS keyed name.',
  })
  @ApiCreatedResponse({ type: NameListDetailDto })
  @ApiErrors(400, 403, 409)
  createNameList(@Body() dto: CreateNameListDto, @Ctx() ctx: RequestContext): Promise<NameListDetailDto> {
    return this.desensitisation.createNameList(dto, ctx);
  }

  @Get('name-lists/:id')
  @Authenticated({ permission: PERMISSIONS.INFO_NAME_LISTS_MANAGE })
  @ApiOperation({ operationId: 'getNameList', summary: 'A name list with its names', description: 'INF-2' })
  @ApiOkResponse({ type: NameListDetailDto })
  @ApiErrors(400, 403, 404)
  getNameList(@Param('id', UUID_PARAM) id: string): Promise<NameListDetailDto> {
    return this.desensitisation.getNameList(id);
  }

  @Patch('name-lists/:id')
  @Authenticated({ permission: PERMISSIONS.INFO_NAME_LISTS_MANAGE })
  @ApiOperation({
    operationId: 'updateNameList',
    summary: 'Rename a list or replace its names',
    description: 'INF-2: `names`, when given, replaces the whole list in one step; optimistic locking by `version`.',
  })
  @ApiOkResponse({ type: NameListDetailDto })
  @ApiErrors(400, 403, 404, 409)
  updateNameList(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateNameListDto,
    @Ctx() ctx: RequestContext,
  ): Promise<NameListDetailDto> {
    return this.desensitisation.updateNameList(id, dto, ctx);
  }

  @Delete('name-lists/:id')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.INFO_NAME_LISTS_MANAGE })
  @ApiOperation({ operationId: 'deleteNameList', summary: 'Delete a name list', description: 'INF-2' })
  @ApiNoContentResponse()
  @ApiErrors(400, 403, 404)
  async deleteNameList(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    await this.desensitisation.deleteNameList(id, ctx);
  }
}
