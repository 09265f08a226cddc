import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INSPECTION_FREQUENCIES,
  INSPECTION_RESULTS,
  INSPECTION_ROUND_STATUSES,
  LOCATION_KINDS,
  MAINTENANCE_ACTIONS,
  MAINTENANCE_CATEGORIES,
  MAINTENANCE_HANDLINGS,
  MAINTENANCE_OFFICE_SOURCES,
  MAINTENANCE_SOURCES,
  MAINTENANCE_STATUSES,
  MAINTENANCE_URGENCIES,
  type InspectionFrequency,
  type InspectionResult,
  type InspectionRoundStatus,
  type LocationKind,
  type MaintenanceAction,
  type MaintenanceCategory,
  type MaintenanceHandling,
  type MaintenanceSource,
  type MaintenanceStatus,
  type MaintenanceUrgency,
} from '@xiaoban/shared';
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
import { AttachmentDto } from '../../../platform/files/files.dto';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

const FEN_MAX = 100_000_000_00; // 1 亿元

// ---------- locations ----------

export class CreateLocationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The parent node; omitted for a campus (or a node at the top)',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiProperty({ enum: LOCATION_KINDS })
  @IsIn(LOCATION_KINDS)
  kind: LocationKind;

  @ApiProperty({ maxLength: 100, example: '实验楼' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;
}

export class UpdateLocationDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Move under another node (null: to the top)' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class LocationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;

  @ApiProperty({ enum: LOCATION_KINDS })
  kind: LocationKind;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: '东校区 / 实验楼 / 3F / 305', description: 'Names from the top, joined by " / "' })
  path: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The meeting room the node stands for (MTG-4)' })
  meetingRoomId: string | null;

  @ApiProperty()
  active: boolean;
}

// ---------- settings ----------

export class MaintenanceSettingsDto {
  @ApiProperty({ description: 'External cost above this (fen) needs repair-cost approval' })
  approvalThresholdFen: number;

  @ApiProperty({ description: 'SLA of an urgent request, hours' })
  urgentHours: number;

  @ApiProperty({ description: 'SLA of a normal request, working days' })
  normalWorkingDays: number;

  @ApiProperty({ description: 'SLA of a low-urgency request, working days' })
  lowWorkingDays: number;

  @ApiProperty({ description: 'More than this many requests at one location and category in the period is a repeat fault' })
  repeatThreshold: number;

  @ApiProperty({ description: 'The period of the repeat-fault rule, days' })
  repeatPeriodDays: number;

  @ApiProperty()
  version: number;
}

export class UpdateMaintenanceSettingsDto {
  @ApiProperty({ minimum: 0, maximum: FEN_MAX })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(FEN_MAX)
  approvalThresholdFen: number;

