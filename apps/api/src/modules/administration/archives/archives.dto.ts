import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ARCHIVE_CATEGORY_CODE_PATTERN,
  ARCHIVE_CODE_PATTERN,
  ARCHIVE_CONDITIONS,
  ARCHIVE_ORG_MODES,
  DOCUMENT_TYPES,
  RETENTION_PERIODS,
  SECRECY_LEVELS,
  type ArchiveCondition,
  type ArchiveOrgMode,
  type RetentionPeriod,
  type SecrecyLevel,
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
import { FileDto } from '../../../platform/files/files.dto';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

// ---------- classification (ADM-7) ----------

/** The archive's settings: 全宗号 and 机构/问题. */
export class ArchiveSettingsDto {
  @ApiProperty({ example: 'Z001', description: '全宗号' })
  fondsCode: string;

  @ApiProperty({ example: '某某市第一中学', description: '全宗名称' })
  fondsName: string;

  @ApiProperty({ enum: ARCHIVE_ORG_MODES, description: 'Whether the 4th part of a 档号 names a department (机构) or a subject (问题)' })
  orgMode: ArchiveOrgMode;

  @ApiProperty()
  version: number;
}

export class UpdateArchiveSettingsDto {
  @ApiPropertyOptional({ example: 'Z001', description: '全宗号: upper-case letters and digits' })
  @IsOptional()
  @Transform(upper)
  @Matches(ARCHIVE_CODE_PATTERN, { message: 'fondsCode must be 1 to 10 upper-case letters or digits' })
  fondsCode?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  fondsName?: string;

  @ApiPropertyOptional({ enum: ARCHIVE_ORG_MODES })
  @IsOptional()
  @IsIn(ARCHIVE_ORG_MODES)
  orgMode?: ArchiveOrgMode;

  @ApiProperty()
  @IsInt()
  version: number;
}

/** A 门类, e.g. 文书 WS. */
export class ArchiveCategoryDto {
  @ApiProperty({ example: 'WS' })
  code: string;

  @ApiProperty({ example: '文书' })
  name: string;

  @ApiProperty()
  sortOrder: number;

  @ApiProperty()
  active: boolean;
}

export class CreateArchiveCategoryDto {
  @ApiProperty({ example: 'DY', description: '门类代码: 2 to 4 upper-case letters' })
  @Transform(upper)
  @Matches(ARCHIVE_CATEGORY_CODE_PATTERN, { message: 'code must be 2 to 4 upper-case letters' })
  code: string;

