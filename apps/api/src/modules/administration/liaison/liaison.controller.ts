import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { Exportable, ExportRequested } from '../../../platform/excel/exportable';
import type { RowSource } from '../../../platform/excel/row-source';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { LiaisonEntryDto, QueryLiaisonDto } from './liaison.dto';
import { LIAISON_SHEET } from './liaison.sheet';
import { LiaisonService } from './liaison.service';

const LiaisonPage = Paginated(LiaisonEntryDto);

/** The liaison directory (部门联络人名录, ADM-1). */
@ApiTags('administration')
@Controller('administration/liaison')
export class LiaisonController {
  constructor(private readonly liaison: LiaisonService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.ORG_READ })
  @ApiOperation({
    operationId: 'listDepartmentLiaisons',
    summary: 'The liaison directory (部门联络人名录)',
    description:
      'ADM-1: each department with its head and liaison person and their phone and email, read from the departments and ' +
      'accounts (edit a department to change its liaison). `q` searches names, phones and emails; `format=xlsx` exports it.',
  })
  @Exportable(LIAISON_SHEET, LiaisonPage)
  @ApiErrors(400, 403)
  listDepartmentLiaisons(
    @Query() query: QueryLiaisonDto,
    @ExportRequested() exporting: boolean,
  ): Promise<InstanceType<typeof LiaisonPage>> | RowSource<LiaisonEntryDto> {
    return exporting ? this.liaison.rows(query) : this.liaison.list(query);
  }
}
