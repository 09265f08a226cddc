import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, type LintStage } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { Exportable, ExportRequested } from '../../../platform/excel/exportable';
import type { RowSource } from '../../../platform/excel/row-source';
import { badRequest } from '../../../platform/http/api-error';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Idempotent } from '../../../platform/http/idempotency';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  ConfirmDistributionDto,
  CountersignOutgoingDto,
  DistributeOutgoingDto,
  OutgoingNoteDto,
  PrintOutgoingDto,
  RegisterOutgoingDto,
  RequestCountersignDto,
  ReturnOutgoingDto,
} from './dto/outgoing-actions.dto';
import { DraftOutgoingDto, UpdateOutgoingDto } from './dto/draft-outgoing.dto';
import {
  CreateOutgoingPrefixDto,
  OutgoingNumberEntryDto,
  OutgoingNumberReportDto,
  OutgoingPrefixDto,
  QueryNumberReportDto,
  TakeOutgoingNumberDto,
  VoidOutgoingNumberDto,
} from './dto/outgoing-prefix.dto';
import { LintRuleDto, OutgoingDocumentDetailDto, OutgoingDocumentDto, OutgoingLintDto } from './dto/outgoing-response.dto';
import { QueryOutgoingDto } from './dto/query-outgoing.dto';
import { OutgoingNumbersService } from './outgoing-numbers.service';
import { toLintRuleDtos } from './outgoing.mapper';
import { OUTGOING_REGISTER_SHEET } from './outgoing.sheet';
import { OutgoingService } from './outgoing.service';

const OutgoingPage = Paginated(OutgoingDocumentDto);
const REVIEW = PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW;
const FLOW_ERRORS = [400, 403, 404, 409] as const;

/**
 * Outgoing documents (发文, DOC-7). Reads need only a sign-in: what a person sees is decided per
 * document by clearance and need-to-know (404 outside it); the office's steps need
 * documents.outgoing.review; 签发 is a leader's decision in the approvals platform.
 */
@ApiTags('documents')
@Controller('documents/outgoing')
export class OutgoingController {
  constructor(
    private readonly outgoing: OutgoingService,
    private readonly numbers: OutgoingNumbersService,
  ) {}

  // ---------- the lint's rules and the 代字 ----------

  @Get('lint-rules')
  @Authenticated()
  @ApiOperation({
    operationId: 'listOutgoingLintRules',
    summary: 'The GB/T 9704 rules the lint checks',
    description: 'DOC-7: each rule named, with what it checks and its source in GB/T 9704-2012 or the 条例.',
  })
  @ApiOkResponse({ type: [LintRuleDto] })
  listOutgoingLintRules(): LintRuleDto[] {
    return toLintRuleDtos();
  }

  @Get('prefixes')
  @Authenticated()
  @ApiOperation({ operationId: 'listOutgoingPrefixes', summary: 'The school’s 机关代字', description: 'DOC-7: active ones first.' })
  @ApiOkResponse({ type: [OutgoingPrefixDto] })
  listOutgoingPrefixes(): Promise<OutgoingPrefixDto[]> {
    return this.numbers.listPrefixes();
  }

