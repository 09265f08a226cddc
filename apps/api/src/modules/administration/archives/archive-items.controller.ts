import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../../../platform/auth/decorators';
import { BackupDto, BackupQueuedDto } from '../../../platform/backup/backups.dto';
import { Exportable, ExportRequested } from '../../../platform/excel/exportable';
import type { RowSource } from '../../../platform/excel/row-source';
import { ApiErrors } from '../../../platform/http/api-responses';
import { PageQueryDto, Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { ArchiveBackupService } from './archive-backup.service';
import { ARCHIVE_CATALOGUE_SHEET } from './archive-catalogue.sheet';
import { ArchiveItemsService } from './archive-items.service';
import {
  AccessionArchiveItemDto,
  ArchiveBackupRestoredDto,
  ArchiveBoxDto,
  ArchiveFilingCandidateDto,
  ArchiveItemDetailDto,
  ArchiveItemDto,
  FileDocumentIntoArchiveDto,
  QueryArchiveBoxesDto,
  QueryArchiveItemsDto,
  UpdateArchiveBoxDto,
} from './archives.dto';

const MANAGE = { permission: PERMISSIONS.ADMIN_ARCHIVES_MANAGE };
const ItemPage = Paginated(ArchiveItemDto);
const BoxPage = Paginated(ArchiveBoxDto);
const BackupPage = Paginated(BackupDto);

function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Archive items (件, ADM-8), boxes, filing from documents (DOC-11) and the archive's backups (ADM-9). */
@ApiTags('administration')
@Controller('administration/archives')
export class ArchiveItemsController {
  constructor(
    private readonly items: ArchiveItemsService,
    private readonly backups: ArchiveBackupService,
  ) {}

  @Post('items')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'accessionArchiveItem',
    summary: 'Take an item into the archive (入库)',
    description:
      'ADM-8: gives the next gap-free 档号 of its class (全宗号-门类代码·年度-保管期限代码-机构代码-件号); records disinfection, ' +
      'condition, box (盒号) and shelf; attaches digitised files uploaded as drafts.',
  })
  @ApiCreatedResponse({ type: ArchiveItemDetailDto })
  @ApiErrors(400, 403, 409)
  accessionArchiveItem(@Body() dto: AccessionArchiveItemDto, @Ctx() ctx: RequestContext): Promise<ArchiveItemDetailDto> {
    return this.items.accession(dto, ctx);
  }

  @Get('items')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'listArchiveItems',
    summary: 'The catalogue (归档文件目录); export it',
    description:
      'ADM-8, REQ-3: by category, year, retention, 机构, box and text, in 档号 order; items the viewer may not see are absent ' +
      '(also from the count and the export). `format=xlsx` exports.',
  })
  @Exportable(ARCHIVE_CATALOGUE_SHEET, ItemPage)
  @ApiErrors(400, 403)
  listArchiveItems(
    @Query() query: QueryArchiveItemsDto,
    @ExportRequested() exporting: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof ItemPage>> | RowSource<ArchiveItemDto> {
    return exporting ? this.items.exportRows(query, ctx.actor!) : this.items.list(query, ctx.actor!);
  }

  @Get('items/:id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getArchiveItem',
    summary: 'An archive item with its files and history',
    description:
      'ADM-8, REQ-3: 404 unless the viewer may see it (clearance and need-to-know for a classified item); classified reads are audited.',
  })
  @ApiOkResponse({ type: ArchiveItemDetailDto })
  @ApiErrors(400, 404)
  getArchiveItem(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<ArchiveItemDetailDto> {
    return this.items.get(id, ctx);
  }

  @Get('items/:id/files/:fileId')
  @Authenticated()
  @ApiOperation({
    operationId: 'downloadArchiveFile',
    summary: 'Download a digitised file of an item',
    description: 'ADM-8, REQ-3: through the item; 404 unless the viewer may see it; a classified item’s file is watermarked and audited.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The content' })
  @ApiErrors(400, 404)
  async downloadArchiveFile(
    @Param('id', UUID_PARAM) id: string,
    @Param('fileId', UUID_PARAM) fileId: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const download = await this.items.download(id, fileId, ctx);
    void reply.header('cache-control', 'private, no-store');
    if (download.watermarked) void reply.header('x-watermarked', 'true');
    const options = { type: download.contentType, disposition: contentDisposition(download.name), length: download.length };
    return Buffer.isBuffer(download.body) ? new StreamableFile(download.body, options) : new StreamableFile(download.body, options);
  }

  @Get('boxes')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'listArchiveBoxes',
    summary: 'Boxes with their spine and 备考表',
    description: 'ADM-8: 全宗号, 年度, 期限, 起止件号 and 盒号 for the spine label; 整理人, 检查人 and date of the 备考表.',
  })
  @ApiOkResponse({ type: BoxPage })
  @ApiErrors(400, 403)
  listArchiveBoxes(@Query() query: QueryArchiveBoxesDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof BoxPage>> {
    return this.items.listBoxes(query, ctx.actor!);
  }

  @Patch('boxes/:id')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'updateArchiveBox',
    summary: 'Fill in a box’s 备考表',
    description: 'ADM-8: optimistic locking by `version`.',
  })
  @ApiOkResponse({ type: ArchiveBoxDto })
  @ApiErrors(400, 403, 404, 409)
  updateArchiveBox(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateArchiveBoxDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ArchiveBoxDto> {
    return this.items.updateBox(id, dto, ctx);
  }

  @Get('filing')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'listArchiveFilingCandidates',
    summary: 'Documents ready to file (待归档)',
    description: 'DOC-11, ADM-7: with the category and retention the retention schedule gives them, and the default 机构.',
  })
  @ApiOkResponse({ type: [ArchiveFilingCandidateDto] })
  @ApiErrors(403)
  listArchiveFilingCandidates(@Ctx() ctx: RequestContext): Promise<ArchiveFilingCandidateDto[]> {
    return this.items.listReadyToFile(ctx.actor!);
  }

  @Post('filing')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'fileDocumentIntoArchive',
    summary: 'File a finished document into the archive',
    description:
      'DOC-11, ADM-8: an item with its 档号, the document’s files copied and its history kept; the document becomes 已归档. ' +
      '409 FILING_NOT_READY when it is not ready to file, ARCHIVE_ALREADY_FILED when it is in the archive.',
  })
  @ApiCreatedResponse({ type: ArchiveItemDetailDto })
  @ApiErrors(400, 403, 404, 409)
  fileDocumentIntoArchive(@Body() dto: FileDocumentIntoArchiveDto, @Ctx() ctx: RequestContext): Promise<ArchiveItemDetailDto> {
    return this.items.fileDocument(dto, ctx);
  }

  @Get('backups')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'listArchiveBackups',
    summary: 'The archive’s backups and their verification',
    description: 'ADM-9: newest first; each one verified by reading it back.',
  })
  @ApiOkResponse({ type: BackupPage })
  @ApiErrors(400, 403)
  listArchiveBackups(@Query() query: PageQueryDto): Promise<InstanceType<typeof BackupPage>> {
    return this.backups.history(query);
  }

  @Post('backups')
  @HttpCode(202)
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'requestArchiveBackup',
    summary: 'Back up the archive now',
    description: 'ADM-9: the digitised files and the catalogue; queued on the job workers, then verified.',
  })
  @ApiAcceptedResponse({ type: BackupQueuedDto })
  @ApiErrors(403)
  async requestArchiveBackup(@Ctx() ctx: RequestContext): Promise<BackupQueuedDto> {
    await this.backups.request(ctx);
    return { status: 'queued' };
  }

  @Post('backups/:id/restore')
  @HttpCode(200)
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'restoreArchiveBackup',
    summary: 'Restore the archive from a backup',
    description: 'ADM-9: puts back missing catalogue rows and files; 409 ARCHIVE_BACKUP_UNUSABLE when the backup does not verify.',
  })
  @ApiOkResponse({ type: ArchiveBackupRestoredDto })
  @ApiErrors(400, 403, 404, 409)
  restoreArchiveBackup(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<ArchiveBackupRestoredDto> {
    return this.backups.restore(id, ctx);
  }
}