  @ApiProperty({ example: '党务', maxLength: 40 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  name: string;
}

/** A 机构代码 (or 问题代码). */
export class ArchiveOrgCodeDto {
  @ApiProperty({ example: 'BGS' })
  code: string;

  @ApiProperty({ example: '办公室' })
  name: string;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;
}

export class CreateArchiveOrgCodeDto {
  @ApiProperty({ example: 'JWC' })
  @Transform(upper)
  @Matches(ARCHIVE_CODE_PATTERN, { message: 'code must be 1 to 10 upper-case letters or digits' })
  code: string;

  @ApiProperty({ example: '教务处', maxLength: 60 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The department this code stands for (机构)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

/** A row of the retention schedule (归档范围与保管期限表). */
export class ArchiveRetentionRuleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'WS' })
  categoryCode: string;

  @ApiProperty({ example: '学校党政领导班子会议纪要' })
  scope: string;

  @ApiProperty({ enum: RETENTION_PERIODS })
  retention: RetentionPeriod;

  @ApiProperty({ enum: DOCUMENT_TYPES, nullable: true, type: String })
  documentType: string | null;

  @ApiProperty()
  sortOrder: number;

  @ApiProperty()
  version: number;
}

export class CreateArchiveRetentionRuleDto {
  @ApiProperty({ example: 'WS' })
  @Transform(upper)
  @Matches(ARCHIVE_CATEGORY_CODE_PATTERN, { message: 'categoryCode must be a 门类代码' })
  categoryCode: string;

  @ApiProperty({ maxLength: 300 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  scope: string;

  @ApiProperty({ enum: RETENTION_PERIODS })
  @IsIn(RETENTION_PERIODS)
  retention: RetentionPeriod;

  @ApiPropertyOptional({ enum: DOCUMENT_TYPES, description: 'Filing a document of this type defaults to this row' })
  @IsOptional()
  @IsIn(DOCUMENT_TYPES)
  documentType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  sortOrder?: number;
}

export class UpdateArchiveRetentionRuleDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  scope?: string;

  @ApiPropertyOptional({ enum: RETENTION_PERIODS })
  @IsOptional()
  @IsIn(RETENTION_PERIODS)
  retention?: RetentionPeriod;

  @ApiPropertyOptional({ enum: DOCUMENT_TYPES, nullable: true, type: String })
  @IsOptional()
  @IsIn([...DOCUMENT_TYPES, null])
  documentType?: string | null;

  @ApiProperty()
  @IsInt()
  version: number;
}

/** Everything the classification page shows at once. */
export class ArchiveClassificationDto {
  @ApiProperty({ type: ArchiveSettingsDto })
  settings: ArchiveSettingsDto;

  @ApiProperty({ type: [ArchiveCategoryDto] })
  categories: ArchiveCategoryDto[];

  @ApiProperty({ type: [ArchiveOrgCodeDto] })
  orgCodes: ArchiveOrgCodeDto[];

  @ApiProperty({ type: [ArchiveRetentionRuleDto] })
  schedule: ArchiveRetentionRuleDto[];
}

// ---------- items (ADM-8) ----------

/** The catalogue fields of an item (归档文件目录) and its accession (入库). */
export class AccessionArchiveItemDto {
  @ApiProperty({ example: 'WS', description: '门类代码' })
  @Transform(upper)
  @Matches(ARCHIVE_CATEGORY_CODE_PATTERN, { message: 'categoryCode must be a 门类代码' })
  categoryCode: string;

  @ApiProperty({ example: 2026, description: '年度' })
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(9999)
  year: number;

  @ApiProperty({ enum: RETENTION_PERIODS, description: '保管期限' })
  @IsIn(RETENTION_PERIODS)
  retention: RetentionPeriod;

  @ApiProperty({ example: 'BGS', description: '机构代码 (or 问题代码)' })
  @Transform(upper)
  @Matches(ARCHIVE_CODE_PATTERN, { message: 'orgCode must be an 机构/问题 code' })
  orgCode: string;

  @ApiPropertyOptional({ maxLength: 100, description: '文号' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  documentNumber?: string;

  @ApiProperty({ maxLength: 100, description: '责任者' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  responsible: string;

  @ApiProperty({ maxLength: 300, description: '题名' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ format: 'date', example: '2026-03-05', description: '日期' })
  @IsDateString({ strict: true })
  documentDate: string;

  @ApiPropertyOptional({ enum: SECRECY_LEVELS, default: 'none', description: '密级' })
  @IsOptional()
  @IsIn(SECRECY_LEVELS)
  secrecy?: SecrecyLevel;

  @ApiPropertyOptional({ default: 0, description: '页数' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  pages?: number;

  @ApiPropertyOptional({ maxLength: 500, description: '备注' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  remarks?: string;

  @ApiProperty({ description: '入库: disinfection was done (已消毒)' })
  @IsBoolean()
  disinfected: boolean;

  @ApiProperty({ enum: ARCHIVE_CONDITIONS, description: '入库: the condition it arrived in' })
  @IsIn(ARCHIVE_CONDITIONS)
  condition: ArchiveCondition;

  @ApiPropertyOptional({ description: '盒号 within the item’s class; the box is made when it is the first item in it' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(99_999)
  boxNumber?: number;

  @ApiPropertyOptional({ maxLength: 50, description: '架位, e.g. 3排2列4层' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  shelf?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Digitised files: drafts uploaded through /files' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  fileIds?: string[];
}

export class QueryArchiveItemsDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'WS' })
  @IsOptional()
  @Transform(upper)
  @Matches(ARCHIVE_CATEGORY_CODE_PATTERN)
  categoryCode?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(9999)
  year?: number;

  @ApiPropertyOptional({ enum: RETENTION_PERIODS })
  @IsOptional()
  @IsIn(RETENTION_PERIODS)
  retention?: RetentionPeriod;

  @ApiPropertyOptional({ example: 'BGS' })
  @IsOptional()
  @Transform(upper)
  @Matches(ARCHIVE_CODE_PATTERN)
  orgCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Items in this box' })
  @IsOptional()
  @IsUUID()
  boxId?: string;
}

export class ArchiveItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Z001-WS·2026-Y-BGS-0001', description: '档号' })
  archiveNumber: string;

  @ApiProperty({ example: 'Z001' })
  fondsCode: string;

  @ApiProperty({ example: 'WS' })
  categoryCode: string;

  @ApiProperty({ example: '文书' })
  categoryName: string;

  @ApiProperty()
  year: number;

  @ApiProperty({ enum: RETENTION_PERIODS })
  retention: RetentionPeriod;

  @ApiProperty({ example: 'BGS' })
  orgCode: string;

  @ApiProperty({ description: '件号 (the catalogue’s 序号 within the class)' })
  seq: number;

  @ApiProperty({ type: String, nullable: true, description: '文号' })
  documentNumber: string | null;

  @ApiProperty({ description: '责任者' })
  responsible: string;

  @ApiProperty({ description: '题名' })
  title: string;

  @ApiProperty({ format: 'date' })
  documentDate: string;

  @ApiProperty({ example: '20260305', description: '日期 as the catalogue prints it (YYYYMMDD)' })
  catalogueDate: string;

  @ApiProperty({ enum: SECRECY_LEVELS })
  secrecy: SecrecyLevel;

  @ApiProperty()
  pages: number;

  @ApiProperty({ type: String, nullable: true })
  remarks: string | null;

  @ApiProperty()
  disinfected: boolean;

  @ApiProperty({ enum: ARCHIVE_CONDITIONS })
  condition: ArchiveCondition;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  boxId: string | null;

  @ApiProperty({ type: Number, nullable: true, description: '盒号' })
  boxNumber: number | null;

  @ApiProperty({ type: String, nullable: true })
  shelf: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'incoming-document', description: 'Filed from this kind of document (DOC-11)' })
  sourceKind: string | null;

  @ApiProperty({ format: 'uuid', type: String, nullable: true })
  sourceId: string | null;

  @ApiProperty({ type: RefDto })
  accessionedBy: RefDto;

  @ApiProperty({ format: 'date-time' })
  accessionedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  destroyedAt: string | null;

  @ApiProperty()
  version: number;
}

export class ArchiveHistoryEntryDto {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'document.incoming.register' })
  action: string;

  @ApiProperty({ type: String, nullable: true })
  actor: string | null;
}

export class ArchiveItemDetailDto extends ArchiveItemDto {
  @ApiProperty({ type: [FileDto], description: 'Digitised files, with their SHA-256' })
  files: FileDto[];

  @ApiProperty({ type: [ArchiveHistoryEntryDto], description: 'The document’s history when it was filed from documents' })
  history: ArchiveHistoryEntryDto[];
}

// ---------- boxes ----------

export class QueryArchiveBoxesDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'WS' })
  @IsOptional()
  @Transform(upper)
  @Matches(ARCHIVE_CATEGORY_CODE_PATTERN)
  categoryCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(9999)
  year?: number;
}

/** A box with its spine (全宗号, 年度, 期限, 起止件号, 盒号) and its 备考表. */
export class ArchiveBoxDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  fondsCode: string;

  @ApiProperty()
  categoryCode: string;

  @ApiProperty()
  categoryName: string;

  @ApiProperty()
  year: number;

  @ApiProperty({ enum: RETENTION_PERIODS })
  retention: RetentionPeriod;

  @ApiProperty()
  orgCode: string;

  @ApiProperty({ description: '盒号' })
  boxNumber: number;

  @ApiProperty({ type: Number, nullable: true, description: '起件号 of the items the viewer may see in it' })
  firstSeq: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '止件号' })
  lastSeq: number | null;

  @ApiProperty()
  itemCount: number;

  @ApiProperty({ type: String, nullable: true, description: '备考表: 整理人' })
  organiser: string | null;

  @ApiProperty({ type: String, nullable: true, description: '备考表: 检查人' })
  checker: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: '备考表: 日期' })
  checkedOn: string | null;

  @ApiProperty({ type: String, nullable: true, description: '备考表: 情况说明' })
  note: string | null;

  @ApiProperty()
  version: number;
}