  @Post('prefixes')
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_OUTGOING_PREFIXES_MANAGE })
  @ApiOperation({
    operationId: 'createOutgoingPrefix',
    summary: 'Add a 机关代字',
    description: 'DOC-7: e.g. 校办, 校发, 校党发; 409 OUTGOING_PREFIX_EXISTS when the code exists.',
  })
  @ApiCreatedResponse({ type: OutgoingPrefixDto })
  @ApiErrors(400, 403, 409)
  createOutgoingPrefix(@Body() dto: CreateOutgoingPrefixDto, @Ctx() ctx: RequestContext): Promise<OutgoingPrefixDto> {
    return this.numbers.createPrefix(dto, ctx);
  }

  @Post('prefixes/:id/deactivate')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_OUTGOING_PREFIXES_MANAGE })
  @ApiOperation({
    operationId: 'deactivateOutgoingPrefix',
    summary: 'Deactivate a 机关代字',
    description: 'DOC-7: it gives no new numbers (409 OUTGOING_PREFIX_INACTIVE); its numbers stay.',
  })
  @ApiOkResponse({ type: OutgoingPrefixDto })
  @ApiErrors(400, 403, 404)
  deactivateOutgoingPrefix(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: OutgoingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingPrefixDto> {
    return this.numbers.deactivatePrefix(id, dto.note, ctx);
  }

  @Get('prefixes/:id/numbers')
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'getOutgoingNumberReport',
    summary: 'Gap report of a 代字 and year',
    description:
      'DOC-7: every number 1..max with its fate (used by a document, reserved, voided, with the reason); `missing` flags a lost number.',
  })
  @ApiOkResponse({ type: OutgoingNumberReportDto })
  @ApiErrors(400, 403, 404)
  getOutgoingNumberReport(@Param('id', UUID_PARAM) id: string, @Query() query: QueryNumberReportDto): Promise<OutgoingNumberReportDto> {
    return this.numbers.report(id, query.year);
  }

  @Post('prefixes/:id/numbers')
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'takeOutgoingNumber',
    summary: 'Reserve (预留) or void (作废) the next number',
    description: 'DOC-7: takes the next number of the 代字 and year, logged with its fate and reason.',
  })
  @ApiCreatedResponse({ type: OutgoingNumberEntryDto })
  @ApiErrors(400, 403, 404, 409)
  takeOutgoingNumber(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: TakeOutgoingNumberDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingNumberEntryDto> {
    return this.numbers.take(id, dto, ctx);
  }

  @Post('numbers/:id/void')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'voidOutgoingNumber',
    summary: 'Void a reserved number',
    description: 'DOC-7: with the reason; 409 unless reserved.',
  })
  @ApiOkResponse({ type: OutgoingNumberEntryDto })
  @ApiErrors(400, 403, 404, 409)
  voidOutgoingNumber(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: VoidOutgoingNumberDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingNumberEntryDto> {
    return this.numbers.voidReserved(id, dto.reason, ctx);
  }

  // ---------- drafts and reading ----------

  @Post()
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_OUTGOING_DRAFT })
  @Idempotent()
  @ApiOperation({
    operationId: 'draftOutgoing',
    summary: 'Draft an outgoing document (拟稿)',
    description:
      'DOC-7: GB/T 9704’s elements; attachments and the body file are draft files (POST /files). The lint runs on every read. ' +
      'NFR-7: accepts Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(400, 403)
  draftOutgoing(@Body() dto: DraftOutgoingDto, @Ctx() ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.draft(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listOutgoing',
    summary: 'List and search outgoing documents; export the register (发文登记簿)',
    description:
      'DOC-8: by number and title (`q`), exact number, type, status, secrecy, urgency, 代字 and date range; only documents within the ' +
      'person’s clearance and need-to-know are listed and counted. DOC-12: `format=xlsx` exports the register.',
  })
  @Exportable(OUTGOING_REGISTER_SHEET, OutgoingPage)
  @ApiErrors(400)
  listOutgoing(
    @Query() query: QueryOutgoingDto,
    @ExportRequested() exporting: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof OutgoingPage>> | RowSource<OutgoingDocumentDto> {
    return exporting ? this.outgoing.exportRows(query, ctx.actor!) : this.outgoing.list(query, ctx.actor!);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getOutgoing',
    summary: 'Get an outgoing document with its history, countersigns, distribution and lint',
    description: 'DOC-7. 404 outside clearance or need-to-know.',
  })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(400, 404)
  getOutgoing(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.get(id, ctx);
  }

  @Get(':id/lint')
  @Authenticated()
  @ApiOperation({
    operationId: 'lintOutgoing',
    summary: 'Lint a draft against GB/T 9704',
    description: 'DOC-7: the findings at the stage ahead (signoff before 签发, printing after), or at `stage`.',
  })
  @ApiQuery({ name: 'stage', required: false, enum: ['signoff', 'printing'] })
  @ApiOkResponse({ type: OutgoingLintDto })
  @ApiErrors(400, 404)
  lintOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Query('stage') stage: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingLintDto> {
    if (stage !== undefined && stage !== 'signoff' && stage !== 'printing')
      throw badRequest('Unknown stage', { stage: ['signoff or printing'] });
    return this.outgoing.lint(id, stage as LintStage | undefined, ctx);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_OUTGOING_DRAFT })
  @ApiOperation({
    operationId: 'updateOutgoing',
    summary: 'Edit an outgoing document',
    description:
      'DOC-7: with the version read (409 VERSION_CONFLICT when stale). The drafter edits a draft; the office edits while it checks and ' +
      'in 复核. A substantive change after 签发 sends it back to the signer (status signing, a new outgoing-signoff request). ' +
      '`attachmentIds` adds files (those attached already are left as they are, so a form may send its whole list); ' +
      '`removeAttachmentIds` takes attached files off, which is a substantive change like adding one.',
  })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409, 422)
  updateOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateOutgoingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.update(id, dto, ctx);
  }

  // ---------- the flow ----------

  @Post(':id/submit')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_OUTGOING_DRAFT })
  @ApiOperation({ operationId: 'submitOutgoing', summary: '送核稿', description: 'DOC-7: 拟稿 → 核稿; the office gets it in its inbox.' })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(...FLOW_ERRORS)
  submitOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: OutgoingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.submit(id, dto.note, ctx);
  }

  @Post(':id/check')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({ operationId: 'checkOutgoing', summary: '核稿通过', description: 'DOC-7: 核稿 → 办公室审核.' })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(...FLOW_ERRORS)
  checkOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: OutgoingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.check(id, dto.note, ctx);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'returnOutgoing',
    summary: '退回修改',
    description: 'DOC-7: at 核稿, 办公室审核 or 会签, back to the drafter with the reason recorded.',
  })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(...FLOW_ERRORS)
  returnOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ReturnOutgoingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.returnToDrafter(id, dto.reason, ctx);
  }

  @Post(':id/request-countersign')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'requestOutgoingCountersign',
    summary: '送会签',
    description:
      'DOC-7: to departments (their heads answer) or persons, who all must agree; 422 OUTGOING_LINT_FAILED while the lint finds errors.',
  })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409, 422)
  requestOutgoingCountersign(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RequestCountersignDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.requestCountersign(id, dto, ctx);
  }

  @Post(':id/countersign')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'countersignOutgoing',
    summary: '会签: agree or disagree',
    description:
      'DOC-7: by a countersigner of the current round (403 OUTGOING_NOT_A_COUNTERSIGNER otherwise). A disagreement returns the draft; ' +
      'the last agreement sends it to 签发.',
  })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409, 422)
  countersignOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CountersignOutgoingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.countersign(id, dto, ctx);
  }

  @Post(':id/request-signoff')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'requestOutgoingSignoff',
    summary: '送签发',
    description:
      'DOC-7: a leader signs off through the approval kind outgoing-signoff; 422 OUTGOING_LINT_FAILED with the findings by field ' +
      'while GB/T 9704 errors remain. Approval signs it off (成文日期 defaults to that day); rejection returns the draft.',
  })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409, 422)
  requestOutgoingSignoff(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: OutgoingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.requestSignoff(id, dto.note, ctx);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({ operationId: 'reviewOutgoing', summary: '复核', description: 'DOC-7: 签发 → 复核 passed.' })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(...FLOW_ERRORS)
  reviewOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: OutgoingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.review(id, dto.note, ctx);
  }

  @Post(':id/register')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'registerOutgoing',
    summary: '登记: number, distribution list, copies',
    description:
      'DOC-7: the 发文字号 代字〔YYYY〕N号 (the year of the 成文日期), gap-free per 代字 and year from a counter row in the same ' +
      'transaction; a distribution list naming an unknown department rolls the number back (400).',
  })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(...FLOW_ERRORS)
  registerOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RegisterOutgoingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.register(id, dto, ctx);
  }

  @Post(':id/print')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'printOutgoing',
    summary: '印制',
    description: 'DOC-7: sets 印发机关 and 印发日期 (today by default); 422 OUTGOING_LINT_FAILED while the printing lint finds errors.',
  })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409, 422)
  printOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: PrintOutgoingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.print(id, dto, ctx);
  }

  @Post(':id/proofread')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({ operationId: 'proofreadOutgoing', summary: '校对', description: 'DOC-7' })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(...FLOW_ERRORS)
  proofreadOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: OutgoingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.proofread(id, dto.note, ctx);
  }

  @Post(':id/seal')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({ operationId: 'sealOutgoing', summary: '用印', description: 'DOC-7' })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(...FLOW_ERRORS)
  sealOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: OutgoingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.seal(id, dto.note, ctx);
  }

  @Post(':id/distribute')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'distributeOutgoing',
    summary: '分发',
    description:
      'DOC-7: each recipient of the list is sent the document with its method and time; the school’s departments (their heads) get ' +
      'need-to-know, an inbox item and a notification to confirm.',
  })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(...FLOW_ERRORS)
  distributeOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: DistributeOutgoingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.distribute(id, dto, ctx);
  }

  @Post(':id/distributions/:distributionId/confirm')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'confirmOutgoingDistribution',
    summary: 'Confirm receipt of a distribution',
    description: 'DOC-7: by a member or head of the receiving department, or by the office recording a paper receipt (签收人).',
  })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(...FLOW_ERRORS)
  confirmOutgoingDistribution(
    @Param('id', UUID_PARAM) id: string,
    @Param('distributionId', UUID_PARAM) distributionId: string,
    @Body() dto: ConfirmDistributionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.confirmDistribution(id, distributionId, dto.receiptName, ctx);
  }

  @Post(':id/file')
  @HttpCode(200)
  @Authenticated({ permission: REVIEW })
  @ApiOperation({
    operationId: 'fileOutgoing',
    summary: '归档: mark ready to file',
    description: 'DOC-7, DOC-11: after 分发; moving it into the archive is the administration module’s.',
  })
  @ApiOkResponse({ type: OutgoingDocumentDetailDto })
  @ApiErrors(...FLOW_ERRORS)
  fileOutgoing(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: OutgoingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.outgoing.file(id, dto.note, ctx);
  }
}
