import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVENT_STATUSES,
  LAYOUT_MAX_SIZE,
  LAYOUT_PIECE_KINDS,
  EVENT_MATERIAL_SOURCES,
  EVENT_MATERIAL_STATUSES,
  type EventStatus,
  type LayoutPieceKind,
  type EventMaterialAction,
  type EventMaterialSource,
  type EventMaterialStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

/** A new event (活动): what, when, where and who answers for it. */
export class CreateEventDto {
  @ApiProperty({ maxLength: 200, example: '2026年春季田径运动会' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ format: 'date-time', example: '2026-04-18T08:00:00+08:00' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-04-18T17:00:00+08:00' })
  @IsISO8601({ strict: true })
  endsAt: string;

  /** The venue in words (田径场, 报告厅…). */
  @ApiProperty({ maxLength: 200, example: '学校田径场' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  venue: string;

  /** A meeting room, when the event is held in one. */
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  roomId?: string | null;

  /** 负责人 */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerId: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: LAYOUT_MAX_SIZE, default: 8 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LAYOUT_MAX_SIZE)
  layoutRows?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: LAYOUT_MAX_SIZE, default: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LAYOUT_MAX_SIZE)
  layoutCols?: number;
}

/** Changes to an event, at the version the editor saw. */
export class UpdateEventDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endsAt?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  venue?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  roomId?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: LAYOUT_MAX_SIZE })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LAYOUT_MAX_SIZE)
  layoutRows?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: LAYOUT_MAX_SIZE })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LAYOUT_MAX_SIZE)
  layoutCols?: number;
}

/** A status move: planning ⇄ ready → held (reconciled only through reconcileEvent). */
export class MoveEventDto {
  @ApiProperty({ enum: ['planning', 'ready', 'held'] })
  @IsIn(['planning', 'ready', 'held'])
  to: 'planning' | 'ready' | 'held';

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class ReconcileEventDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class QueryEventsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;
}

/** A line of the material list. */
export class AddMaterialDto {
  @ApiProperty({ enum: EVENT_MATERIAL_SOURCES })
  @IsIn(EVENT_MATERIAL_SOURCES)
  source: EventMaterialSource;

  /** A stock line's catalogue item. */
  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((o: AddMaterialDto) => o.source === 'stock' || o.itemId !== undefined)
  @IsUUID()
  itemId?: string;

