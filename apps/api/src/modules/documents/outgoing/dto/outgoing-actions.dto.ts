import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISTRIBUTION_KINDS, TRANSFER_METHODS, type DistributionKind, type TransferMethod } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
  ValidateNested,
} from 'class-validator';
import { trim } from '../../../../platform/http/transforms';

/** An optional note with a step (核稿, 审核, 复核, 印制, 校对, 用印, 归档); it goes into the flow history. */
export class OutgoingNoteDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** 退回修改: back to the drafter, with the reason. */
export class ReturnOutgoingDto {
  @ApiProperty({ maxLength: 2000, example: '主送机关不全，请补充各年级组。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** One countersigner: a department (its head answers) or a person. */
export class CountersignerDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

/** 送会签: the departments or persons who must all agree before 签发. */
export class RequestCountersignDto {
  @ApiProperty({ type: [CountersignerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CountersignerDto)
  countersigners: CountersignerDto[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** A countersigner's answer (会签意见): agree, or disagree with the reason (the draft goes back). */
export class CountersignOutgoingDto {
  @ApiProperty()
  @IsBoolean()
  agree: boolean;

  @ApiPropertyOptional({ maxLength: 2000, example: '同意。' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  opinion?: string;
}

/** One recipient of the distribution list: a department of the school, or an organisation outside it by name. */
export class DistributionRecipientDto {
  @ApiProperty({ enum: DISTRIBUTION_KINDS })
  @IsIn(DISTRIBUTION_KINDS)
  kind: DistributionKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ maxLength: 200, example: '区教育局' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  orgName?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  copies?: number;
}

/** 登记: the 代字 of the number, the distribution list and the copies printed. */
export class RegisterOutgoingDto {
  @ApiProperty({ format: 'uuid', description: 'The 机关代字 (GET /documents/outgoing/prefixes)' })
  @IsUUID()
  prefixId: string;

  /** A number of this 代字 reserved earlier (预留) to use instead of the next one. */
  @ApiPropertyOptional({ format: 'uuid', description: 'A reserved number of the 代字 (POST /prefixes/:id/numbers) to use' })
  @IsOptional()
  @IsUUID()
  reservedNumberId?: string;

  /** 份数 */
  @ApiPropertyOptional({ minimum: 1, description: 'Copies printed; the sum of the distribution list by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  copies?: number;

  @ApiProperty({ type: [DistributionRecipientDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => DistributionRecipientDto)
  distribution: DistributionRecipientDto[];
}

/** 印制: the 印发 details when they were not in the draft. */
export class PrintOutgoingDto extends OutgoingNoteDto {
  @ApiPropertyOptional({ maxLength: 100, example: '某某市第一中学办公室' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  printingOrg?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  printedOn?: string;
}

/** How one recipient was sent the document. */
export class DistributionSendDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  distributionId: string;

  @ApiProperty({ enum: TRANSFER_METHODS })
  @IsIn(TRANSFER_METHODS)
  method: TransferMethod;
}

/** 分发: the method for each recipient of the list (system for the ones not named). */
export class DistributeOutgoingDto extends OutgoingNoteDto {
  @ApiPropertyOptional({ type: [DistributionSendDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => DistributionSendDto)
  methods?: DistributionSendDto[];
}

/** A recipient's confirmation; the office records the name on a paper receipt. */
export class ConfirmDistributionDto {
  @ApiPropertyOptional({ maxLength: 60, example: '李明' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  receiptName?: string;
}
