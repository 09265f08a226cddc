import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUARTERS, TRAINING_KINDS, type TrainingKind } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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

/** A training plan (培训计划, ASM-6). */
export class CreateTrainingPlanDto {
  @ApiProperty({ enum: TRAINING_KINDS })
  @IsIn(TRAINING_KINDS)
  kind: TrainingKind;

  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: QUARTERS, example: 2 })
  @IsIn(QUARTERS)
  quarter: number;

  @ApiProperty({ maxLength: 200, example: '2026年第二季度保密教育培训' })
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
}

export class QueryTrainingPlansDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TRAINING_KINDS })
  @IsOptional()
  @IsIn(TRAINING_KINDS)
  kind?: TrainingKind;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** A session (培训场次) of a plan. */
export class CreateTrainingSessionDto {
  /** Date and time the session was held (ISO 8601 with offset). */
  @ApiProperty({ format: 'date-time', example: '2026-04-15T14:30:00+08:00' })
  @IsISO8601({ strict: true })
  heldAt: string;

  @ApiProperty({ maxLength: 200, example: '行政楼三楼会议室' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place: string;

  /** 授课人 */
  @ApiProperty({ maxLength: 100, example: '区保密局 李老师' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  trainer: string;

  @ApiProperty({ maxLength: 4000, example: '涉密载体管理与保密法规解读' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  content: string;
}

/** One person's attendance and result. */
export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  @ApiProperty()
  @IsBoolean()
  attended: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number | null;

  /** 是否合格; leave out when no result is recorded. */
  @ApiPropertyOptional({ nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  passed?: boolean | null;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  remarks?: string;
}

/** The attendance sheet (签到表) and results of a session; each person's row replaces what was recorded for them. */
export class RecordAttendanceDto {
  @ApiProperty({ type: [AttendanceEntryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries: AttendanceEntryDto[];
}

export class TrainingPlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TRAINING_KINDS }) kind: TrainingKind;
  @ApiProperty() year: number;
  @ApiProperty() quarter: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() sessionCount: number;
  @ApiProperty({ type: RefDto }) createdBy: RefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AttendanceDto {
  @ApiProperty({ type: RefDto }) user: RefDto;
  @ApiProperty() attended: boolean;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) passed: boolean | null;
  @ApiProperty({ nullable: true, type: String }) remarks: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class TrainingSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'date-time' }) heldAt: string;
  @ApiProperty() place: string;
  @ApiProperty() trainer: string;
  @ApiProperty() content: string;
  @ApiProperty() attendedCount: number;
  @ApiProperty({ type: [AttendanceDto] }) attendance: AttendanceDto[];
}

export class TrainingPlanDetailDto extends TrainingPlanDto {
  @ApiProperty({ type: [TrainingSessionDto] }) sessions: TrainingSessionDto[];
}

/** Whether a person may borrow classified items as far as training goes (ADM-10's gate). */
export class ConfidentialityTrainingStatusDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: 2 }) quarter: number;
  /** True when the person attended (and, where a result is recorded, passed) a confidentiality session this quarter. */
  @ApiProperty() trainedThisQuarter: boolean;
}

export class TrainingStatusQueryDto {
  /** Whose status; oneself when left out (others need assessment.training.manage or administration.lending.manage). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}
