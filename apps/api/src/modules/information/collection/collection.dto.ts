import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COLLECTION_REQUEST_STATUSES,
  COLLECTION_SUBMISSION_STATUSES,
  type CollectionRequestStatus,
  type CollectionSubmissionAction,
  type CollectionSubmissionStatus,
} from '@xiaoban/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { AttachmentDto } from '../../../platform/files/files.dto';
import { PageQueryDto } from '../../../platform/http/pagination';
import { RefDto } from '../../../platform/org/org.dto';
import { trim } from '../../../platform/http/transforms';

export class CreateCollectionRequestDto {
  @ApiProperty({ maxLength: 200, example: '关于报送2026年秋季学期工作亮点的通知' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 5000, example: '请各部门于截止日前报送本学期工作亮点，附相关照片。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString()
  deadline: string;

  /** The departments asked. */
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  departmentIds: string[];

  /** A named questionnaire (问卷, ASM-3) as the collection form: each department answers it as its submission. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  questionnaireId?: string;
}

export class SubmitCollectionDto {
  @ApiProperty({ maxLength: 20000, example: '本学期我处组织青年教师教学比赛，共 32 人参赛……' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  content: string;

  /** Uploaded drafts (POST /api/v1/files) to attach. */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class AcceptSubmissionDto {
  /** The publishing list's category (e.g. 校园动态). */
  @ApiProperty({ maxLength: 60, example: '校园动态' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  category: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class ReturnSubmissionDto {
  /** Why: not authentic, not relevant, incomplete… the department sees it. */
  @ApiProperty({ maxLength: 500, example: '数据与教务系统不符，请核实后重新报送' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class QueryCollectionRequestsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COLLECTION_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(COLLECTION_REQUEST_STATUSES)
  status?: CollectionRequestStatus;
}

export class QueryPublishingListDto {
  @ApiPropertyOptional({ maxLength: 60 })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  category?: string;
}

export class CollectionSubmissionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() requestTitle: string;
  @ApiProperty({ type: RefDto }) department: RefDto;
  @ApiProperty() content: string;
  @ApiProperty({ enum: COLLECTION_SUBMISSION_STATUSES }) status: CollectionSubmissionStatus;
  @ApiProperty() round: number;
  @ApiProperty({ nullable: true, type: String }) returnReason: string | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: RefDto }) submittedBy: RefDto;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: RefDto, nullable: true }) reviewedBy: RefDto | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reviewedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) noticeId: string | null;
  /** The department's answers to the request's questionnaire (ASM-3), when the request has one. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) questionnaireResponseId: string | null;
  @ApiProperty({ type: [AttachmentDto] }) attachments: AttachmentDto[];
  /** What the viewer may do now. */
  @ApiProperty({ type: [String], enum: ['accept', 'return', 'resubmit'] }) actions: CollectionSubmissionAction[];
  @ApiProperty() version: number;
}

export class CollectionTargetDto {
  @ApiProperty({ type: RefDto }) department: RefDto;
  /** Null: nothing submitted yet. */
  @ApiProperty({ enum: COLLECTION_SUBMISSION_STATUSES, nullable: true }) status: CollectionSubmissionStatus | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) submissionId: string | null;
  @ApiProperty() reminders: number;
}

/** The questionnaire serving as a request's collection form (INF-1, ASM-3); its link is /q/<code>. */
export class CollectionQuestionnaireDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() code: string;
}

export class CollectionRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty({ enum: COLLECTION_REQUEST_STATUSES }) status: CollectionRequestStatus;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: RefDto }) createdBy: RefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  /** The departments asked, with where each stands; a department sees its own line only. */
  @ApiProperty({ type: [CollectionTargetDto] }) targets: CollectionTargetDto[];
  /** The collection form, if the request uses a questionnaire. */
  @ApiProperty({ type: CollectionQuestionnaireDto, nullable: true }) questionnaire: CollectionQuestionnaireDto | null;
}

export class PublishingItemDto {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() requestTitle: string;
  @ApiProperty({ type: RefDto }) department: RefDto;
  @ApiProperty() content: string;
  @ApiProperty({ format: 'date-time' }) acceptedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) noticeId: string | null;
}

export class PublishingCategoryDto {
  @ApiProperty() category: string;
  @ApiProperty({ type: [PublishingItemDto] }) items: PublishingItemDto[];
}

export class NoticeDraftStartedDto {
  @ApiProperty({ format: 'uuid' }) noticeId: string;
}
