import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MINUTES_ACTIONS, MINUTES_STATUSES, type MinutesAction, type MinutesStatus } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { RefDto } from '../../../platform/org/org.dto';
import { ResolutionDto } from '../resolutions/resolution.dto';
import { trim } from '../../../platform/http/transforms';

/** The template's header, filled from the meeting (时间、地点、主持人、出席/请假/列席); editable in the draft. */
export class MinutesHeaderDto {
  @ApiProperty({ maxLength: 100, example: '2027-03-02 14:30–16:00' })
  @IsString()
  @MaxLength(100)
  time: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  place: string;

  @ApiProperty({ type: String, nullable: true, maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  host: string | null;

  /** 出席 */
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  present: string[];

  /** 请假 */
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  leave: string[];

  /** 列席 */
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  observers: string[];
}

/** A topic and what was discussed and decided on it. */
export class MinutesTopicDto {
  @ApiProperty({ maxLength: 300 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  text: string;
}

/** Changes to a draft. */
export class UpdateMinutesDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ type: MinutesHeaderDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MinutesHeaderDto)
  header?: MinutesHeaderDto;

  @ApiPropertyOptional({ type: [MinutesTopicDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MinutesTopicDto)
  topics?: MinutesTopicDto[];

  /** 其他事项 */
  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  otherText?: string;

  /** The departments the published minutes go to (主送部门), besides the attendees. */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class MinutesFeedbackInputDto {
  @ApiProperty({ maxLength: 2000, example: '第二项决议的完成时限建议延后一周。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  body: string;
}

export class MinutesFeedbackDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto })
  author: RefDto;

  @ApiProperty()
  body: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MinutesDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: MINUTES_STATUSES })
  status: MinutesStatus;

  @ApiProperty({ type: MinutesHeaderDto })
  header: MinutesHeaderDto;

  @ApiProperty({ type: [MinutesTopicDto] })
  topics: MinutesTopicDto[];

  @ApiProperty({ type: String, nullable: true })
  otherText: string | null;

  @ApiProperty({ type: [RefDto] })
  departments: RefDto[];

  /** The meeting's resolutions as they stand (决议事项). */
  @ApiProperty({ type: [ResolutionDto] })
  resolutions: ResolutionDto[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  approvalRequestId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ type: RefDto })
  draftedBy: RefDto;

  /** All feedback for the organiser; one's own for a recipient. */
  @ApiProperty({ type: [MinutesFeedbackDto] })
  feedback: MinutesFeedbackDto[];

  @ApiProperty({ enum: MINUTES_ACTIONS, isArray: true })
  allowedActions: MinutesAction[];

  /** The caller is a recipient of the published minutes and may give feedback. */
  @ApiProperty()
  canGiveFeedback: boolean;

  @ApiProperty()
  version: number;
}
