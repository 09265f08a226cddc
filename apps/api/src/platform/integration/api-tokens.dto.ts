import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALL_PERMISSIONS } from '@xiaoban/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/pagination';
import { RefDto } from '../org/org.dto';
import { trim } from '../http/transforms';

export const API_TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ApiTokenStatus = (typeof API_TOKEN_STATUSES)[number];

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '智慧校园数据中心' })
  name: string;

  @ApiProperty({ example: 'xbt_3fK9a1Qz', description: 'The start of the token, to recognise it; not enough to use it' })
  tokenPrefix: string;

  @ApiProperty({ type: [String], enum: ALL_PERMISSIONS, description: 'Scopes: the token may do exactly this' })
  permissions: string[];

  @ApiProperty({ enum: API_TOKEN_STATUSES })
  status: ApiTokenStatus;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Accurate to a minute' })
  lastUsedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revokedAt: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  createdBy: RefDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({
    example: 'xbt_3fK9a1Qz…',
    description: 'The secret, shown this once: only its hash is kept. The other system sends it as `Authorization: Bearer xbt_…`.',
  })
  token: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: '智慧校园数据中心', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({
    type: [String],
    enum: ALL_PERMISSIONS,
    description: 'Scopes, each one a permission the creator holds; integration.tokens.manage is never allowed',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALL_PERMISSIONS.length)
  @IsIn(ALL_PERMISSIONS, { each: true })
  permissions: string[];

  @ApiProperty({ format: 'date-time', description: 'In the future, at most three years ahead' })
  @IsDateString({ strict: true })
  expiresAt: string;
}

export class QueryApiTokensDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: API_TOKEN_STATUSES })
  @IsOptional()
  @IsIn(API_TOKEN_STATUSES)
  status?: ApiTokenStatus;
}

export class RevokeApiTokenDto {
  /** Why; kept in the audit log. */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}
