import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_SECRECY_LEVELS,
  DOCUMENT_TYPES,
  DOCUMENT_URGENCIES,
  INCOMING_STATUSES,
  type DocumentSecrecy,
  type DocumentType,
  type DocumentUrgency,
  type IncomingStatus,
} from '@xiaoban/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../../platform/http/pagination';

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * Filters of the incoming list and register (DOC-8, DOC-12). `q` matches the internal number,
 * the sender's number, the title, the source organisation and the text of attached PDF/DOCX files
 * (unclassified documents only) as a substring (2+ Chinese
 * characters work); with `q`, `total` is capped at 1,000.
 */
export class QueryIncomingDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES })
  @IsOptional()
  @IsIn(DOCUMENT_TYPES)
  docType?: DocumentType;

  @ApiPropertyOptional({ enum: DOCUMENT_URGENCIES })
  @IsOptional()
  @IsIn(DOCUMENT_URGENCIES)
  urgency?: DocumentUrgency;

  @ApiPropertyOptional({ enum: DOCUMENT_SECRECY_LEVELS })
  @IsOptional()
  @IsIn(DOCUMENT_SECRECY_LEVELS)
  secrecy?: DocumentSecrecy;

  @ApiPropertyOptional({ enum: INCOMING_STATUSES })
  @IsOptional()
  @IsIn(INCOMING_STATUSES)
  status?: IncomingStatus;

  /** Exact internal number or sender's number. */
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  number?: string;

  /** Received on or after (YYYY-MM-DD). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  receivedFrom?: string;

  /** Received on or before (YYYY-MM-DD). */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true })
  receivedTo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  major?: boolean;
}
