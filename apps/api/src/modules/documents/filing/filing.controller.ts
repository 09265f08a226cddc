import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { FilingCandidateDto } from './filing.dto';
import { FilingService } from './filing.service';

/** Filing (归档, DOC-11): the ready-to-file list and marking a finished document ready. */
@ApiTags('documents')
@Controller('documents/filing')
export class FilingController {
  constructor(private readonly filing: FilingService) {}

  @Get('ready')
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_FILING_MANAGE })
  @ApiOperation({
    operationId: 'listReadyToFile',
    summary: 'Documents ready to file (待归档)',
    description: 'DOC-11: finished documents marked ready to file and not yet taken by the archive, oldest first.',
  })
  @ApiOkResponse({ type: [FilingCandidateDto] })
  @ApiErrors(403)
  listReadyToFile(@Ctx() ctx: RequestContext): Promise<FilingCandidateDto[]> {
    return this.filing.listReadyFor(ctx.actor!);
  }

  @Post(':kind/:id/ready')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_FILING_MANAGE })
  @ApiOperation({
    operationId: 'markReadyToFile',
    summary: 'Mark a finished document ready to file',
    description:
      'DOC-11: `kind` is e.g. `incoming-document`. 409 FILING_NOT_READY when the document is not finished (办结) or already filed or destroyed.',
  })
  @ApiNoContentResponse({ description: 'Marked ready to file.' })
  @ApiErrors(400, 403, 404, 409)
  async markReadyToFile(@Param('kind') kind: string, @Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    await this.filing.markReady(kind, id, ctx);
  }
}
