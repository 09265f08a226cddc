import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DESTRUCTION_LIST_ACTIONS,
  DESTRUCTION_LIST_STATUSES,
  DESTRUCTION_METHODS,
  DOCUMENT_SECRECY_LEVELS,
  type DestructionListAction,
  type DestructionListStatus,
  type DestructionMethod,
  type DocumentSecrecy,
} from '@xiaoban/shared';
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
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../http/pagination';
import { RefDto } from '../org/org.dto';
import { trim } from '../http/transforms';

// ---------- input ----------

/** A proposal: every record of the registered kinds whose retention ran out by `asOf` and that may be destroyed. */
export class ProposeDestructionListDto {
  @ApiPropertyOptional({ maxLength: 200, example: '2026年度到期公文销毁清册' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  /** YYYY-MM-DD; default today in the school's time zone. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  asOf?: string;

  /** Only these record kinds (e.g. `incoming-document`); default all. */
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  kinds?: string[];
}

/** Edit a draft: its title, and items taken off the list (they are proposed again next time). */
export class UpdateDestructionListDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  removeItemIds?: string[];

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

/** The destruction record: how, when and where, and who witnesses it (监销人). */
export class RecordDestructionDto {
  @ApiProperty({ enum: DESTRUCTION_METHODS, description: '焚毁 burn, 粉碎 shred, 制浆 pulp, 消磁 degauss' })
  @IsIn(DESTRUCTION_METHODS)
  method: DestructionMethod;

  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true })
  destroyedOn: string;

  @ApiProperty({ maxLength: 200, example: '学校锅炉房' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  location: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;

  /** The witnesses, named staff; each confirms in the system with their own sign-in. Completion needs two confirmations. */
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  witnessIds: string[];

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class DestructionVersionDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class QueryDestructionListsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DESTRUCTION_LIST_STATUSES })
  @IsOptional()
  @IsIn(DESTRUCTION_LIST_STATUSES)
  status?: DestructionListStatus;
}

// ---------- output ----------

export class DestructionWitnessDto {
  @ApiProperty({ type: RefDto })
  user: RefDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: Date | null;
}

export class DestructionListItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'incoming-document' })
  recordKind: string;

  @ApiProperty({ example: '收文' })
  kindLabel: string;

  @ApiProperty({ format: 'uuid' })
  recordId: string;

  @ApiProperty({ type: String, nullable: true })
  number: string | null;

  /** Empty when the record is above the viewer's clearance (`titleHidden`). */
  @ApiProperty()
  title: string;

  @ApiProperty()
  titleHidden: boolean;

  @ApiProperty({ example: '定期10年' })
  retention: string;

  @ApiProperty({ format: 'date' })
  dueOn: string;

  @ApiProperty({ enum: DOCUMENT_SECRECY_LEVELS })
  secrecy: DocumentSecrecy;
}

export class DestructionListDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: DESTRUCTION_LIST_STATUSES })
  status: DestructionListStatus;

  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({ type: RefDto, nullable: true })
  createdBy: RefDto | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  approvalRequestId: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionComment: string | null;

  @ApiProperty({ enum: DESTRUCTION_METHODS, nullable: true })
  method: DestructionMethod | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  destroyedOn: string | null;

  @ApiProperty({ type: String, nullable: true })
  location: string | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: Date | null;

  @ApiProperty({ type: RefDto, nullable: true })
  completedBy: RefDto | null;

  @ApiProperty()
  itemCount: number;

  @ApiProperty({ type: [DestructionWitnessDto] })
  witnesses: DestructionWitnessDto[];

  /** The actions of the flow this person may take now (the panel's buttons). */
  @ApiProperty({ enum: DESTRUCTION_LIST_ACTIONS, isArray: true })
  allowedActions: DestructionListAction[];

  @ApiProperty()
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class DestructionListDetailDto extends DestructionListDto {
  @ApiProperty({ type: [DestructionListItemDto] })
  items: DestructionListItemDto[];
}
