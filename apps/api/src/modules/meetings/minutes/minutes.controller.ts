import { Body, Controller, Get, HttpCode, Param, Patch, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { MinutesDto, MinutesFeedbackInputDto, UpdateMinutesDto } from './minutes.dto';
import { minutesDocx, minutesPdf } from './minutes-layout';
import { MinutesService } from './minutes.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Minutes (会议纪要, MTG-8), one per meeting, under the meeting. */
@ApiTags('meetings')
@Controller('meetings/:id/minutes')
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Post()
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @ApiOperation({
    operationId: 'draftMeetingMinutes',
    summary: 'Draft the minutes from the template',
    description:
      'MTG-8: filled from the meeting — time, place, host, 出席/请假/列席 from the invitees’ answers, one section per agenda topic; ' +
      'the resolutions are the meeting’s own. By the organiser (or meetings.manage). 409 MINUTES_EXIST when there are minutes already.',
  })
  @ApiCreatedResponse({ type: MinutesDto })
  @ApiErrors(400, 403, 404, 409)
  draftMeetingMinutes(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MinutesDto> {
    return this.minutes.draft(id, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'getMeetingMinutes',
    summary: 'The minutes of a meeting',
    description:
      'MTG-8: published minutes for whoever may see the meeting; a draft or one in review for the organiser and the reviewers; 404 otherwise.',
  })
  @ApiOkResponse({ type: MinutesDto })
  @ApiErrors(400, 404)
  getMeetingMinutes(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MinutesDto> {
    return this.minutes.get(id, ctx);
  }

  @Patch()
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @ApiOperation({
    operationId: 'updateMeetingMinutes',
    summary: 'Edit the draft minutes',
    description:
      'MTG-8: header, topics’ text, other matters, the departments to publish to; only a draft (409 MINUTES_ILLEGAL_TRANSITION); by version.',
  })
  @ApiOkResponse({ type: MinutesDto })
  @ApiErrors(400, 403, 404, 409)
  updateMeetingMinutes(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateMinutesDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MinutesDto> {
    return this.minutes.update(id, dto, ctx);
  }

  @Post('submit')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @ApiOperation({
    operationId: 'submitMeetingMinutes',
    summary: 'Send the minutes to the leader’s review',
    description: 'MTG-8, PLT-2: approval kind minutes-review; the draft is locked until the outcome (rejected: back to draft).',
  })
  @ApiOkResponse({ type: MinutesDto })
  @ApiErrors(403, 404, 409)
  submitMeetingMinutes(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MinutesDto> {
    return this.minutes.submit(id, ctx);
  }

  @Post('publish')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @ApiOperation({
    operationId: 'publishMeetingMinutes',
    summary: 'Publish the approved minutes',
    description:
      'MTG-8: only after approval (409 MINUTES_NOT_APPROVED); notifies the attendees and the named departments and opens an inbox item to read them.',
  })
  @ApiOkResponse({ type: MinutesDto })
  @ApiErrors(403, 404, 409)
  publishMeetingMinutes(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MinutesDto> {
    return this.minutes.publish(id, ctx);
  }

  @Post('feedback')
  @Authenticated()
  @ApiOperation({
    operationId: 'giveMinutesFeedback',
    summary: 'Give feedback on published minutes (反馈)',
    description: 'MTG-8: by a recipient (403 MINUTES_NOT_A_RECIPIENT otherwise); the organiser sees every feedback and is notified.',
  })
  @ApiCreatedResponse({ type: MinutesDto })
  @ApiErrors(400, 403, 404)
  giveMinutesFeedback(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: MinutesFeedbackInputDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MinutesDto> {
    return this.minutes.giveFeedback(id, dto, ctx);
  }

  @Get('pdf')
  @Authenticated()
  @ApiOperation({
    operationId: 'exportMinutesPdf',
    summary: 'The minutes as PDF (纪要 layout, A4)',
    description: 'MTG-8: as visible as the minutes.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 404)
  async exportMinutesPdf(
    @Param('id', UUID_PARAM) id: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const pdf = await minutesPdf(await this.minutes.layout(id, ctx));
    void reply.header('cache-control', 'private, no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: 'attachment; filename="minutes.pdf"' });
  }

  @Get('docx')
  @Authenticated()
  @ApiOperation({
    operationId: 'exportMinutesDocx',
    summary: 'The minutes as DOCX (纪要 layout)',
    description: 'MTG-8: as visible as the minutes.',
  })
  @ApiProduces(DOCX)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 404)
  async exportMinutesDocx(
    @Param('id', UUID_PARAM) id: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const docx = await minutesDocx(await this.minutes.layout(id, ctx));
    void reply.header('cache-control', 'private, no-store');
    return new StreamableFile(docx, { type: DOCX, disposition: 'attachment; filename="minutes.docx"' });
  }
}
