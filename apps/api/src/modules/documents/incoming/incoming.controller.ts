import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { Exportable, ExportRequested } from '../../../platform/excel/exportable';
import type { RowSource } from '../../../platform/excel/row-source';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Idempotent } from '../../../platform/http/idempotency';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  DeclassifyIncomingDto,
  IncomingNoteDto,
  IncomingOpinionDto,
  InstructIncomingDto,
  ProposeIncomingDto,
  ReturnIncomingDto,
  ReviewIncomingDto,
  RouteIncomingDto,
} from './dto/incoming-actions.dto';
import { IncomingDocumentDetailDto, IncomingDocumentDto } from './dto/incoming-response.dto';
import { QueryIncomingDto } from './dto/query-incoming.dto';
import { RegisterIncomingDto } from './dto/register-incoming.dto';
import { INCOMING_REGISTER_SHEET } from './incoming.sheet';
import { IncomingService } from './incoming.service';

const IncomingPage = Paginated(IncomingDocumentDto);

/**
 * Incoming documents (收文). Reads need only a sign-in: what a person sees is decided per
 * document by clearance and need-to-know (404 outside it); flow actions need their permission.
 */
@ApiTags('documents')
@Controller('documents/incoming')
export class IncomingController {
  constructor(private readonly incoming: IncomingService) {}

