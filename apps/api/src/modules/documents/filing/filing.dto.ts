import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_SECRECY_LEVELS, RETENTION_PERIODS, type DocumentSecrecy } from '@xiaoban/shared';

/** A document ready to file (待归档, DOC-11). */
export class FilingCandidateDto {
  @ApiProperty({ example: 'incoming-document' })
  kind: string;

  @ApiProperty({ example: '收文' })
  kindLabel: string;

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  number: string | null;

  /** Empty when the document is above the viewer's clearance (`titleHidden`). */
  @ApiProperty()
  title: string;

  @ApiProperty()
  titleHidden: boolean;

  @ApiProperty({ enum: DOCUMENT_SECRECY_LEVELS })
  secrecy: DocumentSecrecy;

  @ApiProperty({ enum: RETENTION_PERIODS })
  retention: string;

  @ApiProperty({ format: 'date' })
  documentDate: string;

  @ApiProperty({ format: 'date-time' })
  readyToFileAt: string;
}