  /** What it is; a stock line takes the catalogue item's name when left out. */
  @ApiPropertyOptional({ maxLength: 200, example: '折叠桌' })
  @ValidateIf((o: AddMaterialDto) => o.source !== 'stock' || o.name !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  /** 规格 */
  @ApiPropertyOptional({ maxLength: 200, example: '1.8m×0.6m' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  specification?: string;

  @ApiProperty({ minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;

  /** Rental: the supplier. */
  @ApiPropertyOptional({ maxLength: 200, example: '鸿运会展租赁公司' })
  @ValidateIf((o: AddMaterialDto) => o.source === 'rent' || o.supplier !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  supplier?: string;

  /** Rental: the cost in integer fen (分). */
  @ApiPropertyOptional({ minimum: 0, example: 120000 })
  @ValidateIf((o: AddMaterialDto) => o.source === 'rent' || o.costFen !== undefined)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  costFen?: number;

  /** Rental: the date it goes back. */
  @ApiPropertyOptional({ format: 'date', example: '2026-04-19' })
  @ValidateIf((o: AddMaterialDto) => o.source === 'rent' || o.returnOn !== undefined)
  @IsDateString({ strict: true })
  returnOn?: string;
}

/**
 * The clean-up of a line (清点): of its quantity, how much came back, was used up, is missing or
 * damaged; missing and damaged need the person responsible. The four add up to the quantity.
 */
export class AccountMaterialDto {
  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100000)
  returned: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  consumed?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  missing?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  damaged?: number;

  /** Who answers for the missing or damaged part. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** A piece placed on a grid cell of the layout (rows and columns count from 0). */
export class PlaceLayoutPieceDto {
  @ApiProperty({ enum: LAYOUT_PIECE_KINDS })
  @IsIn(LAYOUT_PIECE_KINDS)
  kind: LayoutPieceKind;

  @ApiPropertyOptional({ maxLength: 60, example: '主席台1号桌' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  label?: string;

  @ApiProperty({ minimum: 0, maximum: LAYOUT_MAX_SIZE - 1 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(LAYOUT_MAX_SIZE - 1)
  row: number;

  @ApiProperty({ minimum: 0, maximum: LAYOUT_MAX_SIZE - 1 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(LAYOUT_MAX_SIZE - 1)
  col: number;
}

export class AddDecorationDto {
  @ApiProperty({ maxLength: 200, example: '横幅' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity?: number;

  @ApiPropertyOptional({ maxLength: 500, example: '主席台上方，红底黄字' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class AddRehearsalCheckDto {
  @ApiProperty({ maxLength: 300, example: '音响试音' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  text: string;
}

export class SetRehearsalCheckDto {
  @ApiProperty()
  @IsBoolean()
  checked: boolean;
}

export class AddDutyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiProperty({ maxLength: 100, example: '签到引导' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  role: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt: string;
}

export class LogIncidentDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  occurredAt: string;

  @ApiProperty({ maxLength: 1000, example: '主席台话筒无声' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description: string;

  @ApiPropertyOptional({ maxLength: 1000, example: '更换备用话筒' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  action?: string;
}

// ---------- responses ----------

export class EventMaterialDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EVENT_MATERIAL_SOURCES }) source: EventMaterialSource;
  @ApiProperty() name: string;
  @ApiProperty() specification: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) itemId: string | null;
  @ApiProperty() note: string;
  @ApiProperty({ nullable: true, type: String }) supplier: string | null;
  @ApiProperty({ nullable: true, type: Number }) costFen: number | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) returnOn: string | null;
  @ApiProperty({ enum: EVENT_MATERIAL_STATUSES }) status: EventMaterialStatus;
  @ApiProperty() returnedQuantity: number;
  @ApiProperty() consumedQuantity: number;
  @ApiProperty() missingQuantity: number;
  @ApiProperty() damagedQuantity: number;
  @ApiProperty({ type: RefDto, nullable: true }) responsible: RefDto | null;
  @ApiProperty({ nullable: true, type: String }) accountingNote: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) accountedAt: string | null;
  /** What the viewer may do with the line now. */
  @ApiProperty({ type: [String], enum: ['confirm', 'issue', 'account', 'remove'] }) actions: EventMaterialAction[];
}

export class EventLayoutPieceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: LAYOUT_PIECE_KINDS }) kind: LayoutPieceKind;
  @ApiProperty() label: string;
  @ApiProperty() row: number;
  @ApiProperty() col: number;
}

export class EventDecorationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() quantity: number;
  @ApiProperty() note: string;
}

export class EventRehearsalCheckDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: RefDto, nullable: true }) checkedBy: RefDto | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) checkedAt: string | null;
}

export class EventDutyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: RefDto }) person: RefDto;
  @ApiProperty() role: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class EventIncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty() description: string;
  @ApiProperty() action: string;
  @ApiProperty({ type: RefDto }) reporter: RefDto;
}

/** An event in the list. */
export class EventSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() venue: string;
  @ApiProperty({ type: RefDto, nullable: true }) room: RefDto | null;
  @ApiProperty({ type: RefDto }) owner: RefDto;
  @ApiProperty({ enum: EVENT_STATUSES }) status: EventStatus;
  @ApiProperty() version: number;
}

/** An event with all its parts, and what the viewer may do with it. */
export class EventDetailDto extends EventSummaryDto {
  @ApiProperty() note: string;
  @ApiProperty() layoutRows: number;
  @ApiProperty() layoutCols: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reconciledAt: string | null;
  /** The viewer may change the event (its owner, or logistics.events.manage). */
  @ApiProperty() canChange: boolean;
  /** The status moves open to the viewer now (`reconciled` through reconcileEvent). */
  @ApiProperty({ type: [String], enum: EVENT_STATUSES }) transitions: EventStatus[];
  @ApiProperty({ type: [EventMaterialDto] }) materials: EventMaterialDto[];
  @ApiProperty({ type: [EventLayoutPieceDto] }) layout: EventLayoutPieceDto[];
  @ApiProperty({ type: [EventDecorationDto] }) decorations: EventDecorationDto[];
  @ApiProperty({ type: [EventRehearsalCheckDto] }) checks: EventRehearsalCheckDto[];
  @ApiProperty({ type: [EventDutyDto] }) duties: EventDutyDto[];
  @ApiProperty({ type: [EventIncidentDto] }) incidents: EventIncidentDto[];
}

/** A line of the reconciliation report. */
export class ReconciliationLineDto {
  @ApiProperty({ format: 'uuid' }) materialId: string;
  @ApiProperty({ enum: EVENT_MATERIAL_SOURCES }) source: EventMaterialSource;
  @ApiProperty() name: string;
  @ApiProperty() specification: string;
  @ApiProperty() quantity: number;
  @ApiProperty() missing: number;
  @ApiProperty() damaged: number;
  @ApiProperty({ type: RefDto, nullable: true }) responsible: RefDto | null;
  @ApiProperty({ nullable: true, type: String }) supplier: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

/** The clean-up report (清点报告): lines not yet accounted for, and what is missing or damaged with who answers for it. */
export class ReconciliationReportDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ enum: EVENT_STATUSES }) status: EventStatus;
  /** Stock and rented lines still to be accounted for: the event cannot be reconciled while any is left. */
  @ApiProperty({ type: [ReconciliationLineDto] }) unaccounted: ReconciliationLineDto[];
  /** Lines with a missing or damaged part, with the person responsible. */
  @ApiProperty({ type: [ReconciliationLineDto] }) losses: ReconciliationLineDto[];
  /** Units that went back into stock (return movements) and rentals returned. */
  @ApiProperty() returnedStockUnits: number;
  @ApiProperty() returnedRentals: number;
  /** What the rentals cost, in fen. */
  @ApiProperty() rentalCostFen: number;
  @ApiProperty() complete: boolean;
}
