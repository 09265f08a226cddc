import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DELIVERY_MISMATCHES,
  DEMAND_WINDOW_STATUSES,
  PURCHASE_LIST_ACTIONS_ALL,
  PURCHASE_LIST_STATUSES,
  type DeliveryMismatch,
  type DemandWindowStatus,
  type PurchaseListAction,
  type PurchaseListStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

// ---------- settings ----------

export class PurchasingSettingsDto {
  /** The fewest quotes each line needs before the list is submitted (LOG-3; default 3). */
  @ApiProperty({ minimum: 1, maximum: 10, example: 3 }) minQuotes: number;
  @ApiProperty() version: number;
}

export class UpdatePurchasingSettingsDto {
  @ApiProperty({ minimum: 1, maximum: 10, example: 3 })
  @IsInt()
  @Min(1)
  @Max(10)
  minQuotes: number;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

// ---------- demand ----------

export class OpenDemandWindowDto {
  /** The month, `YYYY-MM`. */
  @ApiProperty({ example: '2026-12', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })
  @IsString()
  @Matches(/^[0-9]{4}-(0[1-9]|1[0-2])$/)
  month: string;
}

export class DemandWindowDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty({ enum: DEMAND_WINDOW_STATUSES }) status: DemandWindowStatus;
  /** Departments that have submitted. */
  @ApiProperty() demandCount: number;
  /** The purchase list merged from this window, if any. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) purchaseListId: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DemandLineInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId: string;

  @ApiProperty({ minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity: number;

  /** Needed when the quantity is over the department's monthly quota (超限额说明). */
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class SubmitDemandDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  windowId: string;

  /** The department's needs for the month; replaces an earlier submission while the window is open. */
  @ApiProperty({ type: [DemandLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DemandLineInputDto)
  lines: DemandLineInputDto[];
}

export class QueryDemandsDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  windowId?: string;
}

export class DemandLineDto {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() itemName: string;
  @ApiProperty() specification: string;
  @ApiProperty() unit: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ nullable: true, type: Number }) quota: number | null;
  @ApiProperty({ nullable: true, type: String }) overQuotaReason: string | null;
}

export class DemandDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) windowId: string;
  @ApiProperty() month: string;
  @ApiProperty({ type: RefDto }) department: RefDto;
  @ApiProperty({ type: RefDto }) submittedBy: RefDto;
  @ApiProperty({ type: [DemandLineDto] }) lines: DemandLineDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

// ---------- suppliers ----------

export class SupplierContactInputDto {
  @ApiProperty({ maxLength: 50, example: '赵经理' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiPropertyOptional({ maxLength: 30, example: '13800138000' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^[0-9+\-() ]*$/)
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_o, v) => v !== '')
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ maxLength: 50, example: '销售经理' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  position?: string;
}

export class CreateSupplierDto {
  @ApiProperty({ maxLength: 100, example: '市文具批发有限公司' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({ type: [SupplierContactInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SupplierContactInputDto)
  contacts?: SupplierContactInputDto[];
}

export class UpdateSupplierDto extends CreateSupplierDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class QuerySuppliersDto extends PageQueryDto {}

export class SupplierContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
  @ApiProperty() email: string;
  @ApiProperty() position: string;
}

export class SupplierDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() note: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [SupplierContactDto] }) contacts: SupplierContactDto[];
  @ApiProperty() version: number;
}

// ---------- purchase lists ----------

export class QueryPurchaseListsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PURCHASE_LIST_STATUSES })
  @IsOptional()
  @IsIn(PURCHASE_LIST_STATUSES)
  status?: PurchaseListStatus;
}

export class AddQuoteDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  supplierId: string;

  /** The model offered (规格型号); it matches when equal to the line's specification. */
  @ApiProperty({ maxLength: 200, example: 'A4 70g 500张/包' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  model: string;

  /** 单价, in fen. */
  @ApiProperty({ minimum: 1, maximum: 100000000, example: 2350 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  unitPriceFen: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ChooseQuoteDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  quoteId: string;

  /** Needed unless the quote is the best matching one (LOG-3). */
  @ApiPropertyOptional({ maxLength: 500, example: '该供应商可当日送货，质量更稳定' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class PurchaseDeliveryLineInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  lineId: string;

  /** The model on the delivered goods. */
  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  model: string;

  @ApiProperty({ minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ReceiveDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  supplierId: string;

  @ApiProperty({ type: [PurchaseDeliveryLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PurchaseDeliveryLineInputDto)
  lines: PurchaseDeliveryLineInputDto[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class QuoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: RefDto }) supplier: RefDto;
  @ApiProperty() model: string;
  @ApiProperty() unitPriceFen: number;
  /** The model equals the line's specification. */
  @ApiProperty() matchesSpecification: boolean;
  @ApiProperty() note: string;
}

export class PurchaseListLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() itemName: string;
  @ApiProperty() unit: string;
  @ApiProperty() specification: string;
  @ApiProperty() requestedQuantity: number;
  @ApiProperty() availableQuantity: number;
  @ApiProperty() quantity: number;
  @ApiProperty() receivedQuantity: number;
  @ApiProperty({ type: [QuoteDto] }) quotes: QuoteDto[];
  /** The lowest unit price among the matching quotes (the comparison's pick). */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) bestQuoteId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) chosenQuoteId: string | null;
  @ApiProperty({ nullable: true, type: String }) choiceReason: string | null;
}

export class PurchaseDeliveryLineDto {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty() itemName: string;
  @ApiProperty() deliveredModel: string;
  @ApiProperty() deliveredQuantity: number;
  @ApiProperty() acceptedQuantity: number;
  @ApiProperty({ enum: DELIVERY_MISMATCHES, isArray: true }) mismatches: DeliveryMismatch[];
  @ApiProperty() note: string;
}

export class PurchaseDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: RefDto }) supplier: RefDto;
  @ApiProperty({ type: RefDto }) receivedBy: RefDto;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty() note: string;
  @ApiProperty({ type: [PurchaseDeliveryLineDto] }) lines: PurchaseDeliveryLineDto[];
}

export class PurchaseListSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PURCHASE_LIST_STATUSES }) status: PurchaseListStatus;
  @ApiProperty() amountFen: number;
  @ApiProperty() lineCount: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) approvalRequestId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PurchaseListDto extends PurchaseListSummaryDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) windowId: string | null;
  /** The school's minimum number of quotes per line. */
  @ApiProperty() minQuotes: number;
  @ApiProperty({ type: [PurchaseListLineDto] }) lines: PurchaseListLineDto[];
  @ApiProperty({ type: [PurchaseDeliveryDto] }) deliveries: PurchaseDeliveryDto[];
  /** What may be done now (PURCHASE_LIST_ACTIONS). */
  @ApiProperty({ enum: PURCHASE_LIST_ACTIONS_ALL, isArray: true }) actions: PurchaseListAction[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) orderedAt: string | null;
  @ApiProperty() version: number;
}
