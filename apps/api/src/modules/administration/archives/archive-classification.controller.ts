import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { ArchiveClassificationService } from './archive-classification.service';
import {
  ArchiveCategoryDto,
  ArchiveClassificationDto,
  ArchiveOrgCodeDto,
  ArchiveRetentionRuleDto,
  ArchiveSettingsDto,
  CreateArchiveCategoryDto,
  CreateArchiveOrgCodeDto,
  CreateArchiveRetentionRuleDto,
  UpdateArchiveRetentionRuleDto,
  UpdateArchiveSettingsDto,
} from './archives.dto';

const MANAGE = { permission: PERMISSIONS.ADMIN_ARCHIVES_MANAGE };

/** Classification of the archive (ADM-7): 全宗号, 门类, 机构/问题 codes and the retention schedule. */
@ApiTags('administration')
@Controller('administration/archives')
export class ArchiveClassificationController {
  constructor(private readonly classification: ArchiveClassificationService) {}

  @Get('classification')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'getArchiveClassification',
    summary: 'The archive’s classification and retention schedule',
    description: 'ADM-7: 全宗号 and 机构/问题, the 门类, the 机构/问题 codes and the 归档范围与保管期限表.',
  })
  @ApiOkResponse({ type: ArchiveClassificationDto })
  @ApiErrors(403)
  getArchiveClassification(): Promise<ArchiveClassificationDto> {
    return this.classification.classification();
  }

  @Patch('settings')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'updateArchiveSettings',
    summary: 'Change the 全宗号 or 机构/问题',
    description: 'ADM-7: applies to items accessioned from now on; optimistic locking by `version`.',
  })
  @ApiOkResponse({ type: ArchiveSettingsDto })
  @ApiErrors(400, 403, 409)
  updateArchiveSettings(@Body() dto: UpdateArchiveSettingsDto, @Ctx() ctx: RequestContext): Promise<ArchiveSettingsDto> {
    return this.classification.updateSettings(dto, ctx);
  }

  @Post('categories')
  @Authenticated(MANAGE)
  @ApiOperation({ operationId: 'createArchiveCategory', summary: 'Add a 门类', description: 'ADM-7. 409 ARCHIVE_CATEGORY_EXISTS.' })
  @ApiCreatedResponse({ type: ArchiveCategoryDto })
  @ApiErrors(400, 403, 409)
  createArchiveCategory(@Body() dto: CreateArchiveCategoryDto, @Ctx() ctx: RequestContext): Promise<ArchiveCategoryDto> {
    return this.classification.createCategory(dto, ctx);
  }

  @Post('org-codes')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'createArchiveOrgCode',
    summary: 'Add a 机构 (or 问题) code',
    description: 'ADM-7: e.g. JWC 教务处, tied to a department or not. 409 ARCHIVE_ORG_CODE_EXISTS.',
  })
  @ApiCreatedResponse({ type: ArchiveOrgCodeDto })
  @ApiErrors(400, 403, 409)
  createArchiveOrgCode(@Body() dto: CreateArchiveOrgCodeDto, @Ctx() ctx: RequestContext): Promise<ArchiveOrgCodeDto> {
    return this.classification.createOrgCode(dto, ctx);
  }

  @Post('schedule')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'createArchiveRetentionRule',
    summary: 'Add a row to the retention schedule',
    description: 'ADM-7: category, what is archived, retention; a 文种 makes it the default when such documents are filed.',
  })
  @ApiCreatedResponse({ type: ArchiveRetentionRuleDto })
  @ApiErrors(400, 403)
  createArchiveRetentionRule(@Body() dto: CreateArchiveRetentionRuleDto, @Ctx() ctx: RequestContext): Promise<ArchiveRetentionRuleDto> {
    return this.classification.createRule(dto, ctx);
  }

  @Patch('schedule/:id')
  @Authenticated(MANAGE)
  @ApiOperation({ operationId: 'updateArchiveRetentionRule', summary: 'Edit a row of the retention schedule', description: 'ADM-7' })
  @ApiOkResponse({ type: ArchiveRetentionRuleDto })
  @ApiErrors(400, 403, 404, 409)
  updateArchiveRetentionRule(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateArchiveRetentionRuleDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ArchiveRetentionRuleDto> {
    return this.classification.updateRule(id, dto, ctx);
  }

  @Delete('schedule/:id')
  @HttpCode(204)
  @Authenticated(MANAGE)
  @ApiOperation({ operationId: 'deleteArchiveRetentionRule', summary: 'Remove a row of the retention schedule', description: 'ADM-7' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiErrors(400, 403, 404)
  async deleteArchiveRetentionRule(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    await this.classification.deleteRule(id, ctx);
  }
}
