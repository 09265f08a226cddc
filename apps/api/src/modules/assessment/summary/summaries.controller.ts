import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../../../platform/auth/decorators';
import { XLSX_MIME } from '../../../platform/excel/excel.constants';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { OpenSummaryDto, QuerySummariesDto, ReturnSummaryDto, SummaryDto, VersionedSummaryDto, WriteNarrativeDto } from './summaries.dto';
import { SummariesService } from './summaries.service';
import { summaryDocx, summaryXlsx } from './summary-export';

const SummaryPage = Paginated(SummaryDto);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MANAGE = PERMISSIONS.ASSESSMENT_SUMMARY_MANAGE;
const REVIEW = PERMISSIONS.ASSESSMENT_SUMMARY_REVIEW;

/** The office's monthly work summary (月度工作总结, ASM-1) with its service figures (REQ-4). */
@ApiTags('assessment')
@Controller('assessment/summaries')
export class SummariesController {
  constructor(private readonly summaries: SummariesService) {}

  @Get()
  @Authenticated({ permission: MANAGE })
  @ApiOperation({ operationId: 'listSummaries', summary: 'List monthly summaries', description: 'ASM-1: newest month first; by status.' })
  @ApiOkResponse({ type: SummaryPage })
  @ApiErrors(400, 403)
  listSummaries(@Query() query: QuerySummariesDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof SummaryPage>> {
    return this.summaries.list(query, ctx.actor!);
  }

  @Post()
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'openSummary',
    summary: 'Open and compile a month’s summary',
    description: 'ASM-1: for a month that has begun; compiles its figures from the records at once. 409 when the month already has one.',
  })
  @ApiCreatedResponse({ type: SummaryDto })
  @ApiErrors(400, 403, 409)
  openSummary(@Body() dto: OpenSummaryDto, @Ctx() ctx: RequestContext): Promise<SummaryDto> {
    return this.summaries.open(dto.month, ctx);
  }

  @Get(':id')
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'getSummary',
    summary: 'A monthly summary',
    description: 'ASM-1, REQ-4: the compiled figures, narrative and review.',
  })
  @ApiOkResponse({ type: SummaryDto })
  @ApiErrors(400, 403, 404)
  getSummary(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<SummaryDto> {
    return this.summaries.get(id, ctx.actor!);
  }

  @Post(':id/compile')
  @HttpCode(200)
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'compileSummary',
    summary: 'Recompile a draft summary',
    description: 'ASM-1, REQ-4: takes the figures again from the records; only while a draft (409 otherwise).',
  })
  @ApiOkResponse({ type: SummaryDto })
  @ApiErrors(400, 403, 404, 409)
  compileSummary(@Param('id', UUID_PARAM) id: string, @Body() dto: VersionedSummaryDto, @Ctx() ctx: RequestContext): Promise<SummaryDto> {
    return this.summaries.compile(id, dto, ctx);
  }

  @Patch(':id')
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'writeSummaryNarrative',
    summary: 'Write the office’s narrative',
    description: 'ASM-1: only while a draft.',
  })
  @ApiOkResponse({ type: SummaryDto })
  @ApiErrors(400, 403, 404, 409)
  writeSummaryNarrative(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: WriteNarrativeDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SummaryDto> {
    return this.summaries.write(id, dto, ctx);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authenticated({ permission: MANAGE })
  @ApiOperation({ operationId: 'submitSummary', summary: 'Submit for review', description: 'ASM-1: draft → submitted.' })
  @ApiOkResponse({ type: SummaryDto })
  @ApiErrors(400, 403, 404, 409)
  submitSummary(@Param('id', UUID_PARAM) id: string, @Body() dto: VersionedSummaryDto, @Ctx() ctx: RequestContext): Promise<SummaryDto> {
    return this.summaries.submit(id, dto, ctx);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'approveSummary',
    summary: 'Approve a submitted summary',
    description: 'ASM-1: the director; submitted → approved.',
  })
  @ApiOkResponse({ type: SummaryDto })
  @ApiErrors(400, 403, 404, 409)
  approveSummary(@Param('id', UUID_PARAM) id: string, @Body() dto: VersionedSummaryDto, @Ctx() ctx: RequestContext): Promise<SummaryDto> {
    return this.summaries.approve(id, dto, ctx);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'returnSummary',
    summary: 'Return a summary with a reason',
    description: 'ASM-1: the director; submitted → draft.',
  })
  @ApiOkResponse({ type: SummaryDto })
  @ApiErrors(400, 403, 404, 409)
  returnSummary(@Param('id', UUID_PARAM) id: string, @Body() dto: ReturnSummaryDto, @Ctx() ctx: RequestContext): Promise<SummaryDto> {
    return this.summaries.return(id, dto, ctx);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({ operationId: 'archiveSummary', summary: 'Archive an approved summary', description: 'ASM-1: approved → archived.' })
  @ApiOkResponse({ type: SummaryDto })
  @ApiErrors(400, 403, 404, 409)
  archiveSummary(@Param('id', UUID_PARAM) id: string, @Body() dto: VersionedSummaryDto, @Ctx() ctx: RequestContext): Promise<SummaryDto> {
    return this.summaries.archive(id, dto, ctx);
  }

  @Get(':id/docx')
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'exportSummaryDocx',
    summary: 'The summary as DOCX',
    description: 'ASM-1: narrative, figures and REQ-4 times, in Chinese.',
  })
  @ApiProduces(DOCX)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 403, 404)
  async exportSummaryDocx(@Param('id', UUID_PARAM) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const summary = await this.summaries.load(id);
    void reply.header('cache-control', 'private, no-store');
    return new StreamableFile(await summaryDocx(summary), {
      type: DOCX,
      disposition: `attachment; filename="summary-${summary.month}.docx"`,
    });
  }

  @Get(':id/xlsx')
  @Authenticated({ permission: MANAGE })
  @ApiOperation({
    operationId: 'exportSummaryXlsx',
    summary: 'The summary as Excel',
    description: 'ASM-1: figures, REQ-4 times and narrative, one sheet each.',
  })
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 403, 404)
  async exportSummaryXlsx(@Param('id', UUID_PARAM) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const summary = await this.summaries.load(id);
    void reply.header('cache-control', 'private, no-store');
    return new StreamableFile(await summaryXlsx(summary), {
      type: XLSX_MIME,
      disposition: `attachment; filename="summary-${summary.month}.xlsx"`,
    });
  }
}
