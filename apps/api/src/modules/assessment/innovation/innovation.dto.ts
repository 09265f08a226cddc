import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INNOVATION_ACTIONS,
  INNOVATION_AWARD_LEVELS,
  INNOVATION_STATUSES,
  type InnovationAction,
  type InnovationAwardLevel,
  type InnovationStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

/** What any member of staff sends (创新建议, ASM-7). */
export class SubmitInnovationDto {
  @ApiProperty({ maxLength: 200, example: '公文流转引入电子签章' })
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
  description: string;

  @ApiProperty({ maxLength: 2000, description: 'What it is expected to bring (预期效益)' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  expectedBenefit: string;
}

class VersionedDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class ReviewInnovationDto extends VersionedDto {
  @ApiProperty({ enum: ['adopt', 'not-adopt'] })
  @IsIn(['adopt', 'not-adopt'])
  decision: 'adopt' | 'not-adopt';

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required when not adopted' })
  @ValidateIf((o: ReviewInnovationDto) => o.decision === 'not-adopt' || o.reason !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'reason: give the reason it is not adopted' })
  @MaxLength(2000)
  reason?: string;
}

export class RecordImplementationDto extends VersionedDto {
  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;

  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true })
  implementedOn: string;
}

export class AwardInnovationDto extends VersionedDto {
  @ApiProperty({ enum: INNOVATION_AWARD_LEVELS })
  @IsIn(INNOVATION_AWARD_LEVELS)
  level: InnovationAwardLevel;

  @ApiPropertyOptional({ minimum: 0, maximum: 100_000_000, description: 'Prize money in fen (分); omit for a certificate only' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amountFen?: number;

  @ApiProperty({ description: 'A certificate (证书) is given' })
  @IsBoolean()
  certificate: boolean;

  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true })
  awardedOn: string;
}

export class InnovationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty()
  expectedBenefit: string;

  @ApiProperty({ type: RefDto })
  submitter: RefDto;

  @ApiProperty({ format: 'date-time' })
  submittedAt: Date;

  @ApiProperty({ enum: INNOVATION_STATUSES })
  status: InnovationStatus;

  @ApiProperty({ type: String, nullable: true })
  reviewReason: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  reviewedBy: RefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  implementationNote: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  implementedOn: string | null;

  @ApiProperty({ enum: INNOVATION_AWARD_LEVELS, nullable: true })
  awardLevel: InnovationAwardLevel | null;

  @ApiProperty({ type: Number, nullable: true })
  awardAmountFen: number | null;

  @ApiProperty()
  awardCertificate: boolean;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  awardedOn: string | null;

  @ApiProperty({ enum: INNOVATION_ACTIONS, isArray: true, description: 'What this person may do next' })
  actions: InnovationAction[];

  @ApiProperty()
  version: number;
}

export class QueryInnovationsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INNOVATION_STATUSES })
  @IsOptional()
  @IsIn(INNOVATION_STATUSES)
  status?: InnovationStatus;

  @ApiPropertyOptional({ description: 'Only those submitted in this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'Only my own' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  mine?: boolean;
}

export class QueryAdoptedDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

/** The year's adopted suggestions with their awards (年度采纳与奖励). */
export class AdoptedYearDto {
  @ApiProperty()
  year: number;

  @ApiProperty({ description: 'Suggestions adopted in the year (by review date)' })
  adopted: number;

  @ApiProperty({ description: 'Of those, how many were awarded' })
  awarded: number;

  @ApiProperty({ description: 'Prize money of the year’s awards, in fen' })
  awardAmountFen: number;

  @ApiProperty({ type: [InnovationDto] })
  items: InnovationDto[];
}
