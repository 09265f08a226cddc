import { ApiProperty } from '@nestjs/swagger';
import {
  ATTENDANCE_STATES,
  ATTENDEE_RESPONSES,
  ATTENDEE_ROLES,
  SIGN_IN_METHODS,
  type AttendanceState,
  type AttendeeResponse,
  type AttendeeRole,
  type SignInMethod,
} from '@xiaoban/shared';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { RefDto } from '../../../platform/org/org.dto';

/** The code scanned from the room screen (MTG-6). */
export class SignInDto {
  @ApiProperty({ description: 'The code from the QR on the room screen' })
  @IsString()
  @MaxLength(200)
  code: string;
}

/** Staff mark a person's attendance in the panel (MTG-6). */
export class MarkAttendanceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  @ApiProperty({ enum: ATTENDANCE_STATES })
  @IsIn(ATTENDANCE_STATES)
  attendance: AttendanceState;
}

export class SignInCodeDto {
  @ApiProperty({ description: 'The signed code; the QR encodes `url`' })
  code: string;

  @ApiProperty({ description: 'Path of the phone page in the admin app, e.g. /m/sign-in?code=…' })
  url: string;

  @ApiProperty({ format: 'date-time', description: 'When the screen should fetch the next code (every 30 s)' })
  rotatesAt: string;

  @ApiProperty({ description: 'Seconds a scanned code stays valid' })
  validSeconds: number;
}

export class SignInResultDto {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ enum: ATTENDANCE_STATES })
  attendance: AttendanceState;

  @ApiProperty({ format: 'date-time' })
  signedInAt: string;

  @ApiProperty({ description: 'False when this was a repeat: nothing changed' })
  firstSignIn: boolean;
}

export class AttendanceCountsDto {
  @ApiProperty({ description: 'Everyone invited (出席 and 列席)' })
  expected: number;

  @ApiProperty()
  present: number;

  @ApiProperty()
  late: number;

  @ApiProperty()
  absent: number;

  @ApiProperty()
  leave: number;

  @ApiProperty({ description: 'Not signed in yet, while the meeting runs' })
  waiting: number;
}

export class AttendanceRowDto {
  @ApiProperty({ type: RefDto })
  user: RefDto;

  @ApiProperty({ enum: ATTENDEE_ROLES })
  role: AttendeeRole;

  @ApiProperty({ enum: ATTENDEE_RESPONSES })
  response: AttendeeResponse;

  @ApiProperty({ enum: ATTENDANCE_STATES, nullable: true, description: 'Computed: recorded, leave by answer, absent after the end' })
  attendance: AttendanceState | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signedInAt: string | null;

  @ApiProperty({ enum: SIGN_IN_METHODS, nullable: true })
  signInMethod: SignInMethod | null;
}

export class MeetingAttendanceDto {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ description: 'The meeting runs (or starts within the hour): the page polls the counts' })
  live: boolean;

  @ApiProperty({ type: AttendanceCountsDto })
  counts: AttendanceCountsDto;

  @ApiProperty({ type: [AttendanceRowDto] })
  attendees: AttendanceRowDto[];
}
