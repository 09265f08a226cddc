import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  QUESTION_MAX_OPTIONS,
  QUESTION_TYPES,
  QUESTIONNAIRE_ACTIONS,
  QUESTIONNAIRE_MAX_QUESTIONS,
  QUESTIONNAIRE_RESPONSE_MODES,
  QUESTIONNAIRE_STATUSES,
  RATING_MAX_SCALE,
  type QuestionAnswer,
  type QuestionnaireAction,
  type QuestionnaireResponseMode,
  type QuestionnaireStatus,
  type QuestionType,
} from '@xiaoban/shared';
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
import { PageQueryDto } from '../../../platform/http/pagination';
import { trim } from '../../../platform/http/transforms';
import { RefDto } from '../../../platform/org/org.dto';

const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

/** Skip logic: show the question only if the earlier question `question` was answered with option `option` (both 0-based). */
export class QuestionConditionDto {
  @ApiProperty({ minimum: 0, description: 'Position of an earlier choice question' })
  @IsInt()
  @Min(0)
  question: number;

  @ApiProperty({ minimum: 0, description: 'Position of one of its options' })
  @IsInt()
  @Min(0)
  option: number;
}

export class QuestionDto {
  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type: QuestionType;

  @ApiProperty({ maxLength: 500, example: '您对本学期食堂伙食的总体满意度' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({ type: [String], maxItems: QUESTION_MAX_OPTIONS, description: 'Choice questions only: two or more' })
  @IsOptional()
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(QUESTION_MAX_OPTIONS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  options?: string[];

  @ApiPropertyOptional({ minimum: 2, maximum: RATING_MAX_SCALE, description: 'Rating questions only: answered 1..scale' })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(RATING_MAX_SCALE)
  scale?: number;

  @ApiPropertyOptional({ type: QuestionConditionDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuestionConditionDto)
  showIf?: QuestionConditionDto | null;
}

/** A questionnaire as the builder saves it (ASM-3). */
export class SaveQuestionnaireDto {
  @ApiProperty({ maxLength: 200, example: '2026年秋季学期家长满意度调查' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  description?: string;

  /** Anonymous: no identity is kept with the answers. Named mode cannot be anonymous; token mode always is. */
  @ApiProperty()
  @IsBoolean()
  anonymous: boolean;

  @ApiProperty({ enum: QUESTIONNAIRE_RESPONSE_MODES })
  @IsIn(QUESTIONNAIRE_RESPONSE_MODES)
  responseMode: QuestionnaireResponseMode;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @Type(() => Date)
  opensAt?: Date | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @Type(() => Date)
  closesAt?: Date | null;

  @ApiProperty({ type: [QuestionDto], minItems: 1, maxItems: QUESTIONNAIRE_MAX_QUESTIONS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(QUESTIONNAIRE_MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions: QuestionDto[];
}

export class UpdateQuestionnaireDto extends SaveQuestionnaireDto {
  @ApiProperty()
  @IsInt()
  version: number;
}

export class QuestionnaireVersionDto {
  @ApiProperty()
  @IsInt()
  version: number;
}

export class QueryQuestionnairesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUESTIONNAIRE_STATUSES })
  @IsOptional()
  @IsIn(QUESTIONNAIRE_STATUSES)
  status?: QuestionnaireStatus;
}

export class QuestionConditionViewDto {
  @ApiProperty()
  question: number;

  @ApiProperty()
  option: number;
}

export class QuestionViewDto {
  @ApiProperty({ enum: QUESTION_TYPES })
  type: QuestionType;

  @ApiProperty()
  title: string;

  @ApiProperty()
  required: boolean;

  @ApiPropertyOptional({ type: [String] })
  options?: string[];

  @ApiPropertyOptional()
  scale?: number;

  @ApiPropertyOptional({ type: QuestionConditionViewDto, nullable: true })
  showIf?: QuestionConditionViewDto | null;
}

export class QuestionnaireDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The public link is /q/<code>' })
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty()
  anonymous: boolean;

  @ApiProperty({ enum: QUESTIONNAIRE_RESPONSE_MODES })
  responseMode: QuestionnaireResponseMode;

  @ApiProperty({ enum: QUESTIONNAIRE_STATUSES })
  status: QuestionnaireStatus;

  @ApiProperty({ type: [QuestionViewDto] })
  questions: QuestionViewDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  opensAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closesAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  openedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;

  /** True while open and within its dates. */
  @ApiProperty()
  accepting: boolean;

  @ApiProperty()
  responseCount: number;

  @ApiProperty({ type: RefDto })
  createdBy: RefDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ enum: QUESTIONNAIRE_ACTIONS, isArray: true })
  actions: QuestionnaireAction[];

  @ApiProperty()
  version: number;
}

/** What the answering page gets: the questions, and how to answer (ASM-3). */
export class PublicQuestionnaireDto {
  @ApiProperty()
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty()
  anonymous: boolean;

  @ApiProperty({ enum: QUESTIONNAIRE_RESPONSE_MODES })
  responseMode: QuestionnaireResponseMode;

  @ApiProperty({ type: [QuestionViewDto] })
  questions: QuestionViewDto[];

  @ApiProperty()
  accepting: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closesAt: Date | null;
}

/**
 * A response: `answers[i]` answers question i — an option index (single), option indexes
 * (multiple), a whole number 1..scale (rating), a text, or null (unanswered or skipped).
 * An answer to a question its skip logic hides is refused (400), not silently dropped, so a
 * page that forgot to clear it learns so.
 */
export class SubmitQuestionnaireResponseDto {
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' } }, { type: 'string' }], nullable: true },
  })
  @IsArray()
  @ArrayMaxSize(QUESTIONNAIRE_MAX_QUESTIONS)
  answers: QuestionAnswer[];

  /** Token mode: the one-time token taken when signed in. */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;
}

export class QuestionnaireReceiptDto {
  @ApiProperty({ format: 'date', description: 'The day it was received: all an anonymous response keeps of its time' })
  submittedOn: string;
}

export class QuestionnaireTokenDto {
  @ApiProperty({ description: 'Shown once; not stored anywhere. Submit it with the answers.' })
  token: string;
}

export class DistributeQuestionnaireDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  userIds?: string[];
}

export class QuestionnaireDistributionDto {
  @ApiProperty({ description: 'People notified' })
  recipients: number;
}

export class OptionCountDto {
  @ApiProperty()
  label: string;

  @ApiProperty()
  count: number;
}

export class RatingCountDto {
  @ApiProperty()
  value: number;

  @ApiProperty()
  count: number;
}

export class QuestionResultDto {
  @ApiProperty()
  index: number;

  @ApiProperty({ enum: QUESTION_TYPES })
  type: QuestionType;

  @ApiProperty()
  title: string;

  /** Responses that answered it. */
  @ApiProperty()
  answered: number;

  @ApiPropertyOptional({ type: [OptionCountDto] })
  options?: OptionCountDto[];

  @ApiPropertyOptional({ type: [RatingCountDto] })
  distribution?: RatingCountDto[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Rounded to two decimals' })
  mean?: number | null;

  @ApiPropertyOptional({ type: [String], description: '200 texts at most' })
  texts?: string[];
}

export class QuestionnaireResultsDto {
  @ApiProperty()
  responseCount: number;

  @ApiProperty({ type: [QuestionResultDto] })
  questions: QuestionResultDto[];
}
