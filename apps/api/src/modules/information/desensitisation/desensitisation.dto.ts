import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SENSITIVE_KINDS, type SensitiveKind } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../../platform/http/transforms';

const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '') : value;

/** A school keeps its students' names here: a few thousand per list is the expected size. */
export const NAME_LIST_MAX_NAMES = 20_000;
/** The longest text one check takes: a long notice with room to spare. */
export const DESENSITISE_MAX_TEXT = 200_000;

export class CreateNameListDto {
  @ApiProperty({ maxLength: 100, example: '2026级学生名单' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  description?: string;

  /** The names, one per entry; blanks are dropped and duplicates kept once. A name has 2 to 50 characters. */
  @ApiPropertyOptional({ type: [String], maxItems: NAME_LIST_MAX_NAMES, example: ['张三', '欧阳小明'] })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(NAME_LIST_MAX_NAMES)
  @IsString({ each: true })
  @Length(2, 50, { each: true })
  names?: string[];
}

export class UpdateNameListDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  description?: string;

  /** When given, replaces every name on the list. */
  @ApiPropertyOptional({ type: [String], maxItems: NAME_LIST_MAX_NAMES })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(NAME_LIST_MAX_NAMES)
  @IsString({ each: true })
  @Length(2, 50, { each: true })
  names?: string[];

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class NameListDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty()
  nameCount: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty()
  version: number;
}

export class NameListDetailDto extends NameListDto {
  /** The names, in collation order. */
  @ApiProperty({ type: [String] })
  names: string[];
}

export class DesensitiseScanDto {
  @ApiProperty({ maxLength: DESENSITISE_MAX_TEXT, example: '请联系王老师 13812345678。' })
  @IsString()
  @MaxLength(DESENSITISE_MAX_TEXT)
  text: string;
}

export class SensitiveFindingDto {
  @ApiProperty({ enum: SENSITIVE_KINDS })
  kind: SensitiveKind;

  @ApiProperty({ description: 'Offset of the first character, in UTF-16 code units' })
  start: number;

  @ApiProperty({ description: 'Offset just past the last character' })
  end: number;

  @ApiProperty()
  text: string;

  @ApiProperty({ description: 'What masking puts in its place' })
  masked: string;

  @ApiProperty({ description: 'Key of the decision covering it (every occurrence of the same text and kind)' })
  key: string;
}

export class DesensitiseScanResultDto {
  @ApiProperty({ type: [SensitiveFindingDto] })
  findings: SensitiveFindingDto[];
}

export class FindingDecisionDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  key: string;

  @ApiProperty({ enum: ['mask', 'keep'] })
  @IsIn(['mask', 'keep'])
  action: 'mask' | 'keep';

  /** Why a finding is kept as it is (e.g. the office's public phone number); required to keep. */
  @ApiPropertyOptional({ maxLength: 500 })
  @ValidateIf((d: FindingDecisionDto) => d.action === 'keep')
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

export class DesensitiseApplyDto extends DesensitiseScanDto {
  @ApiProperty({ type: [FindingDecisionDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => FindingDecisionDto)
  decisions: FindingDecisionDto[];
}

export class KeptFindingDto {
  @ApiProperty()
  key: string;

  @ApiProperty()
  reason: string;
}

export class DesensitiseApplyResultDto {
  /** The text with every finding chosen for masking masked. */
  @ApiProperty()
  text: string;

  @ApiProperty({ description: 'How many occurrences were masked' })
  maskedCount: number;

  /** Findings kept as they are, with the recorded reason. */
  @ApiProperty({ type: [KeptFindingDto] })
  kept: KeptFindingDto[];
}
