import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVALUATION_CYCLE_ACTIONS,
  EVALUATION_CYCLE_STATUSES,
  EVALUATION_FORM_STATUSES,
  EVALUATION_PERIODS,
  EVALUATION_SOURCES,
  type EvaluationCycleAction,
  type EvaluationCycleStatus,
  type EvaluationFormStatus,
  type EvaluationPeriod,
  type EvaluationSource,
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
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

export class EvaluationDimensionDto {
  @ApiProperty({ example: 'workload', description: 'Stable key within the template: lower-case letters, digits and dashes' })
  @Matches(/^[a-z][a-z0-9-]{0,29}$/, { message: 'key: lower-case letters, digits and dashes, starting with a letter' })
  key: string;

  @ApiProperty({ example: '工作量', maxLength: 50 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiProperty({ minimum: 1, maximum: 100, description: 'Percent; the weights of a template sum to 100' })
  @IsInt()
  @Min(1)
  @Max(100)
  weight: number;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(0)
  @Max(1000)
  scaleMin: number;

  @ApiProperty({ example: 5 })
  @IsInt()
  @Min(1)
  @Max(1000)
  scaleMax: number;
}

export class CreateEvaluationTemplateDto {
  @ApiProperty({ maxLength: 100, example: '教职工月度考核' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ type: [EvaluationDimensionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvaluationDimensionDto)
  dimensions: EvaluationDimensionDto[];
}

export class EvaluationTemplateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: [EvaluationDimensionDto] })
  dimensions: EvaluationDimensionDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export class SourceWeightsDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 20 })
  @IsInt()
  @Min(0)
  @Max(100)
  self: number;

  @ApiProperty({ minimum: 0, maximum: 100, example: 30 })
  @IsInt()
  @Min(0)
  @Max(100)
  peer: number;

  @ApiProperty({ minimum: 0, maximum: 100, example: 50 })
  @IsInt()
  @Min(0)
  @Max(100)
  leader: number;
}

export class PeerAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  peerIds: string[];
}

export class CreateEvaluationCycleDto {
  @ApiProperty({ maxLength: 100, example: '2026年11月考核' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: EVALUATION_PERIODS })
  @IsIn(EVALUATION_PERIODS)
  period: EvaluationPeriod;

  @ApiProperty({ format: 'date', example: '2026-11-01' })
  @IsDateString({ strict: true })
  periodStart: string;

  @ApiProperty({ format: 'date', example: '2026-11-30' })
  @IsDateString({ strict: true })
  periodEnd: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  templateId: string;

  @ApiProperty({ type: SourceWeightsDto, description: 'Self, peer and leader weights in percent; they sum to 100' })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceWeightsDto)
  sourceWeights: SourceWeightsDto;

  @ApiProperty({ minimum: 1, maximum: 50, description: 'Below this many peer responses, no peer result shows' })
  @IsInt()
  @Min(1)
  @Max(50)
  peerMinimum: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'People evaluated' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  personIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Departments whose active members are evaluated' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  @ApiPropertyOptional({
    type: [PeerAssignmentDto],
    description: 'Peers chosen by the office; by default, the other participants of the same department',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PeerAssignmentDto)
  peerAssignments?: PeerAssignmentDto[];
}

export class EvaluationCycleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: EVALUATION_PERIODS })
  period: EvaluationPeriod;

  @ApiProperty({ format: 'date' })
  periodStart: string;

  @ApiProperty({ format: 'date' })
  periodEnd: string;

  @ApiProperty({ type: RefDto })
  template: RefDto;

  @ApiProperty({ type: [EvaluationDimensionDto] })
  dimensions: EvaluationDimensionDto[];

  @ApiProperty({ type: SourceWeightsDto })
  sourceWeights: SourceWeightsDto;

  @ApiProperty()
  peerMinimum: number;

  @ApiProperty({ enum: EVALUATION_CYCLE_STATUSES })
  status: EvaluationCycleStatus;

  @ApiProperty()
  participantCount: number;

  @ApiProperty({ description: 'Forms submitted so far, of all forms sent out' })
  formsSubmitted: number;

  @ApiProperty()
  formsTotal: number;

  @ApiProperty({ enum: EVALUATION_CYCLE_ACTIONS, isArray: true })
  actions: EvaluationCycleAction[];

  @ApiProperty()
  version: number;
}

export class CycleMoveDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class QueryCyclesDto {
  @ApiPropertyOptional({ enum: EVALUATION_CYCLE_STATUSES })
  @IsOptional()
  @IsIn(EVALUATION_CYCLE_STATUSES)
  status?: EvaluationCycleStatus;
}

/** One figure of the evaluated person's own records over the cycle's period. */
export class EvidenceDto {
  @ApiProperty({ description: 'Inbox items they closed as done in the period' })
  inboxClosed: number;

