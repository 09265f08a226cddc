import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TRANSFER_METHODS, type TransferMethod } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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

/** An optional note with an action (初审, 催办, 签收, 办结, 归档); it goes into the audit log, and a 催办's into its message. */
export class IncomingNoteDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** 初审 passed, with an optional note. */
export class ReviewIncomingDto extends IncomingNoteDto {}

/** 退文 (DOC-3): the reason is kept. */
export class ReturnIncomingDto {
  @ApiProperty({ maxLength: 2000, example: '来文不属于本校办理范围，请径送区教育局。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** 解密 (REQ-3): the decision to declassify, with its reason (e.g. 保密期限已满). */
export class DeclassifyIncomingDto {
  @ApiProperty({ maxLength: 2000, example: '保密期限已满，经审核解除密级。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** 拟办: the office's proposal, and the leader asked to instruct (批办). */
export class ProposeIncomingDto {
  @ApiProperty({ maxLength: 2000, example: '拟请教务处主办，办公室协办。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  proposal: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The leader asked for 批办; they get an inbox item and see the document' })
  @IsOptional()
  @IsUUID()
  leaderId?: string;
}

/** 批办: the leader's instruction. */
export class InstructIncomingDto {
  @ApiProperty({ maxLength: 2000, example: '同意拟办意见，请教务处抓紧落实。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  instruction: string;
}

/** One receiver of a transfer: a department or a person. */
export class IncomingReceiverDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A department; give this or userId' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A person; give this or departmentId' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  /** 主办: one per document; required when several departments receive it. */
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  lead?: boolean;

  @ApiPropertyOptional({ enum: TRANSFER_METHODS, default: 'system' })
  @IsOptional()
  @IsIn(TRANSFER_METHODS)
  method?: TransferMethod;
}

/** 分送 (DOC-4): to departments or persons, with the handling time limit in working days (DOC-6). */
export class RouteIncomingDto {
  @ApiProperty({ type: [IncomingReceiverDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => IncomingReceiverDto)
  receivers: IncomingReceiverDto[];

  /** Working days (by the school calendar) until the handling opinion is due; set on the first routing. */
  @ApiPropertyOptional({ minimum: 1, maximum: 60, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  handlingDays?: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** 承办意见 (DOC-6). */
export class IncomingOpinionDto {
  @ApiProperty({ maxLength: 4000, example: '已组织教研组长学习，按要求于3月1日前完成自查。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  opinion: string;
}
