import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORK_MATTER_STATUSES, type WorkMatterStatus } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

const flag = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** A matter of the work ledger (工作台账, ADM-3). */
export class CreateWorkMatterDto {
  @ApiProperty({ maxLength: 200, example: '迎接市教育局督导评估' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;

  /** 责任人 */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerId: string;

  /** 涉及部门 */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  /** 完成时限 */
  @ApiProperty({ format: 'date', example: '2026-04-30' })
  @IsDateString({ strict: true })
  dueOn: string;
}

export class UpdateWorkMatterDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueOn?: string;

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

/** A follow-up entry (跟进记录), optionally moving the matter's status. */
export class FollowUpWorkMatterDto {
  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;

  @ApiPropertyOptional({ enum: WORK_MATTER_STATUSES })
  @IsOptional()
  @IsIn(WORK_MATTER_STATUSES)
  status?: WorkMatterStatus;
}

export class QueryWorkMattersDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WORK_MATTER_STATUSES })
  @IsOptional()
  @IsIn(WORK_MATTER_STATUSES)
  status?: WorkMatterStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  /** Only open matters past their deadline. */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(flag)
  @IsIn([true, false])
  overdue?: boolean;
}

export class WorkMatterDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ type: RefDto })
  owner: RefDto;

  @ApiProperty({ type: [RefDto] })
  departments: RefDto[];

  @ApiProperty({ format: 'date' })
  dueOn: string;

  @ApiProperty({ enum: WORK_MATTER_STATUSES })
  status: WorkMatterStatus;

  @ApiProperty({ description: 'Open and past its deadline' })
  overdue: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ type: RefDto })
  createdBy: RefDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty()
  version: number;
}

export class WorkMatterFollowUpDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  note: string;

  @ApiProperty({ enum: WORK_MATTER_STATUSES, nullable: true })
  statusTo: WorkMatterStatus | null;

  @ApiProperty({ type: RefDto })
  recordedBy: RefDto;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class WorkMatterDetailDto extends WorkMatterDto {
  /** The follow-up log, oldest first. */
  @ApiProperty({ type: [WorkMatterFollowUpDto] })
  followUps: WorkMatterFollowUpDto[];
}
