import { ApiProperty } from '@nestjs/swagger';
import { SECRECY_LEVELS, type SecrecyLevel } from '@xiaoban/shared';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { RefDto } from '../org/org.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  username: string;

  @ApiProperty({ example: 'your-password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'Short-lived bearer token for the Authorization header' })
  accessToken: string;

  @ApiProperty({ description: 'Single-use token for POST /auth/refresh; rotates on every use' })
  refreshToken: string;

  @ApiProperty({ description: 'Lifetime of the access token in seconds', example: 900 })
  expiresIn: number;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ type: [String], description: 'Role codes' })
  roles: string[];

  @ApiProperty({ type: [String], description: 'Every permission the roles grant' })
  permissions: string[];

  @ApiProperty({ enum: SECRECY_LEVELS })
  clearance: SecrecyLevel;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  newPassword: string;
}
