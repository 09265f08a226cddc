import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { ErrorBodyDto } from '../../../platform/http/error-body.dto';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { CreateMaterialDto, MaterialDto, MaterialStepDto } from './material.dto';
import { MaterialsService } from './materials.service';

const FORBIDDEN = { status: 403, type: ErrorBodyDto, description: 'Not the organiser or uploader (nor meetings.manage)' };

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266), as the files controller answers. */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Meeting materials (会议材料, MTG-5). */
@ApiTags('meetings')
@Controller('meetings')
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  @Get(':id/materials')
  @Authenticated()
  @ApiOperation({
    operationId: 'listMeetingMaterials',
    summary: 'The meeting’s materials the caller may see',
    description: 'MTG-5: a confidential material is absent for everyone but its named attendees, uploader and organiser.',
  })
  @ApiOkResponse({ type: [MaterialDto] })
  @ApiErrors(400, 404)
  listMeetingMaterials(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MaterialDto[]> {
    return this.materials.list(id, ctx);
  }

  @Post(':id/materials')
  @Authenticated()
  @ApiOperation({
    operationId: 'createMeetingMaterial',
    summary: 'Add a material (files uploaded first)',
    description: 'MTG-5: by the organiser or meetings.manage; a confidential one names its attendees (recipientIds).',
  })
  @ApiCreatedResponse({ type: MaterialDto })
  @ApiErrors(400, 404, 409)
  @ApiResponse(FORBIDDEN)
  createMeetingMaterial(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CreateMaterialDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MaterialDto> {
    return this.materials.create(id, dto, ctx);
  }

  @Get('materials/:materialId')
  @Authenticated()
  @ApiOperation({
    operationId: 'getMeetingMaterial',
    summary: 'A material',
    description: 'MTG-5: 404 for whoever may not see it; receipts for the organiser.',
  })
  @ApiOkResponse({ type: MaterialDto })
  @ApiErrors(400, 404)
  getMeetingMaterial(@Param('materialId', UUID_PARAM) materialId: string, @Ctx() ctx: RequestContext): Promise<MaterialDto> {
    return this.materials.get(materialId, ctx);
  }

  @Post('materials/:materialId/steps')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'advanceMeetingMaterial',
    summary: 'Printed, bound or distributed',
    description: 'MTG-5: steps in order (409 MEETING_MATERIAL_ILLEGAL_STEP); distribution gives each recipient a copy to confirm.',
  })
  @ApiOkResponse({ type: MaterialDto })
  @ApiErrors(400, 404, 409)
  @ApiResponse(FORBIDDEN)
  advanceMeetingMaterial(
    @Param('materialId', UUID_PARAM) materialId: string,
    @Body() dto: MaterialStepDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MaterialDto> {
    return this.materials.step(materialId, dto.step, dto.version, ctx);
  }

  @Post('materials/:materialId/receipt')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'confirmMeetingMaterialReceipt',
    summary: 'Confirm receipt of one’s copy (签收)',
    description: 'MTG-5: by a recipient after distribution; again keeps the first time. 403 MEETING_NOT_AN_ATTENDEE without a copy.',
  })
  @ApiOkResponse({ type: MaterialDto })
  @ApiErrors(400, 404)
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'No copy for the caller' })
  confirmMeetingMaterialReceipt(@Param('materialId', UUID_PARAM) materialId: string, @Ctx() ctx: RequestContext): Promise<MaterialDto> {
    return this.materials.confirmReceipt(materialId, ctx);
  }

  @Get('materials/:materialId/files/:fileId')
  @Authenticated()
  @ApiOperation({
    operationId: 'downloadMeetingMaterialFile',
    summary: 'Download a file of a material',
    description:
      'MTG-5: through the material’s visibility (404 otherwise); a confidential material’s PDF or image carries the watermark naming the viewer.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 404)
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'A watermark was needed but the file cannot be marked' })
  async downloadMeetingMaterialFile(
    @Param('materialId', UUID_PARAM) materialId: string,
    @Param('fileId', UUID_PARAM) fileId: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const download = await this.materials.download(materialId, fileId, ctx);
    void reply.header('cache-control', 'private, no-store');
    if (download.watermarked) void reply.header('x-watermarked', 'true');
    const options = { type: download.contentType, disposition: contentDisposition(download.name), length: download.length };
    return Buffer.isBuffer(download.body) ? new StreamableFile(download.body, options) : new StreamableFile(download.body, options);
  }
}
