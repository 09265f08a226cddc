import { ApiProperty, ApiPropertyOptional, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { APPROVAL_ACTIONS, APPROVAL_STATUSES, CONDITION_OPERATORS, type ApprovalAction, type ApprovalStatus } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../http/pagination';
import { RefDto } from '../org/org.dto';
import { trim } from '../http/transforms';

// ---------- chains ----------

export class ApproverRuleDto {
  /** `role`: everyone with a role; `department-head`: head of the applicant's department; `parent-department-head`; `users`: named people. */
  @ApiProperty({ enum: ['role', 'department-head', 'parent-department-head', 'users'] })
  @IsIn(['role', 'department-head', 'parent-department-head', 'users'])
  type: 'role' | 'department-head' | 'parent-department-head' | 'users';

  @ApiPropertyOptional({ example: 'school-leader', description: 'Role code, for type `role`' })
  @ValidateIf((o: ApproverRuleDto) => o.type === 'role')
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  role?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'People, for type `users`' })
  @ValidateIf((o: ApproverRuleDto) => o.type === 'users')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  userIds?: string[];
}

export class StepConditionDto {
  @ApiProperty({ example: 'sealType', description: 'A field of the request data' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  field: string;

  @ApiProperty({ enum: CONDITION_OPERATORS })
  @IsIn(CONDITION_OPERATORS)
  op: (typeof CONDITION_OPERATORS)[number];

  @ApiProperty({ description: 'A string, number or boolean; a list for `in`', example: 'official' })
  @IsDefined()
  value: string | number | boolean | (string | number)[];
}

export class ApprovalStepDto {
  @ApiProperty({ example: '校领导审批' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiProperty({ type: ApproverRuleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ApproverRuleDto)
  approvers: ApproverRuleDto;

  /** `any`: one approval decides; `all`: every approver must approve (会签). */
  @ApiProperty({ enum: ['any', 'all'] })
  @IsIn(['any', 'all'])
  mode: 'any' | 'all';

  @ApiPropertyOptional({ type: StepConditionDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StepConditionDto)
  condition?: StepConditionDto | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 2160,
    description: 'Hours to decide; reminders before and after',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2160)
  timeLimitHours?: number | null;
}

export class ApprovalChainDto {
  @ApiProperty({ example: 'general-request' })
  kind: string;

  @ApiProperty({ example: '事项请示' })
  name: string;

  @ApiProperty({ example: 'General request' })
  nameEn: string;

  @ApiProperty({ type: [ApprovalStepDto] })
  steps: ApprovalStepDto[];

  @ApiProperty({ description: '0 while the default chain has never been saved' })
  version: number;
}

export class UpdateApprovalChainDto {
  @ApiProperty({ type: [ApprovalStepDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ApprovalStepDto)
  steps: ApprovalStepDto[];

  @ApiProperty({ description: 'The version read' })
  @IsInt()
  @Min(0)
  version: number;
}

// ---------- requests ----------

export class SubmitGeneralRequestDto {
  @ApiProperty({ example: '关于举办校园开放日活动的请示', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '拟于下月举办校园开放日，需借用操场及礼堂，请审批。', maxLength: 10000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  content: string;
}

export class ResubmitDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000, description: 'The changed content (general requests)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  content?: string;
}

export class ApproveDto {
  @ApiPropertyOptional({ maxLength: 2000, example: '同意。' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: 2000, example: '请补充活动安全预案。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class TransferDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toUserId: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class CopyDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  userIds: string[];
}

export class QueryApprovalsDto extends PageQueryDto {
  /** `mine`: I applied; `to-me`: I am (or was) an approver; `copied`: copied to me; `all`: all I may see. */
  @ApiPropertyOptional({ enum: ['mine', 'to-me', 'copied', 'all'], default: 'mine' })
  @IsOptional()
  @IsIn(['mine', 'to-me', 'copied', 'all'])
  scope?: 'mine' | 'to-me' | 'copied' | 'all';

  @ApiPropertyOptional({ enum: APPROVAL_STATUSES })
  @IsOptional()
  @IsIn(APPROVAL_STATUSES)
  status?: ApprovalStatus;

  @ApiPropertyOptional({ example: 'general-request' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  kind?: string;
}

export class ApprovalSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'general-request' })
  kind: string;

  @ApiProperty({ example: '事项请示' })
  kindName: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: RefDto })
  applicant: RefDto;

  @ApiProperty({ enum: APPROVAL_STATUSES })
  status: ApprovalStatus;

  @ApiProperty({ nullable: true, type: String, description: 'Name of the step deciding now, while pending' })
  currentStepName: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  decidedAt: string | null;
}

export class ApprovalTaskDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  round: number;

  @ApiProperty()
  stepIndex: number;

  @ApiProperty({ type: RefDto })
  assignee: RefDto;

  @ApiProperty({ enum: ['pending', 'approved', 'rejected', 'returned', 'transferred', 'cancelled'] })
  status: string;

  @ApiProperty({ nullable: true, type: String })
  comment: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  dueAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  decidedAt: string | null;
}

export class ApprovalEventDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  round: number;

  @ApiProperty({ nullable: true, type: Number })
  stepIndex: number | null;

  @ApiProperty({ type: RefDto, nullable: true })
  actor: RefDto | null;

  @ApiProperty({ enum: ['submit', 'approve', 'reject', 'return', 'resubmit', 'withdraw', 'transfer', 'copy', 'complete'] })
  action: string;

  @ApiProperty({ nullable: true, type: String, description: 'Comment or reason; for `complete`, the outcome' })
  comment: string | null;

  @ApiProperty({ type: [RefDto], description: 'People a transfer or copy went to' })
  targets: RefDto[];

  @ApiProperty({ format: 'date-time' })
  at: string;
}

@ApiExtraModels(ApprovalStepDto)
export class ApprovalRequestDto extends ApprovalSummaryDto {
  @ApiProperty({ nullable: true, type: String })
  subjectType: string | null;

  @ApiProperty({ nullable: true, type: String })
  subjectId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the applicant wrote and the facts the conditions read' })
  data: Record<string, unknown>;

  @ApiProperty({
    type: 'array',
    items: { $ref: getSchemaPath(ApprovalStepDto) },
    description: 'The steps of this request (fixed at submission)',
  })
  steps: ApprovalStepDto[];

  @ApiProperty()
  currentStep: number;

  @ApiProperty()
  round: number;

  @ApiProperty({ type: [ApprovalTaskDto] })
  tasks: ApprovalTaskDto[];

  @ApiProperty({ type: [ApprovalEventDto], description: 'Every action, with actor, time and comment' })
  events: ApprovalEventDto[];

  @ApiProperty({ type: [RefDto], description: 'People the request was copied to' })
  copiedTo: RefDto[];

  @ApiProperty({ enum: APPROVAL_ACTIONS, isArray: true, description: 'What the caller may do now' })
  allowedActions: ApprovalAction[];
}
