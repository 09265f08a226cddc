import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  VISIT_PURPOSES,
  VISITOR_QUESTION_STATUSES,
  isValidIdCardNumber,
  type VisitPurpose,
  type VisitorQuestionStatus,
} from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsDateString,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

const flag = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** The checksum of libs/shared (ISO 7064 MOD 11-2 and a real date of birth); the message never repeats the number. */
@ValidatorConstraint({ name: 'idCardNumber' })
class IdCardNumberRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidIdCardNumber(value);
  }
  defaultMessage(): string {
    return 'idNumber must be a valid 18-character resident ID number';
  }
}

/** A question raised at registration or later. */
export class VisitorQuestionInputDto {
  @ApiProperty({ maxLength: 1000, example: '孩子转学需要准备哪些材料？' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  question: string;

  /** Answered on the spot: the answer given. Leave out and name a department to transfer it. */
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  answer?: string;

  /** Transferred (转办) to this department, which answers it by `dueAt` (default: 3 working days). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString()
  dueAt?: string;
}

export class RegisterVisitDto {
  @ApiProperty({ maxLength: 60, example: '张建国' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  visitorName: string;

  @ApiPropertyOptional({ maxLength: 200, example: '区教育局' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  organisation?: string;

  /**
   * The visitor's resident ID number, checked by its checksum. Only its masked form (last four
   * digits) is stored; the full number is neither stored nor audited nor answered.
   */
  @ApiPropertyOptional({ minLength: 18, maxLength: 18, example: '11010519491231002X' })
  @IsOptional()
  @Transform(trim)
  @Validate(IdCardNumberRule)
  idNumber?: string;

  @ApiProperty({ enum: VISIT_PURPOSES })
  @IsIn(VISIT_PURPOSES)
  purposeCategory: VisitPurpose;

  @ApiProperty({ maxLength: 500, example: '咨询新生入学报名事宜' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  purpose: string;

  /** The person visited; or a department (one of the two is required). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  hostUserId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  hostDepartmentId?: string;

  /** Defaults to now. */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString()
  timeIn?: string;

  /** The visitor acknowledged the confidentiality reminder (保密提醒); required. */
  @ApiProperty({ enum: [true] })
  @IsBoolean()
  @Equals(true, { message: 'the visitor must acknowledge the confidentiality reminder' })
  confidentialityAcknowledged: boolean;

  @ApiPropertyOptional({ type: [VisitorQuestionInputDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => VisitorQuestionInputDto)
  questions?: VisitorQuestionInputDto[];
}

export class SignOutVisitDto {
  /** Defaults to now. */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString()
  timeOut?: string;
}

export class AnswerVisitorQuestionDto {
  @ApiProperty({ maxLength: 2000, example: '需携带户口簿、原学校转出证明，到教务处办理。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  answer: string;
}

export class QueryVisitsDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: VISIT_PURPOSES })
  @IsOptional()
  @IsIn(VISIT_PURPOSES)
  purposeCategory?: VisitPurpose;

  /** Only visitors still in (not signed out). */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(flag)
  @IsIn([true, false])
  inside?: boolean;
}

export class QueryVisitorQuestionsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VISITOR_QUESTION_STATUSES })
  @IsOptional()
  @IsIn(VISITOR_QUESTION_STATUSES)
  status?: VisitorQuestionStatus;

  /** Only transferred questions past their deadline. */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(flag)
  @IsIn([true, false])
  overdue?: boolean;
}

export class QueryVisitStatsDto {
  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true })
  from: string;

  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true })
  to: string;
}

export class VisitorQuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) visitId: string;
  @ApiProperty() visitorName: string;
  @ApiProperty() question: string;
  @ApiProperty({ enum: VISITOR_QUESTION_STATUSES }) status: VisitorQuestionStatus;
  @ApiProperty({ type: RefDto, nullable: true }) department: RefDto | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
  /** Transferred, unanswered and past its deadline. */
  @ApiProperty() overdue: boolean;
  @ApiProperty({ nullable: true, type: String }) answer: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) answeredBy: RefDto | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) answeredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class VisitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() visitorName: string;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  /** Only the masked form, e.g. '**************1234'. */
  @ApiProperty({ nullable: true, type: String, example: '**************002X' }) idNumberMasked: string | null;
  @ApiProperty({ enum: VISIT_PURPOSES }) purposeCategory: VisitPurpose;
  @ApiProperty() purpose: string;
  @ApiProperty({ type: RefDto, nullable: true }) hostUser: RefDto | null;
  @ApiProperty({ type: RefDto, nullable: true }) hostDepartment: RefDto | null;
  @ApiProperty({ format: 'date-time' }) timeIn: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) timeOut: string | null;
  @ApiProperty({ format: 'date-time' }) confidentialityAcknowledgedAt: string;
  @ApiProperty({ type: RefDto }) registeredBy: RefDto;
  @ApiProperty({ type: [VisitorQuestionDto] }) questions: VisitorQuestionDto[];
}

export class CountDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class VisitStatsDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [CountDto], description: 'key: purpose category' }) byPurpose: CountDto[];
  @ApiProperty({ type: [CountDto], description: 'key: department id (the host department, or the host person’s); "" for none' })
  byDepartment: CountDto[];
  @ApiProperty({ type: [CountDto], description: 'key: school date YYYY-MM-DD' }) byDay: CountDto[];
  @ApiProperty({ type: [CountDto], description: 'key: YYYY-MM' }) byMonth: CountDto[];
}
