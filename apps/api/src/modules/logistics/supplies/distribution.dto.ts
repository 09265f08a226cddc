import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LOW_STOCK_ALERT_STATUSES,
  STOCKTAKE_STATUSES,
  SUPPLY_REQUEST_STATUSES,
  type LowStockAlertStatus,
  type StocktakeAction,
  type StocktakeStatus,
  type SupplyRequestAction,
  type SupplyRequestStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { StockItemRefDto, flag } from './catalogue.dto';
import { trim } from '../../../platform/http/transforms';

// ---------- requests (领用申请, LOG-5) ----------

export class RequestLineInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId: string;

  @ApiProperty({ minimum: 1, maximum: 100_000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity: number;
}

export class CreateSupplyRequestDto {
  @ApiProperty({ type: [RequestLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequestLineInputDto)
  lines: RequestLineInputDto[];

  /** 用途 */
  @ApiPropertyOptional({ maxLength: 500, example: '期中考试印制试卷' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class IssueLineInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  lineId: string;

  @ApiProperty({ minimum: 1, maximum: 100_000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity: number;
}

/** One issue action (发放): how much of which lines; what is left of a line waits. */
export class IssueSupplyRequestDto {
  @ApiProperty({ type: [IssueLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IssueLineInputDto)
  lines: IssueLineInputDto[];
}

export class CancelSupplyRequestDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class QuerySupplyRequestsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUPPLY_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(SUPPLY_REQUEST_STATUSES)
  status?: SupplyRequestStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  /** Only the requests of one's own department (the department view). */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(flag)
  @IsIn([true, false])
  mine?: boolean;
}

export class SupplyRequestLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: StockItemRefDto }) item: StockItemRefDto;
  @ApiProperty() quantity: number;
  @ApiProperty() issued: number;
  @ApiProperty() cancelled: number;
  /** 待补发: neither issued nor cancelled. */
  @ApiProperty() waiting: number;
  /** Held for this line in the ledger. */
  @ApiProperty() reserved: number;
  /** On hand now, for the storekeeper's issue form. */
  @ApiProperty() onHand: number;
}

export class SupplyIssueLineDto {
  @ApiProperty({ type: StockItemRefDto }) item: StockItemRefDto;
  @ApiProperty() quantity: number;
}

/** An issue slip (发放单) and its receipt (签收). */
export class SupplyIssueDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ type: RefDto }) department: RefDto;
  @ApiProperty({ type: RefDto }) issuedBy: RefDto;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ type: [SupplyIssueLineDto] }) lines: SupplyIssueLineDto[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) signedAt: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) signedBy: RefDto | null;
  /** The viewer may sign it now (a member of the department, not yet signed). */
  @ApiProperty() canSign: boolean;
}

export class SupplyRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: RefDto }) department: RefDto;
  @ApiProperty({ type: RefDto }) requester: RefDto;
  @ApiProperty() note: string;
  @ApiProperty({ enum: SUPPLY_REQUEST_STATUSES }) status: SupplyRequestStatus;
  @ApiProperty({ type: [SupplyRequestLineDto] }) lines: SupplyRequestLineDto[];
  @ApiProperty({ type: [SupplyIssueDto] }) issues: SupplyIssueDto[];
  /** What the viewer may do now. */
  @ApiProperty({ type: [String], enum: ['issue', 'cancel'] }) actions: SupplyRequestAction[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}

// ---------- low-stock alerts (LOG-6) ----------

export class QueryLowStockAlertsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LOW_STOCK_ALERT_STATUSES })
  @IsOptional()
  @IsIn(LOW_STOCK_ALERT_STATUSES)
  status?: LowStockAlertStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  itemId?: string;
}

// ---------- stocktaking (盘点, LOG-7) ----------

export class CreateStocktakeDto {
  @ApiProperty({ maxLength: 200, example: '2026年春季学期期末盘点' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;
}

export class CountLineInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  lineId: string;

  @ApiProperty({ minimum: 0, maximum: 1_000_000 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  countedQuantity: number;

  /** 差异原因: required on submit for a line whose count differs from the book. */
  @ApiPropertyOptional({ maxLength: 500, example: '受潮报损' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class RecordCountsDto {
  @ApiProperty({ type: [CountLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => CountLineInputDto)
  lines: CountLineInputDto[];
}

export class StocktakeLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: StockItemRefDto }) item: StockItemRefDto;
  @ApiProperty() bookQuantity: number;
  @ApiProperty({ nullable: true, type: Number }) countedQuantity: number | null;
  /** counted − book, when counted. */
  @ApiProperty({ nullable: true, type: Number }) variance: number | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) movementId: string | null;
}

export class StocktakeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STOCKTAKE_STATUSES }) status: StocktakeStatus;
  @ApiProperty({ type: RefDto }) createdBy: RefDto;
  @ApiProperty({ type: RefDto, nullable: true }) submittedBy: RefDto | null;
  @ApiProperty({ type: RefDto, nullable: true }) approvedBy: RefDto | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty() lineCount: number;
  @ApiProperty() countedCount: number;
  @ApiProperty() varianceCount: number;
  @ApiProperty({ type: [StocktakeLineDto] }) lines: StocktakeLineDto[];
  @ApiProperty({ type: [String], enum: ['count', 'submit', 'approve', 'return'] }) actions: StocktakeAction[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}

// ---------- consumption (LOG-8) ----------

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class QueryConsumptionDto {
  /** First month, YYYY-MM (default: eleven months before `to`). */
  @ApiPropertyOptional({ example: '2026-01' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  from?: string;

  /** Last month, YYYY-MM (default: this month). */
  @ApiPropertyOptional({ example: '2026-12' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  itemId?: string;
}

export class ConsumptionRowDto {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ type: RefDto }) department: RefDto;
  @ApiProperty({ type: StockItemRefDto }) item: StockItemRefDto;
  /** 领用 (out) */
  @ApiProperty() issued: number;
  /** 退库 (return) */
  @ApiProperty() returned: number;
  /** issued − returned */
  @ApiProperty() net: number;
}

export class ConsumptionReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [String] }) months: string[];
  @ApiProperty({ type: [ConsumptionRowDto] }) rows: ConsumptionRowDto[];
}