/** The 备考表 of a box. */
export class UpdateArchiveBoxDto {
  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  organiser?: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  checker?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  checkedOn?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiProperty()
  @IsInt()
  version: number;
}

// ---------- filing from documents (DOC-11) ----------

/** A document ready to file, with what filing it would default to. */
export class ArchiveFilingCandidateDto {
  @ApiProperty({ example: 'incoming-document' })
  kind: string;

  @ApiProperty({ example: '收文' })
  kindLabel: string;

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  number: string | null;

  @ApiProperty({ description: 'Empty when above the viewer’s clearance' })
  title: string;

  @ApiProperty()
  titleHidden: boolean;

  @ApiProperty({ enum: SECRECY_LEVELS })
  secrecy: SecrecyLevel;

  @ApiProperty({ format: 'date' })
  documentDate: string;

  @ApiProperty({ format: 'date-time' })
  readyToFileAt: string;

  @ApiProperty({ example: 'WS', description: 'Default 门类: from the retention schedule' })
  categoryCode: string;

  @ApiProperty({ enum: RETENTION_PERIODS, description: 'Default 保管期限: the schedule’s, else the document’s own' })
  retention: RetentionPeriod;

  @ApiProperty({ example: 'BGS', nullable: true, type: String, description: 'Default 机构代码' })
  orgCode: string | null;

