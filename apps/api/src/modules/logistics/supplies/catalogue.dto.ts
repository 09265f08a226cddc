import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  MANUAL_STOCK_MOVEMENT_KINDS,
  STOCK_MOVEMENT_KINDS,
  type ManualStockMovementKind,
  type StockMovementKindName,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

export const flag = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** A catalogue item (LOG-1). */
export class CreateSupplyItemDto {
  /** 品名 */
  @ApiProperty({ maxLength: 100, example: 'A4复印纸' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  /** 规格型号 */
  @ApiPropertyOptional({ maxLength: 200, example: '70g 500张/包' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  specification?: string;

  /** 计量单位 */
  @ApiProperty({ maxLength: 20, example: '包' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unit: string;

  /** 类别 */
  @ApiProperty({ maxLength: 50, example: '纸张' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  category: string;

  /** 是否消耗品 (default true). */
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  consumable?: boolean;

  /** 安全库存 (LOG-6). */
  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  safetyStock?: number;

  /** Never alert for this item (LOG-6). */
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  alertsExcluded?: boolean;
}

export class UpdateSupplyItemDto extends PartialType(CreateSupplyItemDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ description: 'The version read; a stale one is 409' })
  @IsInt()
  version: number;
}

export class QuerySupplyItemsDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;

  /** Active items only (true) or inactive only (false); both when absent. */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(flag)
  @IsIn([true, false])
  active?: boolean;

  /** Only items whose available stock is at or below their safety stock. */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(flag)
  @IsIn([true, false])
  low?: boolean;
}

export class SupplyItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() specification: string;
  @ApiProperty() unit: string;
  @ApiProperty() category: string;
  @ApiProperty() consumable: boolean;
  @ApiProperty() safetyStock: number;
  @ApiProperty() alertsExcluded: boolean;
  @ApiProperty() active: boolean;
  /** 账面库存 */
  @ApiProperty() onHand: number;
  /** Reserved for waiting lines and events. */
  @ApiProperty() reserved: number;
  /** On hand minus reserved: the figure the low-stock rule uses (LOG-6). */
  @ApiProperty() available: number;
  /** available <= safetyStock */
  @ApiProperty() low: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class QuotaLineDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId: string;

  /** 每月限额 */
  @ApiProperty({ minimum: 1, maximum: 1_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  monthlyQuantity: number;
}

/** The whole set of an item's quotas: departments left out have none. */
export class SetQuotasDto {
  @ApiProperty({ type: [QuotaLineDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => QuotaLineDto)
  quotas: QuotaLineDto[];
}

export class QuotaDto {
  @ApiProperty({ type: RefDto }) department: RefDto;
  @ApiProperty() monthlyQuantity: number;
}

/** A stock-in (入库) or a return (退库) the storekeeper records by hand. */
export class RecordStockMovementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId: string;

  @ApiProperty({ enum: MANUAL_STOCK_MOVEMENT_KINDS })
  @IsIn(MANUAL_STOCK_MOVEMENT_KINDS)
  kind: ManualStockMovementKind;

  @ApiProperty({ minimum: 1, maximum: 1_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number;

  @ApiProperty({ maxLength: 500, example: '期初入库' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  /** The department returning the items (for a return). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class QueryStockMovementsDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  itemId?: string;

  @ApiPropertyOptional({ enum: STOCK_MOVEMENT_KINDS })
  @IsOptional()
  @IsIn(STOCK_MOVEMENT_KINDS)
  kind?: StockMovementKindName;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class StockItemRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() specification: string;
  @ApiProperty() unit: string;
}

export class StockMovementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: StockItemRefDto }) item: StockItemRefDto;
  @ApiProperty({ enum: STOCK_MOVEMENT_KINDS }) kind: StockMovementKindName;
  @ApiProperty() quantity: number;
  @ApiProperty() onHandAfter: number;
  @ApiProperty() reservedAfter: number;
  @ApiProperty() reason: string;
  @ApiProperty({ type: RefDto, nullable: true }) department: RefDto | null;
  @ApiProperty({ nullable: true, type: String }) sourceType: string | null;
  @ApiProperty({ nullable: true, type: String }) sourceId: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) actor: RefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
