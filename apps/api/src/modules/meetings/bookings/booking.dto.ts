import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BOOKING_STATUSES, ROOM_EQUIPMENT, type BookingStatus, type RoomEquipment } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
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
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { csv } from '../rooms/room.dto';
import { trim } from '../../../platform/http/transforms';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One booking (MTG-1): a room for a half-open time range [startsAt, endsAt). */
export class CreateBookingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomId: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-07T10:30:00+08:00' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiProperty({ minimum: 1, maximum: 5000 })
  @IsInt()
  @Min(1)
  @Max(5000)
  attendeeCount: number;

  @ApiProperty({ maxLength: 200, example: '教务处工作例会' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** A weekly series by the school calendar (MTG-1): created all or nothing. */
export class CreateBookingSeriesDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomId: string;

  @ApiProperty({ maxLength: 200, example: '行政会' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ minimum: 1, maximum: 5000 })
  @IsInt()
  @Min(1)
  @Max(5000)
  attendeeCount: number;

  @ApiProperty({ minimum: 1, maximum: 7, description: '1 Monday … 7 Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @ApiProperty({ example: '08:00', description: 'HH:mm in the school’s time zone' })
  @Matches(HH_MM, { message: 'startTime must be HH:mm' })
  startTime: string;

  @ApiProperty({ example: '09:30' })
  @Matches(HH_MM, { message: 'endTime must be HH:mm' })
  endTime: string;

  @ApiProperty({ format: 'date', example: '2026-09-01' })
  @IsDateString({ strict: true })
  fromOn: string;

  @ApiProperty({ format: 'date', example: '2027-01-15' })
  @IsDateString({ strict: true })
  untilOn: string;

  @ApiPropertyOptional({ default: true, description: 'Only teaching weeks of the school calendar (vacations and exam weeks skipped)' })
  @IsOptional()
  @IsBoolean()
  teachingWeeksOnly?: boolean;

  @ApiPropertyOptional({ type: [String], format: 'date', description: 'Occurrences left out on purpose' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @IsDateString({ strict: true }, { each: true })
  skipDates?: string[];
}

export class SuggestRoomsQueryDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  attendeeCount: number;

  @ApiPropertyOptional({ enum: ROOM_EQUIPMENT, isArray: true })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(ROOM_EQUIPMENT, { each: true })
  equipment?: RoomEquipment[];
}

export class AvailabilityQueryDto {
  @ApiProperty({ format: 'date', example: '2026-12-07', description: 'The day, or any day of the week' })
  @IsDateString({ strict: true })
  date: string;

  @ApiPropertyOptional({ enum: ['day', 'week'], default: 'day' })
  @IsOptional()
  @IsIn(['day', 'week'])
  view?: 'day' | 'week';

  @ApiPropertyOptional({ format: 'uuid', description: 'One room; all bookable rooms otherwise' })
  @IsOptional()
  @IsUUID()
  roomId?: string;
}

export class QueryBookingsDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ description: 'Only the caller’s own bookings' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ enum: BOOKING_STATUSES })
  @IsOptional()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatus;

  @ApiPropertyOptional({ format: 'date-time', description: 'Ending after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Starting before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class CancelBookingDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class BookingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto })
  room: RefDto;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty()
  attendeeCount: number;

  /** Null when the booking belongs to a classified meeting the caller may not see: the slot is taken, nothing more. */
  @ApiProperty({ type: String, nullable: true })
  title: string | null;

  @ApiProperty()
  titleHidden: boolean;

  @ApiProperty({ type: RefDto, nullable: true })
  organiser: RefDto | null;

  @ApiProperty({ enum: BOOKING_STATUSES })
  status: BookingStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  seriesId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  approvalRequestId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  meetingId: string | null;

  @ApiProperty({ description: 'The caller may cancel it' })
  cancellable: boolean;

  @ApiProperty()
  version: number;
}

export class BookingSeriesDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: [BookingDto] })
  bookings: BookingDto[];

  /** Weekly dates in the span that have no booking: left out by the calendar (vacation, exams, holiday) or on purpose. */
  @ApiProperty({ type: [String], format: 'date' })
  skippedDates: string[];
}

export class RoomAvailabilityDto {
  @ApiProperty({ type: RefDto })
  room: RefDto;

  @ApiProperty()
  capacity: number;

  @ApiProperty()
  building: string;

  @ApiProperty()
  floor: string;

  @ApiProperty()
  bookable: boolean;

  @ApiProperty()
  needsApproval: boolean;

  @ApiProperty({ type: [BookingDto], description: 'Bookings holding the room (pending or confirmed) in the range' })
  bookings: BookingDto[];
}

export class AvailabilityDto {
  @ApiProperty({ format: 'date' })
  fromDate: string;

  @ApiProperty({ format: 'date', description: 'Inclusive' })
  toDate: string;

  @ApiProperty({ type: [RoomAvailabilityDto] })
  rooms: RoomAvailabilityDto[];
}

export class RoomSuggestionDto {
  @ApiProperty({ type: RefDto })
  room: RefDto;

  @ApiProperty()
  building: string;

  @ApiProperty()
  floor: string;

  @ApiProperty()
  capacity: number;

  @ApiProperty({ enum: ROOM_EQUIPMENT, isArray: true })
  equipment: RoomEquipment[];

  @ApiProperty()
  needsApproval: boolean;
}
