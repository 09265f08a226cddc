import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RefDto } from '../org/org.dto';

const flag = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** A file as a list of attachments shows it. */
export class AttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026年春季学期校历.pdf', description: 'The name it was uploaded with' })
  name: string;

  @ApiProperty({ description: 'Bytes' })
  size: number;

  @ApiProperty({ example: 'application/pdf', description: 'Detected from the content' })
  contentType: string;
}

/** A stored file (PLT-5). */
export class FileDto extends AttachmentDto {
  @ApiProperty({ description: 'SHA-256 of the content, hex', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  sha256: string;

  @ApiProperty({ description: 'Encrypted at rest (files of classified objects)' })
  encrypted: boolean;

  @ApiProperty({ description: 'Not attached to anything yet: only its uploader sees it, and it is removed after a day' })
  draft: boolean;

  @ApiProperty({ type: RefDto })
  uploadedBy: RefDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class UploadFileQueryDto {
  /** For an attachment of a classified item: encrypt it from the start rather than when attached. */
  @ApiPropertyOptional({ description: 'Encrypt at rest from the start (for an attachment of a classified item)' })
  @IsOptional()
  @Transform(flag)
  @IsIn([true, false])
  classified?: boolean;
}

export class DownloadFileQueryDto {
  /** Files of classified objects are always watermarked where their type allows. */
  @ApiPropertyOptional({ description: "Mark a PDF or image with the viewer's name and the time" })
  @IsOptional()
  @Transform(flag)
  @IsIn([true, false])
  watermark?: boolean;
}

export class ListFilesQueryDto {
  @ApiProperty({ example: 'message', description: 'Resource type of the owning object' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  ownerType: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  ownerId: string;
}

/** The multipart body of an upload, for the OpenAPI document. */
export class UploadFileBodyDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The file; its type is detected from the content' })
  file: unknown;
}
