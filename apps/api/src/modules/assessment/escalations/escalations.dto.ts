import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ESCALATION_ACTIONS,
  ESCALATION_CATEGORIES,
  ESCALATION_CHANNELS,
  ESCALATION_STATUSES,
  type EscalationAction,
  type EscalationCategory,
  type EscalationChannel,
  type EscalationStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';
import { VersionedDto } from '../improvement/improvement.dto';

export class ReportEscalationDto {
  @ApiProperty({ enum: ESCALATION_CATEGORIES })
  @IsIn(ESCALATION_CATEGORIES)
  category: EscalationCategory;

  @ApiProperty({ maxLength: 5000, example: '教学楼东侧楼梯扶手松动，存在安全隐患' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;

  @ApiProperty({ maxLength: 5000, example: '请总务处本周内加固' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  proposedSolution: string;

  @ApiProperty({ enum: ESCALATION_CHANNELS })
  @IsIn(ESCALATION_CHANNELS)
  channel: EscalationChannel;
}

export class AnswerEscalationDto extends VersionedDto {
  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  answer: string;
}

export class SetEscalationRouteDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  leaderId: string;

  @ApiProperty({ minimum: 1, maximum: 60 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  answerWorkingDays: number;
}

export class EscalationRouteDto {
  @ApiProperty({ enum: ESCALATION_CATEGORIES })
  category: EscalationCategory;

  @ApiProperty({ type: RefDto, nullable: true, description: 'Null while no leader is set for the category' })
  leader: RefDto | null;

  @ApiProperty()
  answerWorkingDays: number;
}

export class EscalationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ESCALATION_CATEGORIES })
  category: EscalationCategory;

  @ApiProperty()
  description: string;

  @ApiProperty()
  proposedSolution: string;

  @ApiProperty({ enum: ESCALATION_CHANNELS })
  channel: EscalationChannel;

  @ApiProperty({ type: RefDto })
  reportedBy: RefDto;

  @ApiProperty({ type: RefDto })
  leader: RefDto;

  @ApiProperty({ enum: ESCALATION_STATUSES })
  status: EscalationStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  dueAt: Date;

  @ApiProperty({ type: String, nullable: true })
  answer: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: Date | null;

  /** Unanswered past its due time, or answered after it. */
  @ApiProperty()
  overdue: boolean;

  @ApiProperty({ enum: ESCALATION_ACTIONS, isArray: true })
  actions: EscalationAction[];

  @ApiProperty()
  version: number;
}

export class QueryEscalationsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ESCALATION_STATUSES })
  @IsOptional()
  @IsIn(ESCALATION_STATUSES)
  status?: EscalationStatus;

  @ApiPropertyOptional({ enum: ESCALATION_CATEGORIES })
  @IsOptional()
  @IsIn(ESCALATION_CATEGORIES)
  category?: EscalationCategory;

  @ApiPropertyOptional({ description: 'Only those past their due time' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  overdue?: boolean;
}
