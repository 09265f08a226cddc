import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated } from '../auth/decorators';
import { ApiErrors } from '../http/api-responses';
import { ErrorBodyDto } from '../http/error-body.dto';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import { DownloadFileQueryDto, FileDto, ListFilesQueryDto, UploadFileBodyDto, UploadFileQueryDto } from './files.dto';
import { FilesService } from './files.service';

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback and the real name. */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Files (附件, PLT-5): upload a draft, attach it through a module (e.g. a message's
 * `attachmentIds`), download it through the object it belongs to.
 */
@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @Authenticated()
  @ApiOperation({
    operationId: 'uploadFile',
    summary: 'Upload a file',
    description:
      'PLT-5: multipart field `file`, streamed; at most FILE_MAX_BYTES (50 MB by default). The type is detected from the content ' +
      '(a renamed executable is refused, 415). The file is a draft of its uploader until a module attaches it; drafts not ' +
      'attached within a day are removed.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadFileBodyDto })
  @ApiCreatedResponse({ type: FileDto })
  @ApiErrors(400, 413)
  @ApiResponse({ status: 415, type: ErrorBodyDto, description: 'Not multipart, or a kind of file that is not accepted' })
  uploadFile(@Req() request: FastifyRequest, @Query() query: UploadFileQueryDto, @Ctx() ctx: RequestContext): Promise<FileDto> {
    return this.files.upload(request, { classified: query.classified }, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listFiles',
    summary: 'Files of an object',
    description: 'PLT-5: the files attached to an object the caller may read (404 otherwise); `draft` and one’s own id: one’s drafts.',
  })
  @ApiOkResponse({ type: [FileDto] })
  @ApiErrors(400, 404)
  listFiles(@Query() query: ListFilesQueryDto, @Ctx() ctx: RequestContext): Promise<FileDto[]> {
    return this.files.listOwned(ctx.actor!, { type: query.ownerType, id: query.ownerId }, ctx);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'downloadFile',
    summary: 'Download a file',
    description:
      'PLT-5, REQ-3: authorised through the object the file belongs to; whoever may not read it gets 404. Downloads of files ' +
      "of classified objects are audited and watermarked (PDF: text; image: pixels) with the viewer's name and the time; " +
      '`watermark=true` asks for the same on any PDF or image.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The content, with its detected type' })
  @ApiErrors(400, 404)
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'A watermark was needed but the file cannot be marked' })
  async downloadFile(
    @Param('id', UUID_PARAM) id: string,
    @Query() query: DownloadFileQueryDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const download = await this.files.download(id, ctx.actor!, ctx, { watermark: query.watermark });
    void reply.header('cache-control', 'private, no-store');
    if (download.watermarked) void reply.header('x-watermarked', 'true');
    const options = { type: download.contentType, disposition: contentDisposition(download.name), length: download.length };
    return Buffer.isBuffer(download.body) ? new StreamableFile(download.body, options) : new StreamableFile(download.body, options);
  }

  @Delete(':id')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'discardFile',
    summary: 'Discard a draft',
    description: 'PLT-5: an uploaded file not attached yet, by its uploader.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  discardFile(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.files.discardDraft(id, ctx);
  }
}
