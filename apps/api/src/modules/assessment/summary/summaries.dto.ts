import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUMMARY_ACTIONS, SUMMARY_MONTH_PATTERN, SUMMARY_STATUSES, type SummaryAction, type SummaryStatus } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

export class SummaryFigureDto {
  /** `${section}.${name}`, e.g. documents.incomingHandled. */
  @ApiProperty({ example: 'documents.incomingHandled' })
  key: string;

  @ApiProperty({ enum: ['count', 'percent', 'hours'] })
  unit: 'count' | 'percent' | 'hours';

  /** Null: nothing to measure this month (no data), e.g. an on-time rate when nothing was handled. */
  @ApiProperty({ type: Number, nullable: true })
  value: number | null;
}

export class SummarySectionDto {
  @ApiProperty({ example: 'documents' })
  key: string;

  @ApiProperty({ type: [SummaryFigureDto] })
  figures: SummaryFigureDto[];
}

/** REQ-4: one kind of work's response and handling times, in hours, over the items completed in the month. */
export class ServiceTimeDto {
  @ApiProperty({ example: 'repairs' })
  kind: string;

  @ApiProperty()
  completed: number;

  @ApiProperty({ type: Number, nullable: true })
  responseMedianHours: number | null;

  @ApiProperty({ type: Number, nullable: true })
  responseP90Hours: number | null;

  @ApiProperty({ type: Number, nullable: true })
  handlingMedianHours: number | null;

  @ApiProperty({ type: Number, nullable: true })
  handlingP90Hours: number | null;
}

export class SummarySnapshotDto {
  @ApiProperty({ example: '2026-03' })
  month: string;

  @ApiProperty({ format: 'date-time' })
  from: string;

  @ApiProperty({ format: 'date-time' })
  to: string;

  @ApiProperty({ example: 'Asia/Shanghai' })
  timeZone: string;

  @ApiProperty({ type: [SummarySectionDto] })
  sections: SummarySectionDto[];

  @ApiProperty({ type: [ServiceTimeDto] })
  serviceTimes: ServiceTimeDto[];
}

export class SummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-03' })
  month: string;

  @ApiProperty({ enum: SUMMARY_STATUSES })
  status: SummaryStatus;

  /** The figures as compiled at `compiledAt`; null until the first compile. */
  @ApiProperty({ type: SummarySnapshotDto, nullable: true })
  figures: SummarySnapshotDto | null;

  @ApiProperty({ type: Date, nullable: true })
  compiledAt: Date | null;

  @ApiProperty()
  narrative: string;

  @ApiProperty({ type: String, nullable: true })
  returnReason: string | null;

  @ApiProperty({ type: Date, nullable: true })
  submittedAt: Date | null;

  @ApiProperty({ type: RefDto, nullable: true })
  submittedBy: RefDto | null;

  @ApiProperty({ type: Date, nullable: true })
  reviewedAt: Date | null;

  @ApiProperty({ type: RefDto, nullable: true })
  reviewedBy: RefDto | null;

  @ApiProperty({ type: Date, nullable: true })
  archivedAt: Date | null;

  /** What the caller may do now, given the status and their permissions. */
  @ApiProperty({ enum: SUMMARY_ACTIONS, isArray: true })
  actions: SummaryAction[];

  @ApiProperty()
  version: number;
}

export class QuerySummariesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUMMARY_STATUSES })
  @IsOptional()
  @IsIn(SUMMARY_STATUSES)
  status?: SummaryStatus;
}

export class OpenSummaryDto {
  /** The month to summarise, e.g. 2026-03; it must have begun. */
  @ApiProperty({ example: '2026-03', pattern: SUMMARY_MONTH_PATTERN.source })
  @IsString()
  @Matches(SUMMARY_MONTH_PATTERN, { message: 'month must be a month like 2026-03' })
  month: string;
}

export class VersionedSummaryDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class WriteNarrativeDto extends VersionedSummaryDto {
  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MaxLength(20000)
  narrative: string;
}

export class ReturnSummaryDto extends VersionedSummaryDto {
  @ApiProperty({ maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}
