import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SEAL_HANDOVER_STATUSES,
  SEAL_STATUSES,
  SEAL_TYPES,
  type SealHandoverStatus,
  type SealStatus,
  type SealType,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { AttachmentDto } from '../../../platform/files/files.dto';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

/** A new seal in the register (ADM-4). */
export class CreateSealDto {
  @ApiProperty({ maxLength: 100, example: '某某中学公章' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: SEAL_TYPES })
  @IsIn(SEAL_TYPES)
  sealType: SealType;

  /** 保管人 */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  custodianId: string;

  /** The department a 部门章 belongs to. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;

  /** 印模: draft files (POST /files), images of the impression. */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  impressionIds?: string[];
}

/** Edit a seal's description; the custodian changes only by handover, the status by its own action. */
export class UpdateSealDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: SEAL_TYPES })
  @IsOptional()
  @IsIn(SEAL_TYPES)
  sealType?: SealType;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;

  /** More 印模 images (draft files) to add. */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  impressionIds?: string[];

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class ChangeSealStatusDto {
  @ApiProperty({ enum: SEAL_STATUSES })
  @IsIn(SEAL_STATUSES)
  status: SealStatus;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

/** A damage or loss report (ADM-6). */
export class ReportSealIncidentDto {
  @ApiProperty({ enum: ['damaged', 'lost'] })
  @IsIn(['damaged', 'lost'])
  kind: 'damaged' | 'lost';

  @ApiProperty({ maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note: string;
}

export class StartHandoverDto {
  /** The new custodian: they confirm with their own login. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toUserId: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class QuerySealsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SEAL_STATUSES })
  @IsOptional()
  @IsIn(SEAL_STATUSES)
  status?: SealStatus;

  @ApiPropertyOptional({ enum: SEAL_TYPES })
  @IsOptional()
  @IsIn(SEAL_TYPES)
  sealType?: SealType;
}

export class SealDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: SEAL_TYPES })
  sealType: SealType;

  @ApiProperty({ enum: SEAL_STATUSES })
  status: SealStatus;

  @ApiProperty({ type: String, nullable: true })
  statusReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  statusChangedAt: string | null;

  @ApiProperty({ type: RefDto })
  custodian: RefDto;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class SealHandoverDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  sealId: string;

  @ApiProperty({ type: RefDto })
  from: RefDto;

  @ApiProperty({ type: RefDto })
  to: RefDto;

  @ApiProperty({ type: RefDto })
  recordedBy: RefDto;

  @ApiProperty({ enum: SEAL_HANDOVER_STATUSES })
  status: SealHandoverStatus;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: string | null;
}

export class SealDetailDto extends SealDto {
  /** 印模 images. */
  @ApiProperty({ type: [AttachmentDto] })
  impressions: AttachmentDto[];

  /** Every handover, newest first. */
  @ApiProperty({ type: [SealHandoverDto] })
  handovers: SealHandoverDto[];
}

/** A word on confirming or cancelling a handover (e.g. 印章完好), kept in the audit log. */
export class HandoverNoteDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}
