import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { COORDINATION_SERIES_MAX } from '@xiaoban/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CreateMeetingDto, MeetingDetailDto } from '../meetings/meeting.dto';

/** Every N weeks, N occurrences in all (the first included). */
export class CoordinationRecurrenceDto {
  @ApiProperty({ minimum: 1, maximum: 8, example: 2, description: '2: every two weeks (隔周)' })
  @IsInt()
  @Min(1)
  @Max(8)
  everyWeeks: number;

  @ApiProperty({ minimum: 2, maximum: COORDINATION_SERIES_MAX, example: 6 })
  @IsInt()
  @Min(2)
  @Max(COORDINATION_SERIES_MAX)
  occurrences: number;
}

/**
 * A coordination meeting (协调会, ADM-1): a meeting of type `coordination` whose departments
 * involved are invited through their liaison persons. Further people may be invited by name.
 */
export class CreateCoordinationMeetingDto extends OmitType(CreateMeetingDto, ['typeCode', 'bookingId', 'startsAt', 'endsAt'] as const) {
  /** 涉及部门 */
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  departmentIds: string[];

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt: string;

  /** Omit for a single meeting. */
  @ApiPropertyOptional({ type: CoordinationRecurrenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CoordinationRecurrenceDto)
  recurrence?: CoordinationRecurrenceDto;
}

export class CoordinationResultDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  seriesId: string | null;

  /** The meetings created, in order (one unless it recurs). */
  @ApiProperty({ type: [MeetingDetailDto] })
  meetings: MeetingDetailDto[];
}
