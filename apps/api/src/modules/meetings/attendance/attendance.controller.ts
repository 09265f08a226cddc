import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { ErrorBodyDto } from '../../../platform/http/error-body.dto';
import { Idempotent } from '../../../platform/http/idempotency';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { MarkAttendanceDto, MeetingAttendanceDto, SignInCodeDto, SignInDto, SignInResultDto } from './attendance.dto';
import { AttendanceService } from './attendance.service';

/** Sign-in (签到) and attendance (MTG-6). */
@ApiTags('meetings')
@Controller('meetings')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post('sign-in')
  @HttpCode(200)
  @Authenticated()
  @Idempotent()
  @ApiOperation({
    operationId: 'signInToMeeting',
    summary: 'Sign in with the code scanned in the room',
    description:
      'MTG-6: the code is valid for 2 minutes after it appeared; present, or late after the grace; a second sign-in changes nothing. ' +
      '400 MEETING_SIGN_IN_CODE_INVALID, 422 MEETING_SIGN_IN_CODE_EXPIRED (keyed code); 403 MEETING_NOT_AN_ATTENDEE for someone not invited.',
  })
  @ApiOkResponse({ type: SignInResultDto })
  @ApiErrors(400, 404, 409)
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'Not invited to the meeting' })
  signInToMeeting(@Body() dto: SignInDto, @Ctx() ctx: RequestContext): Promise<SignInResultDto> {
    return this.attendance.signIn(dto.code, ctx);
  }

  @Get(':id/sign-in-code')
  @Authenticated()
  @ApiOperation({
    operationId: 'getMeetingSignInCode',
    summary: 'The current code for the room screen',
    description: 'MTG-6: rotates every 30 s (a signed token, nothing stored); for the organiser or meetings.manage.',
  })
  @ApiOkResponse({ type: SignInCodeDto })
  @ApiErrors(400, 404, 409)
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'Not the organiser' })
  getMeetingSignInCode(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<SignInCodeDto> {
    return this.attendance.currentCode(id, ctx);
  }

  @Get(':id/attendance')
  @Authenticated()
  @ApiOperation({
    operationId: 'getMeetingAttendance',
    summary: 'Attendance and live counts',
    description: 'MTG-6: present, late, absent (computed after the end), on leave (by answer or mark), and expected.',
  })
  @ApiOkResponse({ type: MeetingAttendanceDto })
  @ApiErrors(400, 404)
  getMeetingAttendance(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MeetingAttendanceDto> {
    return this.attendance.attendance(id, ctx);
  }

  @Post(':id/attendance')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'markMeetingAttendance',
    summary: 'Mark a person’s attendance',
    description: 'MTG-6: by the organiser or meetings.manage; 400 keyed userId for someone not invited.',
  })
  @ApiOkResponse({ type: MeetingAttendanceDto })
  @ApiErrors(400, 404, 409)
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'Not the organiser' })
  markMeetingAttendance(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: MarkAttendanceDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingAttendanceDto> {
    return this.attendance.mark(id, dto.userId, dto.attendance, ctx);
  }
}
