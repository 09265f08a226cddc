import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { ErrorBodyDto } from '../../../platform/http/error-body.dto';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { MeetingDetailDto } from '../meetings/meeting.dto';
import { ChecklistDto, RecordEquipmentTestDto, RescheduleMeetingDto, SaveChecklistDto } from './preparation.dto';
import { PreparationService } from './preparation.service';
import { RescheduleService } from './reschedule.service';

const FORBIDDEN = { status: 403, type: ErrorBodyDto, description: 'Not the organiser (nor meetings.manage)' };

/** Preparing a meeting (会前准备, MTG-4), and moving it to another time or room. */
@ApiTags('meetings')
@Controller('meetings')
export class PreparationController {
  constructor(
    private readonly preparation: PreparationService,
    private readonly reschedule: RescheduleService,
  ) {}

  @Get(':id/checklist')
  @Authenticated()
  @ApiOperation({
    operationId: 'getMeetingChecklist',
    summary: 'The preparation checklist',
    description: 'MTG-4: environment, banner and name cards, equipment tests (a failure flags needsMaintenance), backup, person on duty.',
  })
  @ApiOkResponse({ type: ChecklistDto })
  @ApiErrors(400, 404)
  getMeetingChecklist(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<ChecklistDto> {
    return this.preparation.get(id, ctx);
  }

  @Put(':id/checklist')
  @Authenticated()
  @ApiOperation({
    operationId: 'saveMeetingChecklist',
    summary: 'Save the preparation checklist',
    description: 'MTG-4: by the organiser or meetings.manage; version 0 for the first save, a stale version is 409.',
  })
  @ApiOkResponse({ type: ChecklistDto })
  @ApiErrors(400, 404, 409)
  @ApiResponse(FORBIDDEN)
  saveMeetingChecklist(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: SaveChecklistDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ChecklistDto> {
    return this.preparation.save(id, dto, ctx);
  }

  @Post(':id/equipment-tests')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'recordMeetingEquipmentTest',
    summary: 'Record an equipment test',
    description:
      'MTG-4: audio, projector, microphones (video conference where the room has it), pass or fail with a remark; a failure needs maintenance.',
  })
  @ApiOkResponse({ type: ChecklistDto })
  @ApiErrors(400, 404, 409)
  @ApiResponse(FORBIDDEN)
  recordMeetingEquipmentTest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RecordEquipmentTestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ChecklistDto> {
    return this.preparation.recordTest(id, dto, ctx);
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @ApiOperation({
    operationId: 'rescheduleMeeting',
    summary: 'Move a meeting to another time and/or room',
    description: 'MTG-2: re-books through the bookings service (409 MEETING_ROOM_CLASH naming the booking); notified attendees are told.',
  })
  @ApiOkResponse({ type: MeetingDetailDto })
  @ApiErrors(400, 404, 409, 422)
  @ApiResponse(FORBIDDEN)
  rescheduleMeeting(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RescheduleMeetingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingDetailDto> {
    return this.reschedule.reschedule(id, dto, ctx);
  }
}
