import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SEAL_INSPECTION_RESULTS,
  SEAL_INSPECTION_STATUSES,
  SEAL_TYPES,
  type SealInspectionResult,
  type SealInspectionStatus,
  type SealType,
} from '@xiaoban/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { AttachmentDto } from '../../../platform/files/files.dto';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export class OpenSealInspectionsDto {
  /** YYYY-MM; the current month if omitted. */
  @ApiPropertyOptional({ example: '2026-03' })
  @IsOptional()
  @Matches(PERIOD, { message: 'period must be YYYY-MM' })
  period?: string;
}

export class RecordSealInspectionDto {
  @ApiProperty({ enum: SEAL_INSPECTION_RESULTS })
  @IsIn(SEAL_INSPECTION_RESULTS)
  result: SealInspectionResult;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;

  /** Photos of the seal: draft files (POST /files). */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  photoIds?: string[];
}

export class QuerySealInspectionsDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-03' })
  @IsOptional()
  @Matches(PERIOD, { message: 'period must be YYYY-MM' })
  period?: string;

  @ApiPropertyOptional({ enum: SEAL_INSPECTION_STATUSES })
  @IsOptional()
  @IsIn(SEAL_INSPECTION_STATUSES)
  status?: SealInspectionStatus;
}

export class SealInspectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto })
  seal: RefDto;

  @ApiProperty({ enum: SEAL_TYPES })
  sealType: SealType;

  @ApiProperty({ example: '2026-03' })
  period: string;

  @ApiProperty({ type: RefDto })
  custodian: RefDto;

  @ApiProperty({ enum: SEAL_INSPECTION_STATUSES })
  status: SealInspectionStatus;

  @ApiProperty({ enum: SEAL_INSPECTION_RESULTS, nullable: true })
  result: SealInspectionResult | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  inspectedAt: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  inspectedBy: RefDto | null;

  @ApiProperty({ type: [AttachmentDto] })
  photos: AttachmentDto[];
}

export class OpenedInspectionsDto {
  @ApiProperty()
  period: string;

  @ApiProperty({ description: 'Inspections opened now (existing ones are kept)' })
  opened: number;
}
