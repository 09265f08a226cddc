import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../auth/decorators';
import { ApiErrors } from '../http/api-responses';
import { PageQueryDto, Paginated } from '../http/pagination';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import { BackupDto, BackupQueuedDto } from './backups.dto';
import { BackupsService } from './backups.service';

const BackupPage = Paginated(BackupDto);

@ApiTags('backups')
@Controller('backups')
export class BackupsController {
  constructor(private readonly backups: BackupsService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.BACKUPS_MANAGE })
  @ApiOperation({ operationId: 'listBackups', summary: 'Backups and their verification', description: 'NFR-8, PLT-8: newest first.' })
  @ApiOkResponse({ type: BackupPage })
  @ApiErrors(400)
  listBackups(@Query() query: PageQueryDto): Promise<InstanceType<typeof BackupPage>> {
    return this.backups.list(query);
  }

  @Post()
  @HttpCode(202)
  @Authenticated({ permission: PERMISSIONS.BACKUPS_MANAGE })
  @ApiOperation({
    operationId: 'requestBackup',
    summary: 'Back up now',
    description: 'NFR-8: queued on the job workers; it appears in the list when it starts.',
  })
  @ApiAcceptedResponse({ type: BackupQueuedDto })
  async requestBackup(@Ctx() ctx: RequestContext): Promise<BackupQueuedDto> {
    await this.backups.requestBackup(ctx);
    return { status: 'queued' };
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.BACKUPS_MANAGE })
  @ApiOperation({
    operationId: 'verifyBackup',
    summary: 'Verify a backup again',
    description: 'NFR-8: reads every file back against its manifest and opens the database copy.',
  })
  @ApiOkResponse({ type: BackupDto })
  @ApiErrors(400, 404)
  verifyBackup(@Param('id', UUID_PARAM) id: string): Promise<BackupDto> {
    return this.backups.verify(id);
  }
}