  @ApiProperty({ description: 'Of those, how many had a deadline' })
  inboxWithDeadline: number;

  @ApiProperty({ description: 'Of those with a deadline, how many were closed by it' })
  inboxOnTime: number;

  @ApiProperty({ type: Number, nullable: true, description: 'inboxOnTime / inboxWithDeadline in percent; null when none had a deadline' })
  onTimeRate: number | null;

  @ApiProperty({ description: 'Inbox items open past their deadline now' })
  inboxOverdueOpen: number;

  @ApiProperty({ description: 'Training sessions attended in the period (ASM-6)' })
  trainingSessions: number;
}

/** A form as its evaluator sees it. It names the person evaluated, never other evaluators. */
export class EvaluationFormDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto })
  cycle: RefDto;

  @ApiProperty({ format: 'date' })
  periodStart: string;

  @ApiProperty({ format: 'date' })
  periodEnd: string;

  @ApiProperty({ type: RefDto, description: 'The person evaluated' })
  evaluatee: RefDto;

  @ApiProperty({ enum: EVALUATION_SOURCES })
  source: EvaluationSource;

  @ApiProperty({ enum: EVALUATION_FORM_STATUSES })
  status: EvaluationFormStatus;

  @ApiProperty({ type: [EvaluationDimensionDto] })
  dimensions: EvaluationDimensionDto[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, nullable: true })
  scores: Record<string, number> | null;

  @ApiProperty({ type: String, nullable: true })
  comment: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt: Date | null;
}

export class EvaluationFormDetailDto extends EvaluationFormDto {
  @ApiProperty({ type: EvidenceDto, description: "The evaluated person's own figures from the system for the period" })
  evidence: EvidenceDto;
}

export class QueryMyFormsDto {
  @ApiPropertyOptional({ enum: EVALUATION_FORM_STATUSES })
  @IsOptional()
  @IsIn(EVALUATION_FORM_STATUSES)
  status?: EvaluationFormStatus;
}

export class SubmitEvaluationFormDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { workload: 4, quality: 5, attitude: 90 },
    description: 'Dimension key → score on its scale; every dimension once',
  })
  @IsObject()
  scores: Record<string, number>;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Self and leader forms only: peers give scores alone' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class SourceResultDto {
  @ApiProperty({ enum: EVALUATION_SOURCES })
  source: EvaluationSource;

  @ApiProperty()
  weight: number;

  @ApiProperty({ type: Number, nullable: true, description: '0–100; null when absent or withheld' })
  score: number | null;

  @ApiProperty({ description: 'Forms counted (for peers: 0 when below the minimum)' })
  responses: number;

  @ApiProperty({ description: 'Peers only: some responded, but fewer than the minimum ("not enough responses")' })
  notEnoughResponses: boolean;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Dimension key → mean normalised score, 0–100' })
  dimensions: Record<string, number>;
}

/** A person's result: aggregates only, with no evaluator of any peer form. */
export class EvaluationResultDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto })
  cycle: RefDto;

  @ApiProperty({ type: RefDto })
  person: RefDto;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ type: Number, nullable: true, description: '0–100 with two decimals' })
  total: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Rank within the department in this cycle (1 = highest)' })
  rank: number | null;

  @ApiProperty({ type: [SourceResultDto] })
  sources: SourceResultDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acknowledgedAt: Date | null;
}

/** What the person reads: their result, the dimensions, and the self and leader comments. */
export class EvaluationReportDto extends EvaluationResultDto {
  @ApiProperty({ format: 'date' })
  periodStart: string;

  @ApiProperty({ format: 'date' })
  periodEnd: string;

  @ApiProperty({ type: [EvaluationDimensionDto] })
  dimensions: EvaluationDimensionDto[];

  @ApiProperty({ type: String, nullable: true })
  selfComment: string | null;

  @ApiProperty({ type: String, nullable: true })
  leaderComment: string | null;
}

export class QueryResultsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cycleId: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class ParticipantProgressDto {
  @ApiProperty({ type: RefDto })
  person: RefDto;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ type: RefDto, nullable: true })
  leader: RefDto | null;

  @ApiProperty()
  peersAsked: number;

  @ApiProperty({ description: 'Counts only: which peer submitted is not shown' })
  peersSubmitted: number;

  @ApiProperty()
  selfSubmitted: boolean;

  @ApiProperty()
  leaderSubmitted: boolean;
}

/** A cycle whose results exist (closed or released): what the results page lets one pick. */
export class ResultCycleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'date' })
  periodStart: string;

  @ApiProperty({ format: 'date' })
  periodEnd: string;

  @ApiProperty({ enum: EVALUATION_CYCLE_STATUSES })
  status: EvaluationCycleStatus;
}
