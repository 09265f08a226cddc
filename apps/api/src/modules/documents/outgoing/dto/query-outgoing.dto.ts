import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_SECRECY_LEVELS,
  DOCUMENT_TYPES,
  DOCUMENT_URGENCIES,
  OUTGOING_STATUSES,
  type DocumentSecrecy,
  type DocumentType,
  type DocumentUrgency,
  type OutgoingStatus,
} from '@xiaoban/shared';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../../platform/http/pagination';

/**
 * Filters of the outgoing list and register (DOC-8, DOC-12). `q` matches the number, the title
 * and the text of the body file and PDF/DOCX attachments (unclassified documents only) as a
 * substring; the date range is over the 成文日期, or the drafting date before it has one.
 */
export class QueryOutgoingDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES })
  @IsOptional()
  @IsIn(DOCUMENT_TYPES)
  docType?: DocumentType;

  @ApiPropertyOptional({ enum: OUTGOING_STATUSES })
  @IsOptional()
  @IsIn(OUTGOING_STATUSES)
  status?: OutgoingStatus;

  @ApiPropertyOptional({ enum: DOCUMENT_SECRECY_LEVELS })
  @IsOptional()
  @IsIn(DOCUMENT_SECRECY_LEVELS)
  secrecy?: DocumentSecrecy;

  @ApiPropertyOptional({ enum: DOCUMENT_URGENCIES })
  @IsOptional()
  @IsIn(DOCUMENT_URGENCIES)
  urgency?: DocumentUrgency;

  @ApiPropertyOptional({ format: 'uuid', description: 'Numbered under this 代字' })
  @IsOptional()
  @IsUUID()
  prefixId?: string;

  /** Exact 发文字号. */
  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  number?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  dateFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  dateTo?: string;
}
