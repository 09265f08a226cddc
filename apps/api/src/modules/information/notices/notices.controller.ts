import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { ErrorBodyDto } from '../../../platform/http/error-body.dto';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  CorrectNoticeDto,
  NoticeCoverageDto,
  NoticeDetailDto,
  NoticeDraftDto,
  NoticeDto,
  QueryNoticesDto,
  ResendNoticeDto,
  ResendResultDto,
  UpdateNoticeDto,
} from './notices.dto';
import { NoticesService } from './notices.service';

const NoticePage = Paginated(NoticeDto);

/** Notices and announcements (通知公告, INF-3, INF-4). */
@ApiTags('information')
@Controller('information/notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Post()
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_DRAFT })
  @ApiOperation({
    operationId: 'createNotice',
    summary: 'Draft a notice',
    description:
      'INF-3: title, body, audience (all staff, departments, roles, persons), channels (in-app, email, SMS, WeChat official account, ' +
      'website), read confirmation, expiry, and the author’s decisions on personal data (INF-2).',
  })
  @ApiCreatedResponse({ type: NoticeDetailDto })
  @ApiErrors(400, 403)
  createNotice(@Body() dto: NoticeDraftDto, @Ctx() ctx: RequestContext): Promise<NoticeDetailDto> {
    return this.notices.create(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listNotices',
    summary: 'Notices one may see',
    description: 'INF-3: the author’s own, the published ones one received; every notice for information.notices.manage.',
  })
  @ApiOkResponse({ type: NoticePage })
  @ApiErrors(400)
  listNotices(@Query() query: QueryNoticesDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof NoticePage>> {
    return this.notices.list(query, ctx.actor!);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ operationId: 'getNotice', summary: 'A notice with its audience and correction history', description: 'INF-3, INF-4' })
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiErrors(400, 404)
  getNotice(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<NoticeDetailDto> {
    return this.notices.get(id, ctx);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_DRAFT })
  @ApiOperation({
    operationId: 'updateNotice',
    summary: 'Edit a draft',
    description: 'INF-3: drafts only (409 NOTICE_ILLEGAL_STATE otherwise); optimistic locking by `version`.',
  })
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiErrors(400, 403, 404, 409)
  updateNotice(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateNoticeDto, @Ctx() ctx: RequestContext): Promise<NoticeDetailDto> {
    return this.notices.update(id, dto, ctx);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_DRAFT })
  @ApiOperation({
    operationId: 'submitNotice',
    summary: 'Send a draft to verification (审核)',
    description:
      'INF-2, INF-3: personal data is masked as decided; 422 FINDINGS_UNRESOLVED keyed by finding while any finding has no decision; ' +
      '422 NOTICE_NO_RECIPIENTS when the audience holds nobody. Starts approval kind `notice-publish`.',
  })
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'FINDINGS_UNRESOLVED or NOTICE_NO_RECIPIENTS' })
  @ApiErrors(400, 403, 404, 409)
  submitNotice(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<NoticeDetailDto> {
    return this.notices.submit(id, ctx);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_DRAFT })
  @ApiOperation({
    operationId: 'publishNotice',
    summary: 'Publish a verified notice to every chosen channel',
    description:
      'INF-3: 409 NOTICE_NOT_VERIFIED before verification. Resolves the audience to persons (kept), queues one delivery per person ' +
      'and per-person channel, and puts a public notice on the website feed. The personal-data check runs again (INF-2).',
  })
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'FINDINGS_UNRESOLVED or NOTICE_NO_RECIPIENTS' })
  @ApiErrors(400, 403, 404, 409)
  publishNotice(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<NoticeDetailDto> {
    return this.notices.publish(id, ctx);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'confirmNotice',
    summary: 'Confirm having read a notice (回执)',
    description:
      'INF-3: by a recipient of a notice that asks for it; a second confirmation changes nothing. 409 NOTICE_CONFIRMATION_NOT_ASKED.',
  })
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiErrors(400, 404, 409)
  confirmNotice(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<NoticeDetailDto> {
    return this.notices.confirm(id, ctx);
  }

  @Get(':id/coverage')
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_DRAFT })
  @ApiOperation({
    operationId: 'getNoticeCoverage',
    summary: 'Who was reached, by department and channel, and who was not',
    description:
      'INF-3: reached = confirmed when a confirmation is asked, else delivered or read on a per-person channel (sent alone is not). ' +
      'For the author and the office.',
  })
  @ApiOkResponse({ type: NoticeCoverageDto })
  @ApiErrors(400, 403, 404, 409)
  getNoticeCoverage(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<NoticeCoverageDto> {
    return this.notices.coverage(id, ctx);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_DRAFT })
  @ApiOperation({
    operationId: 'resendNotice',
    summary: 'Resend to exactly the persons not reached (补发)',
    description:
      'INF-3: on the notice’s channels or one fallback channel; nobody reached is reminded, and nobody more than the cap (3) times.',
  })
  @ApiOkResponse({ type: ResendResultDto })
  @ApiErrors(400, 403, 404, 409)
  resendNotice(@Param('id', UUID_PARAM) id: string, @Body() dto: ResendNoticeDto, @Ctx() ctx: RequestContext): Promise<ResendResultDto> {
    return this.notices.resend(id, dto, ctx);
  }

  @Post(':id/corrections')
  @HttpCode(201)
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_DRAFT })
  @ApiOperation({
    operationId: 'correctNotice',
    summary: 'Correct a published notice (勘误)',
    description: 'INF-4: the earlier text is kept as a revision; the recipients are notified again with the reason.',
  })
  @ApiCreatedResponse({ type: NoticeDetailDto })
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'FINDINGS_UNRESOLVED' })
  @ApiErrors(400, 403, 404, 409)
  correctNotice(@Param('id', UUID_PARAM) id: string, @Body() dto: CorrectNoticeDto, @Ctx() ctx: RequestContext): Promise<NoticeDetailDto> {
    return this.notices.correct(id, dto, ctx);
  }
}
