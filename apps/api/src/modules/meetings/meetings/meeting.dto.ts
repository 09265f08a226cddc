import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTENDANCE_STATES,
  SIGN_IN_METHODS,
  type AttendanceState,
  type SignInMethod,
  ATTENDEE_RESPONSES,
  ATTENDEE_ROLES,
  BOOKING_STATUSES,
  MEETING_ACTIONS,
  MEETING_STATUSES,
  SECRECY_LEVELS,
  type AttendeeResponse,
  type AttendeeRole,
  type BookingStatus,
  type MeetingAction,
  type MeetingStatus,
  type SecrecyLevel,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { CoordinationDepartmentDto } from '../coordination/coordination-department.dto';
import { ResolutionReportRowDto } from '../resolutions/resolution.dto';
import { trim } from '../../../platform/http/transforms';

/** One agenda topic (议题). */
export class TopicInputDto {
  @ApiProperty({ maxLength: 300, example: '审议2027年春季学期校历' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  /** 汇报人 */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  presenterId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  minutes?: number;
}

const uuids = (max: number) => [IsOptional(), IsArray(), ArrayMaxSize(max), ArrayUnique(), IsUUID('all', { each: true })];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };

/** Who is invited: people by name and departments (resolved to their members and head), 出席 and 列席. */
export class MeetingPeopleDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: '出席, by name' })
  @apply(uuids(500))
  attendeeIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: '出席, every member (and the head) of these departments' })
  @apply(uuids(50))
  attendeeDepartmentIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: '列席, by name' })
  @apply(uuids(200))
  observerIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: '列席, by department' })
  @apply(uuids(50))
  observerDepartmentIds?: string[];
}

/** A meeting (MTG-2). Where: a booking already made, a room to book now, or a place outside. */
export class CreateMeetingDto extends MeetingPeopleDto {
  @ApiProperty({ maxLength: 200, example: '2026年第12次校务会' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'school-affairs', description: 'A code of GET /meetings/types' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  typeCode: string;

  /** 主持人 */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  hostId?: string;

  @ApiPropertyOptional({ enum: SECRECY_LEVELS, default: 'none' })
  @IsOptional()
  @IsIn(SECRECY_LEVELS)
  secrecy?: SecrecyLevel;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  /** A booking of the organiser's that no meeting uses yet; its room and times become the meeting's. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  bookingId?: string;

  /** A room to book now for startsAt–endsAt, in the same transaction as the meeting. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Required unless bookingId is given' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endsAt?: string;

  /** Where, for a meeting outside the school's rooms. */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ type: [TopicInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TopicInputDto)
  topics?: TopicInputDto[];
}

/** Changes before the notice: what, who and the agenda (a change takes a confirmed agenda back to draft). */
export class UpdateMeetingDto extends MeetingPeopleDto {
  @ApiProperty({ description: 'The version read; a stale one is 409' })
  @IsInt()
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  typeCode?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  hostId?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: [TopicInputDto], description: 'Replaces the agenda' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TopicInputDto)
  topics?: TopicInputDto[];
}

export class QueryMeetingsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MEETING_STATUSES })
  @IsOptional()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  typeCode?: string;

  @ApiPropertyOptional({ description: 'Only meetings the caller organises, hosts or is invited to' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Ending after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Starting before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class RespondMeetingDto {
  @ApiProperty({ enum: ['accepted', 'leave'] })
  @IsIn(['accepted', 'leave'])
  response: Exclude<AttendeeResponse, 'pending'>;

  /** 请假事由, required for leave. */
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CancelMeetingDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CreateMeetingTypeDto {
  @ApiProperty({ example: 'teaching-research', description: 'lowercase letters, digits and dashes' })
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'code must be 2–40 lowercase letters, digits or dashes' })
  code: string;

  @ApiProperty({ maxLength: 50, example: '教研组长会' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nameEn?: string;
}

export class MeetingTypeDto {
  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  nameEn: string | null;

  @ApiProperty()
  builtin: boolean;

  @ApiProperty()
  active: boolean;
}

export class TopicDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  seq: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: RefDto, nullable: true })
  presenter: RefDto | null;

  @ApiProperty({ type: Number, nullable: true })
  minutes: number | null;
}

