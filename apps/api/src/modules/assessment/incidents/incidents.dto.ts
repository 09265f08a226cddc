import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INCIDENT_ACTIONS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type IncidentAction,
  type IncidentSeverity,
  type IncidentStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';
import { NewMeasureDto, VersionedDto } from '../improvement/improvement.dto';

export class RecordIncidentDto {
  @ApiProperty({ maxLength: 200, example: '实验楼三楼化学实验室试剂泄漏' })
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

  @ApiProperty({ maxLength: 200, example: '实验楼 301' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  location: string;

  @ApiProperty({ format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  occurredAt: Date;

  @ApiProperty({ maxLength: 200, example: '张老师、校医李医生' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  handledBy: string;

  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  stepsTaken: string;

  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  outcome: string;

  @ApiProperty({ enum: INCIDENT_SEVERITIES })
  @IsIn(INCIDENT_SEVERITIES)
  severity: IncidentSeverity;
}

/** 事后总结: a summary, and the lessons, each of which becomes an improvement measure with an owner and a deadline. */
export class ReviewIncidentDto extends VersionedDto {
  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary: string;

  @ApiProperty({ type: NewMeasureDto, isArray: true, description: 'Lessons learnt, each as a measure; may be empty' })
  @ValidateNested({ each: true })
  @Type(() => NewMeasureDto)
  @ArrayMaxSize(50)
  lessons: NewMeasureDto[];
}

export class IncidentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty()
  location: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: Date;

  @ApiProperty()
  handledBy: string;

  @ApiProperty()
  stepsTaken: string;

  @ApiProperty()
  outcome: string;

  @ApiProperty({ enum: INCIDENT_SEVERITIES })
  severity: IncidentSeverity;

  @ApiProperty({ enum: INCIDENT_STATUSES })
  status: IncidentStatus;

  @ApiProperty({ type: RefDto })
  recordedBy: RefDto;

  @ApiProperty({ type: String, nullable: true })
  reviewSummary: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewedAt: Date | null;

  @ApiProperty({ type: RefDto, nullable: true })
  reviewedBy: RefDto | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The improvement problem its lessons became' })
  improvementProblemId: string | null;

  @ApiProperty({ enum: INCIDENT_ACTIONS, isArray: true })
  actions: IncidentAction[];

  @ApiProperty()
  version: number;
}

export class QueryIncidentsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES })
  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: IncidentStatus;

  @ApiPropertyOptional({ enum: INCIDENT_SEVERITIES })
  @IsOptional()
  @IsIn(INCIDENT_SEVERITIES)
  severity?: IncidentSeverity;
}
