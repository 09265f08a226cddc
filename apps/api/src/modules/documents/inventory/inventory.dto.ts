import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_SECRECY_LEVELS,
  INVENTORY_REMEDIES,
  INVENTORY_STATUSES,
  type DocumentSecrecy,
  type InventoryItemState,
  type InventoryRemedy,
  type InventoryStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

// ---------- input ----------

/** A scanned QR label: the record it names (DOC-9). */
export class ScanInventoryDto {
  @ApiProperty({ example: 'incoming-document' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  kind: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  recordId: string;
}

/** A paper found on the shelf that the system does not know (多出), described by hand. */
export class AddExtraInventoryItemDto {
  @ApiProperty({ maxLength: 300 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ maxLength: 60 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  number?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Where it was found' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class DamageInventoryItemDto {
  @ApiProperty({ maxLength: 2000, example: '第3页水渍，字迹模糊' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}

export class RemedyInventoryItemDto {
  @ApiProperty({ enum: INVENTORY_REMEDIES })
  @IsIn(INVENTORY_REMEDIES)
  remedy: InventoryRemedy;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class InventoryVersionDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export const INVENTORY_ITEM_FILTERS = ['pending', 'counted', 'extra', 'damaged', 'missing'] as const;
export type InventoryItemFilter = (typeof INVENTORY_ITEM_FILTERS)[number];

export class QueryInventoryItemsDto extends PageQueryDto {
  /** `missing` is the same as `pending`: on the checklist and not counted. */
  @ApiPropertyOptional({ enum: INVENTORY_ITEM_FILTERS })
  @IsOptional()
  @IsIn(INVENTORY_ITEM_FILTERS)
  state?: InventoryItemFilter;
}

// ---------- output ----------

export class InventoryTallyDto {
  @ApiProperty()
  expected: number;

  @ApiProperty()
  counted: number;

  @ApiProperty({ description: '未清点到 (while open: not counted yet)' })
  missing: number;

  @ApiProperty({ description: '多出' })
  extra: number;

  @ApiProperty()
  damaged: number;
}

export class InventoryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-09' })
  period: string;

  @ApiProperty({ enum: INVENTORY_STATUSES })
  status: InventoryStatus;

  @ApiProperty({ type: RefDto, nullable: true, description: 'Null when the monthly job opened it' })
  openedBy: RefDto | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;

  @ApiProperty({ type: RefDto, nullable: true })
  closedBy: RefDto | null;

  @ApiProperty({ type: InventoryTallyDto })
  tally: InventoryTallyDto;

  @ApiProperty()
  version: number;
}

export class InventoryItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  recordKind: string | null;

  @ApiProperty({ type: String, nullable: true })
  kindLabel: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  recordId: string | null;

  @ApiProperty({ type: String, nullable: true })
  number: string | null;

  /** Empty when the record is above the viewer's clearance (`titleHidden`). */
  @ApiProperty()
  title: string;

  @ApiProperty()
  titleHidden: boolean;

  @ApiProperty()
  copies: number;

  @ApiProperty({ enum: DOCUMENT_SECRECY_LEVELS })
  secrecy: DocumentSecrecy;

  @ApiProperty({ enum: ['pending', 'counted', 'extra'] })
  state: InventoryItemState;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  countedAt: Date | null;

  @ApiProperty({ type: RefDto, nullable: true })
  countedBy: RefDto | null;

  @ApiProperty()
  damaged: boolean;

  @ApiProperty({ type: String, nullable: true })
  damageNote: string | null;

  @ApiProperty({ enum: INVENTORY_REMEDIES, nullable: true })
  remedy: InventoryRemedy | null;

  @ApiProperty({ type: String, nullable: true })
  remedyNote: string | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

/** What a scan did: the line it counted, and whether it had been counted already (a second scan changes nothing). */
export class InventoryScanResultDto {
  @ApiProperty({ type: InventoryItemDto })
  item: InventoryItemDto;

  @ApiProperty()
  alreadyCounted: boolean;

  @ApiProperty({ example: '2026-09' })
  period: string;
}
