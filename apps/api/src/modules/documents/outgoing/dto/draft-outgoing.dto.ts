import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  DOCUMENT_SECRECY_LEVELS,
  DOCUMENT_TYPES,
  DOCUMENT_URGENCIES,
  OUTGOING_DIRECTIONS,
  RETENTION_PERIODS,
  type DocumentSecrecy,
  type DocumentType,
  type DocumentUrgency,
  type OutgoingDirection,
  type RetentionPeriod,
} from '@xiaoban/shared';
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
import { trim } from '../../../../platform/http/transforms';

const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '') : value;

/**
 * A draft (拟稿, DOC-7): GB/T 9704's elements. The lint (GET /documents/outgoing/lint-rules) checks
 * them before 签发; the API stores what it is given so that a draft can be saved half done.
 */
export class DraftOutgoingDto {
  /** 文种: one of the 15 kinds of the 条例. */
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES)
  docType: DocumentType;

  /** 行文方向: 上行文 (to a superior), 平行文, 下行文. */
  @ApiProperty({ enum: OUTGOING_DIRECTIONS })
  @IsIn(OUTGOING_DIRECTIONS)
  direction: OutgoingDirection;

  @ApiProperty({ maxLength: 300, example: '关于做好2026年寒假安全工作的通知' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  /** 正文 */
  @ApiPropertyOptional({ maxLength: 100000 })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  body?: string;

  /** An uploaded file (POST /files) holding the 正文, e.g. a DOCX. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  bodyFileId?: string;

  /** 附件: uploaded files (POST /files), in the order of the 附件说明. */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];

  /** 附件说明, e.g. 附件：1. 寒假安全告家长书 */
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  attachmentNote?: string;

  /** 主送机关 */
  @ApiPropertyOptional({ type: [String], example: ['各处室', '各年级组'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Transform(trimAll)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  mainRecipients?: string[];

  /** 抄送机关 */
  @ApiPropertyOptional({ type: [String], example: ['区教育局'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Transform(trimAll)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  ccRecipients?: string[];

  /** 签发人 names; a 上行文 needs them. */
  @ApiPropertyOptional({ type: [String], example: ['张校长'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  signers?: string[];

  @ApiPropertyOptional({ enum: DOCUMENT_SECRECY_LEVELS, default: 'none' })
  @IsOptional()
  @IsIn(DOCUMENT_SECRECY_LEVELS)
  secrecy?: DocumentSecrecy;

  /** 保密期限, e.g. 10年 */
  @ApiPropertyOptional({ maxLength: 30 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(30)
  secrecyPeriod?: string;

  /** 份号: 6 digits on a classified document. */
  @ApiPropertyOptional({ maxLength: 10, example: '000012' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10)
  copyNumber?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_URGENCIES, default: 'normal' })
  @IsOptional()
  @IsIn(DOCUMENT_URGENCIES)
  urgency?: DocumentUrgency;

  /** 发文机关标志, e.g. 某某市第一中学文件 */
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  issuerMark?: string;

  /** 成文日期; the sign-off date when not given. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  writtenOn?: string;

  /** 附注, e.g. 联系人：王芳，电话：0571-88886666 */
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  remark?: string;

  /** 印发机关 */
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  printingOrg?: string;

  /** 印发日期 */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  printedOn?: string;

  /** 保管期限; defaults from the retention schedule by type. */
  @ApiPropertyOptional({ enum: RETENTION_PERIODS })
  @IsOptional()
  @IsIn(RETENTION_PERIODS)
  retention?: RetentionPeriod;

  /** 拟稿部门; the drafter's department by default. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

/** An edit: any of the draft's fields, with the version read (optimistic locking). */
export class UpdateOutgoingDto extends PartialType(DraftOutgoingDto) {
  /** Attached files to take off the document (not the 正文: that is replaced through bodyFileId). */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  removeAttachmentIds?: string[];

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}
