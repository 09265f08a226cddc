import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTGOING_NUMBER_FATES, type OutgoingNumberFate } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RefDto } from '../../../../platform/org/org.dto';
import { trim } from '../../../../platform/http/transforms';

/** A new 机关代字. */
export class CreateOutgoingPrefixDto {
  @ApiProperty({ maxLength: 20, example: '校办' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  @Matches(/^[^\s〔〕[\]()（）第号]+$/, { message: 'a 代字 has no spaces, brackets, 第 or 号' })
  code: string;

  @ApiProperty({ maxLength: 100, example: '学校办公室发文' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;
}

export class OutgoingPrefixDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '校办' })
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  version: number;
}

/** 预留 or 作废 of the next number of a 代字, with the reason. */
export class TakeOutgoingNumberDto {
  @ApiProperty({ enum: ['reserved', 'voided'] })
  @IsIn(['reserved', 'voided'])
  fate: Exclude<OutgoingNumberFate, 'used'>;

  @ApiProperty({ maxLength: 500, example: '预留给校长办公会纪要' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  /** The year of the number; this year by default. */
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** 作废 of a reserved number. */
export class VoidOutgoingNumberDto {
  @ApiProperty({ maxLength: 500, example: '预留后不再使用' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class QueryNumberReportDto {
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100, description: 'This year by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** One number of the gap report: what became of it. `fate` null is a lost number (there should be none). */
export class OutgoingNumberEntryDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id: string | null;

  @ApiProperty()
  seq: number;

  @ApiProperty({ example: '校办〔2026〕12号' })
  number: string;

  @ApiProperty({ enum: OUTGOING_NUMBER_FATES, nullable: true })
  fate: OutgoingNumberFate | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  documentId: string | null;

  @ApiProperty({ type: String, nullable: true })
  documentTitle: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  by: RefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  at: string | null;

  /** True when the number has no recorded fate: a gap. */
  @ApiProperty()
  missing: boolean;
}

/** The gap report of a 代字 and year: every number 1..max with its fate. */
export class OutgoingNumberReportDto {
  @ApiProperty({ type: OutgoingPrefixDto })
  prefix: OutgoingPrefixDto;

  @ApiProperty()
  year: number;

  /** The highest number given. */
  @ApiProperty()
  max: number;

  @ApiProperty()
  used: number;

  @ApiProperty()
  reserved: number;

  @ApiProperty()
  voided: number;

  /** Numbers without a fate; 0 unless something is wrong. */
  @ApiProperty()
  missing: number;

  @ApiProperty({ type: [OutgoingNumberEntryDto] })
  entries: OutgoingNumberEntryDto[];
}
