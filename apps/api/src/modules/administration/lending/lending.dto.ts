import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOAN_STATUSES, SECRECY_LEVELS, type LoanStatus, type SecrecyLevel } from '@xiaoban/shared';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

const flag = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** A loan application (借阅申请, ADM-10), registered by the office for a borrower. */
export class ApplyLoanDto {
  /** A lendable kind (see listLendableKinds), e.g. `incoming-document`. */
  @ApiProperty({ maxLength: 60, example: 'incoming-document' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  itemKind: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId: string;

  /** 借阅人 */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  borrowerId: string;

  /** 借阅事由 */
  @ApiProperty({ maxLength: 500, example: '起草学校保密工作自查报告需查阅原文' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  purpose: string;

  /** 归还期限 (a school date, after today). */
  @ApiProperty({ format: 'date', example: '2026-05-20' })
  @IsDateString({ strict: true })
  dueOn: string;
}

export class ReturnLoanDto {
  /** 归还情况 (e.g. 完好, 无复制). */
  @ApiPropertyOptional({ maxLength: 500, example: '原件完好，无复制' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class QueryLoansDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LOAN_STATUSES })
  @IsOptional()
  @IsIn(LOAN_STATUSES)
  status?: LoanStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  borrowerId?: string;

  /** Only loans past their due date and not returned. */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(flag)
  @IsIn([true, false])
  overdue?: boolean;
}

export class LendableKindDto {
  @ApiProperty() kind: string;
  @ApiProperty() label: string;
  @ApiProperty() labelEn: string;
}

export class LoanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() itemKind: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() itemTitle: string;
  @ApiProperty({ enum: SECRECY_LEVELS }) itemSecrecy: SecrecyLevel;
  @ApiProperty({ type: RefDto }) borrower: RefDto;
  @ApiProperty({ type: RefDto }) applicant: RefDto;
  @ApiProperty() purpose: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: LOAN_STATUSES }) status: LoanStatus;
  /** On loan past the due date. */
  @ApiProperty() overdue: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) approvalRequestId: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lentAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) returnedAt: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) returnedTo: RefDto | null;
  @ApiProperty({ nullable: true, type: String }) returnNote: string | null;
  /** What the viewer may do now (`return`). */
  @ApiProperty({ type: [String], enum: ['return'] }) actions: 'return'[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}
