import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  BOARD_POSTING_ACTIONS,
  BOARD_POSTING_STATUSES,
  NOTICE_CHANNELS,
  NOTICE_ROBOT_KINDS,
  ROBOT_POST_STATUSES,
  type BoardPostingAction,
  type BoardPostingStatus,
  type NoticeRobotKind,
  type RobotPostStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AttachmentDto } from '../../../platform/files/files.dto';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// ---------- boards ----------

export class CreateBoardDto {
  @ApiProperty({ maxLength: 100, example: '教学楼一楼大厅公告栏' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ maxLength: 200, example: '教学楼A栋一楼大厅东侧' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  location: string;

  /** Told when a posting on the board is due for removal. */
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  keeperId?: string | null;

  /** ISO weekday of the weekly cleaning (1 = Monday … 7 = Sunday); none for no schedule. */
  @ApiPropertyOptional({ minimum: 1, maximum: 7, nullable: true, type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7)
  cleaningWeekday?: number | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateBoardDto extends PartialType(CreateBoardDto) {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class QueryBoardsDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only active (true) or inactive (false) boards' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class BoardDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  location: string;

  @ApiProperty({ type: RefDto, nullable: true })
  keeper: RefDto | null;

  @ApiProperty({ type: Number, nullable: true })
  cleaningWeekday: number | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  version: number;

  /** Postings on the board now (to post, posted, or due for removal). */
  @ApiProperty()
  openPostings: number;

  /** Postings flagged for removal and not removed yet. */
  @ApiProperty()
  removalDue: number;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  lastCheckedOn: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  lastCleanedOn: string | null;

  /** The next cleaning day by the schedule (today if today is the day and it is not recorded yet). */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  nextCleaningOn: string | null;

  /** The last scheduled cleaning day passed with no cleaning recorded. */
  @ApiProperty()
  cleaningOverdue: boolean;

  /** Today's daily check is recorded. */
  @ApiProperty()
  checkedToday: boolean;
}

// ---------- postings ----------

export class CreatePostingDto {
  /** A published notice. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  noticeId: string;

  /** When it comes down; the notice's expiry by default. */
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsDateString()
  expiresAt?: string | null;
}

export class PostingActionDto {
  @ApiProperty({ enum: BOARD_POSTING_ACTIONS })
  @IsIn(BOARD_POSTING_ACTIONS)
  action: BoardPostingAction;
}

export class QueryPostingsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BOARD_POSTING_STATUSES })
  @IsOptional()
  @IsIn(BOARD_POSTING_STATUSES)
  status?: BoardPostingStatus;
}

export class PostingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto })
  board: RefDto;

  @ApiProperty({ type: RefDto, description: 'The notice: id and title' })
  notice: RefDto;

  @ApiProperty({ enum: BOARD_POSTING_STATUSES })
  status: BoardPostingStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  postedAt: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  postedBy: RefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  flaggedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  removedAt: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  removedBy: RefDto | null;

  /** The moves legal now (libs/shared BOARD_POSTING_TRANSITIONS). */
  @ApiProperty({ enum: BOARD_POSTING_ACTIONS, isArray: true })
  actions: BoardPostingAction[];
}

// ---------- checks and cleanings ----------

export class CreateBoardCheckDto {
  /** The school day checked; today by default. */
  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-12-04' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'checkDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  checkDate?: string;

  @ApiProperty()
  @IsBoolean()
  tidy: boolean;

  @ApiProperty()
  @IsBoolean()
  undamaged: boolean;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  remark?: string;

  /** Photos uploaded through /api/v1/files (drafts of the one recording the check). */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  photoIds?: string[];
}

export class BoardCheckDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'date' })
  checkDate: string;

  @ApiProperty()
  tidy: boolean;

  @ApiProperty()
  undamaged: boolean;

  @ApiProperty({ type: String, nullable: true })
  remark: string | null;

  @ApiProperty({ type: RefDto })
  checkedBy: RefDto;

  @ApiProperty({ type: String, format: 'date-time' })
  checkedAt: string;

  @ApiProperty({ type: [AttachmentDto] })
  photos: AttachmentDto[];
}

export class CreateCleaningDto {
  /** The day it was cleaned; today by default. */
  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'cleanedOn must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  cleanedOn?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  remark?: string;
}

export class BoardCleaningDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'date' })
  cleanedOn: string;

  @ApiProperty({ type: String, nullable: true })
  remark: string | null;

  @ApiProperty({ type: RefDto })
  cleanedBy: RefDto;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt: string;
}