  @ApiProperty({ minimum: 1, maximum: 240 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(240)
  urgentHours: number;

  @ApiProperty({ minimum: 1, maximum: 60 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  normalWorkingDays: number;

  @ApiProperty({ minimum: 1, maximum: 120 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  lowWorkingDays: number;

  @ApiProperty({ minimum: 1, maximum: 100 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  repeatThreshold: number;

  @ApiProperty({ minimum: 1, maximum: 730 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(730)
  repeatPeriodDays: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  version: number;
}

// ---------- requests ----------

/** 报修 from the phone page (LOG-9). */
export class SubmitMaintenanceRequestDto {
  @ApiProperty({ enum: MAINTENANCE_CATEGORIES })
  @IsIn(MAINTENANCE_CATEGORIES)
  category: MaintenanceCategory;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  locationId: string;

  @ApiPropertyOptional({ maxLength: 200, example: '讲台左侧插座' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  locationDetail?: string;

  @ApiProperty({ maxLength: 2000, example: '插座没电，投影仪无法使用' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;

  @ApiPropertyOptional({ enum: MAINTENANCE_URGENCIES, default: 'normal' })
  @IsOptional()
  @IsIn(MAINTENANCE_URGENCIES)
  urgency?: MaintenanceUrgency;

  @ApiPropertyOptional({ maxLength: 30 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(30)
  contactPhone?: string;

  /** Photos: draft files (POST /files) of the caller. */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 9 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsUUID('all', { each: true })
  photoIds?: string[];
}

/** The office registers a request that came by phone or on paper, noting the source. */
export class RegisterMaintenanceRequestDto extends SubmitMaintenanceRequestDto {
  @ApiProperty({ enum: MAINTENANCE_OFFICE_SOURCES })
  @IsIn(MAINTENANCE_OFFICE_SOURCES)
  source: (typeof MAINTENANCE_OFFICE_SOURCES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'The member of staff it is for (they then follow and confirm it)' })
  @IsOptional()
  @IsUUID()
  requesterId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'The caller’s name when they have no account' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  requesterName?: string;
}

export class TriageMaintenanceRequestDto {
  @ApiProperty({ enum: MAINTENANCE_HANDLINGS })
  @IsIn(MAINTENANCE_HANDLINGS)
  handling: MaintenanceHandling;

  @ApiPropertyOptional({ enum: MAINTENANCE_CATEGORIES, description: 'Correct the category' })
  @IsOptional()
  @IsIn(MAINTENANCE_CATEGORIES)
  category?: MaintenanceCategory;

  @ApiPropertyOptional({ enum: MAINTENANCE_URGENCIES, description: 'Correct the urgency (the SLA follows)' })
  @IsOptional()
  @IsIn(MAINTENANCE_URGENCIES)
  urgency?: MaintenanceUrgency;

  @ApiPropertyOptional({ maxLength: 200, description: 'External: the contractor (外包单位)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  contractor?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'External: the quote, fen' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(FEN_MAX)
  quoteFen?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'External: the agreed cost, fen; above the threshold it needs approval' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(FEN_MAX)
  costFen?: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class AssignMaintenanceRequestDto {
  @ApiProperty({ format: 'uuid', description: 'A maintenance worker (holder of logistics.maintenance.work)' })
  @IsUUID()
  assigneeId: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

/** start, progress, cancel: a note (required for progress and cancel). */
export class MaintenanceNoteDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class CompleteMaintenanceRequestDto {
  @ApiProperty({ maxLength: 1000, example: '更换插座面板，已通电' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 9, description: 'Photos of the finished work (draft files)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsUUID('all', { each: true })
  photoIds?: string[];

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class ConfirmMaintenanceRequestDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class RejectMaintenanceRequestDto {
  @ApiProperty({ maxLength: 1000, description: 'What is still wrong' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note: string;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class QueryMaintenanceRequestsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['all', 'mine', 'assigned'], description: 'mine: I asked for it; assigned: I am to fix it' })
  @IsOptional()
  @IsIn(['all', 'mine', 'assigned'])
  scope?: 'all' | 'mine' | 'assigned';

  @ApiPropertyOptional({ enum: MAINTENANCE_STATUSES })
  @IsOptional()
  @IsIn(MAINTENANCE_STATUSES)
  status?: MaintenanceStatus;

  @ApiPropertyOptional({ description: 'Only requests still open (not confirmed or cancelled)' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ description: 'Only open requests past their SLA' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: MAINTENANCE_CATEGORIES })
  @IsOptional()
  @IsIn(MAINTENANCE_CATEGORIES)
  category?: MaintenanceCategory;

  @ApiPropertyOptional({ enum: MAINTENANCE_SOURCES })
  @IsOptional()
  @IsIn(MAINTENANCE_SOURCES)
  source?: MaintenanceSource;

  @ApiPropertyOptional({ format: 'uuid', description: 'The location and everything under it (its history)' })
  @IsOptional()
  @IsUUID()
  locationId?: string;
}

export class MaintenanceEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'A MaintenanceAction, or submit / register / raise / overdue / re-reported' })
  action: string;

  @ApiProperty({ enum: MAINTENANCE_STATUSES, nullable: true })
  fromStatus: MaintenanceStatus | null;

  @ApiProperty({ enum: MAINTENANCE_STATUSES })
  toStatus: MaintenanceStatus;

  @ApiProperty({ type: RefDto, nullable: true })
  actor: RefDto | null;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty({ type: [AttachmentDto] })
  photos: AttachmentDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MaintenanceRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: MAINTENANCE_CATEGORIES })
  category: MaintenanceCategory;

  @ApiProperty({ type: RefDto })
  location: RefDto;

  @ApiProperty({ example: '东校区 / 实验楼 / 3F / 305' })
  locationPath: string;

  @ApiProperty({ nullable: true, type: String })
  locationDetail: string | null;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: MAINTENANCE_URGENCIES })
  urgency: MaintenanceUrgency;

  @ApiProperty({ enum: MAINTENANCE_SOURCES })
  source: MaintenanceSource;

  @ApiProperty({ type: RefDto, nullable: true })
  requester: RefDto | null;

  @ApiProperty({ nullable: true, type: String, description: 'The name of a caller without an account' })
  requesterName: string | null;

  @ApiProperty({ nullable: true, type: String })
  contactPhone: string | null;

  @ApiProperty({ enum: MAINTENANCE_STATUSES })
  status: MaintenanceStatus;

  @ApiProperty({ enum: MAINTENANCE_HANDLINGS, nullable: true })
  handling: MaintenanceHandling | null;

  @ApiProperty({ nullable: true, type: String })
  contractor: string | null;

  @ApiProperty({ nullable: true, type: Number })
  quoteFen: number | null;

  @ApiProperty({ nullable: true, type: Number })
  costFen: number | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The repair-cost approval request' })
  approvalRequestId: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  assignee: RefDto | null;

  @ApiProperty({ format: 'date-time', description: 'The SLA deadline' })
  dueAt: string;

  @ApiProperty({ description: 'Open and past its SLA' })
  overdue: boolean;

  @ApiProperty({ nullable: true, type: Number })
  rating: number | null;

  @ApiProperty()
  reopenCount: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'LOG-10: the inspection result that raised it' })
  inspectionResultId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'MTG-4: the meeting equipment test that raised it' })
  equipmentTestId: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  completedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  confirmedAt: string | null;

  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MaintenanceRequestDetailDto extends MaintenanceRequestDto {
  @ApiProperty({ type: [MaintenanceEventDto], description: 'The progress, oldest first' })
  events: MaintenanceEventDto[];

  @ApiProperty({ type: [AttachmentDto], description: 'Every photo: the report’s and the completion’s' })
  photos: AttachmentDto[];

  @ApiProperty({ enum: MAINTENANCE_ACTIONS, isArray: true, description: 'What the viewer may do now' })
  actions: MaintenanceAction[];
}

// ---------- report ----------

export class QueryRepeatFaultsDto {
  @ApiPropertyOptional({ format: 'date', description: 'From (school date); default: the settings’ period before today' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'To (school date, inclusive); default today' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: 'More than this many; default the settings’ threshold' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  threshold?: number;
}

export class RepeatFaultDto {
  @ApiProperty({ type: RefDto })
  location: RefDto;

  @ApiProperty()
  locationPath: string;

  @ApiProperty({ enum: MAINTENANCE_CATEGORIES })
  category: MaintenanceCategory;

  @ApiProperty()
  count: number;

  @ApiProperty({ format: 'date-time' })
  firstAt: string;

  @ApiProperty({ format: 'date-time' })
  lastAt: string;
}

export class RepeatFaultReportDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty()
  threshold: number;

  @ApiProperty({ type: [RepeatFaultDto] })
  rows: RepeatFaultDto[];
}

// ---------- inspections (LOG-10) ----------

export class InspectionItemInputDto {
  @ApiProperty({ maxLength: 200, example: '配电箱无异味、无发热' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  text: string;

  @ApiProperty({ enum: MAINTENANCE_CATEGORIES })
  @IsIn(MAINTENANCE_CATEGORIES)
  category: MaintenanceCategory;
}

export class CreateInspectionTemplateDto {
  @ApiProperty({ maxLength: 100, example: '教学楼电气与楼梯月检' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ format: 'uuid', description: 'The area: a location node' })
  @IsUUID()
  locationId: string;

  @ApiProperty({ enum: INSPECTION_FREQUENCIES })
  @IsIn(INSPECTION_FREQUENCIES)
  frequency: InspectionFrequency;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  inspectorId?: string | null;

  @ApiProperty({ type: [InspectionItemInputDto], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => InspectionItemInputDto)
  items: InspectionItemInputDto[];
}

export class UpdateInspectionTemplateDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  inspectorId?: string | null;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class InspectionItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  position: number;

  @ApiProperty()
  text: string;

  @ApiProperty({ enum: MAINTENANCE_CATEGORIES })
  category: MaintenanceCategory;
}

export class InspectionTemplateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: RefDto })
  location: RefDto;

  @ApiProperty()
  locationPath: string;

  @ApiProperty({ enum: INSPECTION_FREQUENCIES })
  frequency: InspectionFrequency;

  @ApiProperty({ type: RefDto, nullable: true })
  inspector: RefDto | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: [InspectionItemDto] })
  items: InspectionItemDto[];

  @ApiProperty()
  version: number;
}

export class QueryInspectionRoundsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INSPECTION_ROUND_STATUSES })
  @IsOptional()
  @IsIn(INSPECTION_ROUND_STATUSES)
  status?: InspectionRoundStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  templateId?: string;
}

export class InspectionResultDto {
  @ApiProperty({ format: 'uuid' })
  itemId: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ enum: MAINTENANCE_CATEGORIES })
  category: MaintenanceCategory;

  @ApiProperty({ enum: INSPECTION_RESULTS, nullable: true, description: 'Null until recorded' })
  result: InspectionResult | null;

  @ApiProperty({ nullable: true, type: String })
  remark: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The maintenance request a failure raised' })
  requestId: string | null;
}

export class InspectionRoundDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto })
  template: RefDto;

  @ApiProperty()
  locationPath: string;

  @ApiProperty({ example: '2026-12' })
  periodKey: string;

  @ApiProperty({ format: 'date' })
  dueOn: string;

  @ApiProperty({ enum: INSPECTION_ROUND_STATUSES })
  status: InspectionRoundStatus;

  @ApiProperty({ type: RefDto, nullable: true })
  completedBy: RefDto | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  completedAt: string | null;
}

export class InspectionRoundDetailDto extends InspectionRoundDto {
  @ApiProperty({ type: [InspectionResultDto] })
  results: InspectionResultDto[];
}

export class RecordInspectionItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId: string;

  @ApiProperty({ enum: INSPECTION_RESULTS })
  @IsIn(INSPECTION_RESULTS)
  result: InspectionResult;

  @ApiPropertyOptional({ maxLength: 500, description: 'What is wrong (goes into the repair request)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  remark?: string;
}

export class RecordInspectionDto {
  @ApiProperty({ type: [RecordInspectionItemDto], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RecordInspectionItemDto)
  results: RecordInspectionItemDto[];

  @ApiPropertyOptional({ description: 'Close the round (every item must have a result)' })
  @IsOptional()
  @IsBoolean()
  complete?: boolean;
}