export class AttendeeDto {
  @ApiProperty({ type: RefDto })
  user: RefDto;

  @ApiProperty({ enum: ATTENDEE_ROLES })
  role: AttendeeRole;

  @ApiProperty({ type: RefDto, nullable: true, description: 'The department through which the person was invited' })
  viaDepartment: RefDto | null;

  @ApiProperty({ enum: ATTENDEE_RESPONSES })
  response: AttendeeResponse;

  @ApiProperty({ type: String, nullable: true })
  leaveReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  respondedAt: string | null;

  @ApiProperty({
    enum: ATTENDANCE_STATES,
    nullable: true,
    description: 'MTG-6: attendance as recorded (sign-in or staff); see getMeetingAttendance for the computed one',
  })
  attendance: AttendanceState | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'MTG-6: the first sign-in' })
  signedInAt: string | null;

  @ApiProperty({ enum: SIGN_IN_METHODS, nullable: true })
  signInMethod: SignInMethod | null;
}

export class InvitedDepartmentDto {
  @ApiProperty({ type: RefDto })
  department: RefDto;

  @ApiProperty({ enum: ATTENDEE_ROLES })
  role: AttendeeRole;
}

export class MeetingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: MeetingTypeDto })
  type: MeetingTypeDto;

  @ApiProperty({ type: RefDto })
  organiser: RefDto;

  @ApiProperty({ type: RefDto, nullable: true })
  host: RefDto | null;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ type: RefDto, nullable: true })
  room: RefDto | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  bookingId: string | null;

  @ApiProperty({ enum: BOOKING_STATUSES, nullable: true })
  bookingStatus: BookingStatus | null;

  /** The place as shown in the notice: the room (building, floor) or the location given. */
  @ApiProperty()
  place: string;

  @ApiProperty({ enum: SECRECY_LEVELS })
  secrecy: SecrecyLevel;

  @ApiProperty({ enum: MEETING_STATUSES })
  status: MeetingStatus;

  @ApiProperty({ type: String, enum: ATTENDEE_RESPONSES, nullable: true, description: 'The caller’s own answer, when invited' })
  myResponse: AttendeeResponse | null;

  @ApiProperty({ enum: MEETING_ACTIONS, isArray: true, description: 'What the caller may do now' })
  allowedActions: MeetingAction[];

  @ApiProperty()
  version: number;
}

export class MeetingDetailDto extends MeetingDto {
  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ type: [TopicDto] })
  topics: TopicDto[];

  @ApiProperty({ type: [AttendeeDto] })
  attendees: AttendeeDto[];

  @ApiProperty({ type: [InvitedDepartmentDto] })
  departments: InvitedDepartmentDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  agendaConfirmedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  notifiedAt: string | null;

  /**
   * 上次决议落实情况 (MTG-9): the open resolutions of earlier meetings of the same type, computed
   * when the meeting is read, so it shows the tasks' current state.
   */
  @ApiProperty({ type: [ResolutionReportRowDto] })
  carryOver: ResolutionReportRowDto[];

  /** The departments involved in a coordination meeting (协调会, ADM-1); empty for other meetings. */
  @ApiProperty({ type: [CoordinationDepartmentDto] })
  coordinationDepartments: CoordinationDepartmentDto[];
}

export class CalendarFeedDto {
  @ApiProperty({ description: 'Whether the caller has a feed' })
  active: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  createdAt: string | null;

  /** Shown once, when the feed is made: only its hash is kept. */
  @ApiProperty({ type: String, nullable: true, description: 'The secret path of the feed (only in the answer that creates it)' })
  url: string | null;
}
