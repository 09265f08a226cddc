import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTICE_CHANNELS,
  NOTICE_PERSONAL_CHANNELS,
  NOTICE_STATUSES,
  type NoticeChannel,
  type NoticePersonalChannel,
  type NoticeStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { FindingDecisionDto } from '../desensitisation/desensitisation.dto';
import { trim } from '../../../platform/http/transforms';

/** Who the notice is for: all staff, or chosen departments (with their sub-departments), roles and persons. */
export class NoticeAudienceDto {
  @ApiProperty({ description: 'Every active member of staff' })
  @IsBoolean()
  allStaff: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  roleIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true })
  userIds?: string[];
}

export class NoticeDraftDto {
  @ApiProperty({ maxLength: 200, example: '关于寒假放假安排的通知' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 50000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50000)
  body: string;

  @ApiProperty({ type: NoticeAudienceDto })
  // ValidateNested alone lets a missing audience through (found by the 200-per-operation fuzz run).
  @IsObject()
  @ValidateNested()
  @Type(() => NoticeAudienceDto)
  audience: NoticeAudienceDto;

  /** Per-person channels (in-app, email, SMS, WeChat) and the website feed; at least one per-person channel. */
  @ApiProperty({ enum: NOTICE_CHANNELS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(NOTICE_CHANNELS, { each: true })
  channels: NoticeChannel[];

  @ApiPropertyOptional({ description: '回执: ask recipients to confirm they have read it' })
  @IsOptional()
  @IsBoolean()
  asksConfirmation?: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsDateString()
  expiresAt?: string | null;

  /** The author's decisions on personal data found in the title and body (INF-2). */
  @ApiPropertyOptional({ type: [FindingDecisionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => FindingDecisionDto)
  decisions?: FindingDecisionDto[];
}

export class UpdateNoticeDto extends NoticeDraftDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class CorrectNoticeDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiProperty({ maxLength: 50000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50000)
  body: string;

  /** 勘误说明 */
  @ApiProperty({ maxLength: 500 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ type: [FindingDecisionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => FindingDecisionDto)
  decisions?: FindingDecisionDto[];

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class ResendNoticeDto {
  /** The channel to resend on; by default the notice's own per-person channels. A fallback (e.g. email when SMS failed) is any other. */
  @ApiPropertyOptional({ enum: NOTICE_PERSONAL_CHANNELS })
  @IsOptional()
  @IsIn(NOTICE_PERSONAL_CHANNELS)
  channel?: NoticePersonalChannel;
}

export class QueryNoticesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTICE_STATUSES })
  @IsOptional()
  @IsIn(NOTICE_STATUSES)
  status?: NoticeStatus;
}

export class NoticeAudienceViewDto {
  @ApiProperty()
  allStaff: boolean;

  @ApiProperty({ type: [RefDto] })
  departments: RefDto[];

  @ApiProperty({ type: [RefDto] })
  roles: RefDto[];

  @ApiProperty({ type: [RefDto] })
  users: RefDto[];
}

export class NoticeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: NOTICE_STATUSES })
  status: NoticeStatus;

  @ApiProperty({ enum: NOTICE_CHANNELS, isArray: true })
  channels: NoticeChannel[];

  @ApiProperty()
  asksConfirmation: boolean;

  @ApiProperty()
  isPublic: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;

  @ApiProperty({ description: 'Past its expiry: gone from the feed' })
  expired: boolean;

  @ApiProperty({ type: RefDto })
  createdBy: RefDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty()
  revision: number;

  @ApiProperty()
  version: number;

  /** For a recipient: when they confirmed; null if not yet or not a recipient. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  myConfirmedAt: string | null;

  @ApiProperty({ description: 'The viewer is among the recipients' })
  iAmRecipient: boolean;
}

export class StoredDecisionDto {
  @ApiProperty()
  key: string;

  @ApiProperty({ enum: ['mask', 'keep'] })
  action: 'mask' | 'keep';

  @ApiPropertyOptional()
  reason?: string;
}

export class NoticeRevisionDto {
  @ApiProperty()
  revision: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty()
  correctionReason: string;

  @ApiProperty({ type: RefDto })
  correctedBy: RefDto;

  @ApiProperty({ format: 'date-time' })
  correctedAt: string;
}

export class NoticeDetailDto extends NoticeDto {
  @ApiProperty()
  body: string;

  @ApiProperty({ type: NoticeAudienceViewDto })
  audience: NoticeAudienceViewDto;

  /** The author's decisions on personal data (INF-2). */
  @ApiProperty({ type: [StoredDecisionDto] })
  decisions: StoredDecisionDto[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  approvalRequestId: string | null;

  @ApiProperty({ type: String, nullable: true })
  rejectionNote: string | null;

  /** Earlier texts, newest first (INF-4). */
  @ApiProperty({ type: [NoticeRevisionDto] })
  revisions: NoticeRevisionDto[];
}

export class ChannelStatusCountsDto {
  @ApiProperty({ enum: NOTICE_CHANNELS })
  channel: string;

  @ApiProperty()
  queued: number;

  @ApiProperty()
  sent: number;

  @ApiProperty()
  delivered: number;

  @ApiProperty()
  read: number;

  @ApiProperty()
  failed: number;
}

export class DepartmentCoverageDto {
  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty()
  intended: number;

  @ApiProperty()
  reached: number;
}

export class RecipientDeliveryDto {
  @ApiProperty()
  channel: string;

  @ApiProperty({ enum: ['queued', 'sent', 'delivered', 'read', 'failed'] })
  status: string;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;
}

export class UnreachedRecipientDto {
  @ApiProperty({ type: RefDto })
  user: RefDto;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty()
  reminders: number;

  @ApiProperty({ type: [RecipientDeliveryDto] })
  deliveries: RecipientDeliveryDto[];
}

export class NoticeCoverageDto {
  @ApiProperty()
  intended: number;

  @ApiProperty()
  reached: number;

  @ApiProperty()
  confirmed: number;

  @ApiProperty({ type: [DepartmentCoverageDto] })
  byDepartment: DepartmentCoverageDto[];

  @ApiProperty({ type: [ChannelStatusCountsDto], description: 'Per-person channels: deliveries by status' })
  channels: ChannelStatusCountsDto[];

  @ApiProperty({ description: 'The website posting: on the public feed now' })
  onWebsite: boolean;

  @ApiProperty({ type: [UnreachedRecipientDto] })
  unreached: UnreachedRecipientDto[];
}

export class ResendResultDto {
  @ApiProperty({ description: 'Persons reminded now' })
  resent: number;

  @ApiProperty({ description: 'Unreached persons left out: they had the most reminders allowed' })
  capped: number;

  @ApiProperty({ description: 'Deliveries queued' })
  deliveries: number;
}
