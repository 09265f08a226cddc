import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IMPROVEMENT_ACTIONS,
  IMPROVEMENT_MEASURE_STATUSES,
  IMPROVEMENT_SOURCES,
  IMPROVEMENT_STATUSES,
  type ImprovementAction,
  type ImprovementMeasureStatus,
  type ImprovementSource,
  type ImprovementStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

export class VersionedDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

/** One measure: what is to be done, by whom, by when. */
export class NewMeasureDto {
  @ApiProperty({ maxLength: 2000, example: '每周五下午检查消防通道并记录' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerId: string;

  /** 完成时限 */
  @ApiProperty({ format: 'date', example: '2026-12-31' })
  @IsDateString({ strict: true })
  dueOn: string;
}

export class CreateProblemDto {
  @ApiProperty({ maxLength: 200, example: '午间食堂排队时间过长' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;

  @ApiProperty({ enum: IMPROVEMENT_SOURCES })
  @IsIn(IMPROVEMENT_SOURCES)
  source: ImprovementSource;

  /** The record it came from (e.g. an evaluation or questionnaire id), when it is one of this system's. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sourceRefId?: string;
}

export class AnalyseProblemDto extends VersionedDto {
  /** 根本原因分析 */
  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  rootCause: string;
}

export class AddMeasuresDto extends VersionedDto {
  @ApiProperty({ type: NewMeasureDto, isArray: true })
  @ValidateNested({ each: true })
  @Type(() => NewMeasureDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  measures: NewMeasureDto[];
}

export class ReportMeasureDto {
  @ApiProperty({ maxLength: 2000, example: '已制定检查表并完成首次检查' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;

  /** The day it was put in place. */
  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true })
  implementedOn: string;
}

export class EvaluateProblemDto extends VersionedDto {
  /** 效果评估: why it is (or is not) effective. */
  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}

export class MeasureDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: RefDto })
  owner: RefDto;

  @ApiProperty({ format: 'date' })
  dueOn: string;

  @ApiProperty()
  round: number;

  @ApiProperty({ enum: IMPROVEMENT_MEASURE_STATUSES })
  status: ImprovementMeasureStatus;

  @ApiProperty({ type: String, nullable: true })
  implementationNote: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  implementedOn: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reportedAt: Date | null;

  /** Still pending after its deadline. */
  @ApiProperty()
  overdue: boolean;

  /** The viewer owns it and may report it implemented. */
  @ApiProperty()
  canReport: boolean;
}

export class ProblemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: IMPROVEMENT_SOURCES })
  source: ImprovementSource;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sourceRefId: string | null;

  @ApiProperty({ enum: IMPROVEMENT_STATUSES })
  status: ImprovementStatus;

  @ApiProperty({ type: String, nullable: true })
  rootCause: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  analysedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  evaluationNote: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  evaluatedAt: Date | null;

  @ApiProperty()
  reopenCount: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;

  @ApiProperty({ type: RefDto })
  createdBy: RefDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: MeasureDto, isArray: true })
  measures: MeasureDto[];

  /** Any measure pending past its deadline. */
  @ApiProperty()
  overdue: boolean;

  @ApiProperty({ enum: IMPROVEMENT_ACTIONS, isArray: true, description: 'What this person may do next' })
  actions: ImprovementAction[];

  @ApiProperty()
  version: number;
}

export class QueryProblemsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: IMPROVEMENT_STATUSES })
  @IsOptional()
  @IsIn(IMPROVEMENT_STATUSES)
  status?: ImprovementStatus;

  @ApiPropertyOptional({ enum: IMPROVEMENT_SOURCES })
  @IsOptional()
  @IsIn(IMPROVEMENT_SOURCES)
  source?: ImprovementSource;

  @ApiPropertyOptional({ description: 'Only problems with a measure past its deadline' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  overdue?: boolean;
}
