import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COVER_REASONS, RECEPTION_SLOTS, type CoverReason, type ReceptionSlot } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

export class CreateReceptionDutyDto {
  @ApiProperty({ format: 'date', example: '2026-12-07' })
  @IsDateString({ strict: true })
  date: string;

  @ApiProperty({ enum: RECEPTION_SLOTS })
  @IsIn(RECEPTION_SLOTS)
  slot: ReceptionSlot;

  /** The person on duty. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  /** Who covers when the person on duty is out (optional). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  backupUserId?: string;
}

export class QueryReceptionDutiesDto {
  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true })
  from: string;

  /** At most 62 days after from. */
  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true })
  to: string;
}

export class ReceptionDutyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: RECEPTION_SLOTS }) slot: ReceptionSlot;
  @ApiProperty({ type: RefDto }) user: RefDto;
  @ApiProperty({ type: RefDto, nullable: true }) backupUser: RefDto | null;
}

export class CreateStaffAbsenceDto {
  /** The person going out; oneself by default. Others only for information.reception.manage. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString()
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString()
  endsAt: string;

  @ApiProperty({ maxLength: 200, example: '参加区教育局会议' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason: string;

  @ApiProperty({ maxLength: 200, example: '区教育局' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  destination: string;
}

export class QueryStaffAbsencesDto extends PageQueryDto {
  /** Entries that overlap this school date onwards. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class StaffAbsenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: RefDto }) user: RefDto;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() reason: string;
  @ApiProperty() destination: string;
  @ApiProperty({ type: RefDto }) registeredBy: RefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class QueryCoverDto {
  /** With `slot`: that slot; without both, the current slot (or the next one outside reception hours). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  date?: string;

  @ApiPropertyOptional({ enum: RECEPTION_SLOTS })
  @IsOptional()
  @IsIn(RECEPTION_SLOTS)
  slot?: ReceptionSlot;
}

export class QueryCoverGapsDto {
  /** Days ahead to look (default 3). */
  @ApiPropertyOptional({ minimum: 1, maximum: 31 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(31)
  days?: number;
}

export class CoverDto {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: RECEPTION_SLOTS }) slot: ReceptionSlot;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  /** The roster entry of the slot, if any. */
  @ApiProperty({ type: ReceptionDutyDto, nullable: true }) duty: ReceptionDutyDto | null;
  /** Who covers reception; null is a gap. */
  @ApiProperty({ type: RefDto, nullable: true }) coveredBy: RefDto | null;
  @ApiProperty({ enum: COVER_REASONS }) reason: CoverReason;
  /** Rostered people (on duty or backup that day) who are out of office during the slot. */
  @ApiProperty({ type: [RefDto] }) outOfOffice: RefDto[];
}
