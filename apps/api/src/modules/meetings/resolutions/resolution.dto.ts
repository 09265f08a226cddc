import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESOLUTION_TASK_STATUSES, type ResolutionTaskStatus } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

const flag = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** One task of a resolution: who carries it out, by when. */
export class ResolutionTaskInputDto {
  /** 责任人 */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerId: string;

  /** 完成时限 */
  @ApiProperty({ format: 'date', example: '2027-03-31' })
  @IsDateString({ strict: true })
  dueOn: string;

  @ApiPropertyOptional({ maxLength: 500, example: '牵头制定实施方案' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  description?: string;
}

/** A resolution (决议) recorded on a meeting, broken into tasks. */
export class CreateResolutionDto {
  @ApiProperty({ maxLength: 1000, example: '同意启动校园安全隐患排查，由总务处牵头，一个月内完成。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  text: string;

  @ApiProperty({ type: [ResolutionTaskInputDto], minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ResolutionTaskInputDto)
  tasks: ResolutionTaskInputDto[];
}

/** A progress update (进展) on a task: a note, and a percent or a state. */
export class TaskProgressDto {
  @ApiProperty({ maxLength: 2000, example: '已完成教学楼排查，正在排查宿舍楼' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number;

  @ApiPropertyOptional({ enum: RESOLUTION_TASK_STATUSES })
  @IsOptional()
  @IsIn(RESOLUTION_TASK_STATUSES)
  status?: ResolutionTaskStatus;
}

export class ResolutionTaskDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  resolutionId: string;

  @ApiProperty({ type: RefDto })
  owner: RefDto;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ format: 'date' })
  dueOn: string;

  @ApiProperty({ enum: RESOLUTION_TASK_STATUSES })
  status: ResolutionTaskStatus;

  @ApiProperty({ minimum: 0, maximum: 100 })
  percent: number;

  /** Not done and past its deadline (school date). */
  @ApiProperty()
  overdue: boolean;

  @ApiProperty()
  version: number;
}

export class TaskUpdateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  note: string;

  @ApiProperty()
  percent: number;

  @ApiProperty({ enum: RESOLUTION_TASK_STATUSES })
  status: ResolutionTaskStatus;

  @ApiProperty({ type: RefDto })
  recordedBy: RefDto;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

/** The meeting a resolution was taken at, as the report and the carry-over show it. */
export class ResolutionMeetingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'The meeting type’s name, e.g. 校务会' })
  typeName: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;
}

export class ResolutionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty()
  seq: number;

  @ApiProperty()
  text: string;

  /** Every task done. */
  @ApiProperty()
  done: boolean;

  @ApiProperty({ type: [ResolutionTaskDto] })
  tasks: ResolutionTaskDto[];
}

/** A resolution with its meeting: a row of the leaders' report, or of the carry-over section. */
export class ResolutionReportRowDto extends ResolutionDto {
  @ApiProperty({ type: ResolutionMeetingDto })
  meeting: ResolutionMeetingDto;

  @ApiProperty()
  taskCount: number;

  @ApiProperty()
  doneCount: number;

  @ApiProperty()
  overdueCount: number;
}

export class ResolutionTaskDetailDto extends ResolutionTaskDto {
  @ApiProperty({ type: ResolutionReportRowDto })
  resolution: ResolutionReportRowDto;

  @ApiProperty({ type: [TaskUpdateDto] })
  updates: TaskUpdateDto[];

  /** The caller may post progress (the owner, or the meeting's organiser). */
  @ApiProperty()
  canUpdate: boolean;
}

export class QueryResolutionReportDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Meeting type code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  typeCode?: string;

  @ApiPropertyOptional({ enum: ['open', 'done'], description: 'open: some task not done; done: every task done' })
  @IsOptional()
  @IsIn(['open', 'done'])
  state?: 'open' | 'done';

  @ApiPropertyOptional({ description: 'Only resolutions with an overdue task' })
  @IsOptional()
  @Transform(flag)
  @IsIn([true, false])
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only resolutions with a task of this owner' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Meetings from this school date' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Meetings until this school date' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}