export class FlagExpiredResultDto {
  @ApiProperty({ description: 'Postings flagged for removal by this run' })
  flagged: number;
}

// ---------- robots ----------

export class CreateRobotDto {
  @ApiProperty({ enum: NOTICE_ROBOT_KINDS })
  @IsIn(NOTICE_ROBOT_KINDS)
  kind: NoticeRobotKind;

  @ApiProperty({ maxLength: 100, example: '全体教职工群' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  /** The robot's webhook (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… or https://oapi.dingtalk.com/robot/send?access_token=…). */
  @ApiProperty({ maxLength: 500 })
  @Transform(trim)
  @Matches(/^https?:\/\/\S+$/i, { message: 'webhookUrl must be an http(s) URL' })
  @MaxLength(500)
  webhookUrl: string;

  /** DingTalk's 加签 secret (SEC…): required for DingTalk robots. */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  secret?: string;

  /** A 自定义关键词 the robot requires in every message. */
  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  keyword?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateRobotDto extends PartialType(CreateRobotDto) {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class RobotDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTICE_ROBOT_KINDS })
  kind: NoticeRobotKind;

  @ApiProperty()
  name: string;

  /** The webhook with its key hidden. */
  @ApiProperty()
  webhookUrlMasked: string;

  @ApiProperty()
  hasSecret: boolean;

  @ApiProperty({ type: String, nullable: true })
  keyword: string | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  version: number;
}

export class RobotPostDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto })
  robot: RefDto;

  @ApiProperty({ enum: NOTICE_ROBOT_KINDS })
  kind: NoticeRobotKind;

  @ApiProperty({ enum: ROBOT_POST_STATUSES })
  status: RobotPostStatus;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
}

/** A notice's broadcast postings: one per board and one per robot, each with its own status. */
export class NoticeBroadcastsDto {
  @ApiProperty({ type: [PostingDto] })
  boards: PostingDto[];

  @ApiProperty({ type: [RobotPostDto] })
  robots: RobotPostDto[];
}

// ---------- link checker (INF-5) ----------

export class QueryLinksDto extends PageQueryDto {
  /** Only broken links (the default), or every checked link with `false`. */
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  brokenOnly?: boolean;
}

export class NoticeLinkDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto, description: 'The notice: id and title' })
  notice: RefDto;

  @ApiProperty()
  url: string;

  @ApiProperty()
  ok: boolean;

  @ApiProperty({ type: Number, nullable: true })
  httpStatus: number | null;

  @ApiProperty({ type: String, nullable: true })
  error: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  checkedAt: string;
}

export class LinkCheckResultDto {
  @ApiProperty()
  checked: number;

  @ApiProperty()
  broken: number;
}

// ---------- effect of publishing (INF-8) ----------

export class EffectPointDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'End of the bucket' })
  at: string;

  @ApiProperty({ description: 'Distinct recipients delivered to by then (cumulative)' })
  delivered: number;

  @ApiProperty({ description: 'Distinct recipients who had read it by then (cumulative)' })
  read: number;
}

export class ChannelEffectDto {
  @ApiProperty({ enum: NOTICE_CHANNELS })
  channel: string;

  /** Recipients the channel carried the notice to (a delivery was made for them). */
  @ApiProperty()
  intended: number;

  @ApiProperty()
  delivered: number;

  @ApiProperty()
  read: number;

  @ApiProperty()
  failed: number;

  /** delivered / intended, 0–1. */
  @ApiProperty()
  deliveredRate: number;

  /** read / intended, 0–1. */
  @ApiProperty()
  readRate: number;

  @ApiProperty({ type: [EffectPointDto] })
  points: EffectPointDto[];
}

export class ReachPointDto {
  @ApiProperty({ type: String, format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'Recipients reached by then (INF-3 rule), cumulative' })
  reached: number;

  @ApiProperty({ description: 'Read confirmations by then, cumulative' })
  confirmed: number;
}

export class NoticeEffectDto {
  @ApiProperty({ enum: ['hour', 'day'] })
  bucket: 'hour' | 'day';

  @ApiProperty({ type: String, format: 'date-time' })
  publishedAt: string;

  @ApiProperty()
  intended: number;

  @ApiProperty()
  reached: number;

  @ApiProperty()
  confirmed: number;

  /** reached / intended, 0–1. */
  @ApiProperty()
  reachRate: number;

  @ApiProperty({ type: [ReachPointDto] })
  reach: ReachPointDto[];

  @ApiProperty({ type: [ChannelEffectDto] })
  channels: ChannelEffectDto[];
}
