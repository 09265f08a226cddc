import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { ALL_PERMISSIONS, SECRECY_LEVELS, type SecrecyLevel } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../http/pagination';
import { trim } from '../http/transforms';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Passwords: 8 to 128 characters; argon2id makes longer ones pointless and slow. */
export const PASSWORD_RULES = [IsString(), MinLength(8), MaxLength(128)];

export class RefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class RoleRefDto extends RefDto {
  @ApiProperty({ example: 'office-clerk' })
  code: string;
}

// ---------- users ----------

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'wangfang' })
  username: string;

  @ApiProperty({ example: '王芳' })
  name: string;

  @ApiProperty({ nullable: true, type: String })
  phone: string | null;

  @ApiProperty({ nullable: true, type: String })
  email: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ type: [String], example: ['办公室文员'] })
  positions: string[];

  @ApiProperty({ type: [RoleRefDto] })
  roles: RoleRefDto[];

  @ApiProperty({ enum: SECRECY_LEVELS })
  clearance: SecrecyLevel;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set while the account is locked after failed logins' })
  lockedUntil: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'Send back on update; a stale version gets 409' })
  version: number;
}

export class CreateUserDto {
  /** Login name: letters, digits, dot, dash and underscore; stored in lower case. */
  @ApiProperty({ example: 'wangfang', minLength: 2, maxLength: 50 })
  @Transform(lower)
  @IsString()
  @MinLength(2)
  @MaxLength(50)
  @Matches(/^[a-z0-9._-]+$/, { message: 'username may contain letters, digits, dot, dash and underscore only' })
  username: string;

  @ApiProperty({ example: '王芳', maxLength: 50 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '13800000000' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^[0-9+\- ]{3,30}$/, { message: 'phone must be digits, spaces, + or -' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'email' })
  @IsOptional()
  @Transform(trim)
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['办公室文员'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  positions?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  roleIds?: string[];

  @ApiPropertyOptional({ enum: SECRECY_LEVELS, default: 'none' })
  @IsOptional()
  @IsIn(SECRECY_LEVELS)
  clearance?: SecrecyLevel;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['username', 'password'] as const)) {
  @ApiProperty({ description: 'The version read; a stale one gets 409 VERSION_CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;
}

export class QueryUsersDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  newPassword: string;
}

// ---------- departments ----------

export class DepartmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '综合办公室' })
  name: string;

  @ApiProperty({ example: 'BGS' })
  code: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  head: RefDto | null;

  @ApiProperty({ type: RefDto, nullable: true })
  liaison: RefDto | null;

  @ApiProperty()
  sortOrder: number;

  @ApiProperty()
  version: number;
}

export class CreateDepartmentDto {
  @ApiProperty({ example: '综合办公室', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  /** Short code (机构代码) used in archive numbers: capital letters and digits. */
  @ApiProperty({ example: 'BGS', maxLength: 20 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(/^[A-Z0-9]{1,20}$/, { message: 'code must be 1 to 20 capital letters or digits' })
  code: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  headId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  liaisonId?: string | null;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  sortOrder?: number;
}

export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto) {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

// ---------- roles ----------

export class RoleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'office-clerk' })
  code: string;

  @ApiProperty({ example: '办公室文员' })
  name: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ type: [String], enum: ALL_PERMISSIONS })
  permissions: string[];

  @ApiProperty({ description: 'Seeded roles cannot be deleted' })
  builtin: boolean;

  @ApiProperty()
  version: number;
}

export class CreateRoleDto {
  @ApiProperty({ example: 'archive-reader', maxLength: 50 })
  @Transform(lower)
  @IsString()
  @Matches(/^[a-z0-9-]{2,50}$/, { message: 'code must be 2 to 50 lower-case letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: '档案查阅', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiProperty({ type: [String], enum: ALL_PERMISSIONS })
  @IsArray()
  @ArrayMaxSize(ALL_PERMISSIONS.length)
  @IsIn(ALL_PERMISSIONS, { each: true })
  permissions: string[];
}

export class UpdateRoleDto extends PartialType(OmitType(CreateRoleDto, ['code'] as const)) {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}
