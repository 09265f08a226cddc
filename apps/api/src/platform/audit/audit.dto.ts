import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/pagination';

export class QueryAuditLogDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  objectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  objectId?: string;

  @ApiPropertyOptional({ example: 'user.create' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this time (inclusive)' })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this time (exclusive)' })
  @IsOptional()
  @IsDateString()
  to?: string;
}

export class AuditActorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Sequence number of the entry' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'Null for the system and anonymous submissions' })
  actor: AuditActorDto | null;

  @ApiProperty({ example: 'user.update' })
  action: string;

  @ApiProperty({ example: 'user' })
  objectType: string;

  @ApiProperty({ nullable: true, type: String })
  objectId: string | null;

  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'Changed fields as { field: [before, after] }; secrets are never recorded',
  })
  diff: Record<string, unknown> | null;

  @ApiProperty({ nullable: true, type: String })
  ip: string | null;

  @ApiProperty({ nullable: true, type: String })
  requestId: string | null;
}

export class ChainBreakDto {
  @ApiProperty()
  auditId: string;

  @ApiProperty()
  position: number;
}

export class ChainVerificationDto {
  @ApiProperty({ description: 'True when every sealed link holds' })
  ok: boolean;

  @ApiProperty({ description: 'Sealed entries checked before the first break (or all of them)' })
  checked: number;

  @ApiProperty({ type: ChainBreakDto, nullable: true, description: 'The first entry whose link does not hold' })
  firstBroken: ChainBreakDto | null;

  @ApiProperty({ description: 'Entries written but not yet linked into the chain (the unsealed tail)' })
  unsealed: number;
}

export class SealResultDto {
  @ApiProperty({ description: 'Entries linked into the chain by this call' })
  sealed: number;
}