  @ApiProperty()
  year: number;
}

export class FileDocumentIntoArchiveDto {
  @ApiProperty({ example: 'incoming-document' })
  @IsString()
  @IsIn(['incoming-document', 'outgoing-document'])
  kind: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  documentId: string;

  @ApiPropertyOptional({ example: 'WS', description: 'Default: from the retention schedule' })
  @IsOptional()
  @Transform(upper)
  @Matches(ARCHIVE_CATEGORY_CODE_PATTERN)
  categoryCode?: string;

  @ApiPropertyOptional({ enum: RETENTION_PERIODS, description: 'Default: the schedule’s, else the document’s' })
  @IsOptional()
  @IsIn(RETENTION_PERIODS)
  retention?: RetentionPeriod;

  @ApiPropertyOptional({ example: 'BGS', description: 'Default: the code of the office’s department, else the first code' })
  @IsOptional()
  @Transform(upper)
  @Matches(ARCHIVE_CODE_PATTERN)
  orgCode?: string;

  @ApiPropertyOptional({ description: '入库: disinfection done', default: false })
  @IsOptional()
  @IsBoolean()
  disinfected?: boolean;

  @ApiPropertyOptional({ enum: ARCHIVE_CONDITIONS, default: 'good' })
  @IsOptional()
  @IsIn(ARCHIVE_CONDITIONS)
  condition?: ArchiveCondition;

  @ApiPropertyOptional({ description: '盒号' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(99_999)
  boxNumber?: number;

  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  shelf?: string;
}

export class ArchiveBackupRestoredDto {
  @ApiProperty({ description: 'Catalogue rows put back' })
  items: number;

  @ApiProperty({ description: 'Digitised files put back' })
  files: number;
}