  @Post()
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER })
  @Idempotent()
  @ApiOperation({
    operationId: 'registerIncoming',
    summary: 'Register an incoming document (收文登记)',
    description:
      'DOC-1: assigns the internal number 收〔YYYY〕NNNN, gap-free per year; retention defaults from the retention schedule by type; ' +
      'scanned attachments are draft files (POST /files). DOC-2: an urgent (特急/加急) document notifies its responsible person at ' +
      'once on every channel and opens their inbox item. DOC-5: a major one is submitted for a leader’s approval (major-incoming). ' +
      'NFR-7: accepts Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403)
  registerIncoming(@Body() dto: RegisterIncomingDto, @Ctx() ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.incoming.register(dto, ctx);
  }

  @Post('sign-for')
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER })
  @Idempotent()
  @ApiOperation({
    operationId: 'signForIncoming',
    summary: 'Sign for an incoming document (签收), to register later',
    description:
      'DOC-1: the same elements as a registration, but no internal number yet (status signed-for); POST /:id/register gives it. ' +
      'DOC-2: an urgent document notifies its responsible person at once. NFR-7: accepts Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403)
  signForIncoming(@Body() dto: RegisterIncomingDto, @Ctx() ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.incoming.register(dto, ctx, true);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listIncoming',
    summary: 'List and search incoming documents; export the register (收文登记簿)',
    description:
      'DOC-8: by number, title, source (`q`, substrings of 2+ Chinese characters), received dates, type, urgency, secrecy and status; ' +
      'only documents within the person’s clearance and need-to-know are listed and counted; with `q` the total is capped at 1,000. ' +
      'DOC-12: `format=xlsx` exports the register.',
  })
  @Exportable(INCOMING_REGISTER_SHEET, IncomingPage)
  @ApiErrors(400)
  listIncoming(
    @Query() query: QueryIncomingDto,
    @ExportRequested() exporting: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof IncomingPage>> | RowSource<IncomingDocumentDto> {
    return exporting ? this.incoming.exportRows(query, ctx.actor!) : this.incoming.list(query, ctx.actor!);
  }

  @Get('intake')
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER })
  @ApiOperation({
    operationId: 'listIncomingIntake',
    summary: "Today's intake (今日收文)",
    description: 'DOC-2: the documents registered today in the school’s time zone, 特急 first, then 加急, then the rest.',
  })
  @ApiOkResponse({ type: IncomingPage })
  @ApiErrors(400, 403)
  listIncomingIntake(@Query() query: QueryIncomingDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof IncomingPage>> {
    return this.incoming.intake(query, ctx.actor!);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getIncoming',
    summary: 'Get an incoming document with its circulation',
    description: 'DOC-4: every transfer and where the document is now. 404 outside clearance or need-to-know (DOC-8).',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 404)
  getIncoming(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.incoming.get(id, ctx);
  }

  @Post(':id/register')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER })
  @ApiOperation({
    operationId: 'registerSignedIncoming',
    summary: '登记 a document that was signed for',
    description:
      'DOC-1: 签收 → 登记; assigns the internal number, gap-free per year. 409 DOCUMENT_ILLEGAL_TRANSITION from any other status.',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  registerSignedIncoming(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: IncomingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.registerSigned(id, dto.note, ctx);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER })
  @ApiOperation({
    operationId: 'reviewIncoming',
    summary: '初审: pass the review',
    description: 'DOC-1: 登记 → 初审. 409 DOCUMENT_ILLEGAL_TRANSITION from any other status.',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  reviewIncoming(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ReviewIncomingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.review(id, dto.note, ctx);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER })
  @ApiOperation({
    operationId: 'returnIncoming',
    summary: '退文: return to the sender',
    description: 'DOC-3: at 初审, with the reason recorded.',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  returnIncoming(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ReturnIncomingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.returnToSender(id, dto.reason, ctx);
  }

  @Post(':id/propose')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER })
  @ApiOperation({
    operationId: 'proposeIncoming',
    summary: '拟办: propose the handling',
    description: 'DOC-4: names the leader asked for 批办.',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  proposeIncoming(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ProposeIncomingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.propose(id, dto, ctx);
  }

  @Post(':id/instruct')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_INSTRUCT })
  @ApiOperation({ operationId: 'instructIncoming', summary: '批办: the leader’s instruction', description: 'DOC-4' })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  instructIncoming(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: InstructIncomingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.instruct(id, dto, ctx);
  }

  @Post(':id/route')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_ROUTE })
  @ApiOperation({
    operationId: 'routeIncoming',
    summary: '分送: route to departments or persons',
    description:
      'DOC-4: one transfer per receiver with time and method (system/email/paper); one lead (主办) when several departments receive it; ' +
      'receivers get need-to-know and an inbox item. Again during 承办 to add receivers (传阅). DOC-6: the handling deadline counts ' +
      'working days by the school calendar. DOC-5: 409 DOCUMENT_AWAITING_APPROVAL for a major document not yet approved.',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  routeIncoming(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RouteIncomingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.route(id, dto, ctx);
  }

  @Post(':id/remind')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER })
  @ApiOperation({
    operationId: 'remindIncoming',
    summary: '催办: remind the receivers',
    description: 'DOC-6: to those without an opinion yet; the status stays.',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  remindIncoming(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: IncomingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.remind(id, dto.note, ctx);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_HANDLE })
  @ApiOperation({
    operationId: 'confirmIncomingReceipt',
    summary: 'Confirm receipt of a transfer',
    description: 'DOC-4: by a receiver (the person, or a member or head of the department).',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  confirmIncomingReceipt(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: IncomingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.confirmReceipt(id, dto.note, ctx);
  }

  @Post(':id/opinion')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_HANDLE })
  @ApiOperation({
    operationId: 'recordIncomingOpinion',
    summary: '承办意见: record the handling opinion',
    description: 'DOC-6: by a receiver; closes their inbox item.',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  recordIncomingOpinion(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: IncomingOpinionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.recordOpinion(id, dto, ctx);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER })
  @ApiOperation({
    operationId: 'completeIncoming',
    summary: '办结: complete',
    description: 'DOC-6: closes every open inbox item of the document.',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  completeIncoming(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: IncomingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.complete(id, dto.note, ctx);
  }

  @Post(':id/file')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER })
  @ApiOperation({
    operationId: 'fileIncoming',
    summary: '归档: mark filed',
    description: 'DOC-11: marks the completed document filed; the archive itself is not here yet.',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  fileIncoming(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: IncomingNoteDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.file(id, dto.note, ctx);
  }

  @Post(':id/declassify')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.DOCUMENTS_DECLASSIFY })
  @ApiOperation({
    operationId: 'declassifyIncoming',
    summary: '解密: declassify a classified document',
    description:
      'REQ-3: by the office, for a document it may read; the reason, the former level, period and 份号 are recorded in the ' +
      'audit log and the document becomes 非密. 409 DOCUMENT_ILLEGAL_TRANSITION for a document that is not classified.',
  })
  @ApiOkResponse({ type: IncomingDocumentDetailDto })
  @ApiErrors(400, 403, 404, 409)
  declassifyIncoming(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: DeclassifyIncomingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IncomingDocumentDetailDto> {
    return this.incoming.declassify(id, dto.reason, ctx);
  }
}
