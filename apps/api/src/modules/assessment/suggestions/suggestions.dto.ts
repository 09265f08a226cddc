import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SUGGESTION_ACTIONS,
  SUGGESTION_CATEGORIES,
  SUGGESTION_SOURCES,
  SUGGESTION_STATUSES,
  type SuggestionAction,
  type SuggestionCategory,
  type SuggestionSource,
  type SuggestionStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

/** What the public page sends (ASM-4); a hotline call adds what the caller said of themself. */
export class SubmitSuggestionDto {
  @ApiProperty({ enum: SUGGESTION_CATEGORIES })
  @IsIn(SUGGESTION_CATEGORIES)
  category: SuggestionCategory;

  @ApiProperty({ maxLength: 200, example: '建议延长图书馆晚间开放时间' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  content: string;

  /** Anonymous: no name and no contact are taken, and nothing records who sent it. */
  @ApiProperty()
  @IsBoolean()
  anonymous: boolean;

  @ApiPropertyOptional({ maxLength: 50, description: 'Only when not anonymous' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  submitterName?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'A phone number or e-mail address; only when not anonymous' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  submitterContact?: string;
}

export class LogHotlineCallDto extends SubmitSuggestionDto {
  /** When the call came in; now if omitted. */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  receivedAt?: Date;
}

/** What the submitter keeps: the code to follow the reply (shown once; only its hash is stored). */
export class SuggestionReceiptDto {
  @ApiProperty({ example: 'K7PM-2QXA-9HTD' })
  queryCode: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt: Date;

  @ApiProperty({ format: 'date-time', description: 'The reply is due by then' })
  dueAt: Date;
}

/** What the query code shows: the status and the reply, nothing else (ASM-4). */
export class SuggestionReplyDto {
  @ApiProperty({ enum: SUGGESTION_STATUSES })
  status: SuggestionStatus;

  @ApiProperty()
  subject: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt: Date;

  @ApiProperty({ type: String, nullable: true })
  answer: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: Date | null;
}

export class SuggestionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: SUGGESTION_SOURCES })
  source: SuggestionSource;

  @ApiProperty({ enum: SUGGESTION_CATEGORIES })
  category: SuggestionCategory;

  @ApiProperty()
  subject: string;

  @ApiProperty()
  content: string;

  @ApiProperty()
  anonymous: boolean;

  @ApiProperty({ type: String, nullable: true })
  submitterName: string | null;

  @ApiProperty({ type: String, nullable: true })
  submitterContact: string | null;

  @ApiProperty({ enum: SUGGESTION_STATUSES })
  status: SuggestionStatus;

  @ApiProperty({ format: 'date-time' })
  receivedAt: Date;

  @ApiProperty({ format: 'date-time' })
  dueAt: Date;

  @ApiProperty({ type: RefDto, nullable: true })
  loggedBy: RefDto | null;

  @ApiProperty({ type: RefDto, nullable: true })
  assignee: RefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  assignedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  answer: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: Date | null;

  @ApiProperty({ type: RefDto, nullable: true })
  answeredBy: RefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;

  /** Minutes from arrival to the answer; null while unanswered (the response-time clock). */
  @ApiProperty({ type: Number, nullable: true })
  responseMinutes: number | null;

  /** Past its due time unanswered, or answered after it. */
  @ApiProperty()
  overdue: boolean;

  /** The improvement problem it was promoted to (ASM-5), if any. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  improvementProblemId: string | null;

  @ApiProperty({ enum: SUGGESTION_ACTIONS, isArray: true, description: 'What this person may do next' })
  actions: SuggestionAction[];

  @ApiProperty()
  version: number;
}

export class QuerySuggestionsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES })
  @IsOptional()
  @IsIn(SUGGESTION_STATUSES)
  status?: SuggestionStatus;

  @ApiPropertyOptional({ enum: SUGGESTION_SOURCES })
  @IsOptional()
  @IsIn(SUGGESTION_SOURCES)
  source?: SuggestionSource;

  @ApiPropertyOptional({ description: 'Only those past their response time' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only those assigned to me' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  mine?: boolean;
}

class VersionedDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class AssignSuggestionDto extends VersionedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assigneeId: string;
}

export class AnswerSuggestionDto extends VersionedDto {
  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  answer: string;
}

export class CloseSuggestionDto extends VersionedDto {}

/** Promote to an improvement problem (ASM-5): the subject and content become the problem; nothing of the submitter goes with them. */
export class PromoteSuggestionDto extends VersionedDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'The problem’s title; the suggestion’s subject if omitted' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;
}
