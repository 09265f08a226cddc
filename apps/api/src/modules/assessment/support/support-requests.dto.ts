import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUPPORT_REQUEST_ACTIONS, SUPPORT_REQUEST_STATUSES, type SupportRequestAction, type SupportRequestStatus } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';
import { VersionedDto } from '../improvement/improvement.dto';

/** A request from the asker's own department to another. The deadline: hours, or working days — one of the two. */
export class RequestSupportDto {
  @ApiProperty({ maxLength: 200, example: '请信息中心协助布置期末考试考场监控' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  detail: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  targetDepartmentId: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 720, description: 'Respond within this many hours' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  responseHours?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 30, description: 'Respond within this many working days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  responseWorkingDays?: number;
}

export class RespondSupportRequestDto extends VersionedDto {
  @ApiProperty({ maxLength: 5000, example: '已收到，周三上午派两名老师到场' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  response: string;
}

export class CompleteSupportRequestDto extends VersionedDto {}

export class SupportRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  detail: string;

  @ApiProperty({ type: RefDto })
  requestingDepartment: RefDto;

  @ApiProperty({ type: RefDto })
  targetDepartment: RefDto;

  @ApiProperty({ type: RefDto })
  requestedBy: RefDto;

  @ApiProperty({ type: RefDto })
  handler: RefDto;

  @ApiProperty({ enum: SUPPORT_REQUEST_STATUSES })
  status: SupportRequestStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  responseDueAt: Date;

  @ApiProperty({ type: String, nullable: true })
  response: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  respondedAt: Date | null;

  @ApiProperty({ type: RefDto, nullable: true })
  respondedBy: RefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: Date | null;

  /** No response by the deadline, or a response after it. */
  @ApiProperty()
  breached: boolean;

  @ApiProperty({ enum: SUPPORT_REQUEST_ACTIONS, isArray: true })
  actions: SupportRequestAction[];

  @ApiProperty()
  version: number;
}

export class QuerySupportRequestsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUPPORT_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(SUPPORT_REQUEST_STATUSES)
  status?: SupportRequestStatus;

  @ApiPropertyOptional({ enum: ['incoming', 'outgoing'], description: 'Asked of my department, or asked by it' })
  @IsOptional()
  @IsIn(['incoming', 'outgoing'])
  direction?: 'incoming' | 'outgoing';

  @ApiPropertyOptional({ description: 'Only those that missed their response deadline' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  breached?: boolean;
}
