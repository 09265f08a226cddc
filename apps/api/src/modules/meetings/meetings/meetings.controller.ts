import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated, Public } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { ErrorBodyDto } from '../../../platform/http/error-body.dto';
import { Idempotent } from '../../../platform/http/idempotency';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { CalendarFeedService } from './calendar-feed.service';
import { meetingsToIcs } from './meeting-ics';
import {
  CalendarFeedDto,
  CancelMeetingDto,
  CreateMeetingDto,
  CreateMeetingTypeDto,
  MeetingDetailDto,
  MeetingDto,
  MeetingTypeDto,
  QueryMeetingsDto,
  RespondMeetingDto,
  UpdateMeetingDto,
} from './meeting.dto';
import { MeetingsService } from './meetings.service';

const MeetingPage = Paginated(MeetingDto);
const ICS = 'text/calendar; charset=utf-8';

/**
 * Meetings (会议). Reads need only a sign-in: an unclassified meeting is school-wide, a classified
 * one is 404 outside its cleared invitees. Changes are the organiser's (or meetings.manage).
 */
@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly feeds: CalendarFeedService,
  ) {}

  // ---------- types ----------

  @Get('types')
  @Authenticated()
  @ApiOperation({
    operationId: 'listMeetingTypes',
    summary: 'Meeting types',
    description: 'MTG-2: 校务会, 行政会, 党委会, 协调会, 教职工大会 and the school’s own.',
  })
  @ApiOkResponse({ type: [MeetingTypeDto] })
  listMeetingTypes(): Promise<MeetingTypeDto[]> {
    return this.meetings.listTypes();
  }

  @Post('types')
  @Authenticated({ permission: PERMISSIONS.MEETINGS_MANAGE })
  @ApiOperation({ operationId: 'createMeetingType', summary: 'Add a meeting type', description: 'MTG-2: a type the school configures.' })
  @ApiCreatedResponse({ type: MeetingTypeDto })
  @ApiErrors(400, 403, 409)
  createMeetingType(@Body() dto: CreateMeetingTypeDto, @Ctx() ctx: RequestContext): Promise<MeetingTypeDto> {
    return this.meetings.createType(dto, ctx);
  }

  // ---------- calendar feed (owner side) ----------

  @Get('feed')
  @Authenticated()
  @ApiOperation({ operationId: 'getCalendarFeed', summary: 'Whether the caller has a calendar feed', description: 'MTG-3' })
  @ApiOkResponse({ type: CalendarFeedDto })
  getCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeedDto> {
    return this.feeds.status(ctx.actor!.id);
  }

  @Post('feed')
  @Authenticated()
  @ApiOperation({
    operationId: 'createCalendarFeed',
    summary: 'Make (or renew) the caller’s calendar feed',
    description: 'MTG-3: answers the secret URL once; an earlier URL stops working.',
  })
  @ApiCreatedResponse({ type: CalendarFeedDto })
  createCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeedDto> {
    return this.feeds.create(ctx);
  }

  @Delete('feed')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({
    operationId: 'revokeCalendarFeed',
    summary: 'Revoke the caller’s calendar feed',
    description: 'MTG-3: the URL answers 404 from now on.',
  })
  @ApiNoContentResponse()
  @ApiErrors(404)
  async revokeCalendarFeed(@Ctx() ctx: RequestContext): Promise<void> {
    await this.feeds.revoke(ctx);
  }

  @Get('feeds/:token')
  @Public()
  @Header('content-type', ICS)
  @Header('cache-control', 'private, no-store')
  @ApiOperation({
    operationId: 'getCalendarFeedIcs',
    summary: 'A personal calendar feed (iCalendar), by its secret',
    description: 'MTG-3: no sign-in; 404 for an unknown or revoked secret. Classified meetings show only as busy time.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(404)
  getCalendarFeedIcs(@Param('token') token: string): Promise<string> {
    return this.feeds.render(token);
  }

  // ---------- meetings ----------

  @Post()
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @Idempotent()
  @ApiOperation({
    operationId: 'createMeeting',
    summary: 'Create a meeting',
    description:
      'MTG-2: title, type, host, secrecy, agenda topics, attendees and 列席 chosen as people and departments (resolved to their ' +
      'members and head); where: an existing booking of the organiser, a room booked now (409 MEETING_ROOM_CLASH, 422 ' +
      'MEETING_ROOM_TOO_SMALL), or a place. A classified meeting needs every invitee cleared (400 keyed by field). NFR-7: accepts Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: MeetingDetailDto })
  @ApiErrors(400, 403, 409)
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'MEETING_ROOM_TOO_SMALL, keyed attendeeCount' })
  createMeeting(@Body() dto: CreateMeetingDto, @Ctx() ctx: RequestContext): Promise<MeetingDetailDto> {
    return this.meetings.create(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listMeetings',
    summary: 'List meetings',
    description: 'MTG-2: only those the caller may see (classified ones for cleared invitees); `mine` for the caller’s own.',
  })
  @ApiOkResponse({ type: MeetingPage })
  @ApiErrors(400)
  listMeetings(@Query() query: QueryMeetingsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof MeetingPage>> {
    return this.meetings.list(query, ctx.actor!);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getMeeting',
    summary: 'Get a meeting',
    description: 'MTG-2, MTG-3: agenda, attendees and their answers. 404 outside visibility.',
  })
  @ApiOkResponse({ type: MeetingDetailDto })
  @ApiErrors(400, 404)
  getMeeting(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MeetingDetailDto> {
    return this.meetings.get(id, ctx);
  }

  @Get(':id/ics')
  @Authenticated()
  @Header('content-type', ICS)
  @Header('content-disposition', 'attachment; filename="meeting.ics"')
  @ApiOperation({
    operationId: 'getMeetingIcs',
    summary: 'The meeting as an iCalendar file',
    description: 'MTG-3: RFC 5545; 404 outside visibility.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(400, 404)
  async getMeetingIcs(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<string> {
    const entry = await this.meetings.forCalendar(id, ctx);
    return meetingsToIcs([{ ...entry, showContent: true }], entry.meeting.title, null);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @ApiOperation({
    operationId: 'updateMeeting',
    summary: 'Change a meeting before its notice',
    description:
      'MTG-2: title, type, host, agenda, people; a confirmed agenda goes back to draft. 409 after the notice or on a stale version.',
  })
  @ApiOkResponse({ type: MeetingDetailDto })
  @ApiErrors(400, 403, 404, 409)
  updateMeeting(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateMeetingDto, @Ctx() ctx: RequestContext): Promise<MeetingDetailDto> {
    return this.meetings.update(id, dto, ctx);
  }

  @Post(':id/confirm-agenda')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @ApiOperation({
    operationId: 'confirmMeetingAgenda',
    summary: 'The organiser confirms the agenda (议题确认)',
    description: 'MTG-2: by the organiser only (403 MEETING_NOT_THE_ORGANISER); at least one topic.',
  })
  @ApiOkResponse({ type: MeetingDetailDto })
  @ApiErrors(400, 403, 404, 409)
  confirmMeetingAgenda(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MeetingDetailDto> {
    return this.meetings.confirmAgenda(id, ctx);
  }

  @Post(':id/notify')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @ApiOperation({
    operationId: 'notifyMeeting',
    summary: 'Send the notice (会议通知)',
    description:
      'MTG-3: after the agenda is confirmed (409 MEETING_ILLEGAL_TRANSITION otherwise) and the room approved (409 MEETING_BOOKING_PENDING); ' +
      'through the notification platform with time, place and topics, and an inbox item for each invitee to answer.',
  })
  @ApiOkResponse({ type: MeetingDetailDto })
  @ApiErrors(400, 403, 404, 409)
  notifyMeeting(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MeetingDetailDto> {
    return this.meetings.notify(id, ctx);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @ApiOperation({
    operationId: 'cancelMeeting',
    summary: 'Cancel a meeting',
    description: 'MTG-2: frees the room; tells those already notified.',
  })
  @ApiOkResponse({ type: MeetingDetailDto })
  @ApiErrors(400, 403, 404, 409)
  cancelMeeting(@Param('id', UUID_PARAM) id: string, @Body() dto: CancelMeetingDto, @Ctx() ctx: RequestContext): Promise<MeetingDetailDto> {
    return this.meetings.cancel(id, dto.reason, ctx);
  }

  @Post(':id/response')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'respondToMeeting',
    summary: 'Accept the notice, or ask for leave (请假)',
    description: 'MTG-3: by an invitee, after the notice; leave needs a reason (400 keyed reason). 403 MEETING_NOT_AN_ATTENDEE.',
  })
  @ApiOkResponse({ type: MeetingDetailDto })
  @ApiErrors(400, 403, 404, 409)
  respondToMeeting(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RespondMeetingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingDetailDto> {
    return this.meetings.respond(id, dto, ctx);
  }
}
