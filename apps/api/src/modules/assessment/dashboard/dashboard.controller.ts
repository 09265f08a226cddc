import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../../../platform/auth/decorators';
import { XLSX_MIME } from '../../../platform/excel/excel.constants';
import { ApiErrors } from '../../../platform/http/api-responses';
import { DashboardDto, ExportDashboardPanelDto, QueryDashboardDto } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

/** The office director's dashboard (ASM-8). */
@ApiTags('assessment')
@Controller('assessment/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_DASHBOARD_VIEW })
  @ApiOperation({
    operationId: 'getDashboard',
    summary: 'The director’s dashboard',
    description:
      'ASM-8, ASM-1, REQ-4: monthly figures of the last 12 months, open and overdue items by module, the month’s service times; each a chart and its table.',
  })
  @ApiOkResponse({ type: DashboardDto })
  @ApiErrors(400, 403)
  getDashboard(@Query() query: QueryDashboardDto): Promise<DashboardDto> {
    return this.dashboard.dashboard(query.month);
  }

  @Get('export')
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_DASHBOARD_VIEW })
  @ApiOperation({
    operationId: 'exportDashboardPanel',
    summary: 'One chart’s table as Excel',
    description: 'ASM-8: the table behind one panel.',
  })
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 403)
  async exportDashboardPanel(
    @Query() query: ExportDashboardPanelDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { buffer, month } = await this.dashboard.exportPanel(query.panel, query.month);
    void reply.header('cache-control', 'private, no-store');
    return new StreamableFile(buffer, { type: XLSX_MIME, disposition: `attachment; filename="dashboard-${query.panel}-${month}.xlsx"` });
  }
}
