import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SEAL_APPLICATION_STATUSES, SEAL_TYPES, SEAL_USE_COPIES_MAX, type SealApplicationStatus, type SealType } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AttachmentDto } from '../../../platform/files/files.dto';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

/** 用印申请 (ADM-5). */
export class ApplySealUseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sealId: string;

  /** 用印文件名称 */
  @ApiProperty({ maxLength: 300, example: '关于与某某大学合作办学的协议' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  documentTitle: string;

  @ApiProperty({ minimum: 1, maximum: SEAL_USE_COPIES_MAX })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEAL_USE_COPIES_MAX)
  copies: number;

  /** 用印事由 */
  @ApiProperty({ maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;

  /** The file(s) to be stamped: draft files (POST /files), kept with their SHA-256. */
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  attachmentIds: string[];
}

/** 用印登记: the custodian records an actual use. */
export class RegisterSealUseDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'When it was stamped; now if omitted' })
  @IsOptional()
  @IsDateString()
  usedAt?: string;

  @ApiProperty({ minimum: 1, maximum: SEAL_USE_COPIES_MAX })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEAL_USE_COPIES_MAX)
  copies: number;

  /** 经办人 */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  handledById: string;

  /** 监印人 */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  supervisedById: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class QuerySealApplicationsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SEAL_APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(SEAL_APPLICATION_STATUSES)
  status?: SealApplicationStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sealId?: string;
}

export class QuerySealUsesDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sealId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Used on or after (school date)' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Used on or before (school date)' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class SealFileDto extends AttachmentDto {
  @ApiProperty({ description: 'SHA-256 of the file to be stamped, hex' })
  sha256: string;
}

export class SealUseApplicationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto })
  seal: RefDto;

  @ApiProperty({ enum: SEAL_TYPES })
  sealType: SealType;

  @ApiProperty({ type: RefDto })
  applicant: RefDto;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty()
  documentTitle: string;

  @ApiProperty()
  copies: number;

  @ApiProperty()
  copiesUsed: number;

  @ApiProperty({ description: 'Approved copies not yet stamped' })
  copiesLeft: number;

  @ApiProperty()
  reason: string;

  @ApiProperty({ enum: SEAL_APPLICATION_STATUSES })
  status: SealApplicationStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  approvalRequestId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  /** True when the viewer is the seal's custodian and copies are left: they may register a use. */
  @ApiProperty()
  canRegisterUse: boolean;

  @ApiProperty()
  version: number;
}

export class SealUseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  applicationId: string;

  @ApiProperty({ type: RefDto })
  seal: RefDto;

  @ApiProperty({ enum: SEAL_TYPES })
  sealType: SealType;

  @ApiProperty()
  documentTitle: string;

  @ApiProperty({ type: RefDto })
  applicant: RefDto;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ format: 'date-time' })
  usedAt: string;

  @ApiProperty()
  copies: number;

  @ApiProperty({ type: RefDto })
  handledBy: RefDto;

  @ApiProperty({ type: RefDto })
  supervisedBy: RefDto;

  @ApiProperty({ type: RefDto })
  registeredBy: RefDto;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

export class SealUseApplicationDetailDto extends SealUseApplicationDto {
  @ApiProperty({ type: [SealFileDto] })
  files: SealFileDto[];

  @ApiProperty({ type: [SealUseDto] })
  uses: SealUseDto[];
}
