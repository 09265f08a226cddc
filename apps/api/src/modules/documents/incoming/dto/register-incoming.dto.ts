import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_SECRECY_LEVELS,
  DOCUMENT_TYPES,
  DOCUMENT_URGENCIES,
  RETENTION_PERIODS,
  type DocumentSecrecy,
  type DocumentType,
  type DocumentUrgency,
  type RetentionPeriod,
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
import { trim } from '../../../../platform/http/transforms';

/** A registration (收文登记, DOC-1): the elements of the document as received. */
export class RegisterIncomingDto {
  /** 来文字号, e.g. 教基〔2026〕3号. */
  @ApiPropertyOptional({ maxLength: 100, example: '市教〔2026〕15号' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  senderNumber?: string;

  @ApiProperty({ maxLength: 300, example: '关于做好2026年春季学期开学工作的通知' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  /** 来文单位 */
  @ApiProperty({ maxLength: 200, example: '市教育局' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sourceOrg: string;

  /** 文种: one of the 15 kinds of the 条例. */
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES)
  docType: DocumentType;

  @ApiPropertyOptional({ enum: DOCUMENT_SECRECY_LEVELS, default: 'none' })
  @IsOptional()
  @IsIn(DOCUMENT_SECRECY_LEVELS)
  secrecy?: DocumentSecrecy;

  /** 保密期限, required for a classified document, e.g. 10年. */
  @ApiPropertyOptional({ maxLength: 30, example: '10年' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(30)
  secrecyPeriod?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_URGENCIES, default: 'normal' })
  @IsOptional()
  @IsIn(DOCUMENT_URGENCIES)
  urgency?: DocumentUrgency;

  /** 份号, required for a classified document and refused for others: digits, e.g. 000012. */
  @ApiPropertyOptional({ maxLength: 10, example: '000012' })
  @IsOptional()
  @Matches(/^\d{1,10}$/, { message: 'copyNumber must be digits' })
  copyNumber?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  copies?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  pages?: number;

  /** 成文日期 (YYYY-MM-DD). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  writtenOn?: string;

  /** 收文日期 (YYYY-MM-DD); default today in the school's time zone. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  receivedOn?: string;

  /** 签收人, as signed on the receipt; default the registering person. */
  @ApiPropertyOptional({ maxLength: 60 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  signedForBy?: string;

  /** 保管期限; default from the school's retention schedule for the type. */
  @ApiPropertyOptional({ enum: RETENTION_PERIODS })
  @IsOptional()
  @IsIn(RETENTION_PERIODS)
  retention?: RetentionPeriod;

  /** The person responsible for the document; an urgent one notifies them at once (DOC-2). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  /** 重要收文 (DOC-5): routing waits for a school leader's approval. */
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  major?: boolean;

  /** Scanned attachments: files uploaded as drafts (POST /files). */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}
